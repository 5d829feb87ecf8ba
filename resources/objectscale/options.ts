/**
 * Options of the ObjectScale plugin, their defaults, and the session settings ObjectScale needs.
 *
 * @module
 */
import "reflect-metadata";
import { IsOptional } from "../../lib/validation/libraries.js";
import { ValidationError, type ValidationIssue } from "../../lib/errors.js";
import { IsSdkEnum, IsText } from "../../lib/validation/index.js";
import { collectIssues } from "../../lib/validation/collectIssues.js";
import { compileDto } from "../../lib/validation/compile.js";
import type { SessionOptions } from "../../lib/Session.js";
import { DEFAULT_INCLUDE_OLDER_VERSIONS_PARAMETER } from "./operations/queryObjects.js";
import type { QuoteStyle } from "./query/literals.js";
import { defineRule } from "../../lib/validation/index.js";
import { Is } from "./validation/rules.js";

/** Options of {@link objectScale}. */
export interface ObjectScaleOptions {
  /**
   * The namespace of every request. Default: none, so ObjectScale uses the namespace of the
   * authenticated user (reference §1.1).
   */
  namespace?: string;
  /**
   * How the namespace travels: `"header"` sends `x-emc-namespace` (the usual choice, needed with
   * path-style addressing); `"host"` adds it as a host label, `bucket.namespace.base` with virtual
   * hosts or `namespace.base/bucket` in path style, which needs DNS for those names and lets
   * presigned URLs carry the namespace. An endpoint whose host already starts with the namespace
   * is left alone. IP-address endpoints and `ping` always use the header.
   * @default "header"
   */
  namespaceAddressing?: "header" | "host";
  /**
   * The query parameter of `IncludeOlderVersions` in `queryObjects` (reference §15.1: the ECS 3.8
   * reference and Dell's Java/.NET clients say `include-older-versions`; the 3.6 guide says
   * `include_older_version`, the Go client `include-older-version`).
   * @default "include-older-versions"
   */
  includeOlderVersionsParameter?: string;
  /**
   * The header of `CreateBucket`'s `replicationGroup` (reference §15.2: Dell's docs, Java and .NET
   * say `x-emc-dataservice-vpool`; the Go client and the ViPR legacy `x-emc-vpool`).
   * @default "x-emc-dataservice-vpool"
   */
  replicationGroupHeader?: string;
  /**
   * The quote of string literals when a built `MetadataQuery` is sent (reference §15.5).
   * @default "'"
   */
  queryQuote?: QuoteStyle;
}

/** {@link ObjectScaleOptions} with every default applied. */
export interface ResolvedObjectScaleOptions {
  readonly namespace: string | undefined;
  readonly namespaceAddressing: "header" | "host";
  readonly includeOlderVersionsParameter: string;
  readonly replicationGroupHeader: string;
  readonly queryQuote: QuoteStyle;
}

/**
 * Session settings an ObjectScale session needs, to merge into the session's options: the SDK's
 * default flexible checksums (CRC32 trailers over `aws-chunked` bodies) are rejected by ECS
 * (`XAmzContentSHA256Mismatch`, `UnexpectedContent`; reference §1.4), and would be wrong by
 * construction for byte-range writes.
 *
 * @example
 * ```ts
 * const plugin = objectScale({ namespace: "ns1" });
 * const session = new Session({ ...plugin.sessionDefaults, endpoint, forcePathStyle: true });
 * plugin.install(session);
 * ```
 */
export const OBJECTSCALE_SESSION_DEFAULTS = {
  requestChecksumCalculation: "WHEN_REQUIRED",
  responseChecksumValidation: "WHEN_REQUIRED",
} as const satisfies Partial<SessionOptions>;

/** The type of {@link OBJECTSCALE_SESSION_DEFAULTS}. */
export type ObjectScaleSessionDefaults = typeof OBJECTSCALE_SESSION_DEFAULTS;

const HEADER_NAME = /^x-[a-z0-9-]+$/;
const QUERY_NAME = /^[A-Za-z0-9._~-]+$/;

class ObjectScaleOptionsParams {
  @IsOptional() @IsText({ min: 1, max: 255 }) @Is(namespaceRule()) namespace?: string;
  @IsOptional() @IsSdkEnum({ header: "header", host: "host" }) namespaceAddressing?: string;
  @IsOptional()
  @Is(pattern(QUERY_NAME, "a query parameter name of letters, digits and - . _ ~"))
  includeOlderVersionsParameter?: string;
  @IsOptional()
  @Is(pattern(HEADER_NAME, 'a lower-case header name starting with "x-"'))
  replicationGroupHeader?: string;
  @IsOptional() @IsSdkEnum({ single: "'", double: '"' }) queryQuote?: string;
}

/**
 * Checks the options and applies the defaults.
 *
 * @example
 * ```ts
 * resolveOptions({ namespace: "ns1" }).namespaceAddressing; // "header"
 * ```
 * @throws {@link ValidationError} (subject `objectScale options`) naming each bad option.
 */
export function resolveOptions(options: ObjectScaleOptions): ResolvedObjectScaleOptions {
  const issues: ValidationIssue[] = [];
  collectIssues(compileDto(ObjectScaleOptionsParams), options, "", issues);
  if (issues.length > 0) throw new ValidationError("objectScale options", issues);
  return Object.freeze({
    namespace: options.namespace,
    namespaceAddressing: options.namespaceAddressing ?? "header",
    includeOlderVersionsParameter:
      options.includeOlderVersionsParameter ?? DEFAULT_INCLUDE_OLDER_VERSIONS_PARAMETER,
    replicationGroupHeader: options.replicationGroupHeader ?? "x-emc-dataservice-vpool",
    queryQuote: options.queryQuote ?? "'",
  });
}

function pattern(re: RegExp, expected: string) {
  return defineRule({ name: "matchesPattern", expected, test: (v) => typeof v === "string" && re.test(v) });
}

/** A namespace: one DNS label when it goes into the host, else a header-safe name. */
function namespaceRule() {
  return defineRule({
    name: "isNamespace",
    expected:
      "letters, digits, '-', '_' or '.'; with namespaceAddressing \"host\", one DNS label (letters, digits, '-')",
    test: (v, object) => {
      if (typeof v !== "string") return false;
      const host = (object as ObjectScaleOptions).namespaceAddressing === "host";
      return host ? /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(v) : /^[A-Za-z0-9._-]+$/.test(v);
    },
  });
}

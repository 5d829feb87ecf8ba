/**
 * Rules for members that end up in HTTP headers with a syntax of their own: user metadata,
 * byte ranges and policy documents.
 *
 * @module
 */
import { defineRule, ruleDecorator, type Rule, type RuleFinding } from "../Rule.js";
import { keyPath } from "../render.js";
import { isStructureValue } from "./scalars.js";

/** An HTTP token (RFC 9110 §5.6.2): what a header name may contain. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/**
 * Anything but tab and printable ASCII: control characters would split or break the header, and
 * S3 takes metadata values as US-ASCII (Node.js refuses characters above U+00FF in a header and
 * sends U+0080-U+00FF as single bytes, which break the SigV4 signature or come back garbled).
 */
const BAD_HEADER_VALUE = /[^\t\x20-\x7e]/;

const MAP_EXPECTED = "an object of string values with header-safe names";
const NAME_EXPECTED =
  "a header-safe metadata name (letters, digits and !#$%&'*+-.^_`|~; no spaces, colons or control characters)";
const VALUE_EXPECTED =
  "a string of printable ASCII characters (no line breaks, control or non-ASCII characters: encode them, such as with encodeURIComponent)";
const DISTINCT_EXPECTED = "a name used once (metadata names are case-insensitive)";

function isMetadataMap(value: unknown): boolean {
  if (!isStructureValue(value)) return false;
  let count = 0;
  for (const name in value) {
    if (!Object.prototype.hasOwnProperty.call(value, name)) continue;
    const entry = value[name];
    if (!HEADER_NAME.test(name) || typeof entry !== "string" || BAD_HEADER_VALUE.test(entry)) return false;
    count++;
  }
  return count < 2 || distinctNames(Object.keys(value));
}

function distinctNames(names: readonly string[]): boolean {
  return new Set(names.map((n) => n.toLowerCase())).size === names.length;
}

function metadataFindings(value: unknown): RuleFinding[] {
  if (!isStructureValue(value)) return [{ path: "", expected: MAP_EXPECTED, value }];
  const findings: RuleFinding[] = [];
  const seen = new Set<string>();
  for (const name of Object.keys(value)) {
    const entry = value[name];
    const lower = name.toLowerCase();
    if (!HEADER_NAME.test(name))
      findings.push({ path: keyPath("", name), expected: NAME_EXPECTED, value: name });
    else if (seen.has(lower))
      findings.push({ path: keyPath("", name), expected: DISTINCT_EXPECTED, value: name });
    else if (typeof entry !== "string" || BAD_HEADER_VALUE.test(entry)) {
      findings.push({ path: keyPath("", name), expected: VALUE_EXPECTED, value: entry });
    }
    seen.add(lower);
  }
  return findings;
}

/**
 * User metadata (`x-amz-meta-*`): an object whose names are HTTP tokens, each used once ignoring
 * case, and whose values are strings of tab and printable ASCII. A failure names each bad entry,
 * as `Metadata["bad name"]`.
 */
export const metadataMap: Rule = defineRule({
  name: "isMetadataMap",
  expected: MAP_EXPECTED,
  test: isMetadataMap,
  explain: metadataFindings,
});

const BYTE_RANGE = /^bytes=(?:(\d{1,16})-(\d{0,16})|-(\d{1,16}))$/;

/** Which forms of {@link IsByteRange} are allowed. */
export interface ByteRangeOptions {
  /**
   * Allow only `bytes=first-last` (as `CopySourceRange` requires), not the open `bytes=first-`
   * or the suffix `bytes=-length`.
   * @default false
   */
  readonly closed?: boolean;
}

/** Makes the rule behind {@link IsByteRange}. */
export function byteRangeRule(options: ByteRangeOptions = {}): Rule {
  const closed = options.closed === true;
  return defineRule({
    name: "isByteRange",
    expected: closed
      ? 'a byte range "bytes=first-last" with first <= last'
      : 'a byte range "bytes=first-last" (first <= last), "bytes=first-" or "bytes=-length" (length >= 1)',
    test: (value) => {
      if (typeof value !== "string") return false;
      const match = BYTE_RANGE.exec(value);
      if (match === null) return false;
      const [, first, last, suffix] = match;
      if (suffix !== undefined) return !closed && Number(suffix) >= 1;
      if (last === "" || last === undefined) return !closed;
      return Number(first) <= Number(last);
    },
  });
}

function isPolicyDocument(value: unknown): boolean {
  if (typeof value !== "string" || value.trim() === "") return false;
  try {
    return isStructureValue(JSON.parse(value));
  } catch {
    return false;
  }
}

/** A bucket policy: a string holding a JSON object. */
export const policyDocument: Rule = defineRule({
  name: "isPolicyDocument",
  expected: "a string holding a JSON policy object",
  test: isPolicyDocument,
});

/**
 * The property is a user-metadata map (`Metadata`) with header-safe names and values.
 *
 * @example
 * ```ts
 * class PutObjectParams {
 *   @IsOptional() @IsMetadataMap() Metadata?: Record<string, string>;
 * }
 * ```
 */
export function IsMetadataMap(): PropertyDecorator {
  return ruleDecorator(metadataMap);
}

/**
 * The property is an HTTP byte range: `bytes=a-b`, `bytes=a-` or `bytes=-n`.
 *
 * @example
 * ```ts
 * class GetObjectParams {
 *   @IsOptional() @IsByteRange() Range?: string;
 * }
 * ```
 */
export function IsByteRange(options?: ByteRangeOptions): PropertyDecorator {
  return ruleDecorator(byteRangeRule(options));
}

/**
 * The property is a bucket policy document: a string holding a JSON object.
 *
 * @example
 * ```ts
 * class PutBucketPolicyParams {
 *   @IsPolicyDocument() Policy!: string;
 * }
 * ```
 */
export function IsPolicyDocument(): PropertyDecorator {
  return ruleDecorator(policyDocument);
}

/**
 * The checks a managed transfer makes before its first request: the bucket, key and `params` of
 * the object it writes or reads, the copy source, and the options.
 *
 * @module
 */
import type { S3ServiceClient } from "../client/ClientFactory.js";
import { ValidationError, type ValidationIssue } from "../errors.js";
import { validateParams } from "../validation/index.js";
import { transferConfigIssues } from "./config.js";
import { transferOptionIssues, type TransferOptions } from "./options.js";

/** What a transfer addresses, as its caller passed it. */
export interface TransferTarget {
  readonly bucket: unknown;
  readonly key: unknown;
  readonly params?: unknown;
  /** The object a copy reads. */
  readonly source?: unknown;
}

/**
 * Checks a transfer's arguments and options, so that bad input fails at once, with nothing sent,
 * rather than as a `TransferError` after a multipart upload was started. The target is checked
 * like the input of `operation` (`CreateMultipartUpload` for uploads and copies, `HeadObject` for
 * downloads), the copy source like a HeadObject. Fields are named as the caller wrote them:
 * `bucket`, `key`, `params.Metadata["a b"]`, `source.Key`, `partSize`.
 *
 * Argument checks follow the client's `validate` setting; the options are always checked, as
 * `TransferConfig` always was.
 *
 * @example
 * ```ts
 * checkTransferCall(client, "uploadFile", { bucket: "logs", key: "" }, "CreateMultipartUpload", {});
 * // ValidationError: uploadFile input is invalid:
 * //  - key: expected a non-empty string of at most 1024 UTF-8 bytes, received ""
 * ```
 * @throws {@link ValidationError} listing every bad argument and option.
 * @internal
 */
export function checkTransferCall(
  client: S3ServiceClient,
  method: string,
  target: TransferTarget,
  operation: "CreateMultipartUpload" | "HeadObject",
  options: (TransferOptions & { size?: unknown }) | undefined,
): void {
  const issues: ValidationIssue[] = [];
  if (client.meta.validate) {
    const params: unknown = target.params ?? {};
    if (typeof params !== "object" || params === null || Array.isArray(params)) {
      issues.push({ field: "params", expected: "an object of request members", received: typeof params });
    } else {
      collect(issues, operation, { ...params, Bucket: target.bucket, Key: target.key }, (field) =>
        field === "Bucket" ? "bucket" : field === "Key" ? "key" : `params.${field}`,
      );
    }
    if ("source" in target) checkSource(issues, target.source);
  }
  if (options !== undefined && options !== null) {
    issues.push(...transferConfigIssues(options), ...transferOptionIssues(options));
  }
  if (issues.length > 0) throw new ValidationError(method, issues);
}

function checkSource(issues: ValidationIssue[], source: unknown): void {
  if (typeof source !== "object" || source === null) {
    issues.push({
      field: "source",
      expected: "an object { Bucket, Key, VersionId? }",
      received: typeof source,
    });
    return;
  }
  const { Bucket, Key, VersionId } = source as Record<string, unknown>;
  const input = VersionId === undefined ? { Bucket, Key } : { Bucket, Key, VersionId };
  collect(issues, "HeadObject", input, (field) => `source.${field}`);
}

function collect(
  issues: ValidationIssue[],
  operation: string,
  input: object,
  rename: (field: string) => string,
): void {
  try {
    validateParams(operation, input);
  } catch (error) {
    if (!ValidationError.is(error)) throw error;
    issues.push(...error.issues.map((issue) => ({ ...issue, field: rename(issue.field) })));
  }
}

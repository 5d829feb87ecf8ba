/**
 * Options and results of the managed transfers.
 *
 * @module
 */
import type { CallOptions, S3ClientInput } from "../client/s3/types.js";
import type { ValidationIssue } from "../errors.js";
import { renderValue } from "../validation/render.js";
import type { TransferConfig } from "./config.js";
import type { TransferProgress } from "./events.js";

/** What every managed transfer accepts: the {@link TransferConfig} settings, cancellation and progress. */
export interface TransferOptions extends TransferConfig {
  /**
   * Cancels the transfer: every request in flight is aborted, a started multipart upload is
   * aborted on the server and a partial download file is removed, then the call rejects with
   * `TransferAbortedError`.
   */
  abortSignal?: AbortSignal;
  /** Called with each progress report, like the `transfer-progress` event. Keep it cheap. */
  onProgress?: (progress: TransferProgress) => void;
  /**
   * Milliseconds each request may take until its response's headers arrive (the SDK retries one
   * that takes longer), and, for downloads, the longest silence while a body is read (the range
   * is then read again). No limit by default.
   */
  requestTimeout?: number;
}

/**
 * Members of the object written by an upload or a copy (`ContentType`, `Metadata`, `ACL`,
 * `StorageClass`, SSE settings, `Tagging`, ...): those PutObject and CreateMultipartUpload share.
 * SSE-C key members are passed on to every part.
 */
export type UploadParams = Partial<
  Omit<S3ClientInput<"CreateMultipartUpload">, "Bucket" | "Key" | "ChecksumType">
>;

/** A body `uploadStream` accepts: a Node.js `Readable`, or any async iterable of bytes or strings. */
export type UploadBody = AsyncIterable<Uint8Array | string>;

/** Options of `uploadFile`, `uploadStream`. */
export interface UploadOptions extends TransferOptions {
  /** Members of the object written; see {@link UploadParams}. */
  params?: UploadParams;
}

/** Options of `uploadStream`. */
export interface UploadStreamOptions extends UploadOptions {
  /**
   * The stream's length, when known: the part size is then raised so that 10,000 parts suffice.
   * Without it, parts are `partSize` bytes, so a stream may hold at most 10,000 × `partSize` bytes.
   */
  size?: number;
}

/** Members of the GET requests of a download: the version, SSE-C keys, `RequestPayer`, `ExpectedBucketOwner`. */
export type DownloadParams = Partial<
  Pick<
    S3ClientInput<"GetObject">,
    | "VersionId"
    | "SSECustomerAlgorithm"
    | "SSECustomerKey"
    | "SSECustomerKeyMD5"
    | "RequestPayer"
    | "ExpectedBucketOwner"
  >
>;

/** Options of `downloadFile`, `downloadStream`. */
export interface DownloadOptions extends TransferOptions {
  /** Members of the GET requests; see {@link DownloadParams}. */
  params?: DownloadParams;
  /**
   * `downloadFile` only: fsync the temporary file before renaming it into place, so that a crash
   * of the machine right after the call returns cannot leave a short or empty file under the
   * name. Off by default, as in boto3, the AWS CLI and curl: it costs about 0.35 ms per MiB here
   * (10% of a 256 MiB download). Without it the rename still makes the file appear whole or not at
   * all to other processes.
   * @default false
   */
  fsync?: boolean;
}

/** The object a copy reads. */
export interface CopySource {
  Bucket: string;
  Key: string;
  /** A version of the source; the current one by default. */
  VersionId?: string;
}

/** Options of `copy`. */
export interface CopyOptions extends TransferOptions {
  /**
   * Members of the object written. Without `Metadata` or `ContentType` the source's are kept (a
   * multipart copy sets them from HeadObject on the source, since UploadPartCopy copies data only).
   */
  params?: UploadParams;
}

/** What a managed transfer did. */
export interface TransferResult {
  readonly bucket: string;
  readonly key: string;
  /** Bytes moved. */
  readonly size: number;
  /** The object's ETag (with its quotes, as S3 sends it). */
  readonly etag: string | undefined;
  /** The version written (upload, copy) or read (download), on versioned buckets. */
  readonly versionId: string | undefined;
  /** Parts or ranges used; 1 for a single request. */
  readonly parts: number;
  /** The multipart upload, for multipart uploads and copies. */
  readonly uploadId: string | undefined;
}

/** @internal */
export function callOptions(signal: AbortSignal, options: TransferOptions): CallOptions {
  return options.requestTimeout === undefined
    ? { abortSignal: signal }
    : { abortSignal: signal, requestTimeout: options.requestTimeout };
}

/**
 * What is wrong with the members of `options` beside the {@link TransferConfig} settings:
 * `abortSignal` must be an `AbortSignal`, `onProgress` a function, `fsync` a boolean,
 * `requestTimeout` and `size` non-negative safe integers. Absent or `null` members are not checked.
 *
 * @example
 * ```ts
 * transferOptionIssues({ requestTimeout: -1 }); // [{ field: "requestTimeout", ... }]
 * ```
 * @internal
 */
export function transferOptionIssues(
  options: TransferOptions & { size?: unknown; fsync?: unknown },
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const given = (value: unknown) => value !== undefined && value !== null;
  const { abortSignal, onProgress, requestTimeout, size, fsync } = options as Record<string, unknown>;
  if (given(fsync) && typeof fsync !== "boolean")
    issues.push({ field: "fsync", expected: "true or false", received: renderValue(fsync) });
  if (given(abortSignal) && !(abortSignal instanceof AbortSignal))
    issues.push({ field: "abortSignal", expected: "an AbortSignal", received: renderValue(abortSignal) });
  if (given(onProgress) && typeof onProgress !== "function")
    issues.push({ field: "onProgress", expected: "a function", received: renderValue(onProgress) });
  for (const [field, value] of [
    ["requestTimeout", requestTimeout],
    ["size", size],
  ] as const) {
    if (given(value) && (!Number.isSafeInteger(value) || (value as number) < 0))
      issues.push({ field, expected: "a non-negative integer", received: renderValue(value) });
  }
  return issues;
}

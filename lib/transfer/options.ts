/**
 * Options and results of the managed transfers.
 *
 * @module
 */
import type { CallOptions, S3ClientInput } from "../client/s3/types.js";
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

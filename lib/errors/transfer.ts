/**
 * Errors of managed transfers.
 *
 * @module
 */
import { ObjectScaleResourcesError, type ErrorCode } from "./base.js";

/** Where a managed transfer failed: what was moved, and the multipart state it left. */
export interface TransferErrorDetails {
  /** `upload`, `download` or `copy`. */
  readonly direction: "upload" | "download" | "copy";
  readonly bucket: string;
  readonly key: string;
  /** The local file, for `uploadFile` and `downloadFile`. */
  readonly path?: string;
  /** The multipart upload that was started, when there was one. */
  readonly uploadId?: string;
  /** The part (or download range, counting from 1) that failed, when one did. */
  readonly partNumber?: number;
  /** True when `uploadId` was aborted on the server, so no parts are left behind. */
  readonly uploadAborted?: boolean;
  /** The error of the AbortMultipartUpload that should have cleaned up, when it failed too. */
  readonly abortError?: unknown;
}

/**
 * A managed transfer (`uploadFile`, `downloadFile`, `uploadStream`, `downloadStream`, `copy`)
 * failed. `cause` is the failure itself (an SDK error, a file-system error); the details say which
 * part failed and whether the multipart upload was aborted. A partial download file is always
 * removed before this is thrown.
 *
 * @example
 * ```ts
 * // TransferError: upload of s3://logs/app.log failed at part 7 (multipart upload 2~abc aborted): InternalError
 * try {
 *   await client.uploadFile("./app.log", "logs", "app.log");
 * } catch (err) {
 *   if (!TransferError.is(err)) throw err;
 *   console.error(err.partNumber, err.uploadId, err.uploadAborted, err.cause);
 * }
 * ```
 */
export class TransferError extends ObjectScaleResourcesError implements TransferErrorDetails {
  readonly direction: TransferErrorDetails["direction"];
  readonly bucket: string;
  readonly key: string;
  readonly path?: string;
  readonly uploadId?: string;
  readonly partNumber?: number;
  readonly uploadAborted?: boolean;
  readonly abortError?: unknown;

  constructor(
    details: TransferErrorDetails,
    detail: string,
    options?: ErrorOptions,
    code: ErrorCode = "TRANSFER_FAILED",
  ) {
    const part = details.partNumber !== undefined ? ` at part ${details.partNumber}` : "";
    const upload =
      details.uploadId === undefined
        ? ""
        : details.uploadAborted
          ? ` (multipart upload ${details.uploadId} aborted)`
          : ` (multipart upload ${details.uploadId} NOT aborted: abort it or let a lifecycle rule expire it)`;
    super(
      code,
      `${details.direction} of s3://${details.bucket}/${details.key} failed${part}${upload}: ${detail}`,
      options,
    );
    this.direction = details.direction;
    this.bucket = details.bucket;
    this.key = details.key;
    if (details.path !== undefined) this.path = details.path;
    if (details.uploadId !== undefined) this.uploadId = details.uploadId;
    if (details.partNumber !== undefined) this.partNumber = details.partNumber;
    if (details.uploadAborted !== undefined) this.uploadAborted = details.uploadAborted;
    if (details.abortError !== undefined) this.abortError = details.abortError;
  }
}

/**
 * A managed transfer was cancelled through its `abortSignal`; `cause` is the signal's reason.
 * Everything in flight is cancelled and cleaned up (the multipart upload aborted, a partial
 * download removed) before it is thrown. It is a {@link TransferError}, so check for it first.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(), 10_000);
 * try {
 *   await client.downloadFile("backups", "db.dump", "./db.dump", { abortSignal: controller.signal });
 * } catch (err) {
 *   if (TransferAbortedError.is(err)) console.log("cancelled", err.uploadAborted);
 *   else throw err;
 * }
 * ```
 */
export class TransferAbortedError extends TransferError {
  constructor(details: TransferErrorDetails, options?: ErrorOptions) {
    super(details, "aborted by its AbortSignal", options, "TRANSFER_ABORTED");
  }
}

/**
 * What arrived is not what was sent: an ETag that is not the MD5 of the part, a download of the
 * wrong size. Retried per part (`partAttempts`) before it is raised.
 *
 * @example
 * ```ts
 * try {
 *   await client.uploadFile("./db.dump", "backups", "db.dump", { partAttempts: 3 });
 * } catch (err) {
 *   if (TransferIntegrityError.is(err)) console.error(err.partNumber, err.expected, err.received);
 *   else throw err;
 * }
 * ```
 */
export class TransferIntegrityError extends TransferError {
  constructor(
    details: TransferErrorDetails,
    /** What was expected, such as an MD5 or a size. */
    readonly expected: string,
    /** What the server sent or what was written. */
    readonly received: string,
    what: string,
  ) {
    super(details, `${what}: expected ${expected}, received ${received}`, undefined, "TRANSFER_INTEGRITY");
  }
}

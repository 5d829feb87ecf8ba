import {
  TransferAbortedError,
  TransferError,
  TransferIntegrityError,
  type TransferErrorDetails,
} from "../errors.js";
import { Mismatch } from "./integrity.js";
import type { MultipartWriter } from "./MultipartWriter.js";
import { PartFailure } from "./runBounded.js";

/**
 * Cleans up after a failed transfer and says what failed: aborts the multipart upload (if one was
 * started), then builds the {@link TransferError} to throw (aborted, integrity, or other), naming
 * the part and whether the abort worked.
 *
 * @internal
 */
export async function transferFailure(
  details: TransferErrorDetails,
  error: unknown,
  signal: AbortSignal | undefined,
  writer: MultipartWriter | undefined,
  requestTimeout?: number,
): Promise<TransferError> {
  let cause = error;
  const full: { -readonly [K in keyof TransferErrorDetails]: TransferErrorDetails[K] } = { ...details };
  if (cause instanceof PartFailure) {
    full.partNumber = cause.partNumber;
    cause = cause.cause;
  }
  if (writer !== undefined && !writer.completed) {
    const outcome = await writer.abort(requestTimeout === undefined ? {} : { requestTimeout });
    full.uploadId = writer.uploadId;
    full.uploadAborted = outcome.aborted;
    if (!outcome.aborted) full.abortError = outcome.error;
  }
  if (TransferError.is(cause)) return cause;
  if (signal?.aborted) return new TransferAbortedError(full, { cause: signal.reason });
  if (cause instanceof Mismatch) {
    const integrity = new TransferIntegrityError(full, cause.expected, cause.received, cause.what);
    return integrity;
  }
  const name = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return new TransferError(full, name, { cause });
}

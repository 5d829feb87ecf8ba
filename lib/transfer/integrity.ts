/**
 * Integrity checks of managed transfers: MD5 against ETags, sizes against lengths.
 *
 * @module
 */
import { createHash } from "node:crypto";

/** A check that failed inside a part; the transfer turns it into a `TransferIntegrityError`. @internal */
export class Mismatch extends Error {
  constructor(
    readonly what: string,
    readonly expected: string,
    readonly received: string,
  ) {
    super(`${what}: expected ${expected}, received ${received}`);
  }
}

/** The MD5 of `data`. @internal */
export function md5(data: Uint8Array): Buffer {
  return createHash("md5").update(data).digest();
}

/** An ETag without its quotes. @internal */
export function unquote(etag: string | undefined): string | undefined {
  return etag?.replace(/^"|"$/g, "");
}

/**
 * Whether the server's ETags are content MD5s: not under SSE-KMS or SSE-C, where S3 makes them
 * opaque. @internal
 */
export function etagIsMd5(params: { ServerSideEncryption?: string; SSECustomerAlgorithm?: string }): boolean {
  return (
    params.SSECustomerAlgorithm === undefined && !String(params.ServerSideEncryption ?? "").includes("kms")
  );
}

/**
 * Throws a {@link Mismatch} when `etag` is present and differs from the hex MD5 `expected`.
 * @internal
 */
export function checkEtag(what: string, etag: string | undefined, expected: string): void {
  const received = unquote(etag);
  if (received === undefined) throw new Mismatch(what, expected, "no ETag");
  if (received.toLowerCase() !== expected) throw new Mismatch(what, expected, received);
}

/** The ETag S3 gives a multipart object: the MD5 of the parts' binary MD5s, a dash, the count. @internal */
export function multipartEtag(partMd5s: readonly Buffer[]): string {
  return `${md5(Buffer.concat(partMd5s)).toString("hex")}-${partMd5s.length}`;
}

/**
 * Whether an error is worth another attempt of the same part: an integrity mismatch, or a failure
 * without an HTTP status (a broken connection or body). Errors with a status were already retried
 * by the SDK where that made sense. @internal
 */
export function isRetryablePartError(error: unknown): boolean {
  if (error instanceof Mismatch) return true;
  if (typeof error !== "object" || error === null) return false;
  if ((error as { name?: string }).name === "AbortError") return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === undefined;
}

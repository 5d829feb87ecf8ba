/**
 * The record of requests the emulator served, so tests can assert what went over the wire.
 *
 * @module
 */
import type { SignatureVerdict } from "../auth/SigV4Verifier.js";

/** How the request was authenticated. */
export interface RecordedSignature {
  readonly verdict: SignatureVerdict;
  /** `header` (`Authorization`), `query` (presigned URL) or `none`. */
  readonly kind: "header" | "query" | "none";
  readonly accessKeyId?: string;
  /** The signed header names, as listed in the signature. */
  readonly signedHeaders?: readonly string[];
  /** Why the verdict is not `valid`. */
  readonly reason?: string;
}

/**
 * One request as the emulator saw and answered it.
 *
 * @example
 * ```ts
 * const put = emu.requests.find((r) => r.operation === "PutObject");
 * expect(put?.headers["x-emc-retention-period"]).to.equal("60");
 * expect(put?.signature.signedHeaders).to.include("x-emc-retention-period");
 * ```
 */
export interface RecordedRequest {
  /** The `x-amz-request-id` sent back. */
  readonly requestId: string;
  /** Server time when the request arrived (epoch ms, from the emulator's clock). */
  readonly time: number;
  readonly method: string;
  /** The request target as received: encoded path and query. */
  readonly url: string;
  /** The encoded path, without the query. */
  readonly path: string;
  /** Decoded query parameters (for a repeated name, the last value). */
  readonly query: Readonly<Record<string, string>>;
  /** Lower-cased header names; repeated headers joined with `,`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly addressing: "path" | "virtual-host";
  readonly namespace: string;
  readonly bucket: string | undefined;
  readonly key: string | undefined;
  /** The operation the emulator recognised (`PutObject`, `QueryObjects`, `Ping`, `AppendObject`, …). */
  readonly operation: string;
  readonly bodyLength: number;
  /** The body, when it is at most `recordBodyBytes` long (default 8 KiB). */
  readonly body: Buffer | undefined;
  readonly signature: RecordedSignature;
  readonly status: number;
  /** The error code sent, for error responses. */
  readonly errorCode: string | undefined;
  /** The response headers sent. */
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly durationMs: number;
}

/** A bounded list: the oldest entries go when it is full. */
export class RequestLog {
  #entries: RecordedRequest[] = [];

  constructor(readonly capacity: number) {}

  /**
   * Appends `entry` with its session token redacted (a log is printed; the token is a credential),
   * dropping the oldest beyond the capacity.
   */
  add(entry: RecordedRequest): void {
    if (this.capacity <= 0) return;
    this.#entries.push(withoutSessionToken(entry));
    if (this.#entries.length > this.capacity) this.#entries.splice(0, this.#entries.length - this.capacity);
  }

  /** A copy of the entries, oldest first. */
  snapshot(): readonly RecordedRequest[] {
    return [...this.#entries];
  }

  /** Drops every entry. */
  clear(): void {
    this.#entries = [];
  }
}

const REDACTED = "[redacted]";
const TOKEN_HEADER = "x-amz-security-token";
const TOKEN_QUERY = "X-Amz-Security-Token";

/** The entry with `x-amz-security-token` (header or presigned-URL parameter) replaced. */
function withoutSessionToken(entry: RecordedRequest): RecordedRequest {
  const header = entry.headers[TOKEN_HEADER];
  const query = entry.query[TOKEN_QUERY];
  if (header === undefined && query === undefined) return entry;
  return {
    ...entry,
    url: entry.url.replace(/([?&]X-Amz-Security-Token=)[^&]*/i, `$1${REDACTED}`),
    headers: header === undefined ? entry.headers : { ...entry.headers, [TOKEN_HEADER]: REDACTED },
    query: query === undefined ? entry.query : { ...entry.query, [TOKEN_QUERY]: REDACTED },
  };
}

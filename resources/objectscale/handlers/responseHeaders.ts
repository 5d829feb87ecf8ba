/**
 * The `after-call` handler that exposes ObjectScale's response headers on the outputs of modelled
 * operations, which the SDK would drop (reference §1.5).
 *
 * @module
 */
import type { AfterCallEvent } from "../../../lib/client/events.js";
import { epochMillisToDate, toNumber } from "../xml.js";

/** ObjectScale's response headers, typed. A member is present only when its header was. */
export interface ObjectScaleResponseHeaders {
  /** `x-emc-mtime`: last modification, more precise than `Last-Modified` (epoch milliseconds on the wire). */
  mtime?: Date;
  /** `x-emc-content-md5`: hex MD5 of the content, which Dell's clients trust over the ETag. */
  contentMd5?: string;
  /** `x-emc-retention-period`: retention in seconds (of the object, or the bucket default on HeadBucket). */
  retentionPeriod?: number;
  /** `x-emc-retention-policy`: the object's retention policy. */
  retentionPolicy?: string;
  /** `x-emc-append-offset`: where appended bytes started. */
  appendOffset?: number;
  /** `x-emc-previous-object-size`: the size before a ranged write. */
  previousObjectSize?: number;
}

/** Modelled operations whose responses may carry these headers. */
export const RESPONSE_HEADER_OPERATIONS = [
  "HeadObject",
  "GetObject",
  "PutObject",
  "CopyObject",
  "CompleteMultipartUpload",
  "HeadBucket",
] as const;

/**
 * Reads the headers; `undefined` when there are none.
 *
 * @example
 * ```ts
 * readResponseHeaders({ "x-emc-mtime": "1714557600000" }); // { mtime: 2024-05-01T10:00:00.000Z }
 * ```
 */
export function readResponseHeaders(
  headers: Readonly<Record<string, string | undefined>>,
): ObjectScaleResponseHeaders | undefined {
  const h = (name: string): string | undefined => headers[name] ?? headers[name.toUpperCase()];
  const found: ObjectScaleResponseHeaders = {};
  const set = <K extends keyof ObjectScaleResponseHeaders>(
    key: K,
    value: ObjectScaleResponseHeaders[K],
  ): void => {
    if (value !== undefined) found[key] = value;
  };
  set("mtime", epochMillisToDate(h("x-emc-mtime")));
  set("contentMd5", h("x-emc-content-md5"));
  set("retentionPeriod", toNumber(h("x-emc-retention-period")));
  set("retentionPolicy", h("x-emc-retention-policy"));
  set("appendOffset", toNumber(h("x-emc-append-offset")));
  set("previousObjectSize", toNumber(h("x-emc-previous-object-size")));
  return Object.keys(found).length > 0 ? found : undefined;
}

/** The raw response of an `after-call` payload, when the client passes it. */
function responseOf(payload: object): { headers: Record<string, string | undefined> } | undefined {
  const response = (payload as { response?: { headers?: unknown } }).response;
  return typeof response?.headers === "object" && response.headers !== null
    ? (response as { headers: Record<string, string | undefined> })
    : undefined;
}

/**
 * Sets `output.ObjectScale` from the response headers, when there are any. Needs the raw
 * response in the `after-call` payload; without it the output is left alone.
 *
 * @example
 * ```ts
 * events.register("after-call.s3.HeadObject", responseHeadersHandler);
 * ```
 */
export function responseHeadersHandler(payload: Pick<AfterCallEvent, "output">): void {
  const response = responseOf(payload);
  if (response === undefined) return;
  const found = readResponseHeaders(response.headers);
  if (found !== undefined)
    (payload.output as { ObjectScale?: ObjectScaleResponseHeaders }).ObjectScale = found;
}

/**
 * Small encodings shared by the handlers: URL-encoded keys (`encoding-type=url`), HTTP dates and S3's
 * ISO timestamps.
 *
 * @module
 */
import { rfc3986 } from "../auth/canonical.js";

/** A key URL-encoded per RFC 3986, keeping `/` readable (as S3 does for `encoding-type=url`). */
export function urlEncodeKey(key: string): string {
  return key.split("/").map(rfc3986).join("/");
}

/** An RFC 7231 date (`Last-Modified`, `Date`). */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** An ISO-8601 timestamp with milliseconds, as S3 documents carry them. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The canonical forms and key derivation of AWS Signature Version 4 for S3, written from the
 * specification with `node:crypto` only: canonical URI, query and headers, the canonical request,
 * the string to sign, the signing key and the signature.
 *
 * @module
 */
import { createHash, createHmac } from "node:crypto";

/** The only signing algorithm S3 SigV4 uses. */
export const SIGV4_ALGORITHM = "AWS4-HMAC-SHA256";
/** `x-amz-content-sha256` value of a request whose body is not part of the signature. */
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

/** The parts of a request the signature covers, exactly as they came off the wire. */
export interface SignableRequest {
  readonly method: string;
  /** The path as sent (still percent-encoded), without the query. */
  readonly rawPath: string;
  /** Everything after `?` as sent, or `""`. */
  readonly rawQuery: string;
  /** Lower-cased header names; each value as received, repeated headers in order. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Percent-encodes `text` per RFC 3986: everything except `A-Z a-z 0-9 - . _ ~`. */
export function rfc3986(text: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    // a lone surrogate: encode what can be encoded, byte by byte
    encoded = Array.from(
      Buffer.from(text, "utf8"),
      (b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
    ).join("");
  }
  return encoded.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `decodeURIComponent`, leaving text that is not valid percent-encoding as it is. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The canonical URI of S3: each path segment decoded and re-encoded once (S3 does not normalise or double-encode). */
export function canonicalUri(rawPath: string): string {
  if (rawPath === "") return "/";
  return rawPath
    .split("/")
    .map((segment) => rfc3986(safeDecode(segment)))
    .join("/");
}

/** The canonical query string: every parameter encoded, sorted by name then value; `omit` is left out. */
export function canonicalQuery(rawQuery: string, omit?: string): string {
  const pairs: [string, string][] = [];
  for (const part of rawQuery.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = rfc3986(safeDecode(eq < 0 ? part : part.slice(0, eq)));
    if (name === omit) continue;
    pairs.push([name, rfc3986(safeDecode(eq < 0 ? "" : part.slice(eq + 1)))]);
  }
  pairs.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join("&");
}

/** The canonical headers block (each line ends with `\n`): trimmed values, inner runs of spaces collapsed. */
export function canonicalHeaders(
  headers: ReadonlyMap<string, readonly string[]>,
  signedHeaders: readonly string[],
): string {
  return signedHeaders
    .map((name) => {
      const values = (headers.get(name) ?? []).map((v) => v.trim().replace(/\s+/g, " "));
      return `${name}:${values.join(",")}\n`;
    })
    .join("");
}

/** The canonical request of the specification: method, URI, query, headers, signed header list, payload hash. */
export function canonicalRequest(
  request: SignableRequest,
  signedHeaders: readonly string[],
  payloadHash: string,
  omitQuery?: string,
): string {
  return [
    request.method,
    canonicalUri(request.rawPath),
    canonicalQuery(request.rawQuery, omitQuery),
    canonicalHeaders(request.headers, signedHeaders),
    signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
}

/** The string to sign: algorithm, timestamp, credential scope and the hash of the canonical request. */
export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [SIGV4_ALGORITHM, amzDate, scope, sha256Hex(canonical)].join("\n");
}

/** The derived signing key: HMAC chain over date, region, service and `aws4_request`. */
export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, "aws4_request");
}

/** Hex HMAC-SHA256 of the string to sign with the signing key. */
export function sign(key: Buffer, toSign: string): string {
  return createHmac("sha256", key).update(toSign, "utf8").digest("hex");
}

/** Hex SHA-256 of `data`. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Epoch milliseconds of an `x-amz-date` timestamp (`20130524T000000Z`), or `undefined` when malformed. */
export function parseAmzDate(amzDate: string): number | undefined {
  const m = AMZ_DATE.exec(amzDate);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isNaN(ms) ? undefined : ms;
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

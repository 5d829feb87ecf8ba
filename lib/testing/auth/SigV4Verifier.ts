/**
 * AWS Signature Version 4 verification, written from the published specification with `node:crypto`
 * only (no code shared with `@smithy/signature-v4`, so the emulator can catch the SDK's mistakes).
 *
 * Both forms S3 accepts are verified: the `Authorization: AWS4-HMAC-SHA256 …` header and
 * presigned URLs (`X-Amz-Algorithm`, `X-Amz-Credential`, … in the query). The payload hash itself is
 * checked later, by the server, once the body has been read ({@link VerificationResult.payloadHash}).
 *
 * @module
 */
import { timingSafeEqual } from "node:crypto";

import {
  canonicalRequest,
  parseAmzDate,
  safeDecode,
  sign,
  signingKey,
  SIGV4_ALGORITHM,
  stringToSign,
  UNSIGNED_PAYLOAD,
  type SignableRequest,
} from "./canonical.js";

/**
 * How a request's signature fared:
 * `valid`; `mismatch` (wrong secret, or the request changed after signing); `unknown-key`;
 * `anonymous` (no signature at all); `malformed` (an unparsable `Authorization` header or presign
 * query); `unsigned-headers` (`x-amz-*`/`x-emc-*` headers sent but not signed); `expired` (presigned URL);
 * `skewed` (clock difference above the limit); `not-required` (an operation that needs no signature,
 * such as `?ping`).
 */
export type SignatureVerdict =
  | "valid"
  | "mismatch"
  | "unknown-key"
  | "anonymous"
  | "malformed"
  | "unsigned-headers"
  | "expired"
  | "skewed"
  | "not-required";

/** The outcome of {@link verifySigV4}, with what a server needs to answer or explain it. */
export interface VerificationResult {
  readonly verdict: SignatureVerdict;
  /** `header` for `Authorization`, `query` for a presigned URL, `none` when neither was present. */
  readonly kind: "header" | "query" | "none";
  /** Why the verdict is not `valid`, in words. */
  readonly reason: string;
  readonly accessKeyId?: string;
  readonly signedHeaders?: readonly string[];
  /** The payload hash the signature covers (hex SHA-256, `UNSIGNED-PAYLOAD` or a `STREAMING-…` marker). */
  readonly payloadHash?: string;
  readonly canonicalRequest?: string;
  readonly stringToSign?: string;
  readonly signatureProvided?: string;
}

/** The signing inputs parsed from an `Authorization` header or presign query. */
interface Credential {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  readonly amzDate: string;
}

const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/** Verification settings: where secrets come from, the server's clock and the tolerated skew. */
export interface VerifyOptions {
  readonly secretFor: (accessKeyId: string) => string | undefined;
  readonly now: number;
  readonly maxSkewMs: number;
}

/**
 * Verifies the SigV4 signature of `request` (header or presigned form).
 *
 * @returns the verdict and, for a `valid` one, the payload hash the signature covers, which the
 * caller must compare with the body it receives.
 */
export function verifySigV4(request: SignableRequest, options: VerifyOptions): VerificationResult {
  const authorization = request.headers.get("authorization")?.[0];
  const presigned = /(^|&)X-Amz-Algorithm=/.test(request.rawQuery);
  if (authorization === undefined && !presigned) {
    return { verdict: "anonymous", kind: "none", reason: "the request carries no signature" };
  }
  const kind = authorization !== undefined ? "header" : "query";
  const parsed =
    kind === "header" ? parseAuthorization(authorization ?? "", request) : parsePresign(request, options.now);
  if (typeof parsed === "string") return { verdict: "malformed", kind, reason: parsed };
  if ("verdict" in parsed) return parsed;
  const credential = parsed.credential;
  const base = {
    kind,
    accessKeyId: credential.accessKeyId,
    signedHeaders: credential.signedHeaders,
  } as const;

  const secret = options.secretFor(credential.accessKeyId);
  if (secret === undefined) {
    return { ...base, verdict: "unknown-key", reason: `no user has access key "${credential.accessKeyId}"` };
  }
  if (kind === "header") {
    const time = parseAmzDate(credential.amzDate) ?? Number.NaN;
    if (Math.abs(time - options.now) > options.maxSkewMs) {
      return {
        ...base,
        verdict: "skewed",
        reason: `request time ${credential.amzDate} is too far from server time`,
      };
    }
    const unsigned = [...request.headers.keys()].filter(
      (h) => (h.startsWith("x-amz-") || h.startsWith("x-emc-")) && !credential.signedHeaders.includes(h),
    );
    if (unsigned.length > 0) {
      return {
        ...base,
        verdict: "unsigned-headers",
        reason: `There were headers present in the request which were not signed: ${unsigned.join(", ")}`,
      };
    }
  }

  const payloadHash = parsed.payloadHash;
  const scope = `${credential.date}/${credential.region}/${credential.service}/aws4_request`;
  const canonical = canonicalRequest(
    request,
    credential.signedHeaders,
    payloadHash,
    kind === "query" ? "X-Amz-Signature" : undefined,
  );
  const toSign = stringToSign(credential.amzDate, scope, canonical);
  const expected = sign(signingKey(secret, credential.date, credential.region, credential.service), toSign);
  const details = {
    canonicalRequest: canonical,
    stringToSign: toSign,
    signatureProvided: credential.signature,
  };
  if (!equalHex(expected, credential.signature)) {
    return {
      ...base,
      ...details,
      verdict: "mismatch",
      reason:
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
    };
  }
  return { ...base, ...details, verdict: "valid", reason: "", payloadHash };
}

type Parsed = { credential: Credential; payloadHash: string } | VerificationResult;

function parseAuthorization(header: string, request: SignableRequest): Parsed | string {
  if (!header.startsWith(`${SIGV4_ALGORITHM} `)) {
    return header.startsWith("AWS ")
      ? "Signature Version 2 is not supported by this emulator; use SigV4 (AWS4-HMAC-SHA256)"
      : `the Authorization header must start with "${SIGV4_ALGORITHM} "`;
  }
  const fields = new Map<string, string>();
  for (const part of header.slice(SIGV4_ALGORITHM.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const amzDate = request.headers.get("x-amz-date")?.[0];
  if (amzDate === undefined) return "the x-amz-date header is missing";
  const payloadHash = request.headers.get("x-amz-content-sha256")?.[0];
  if (payloadHash === undefined) return "Missing required header for this request: x-amz-content-sha256";
  const credential = parseCredential(
    fields.get("Credential"),
    fields.get("SignedHeaders"),
    fields.get("Signature"),
    amzDate,
  );
  return typeof credential === "string" ? credential : { credential, payloadHash };
}

function parsePresign(request: SignableRequest, now: number): Parsed | string {
  const q = new Map<string, string>();
  for (const part of request.rawQuery.split("&")) {
    const eq = part.indexOf("=");
    if (eq > 0) q.set(safeDecode(part.slice(0, eq)), safeDecode(part.slice(eq + 1)));
  }
  if (q.get("X-Amz-Algorithm") !== SIGV4_ALGORITHM) return `X-Amz-Algorithm must be ${SIGV4_ALGORITHM}`;
  const amzDate = q.get("X-Amz-Date") ?? "";
  const expires = Number(q.get("X-Amz-Expires"));
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGN_SECONDS) {
    return `X-Amz-Expires must be an integer between 1 and ${MAX_PRESIGN_SECONDS}`;
  }
  const credential = parseCredential(
    q.get("X-Amz-Credential"),
    q.get("X-Amz-SignedHeaders"),
    q.get("X-Amz-Signature"),
    amzDate,
  );
  if (typeof credential === "string") return credential;
  const signedAt = parseAmzDate(amzDate) ?? Number.NaN;
  if (now > signedAt + expires * 1000) {
    return {
      verdict: "expired",
      kind: "query",
      accessKeyId: credential.accessKeyId,
      reason: "Request has expired",
    };
  }
  const payloadHash = request.headers.get("x-amz-content-sha256")?.[0] ?? UNSIGNED_PAYLOAD;
  return { credential, payloadHash };
}

function parseCredential(
  credential: string | undefined,
  signedHeaders: string | undefined,
  signature: string | undefined,
  amzDate: string,
): Credential | string {
  if (credential === undefined || signedHeaders === undefined || signature === undefined) {
    return "Credential, SignedHeaders and Signature are all required";
  }
  const parts = credential.split("/");
  if (parts.length !== 5)
    return `the credential "${credential}" must be <key>/<date>/<region>/<service>/aws4_request`;
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  if (parseAmzDate(amzDate) === undefined)
    return `the request date "${amzDate}" is not in the form 20130524T000000Z`;
  if (date !== amzDate.slice(0, 8))
    return `the credential date ${date} does not match the request date ${amzDate}`;
  if (service !== "s3") return `the credential is scoped to service "${service}"; expected "s3"`;
  if (terminator !== "aws4_request" || region === "")
    return `the credential scope "${credential}" is malformed`;
  const headers = signedHeaders.split(";");
  if (!headers.includes("host")) return "SignedHeaders must include host";
  return { accessKeyId, date, region, service, signedHeaders: headers, signature, amzDate };
}

function equalHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

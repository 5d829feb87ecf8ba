/**
 * The S3 error answering a signature that did not verify, with AWS's codes and fields
 * (`SignatureDoesNotMatch` carries the string to sign and the canonical request, for debugging).
 *
 * @module
 */
import { errors, S3Error } from "../http/S3Error.js";
import type { VerificationResult } from "./SigV4Verifier.js";

/** The error for a verdict other than `valid` or `not-required`. */
export function authError(v: VerificationResult, now: number, maxSkewMs: number): S3Error {
  switch (v.verdict) {
    case "anonymous":
      return errors.accessDenied("Anonymous access is not allowed: sign the request with SigV4");
    case "unknown-key":
      return new S3Error(
        403,
        "InvalidAccessKeyId",
        "The AWS Access Key Id you provided does not exist in our records.",
        {
          AWSAccessKeyId: v.accessKeyId ?? "",
        },
      );
    case "mismatch":
      return new S3Error(403, "SignatureDoesNotMatch", v.reason, {
        AWSAccessKeyId: v.accessKeyId ?? "",
        StringToSign: v.stringToSign ?? "",
        SignatureProvided: v.signatureProvided ?? "",
        CanonicalRequest: v.canonicalRequest ?? "",
      });
    case "skewed":
      return new S3Error(
        403,
        "RequestTimeTooSkewed",
        "The difference between the request time and the current time is too large.",
        {
          ServerTime: new Date(now).toISOString(),
          MaxAllowedSkewMilliseconds: String(maxSkewMs),
        },
      );
    case "expired":
    case "unsigned-headers":
      return errors.accessDenied(v.reason);
    case "malformed":
      if (v.reason.startsWith("Missing required header")) return errors.invalidRequest(v.reason);
      return new S3Error(
        400,
        v.kind === "query" ? "AuthorizationQueryParametersError" : "AuthorizationHeaderMalformed",
        v.reason,
      );
    case "valid":
    case "not-required":
      return new S3Error(500, "InternalError", "unexpected verdict");
  }
}

/**
 * Body integrity checks after the signature: the signed `x-amz-content-sha256`, `Content-MD5`, and
 * the flexible checksums `x-amz-checksum-crc32`/`-sha1`/`-sha256` (CRC32C and CRC64NVME are accepted
 * unverified). aws-chunked bodies are refused, as ECS refuses them (reference §1.4). DeleteObjects
 * and PutObjectLockConfiguration need `Content-MD5` or a flexible checksum (§15.10: both accepted,
 * unless `requireContentMd5`).
 *
 * @module
 */
import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";

import { sha256Hex, UNSIGNED_PAYLOAD } from "../auth/canonical.js";
import { errors, S3Error } from "./S3Error.js";

/** Checks the body against the signed payload hash, `Content-MD5` and `x-amz-checksum-*`. */
export function checkPayload(
  payloadHash: string,
  body: Buffer,
  headers: Record<string, string>,
  operation: string,
  requireMd5: boolean,
): void {
  if (payloadHash.startsWith("STREAMING-")) {
    throw new S3Error(
      400,
      "XAmzContentSHA256Mismatch",
      `aws-chunked payloads (${payloadHash}) are not supported, as on ECS: configure the SDK with requestChecksumCalculation: "WHEN_REQUIRED"`,
    );
  }
  if (payloadHash !== UNSIGNED_PAYLOAD) {
    if (!/^[0-9a-f]{64}$/.test(payloadHash))
      throw errors.invalidArgument(
        "x-amz-content-sha256 must be UNSIGNED-PAYLOAD or a SHA-256 hex digest",
        "x-amz-content-sha256",
        payloadHash,
      );
    const actual = sha256Hex(body);
    if (actual !== payloadHash) {
      throw new S3Error(
        400,
        "XAmzContentSHA256Mismatch",
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
        {
          ClientComputedContentSHA256: payloadHash,
          S3ComputedContentSHA256: actual,
        },
      );
    }
  }
  const md5 = headers["content-md5"];
  if (md5 !== undefined) {
    if (!/^[A-Za-z0-9+/]{22}==$/.test(md5))
      throw new S3Error(400, "InvalidDigest", "The Content-MD5 you specified was invalid.");
    if (createHash("md5").update(body).digest("base64") !== md5) {
      throw new S3Error(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
    }
  }
  const checksums: Record<string, () => string> = {
    "x-amz-checksum-crc32": () => {
      const b = Buffer.alloc(4);
      b.writeUInt32BE(crc32(body));
      return b.toString("base64");
    },
    "x-amz-checksum-sha1": () => createHash("sha1").update(body).digest("base64"),
    "x-amz-checksum-sha256": () => createHash("sha256").update(body).digest("base64"),
  };
  for (const [header, compute] of Object.entries(checksums)) {
    const given = headers[header];
    if (given !== undefined && given !== compute()) {
      throw new S3Error(
        400,
        "BadDigest",
        `The ${header.slice("x-amz-checksum-".length).toUpperCase()} you specified did not match the calculated checksum.`,
      );
    }
  }
  const needsDigest = operation === "DeleteObjects" || operation === "PutObjectLockConfiguration";
  const hasChecksum = Object.keys(headers).some(
    (h) => h.startsWith("x-amz-checksum-") && h !== "x-amz-checksum-mode",
  );
  if (needsDigest && md5 === undefined && (requireMd5 || !hasChecksum)) {
    throw errors.invalidRequest("Missing required header for this request: Content-MD5");
  }
}

/**
 * Checks static credentials when a session or client is made, without ever echoing them.
 *
 * @module
 */
import { ValidationError, type ValidationIssue } from "./errors.js";

// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const CONTROL = /[\u0000-\u001f\u007f]/;
const TEXT_EXPECTED =
  "a non-empty string without control characters or surrounding whitespace (a line break read from a file, say)";

/**
 * Refuses static credentials that cannot sign a request: each of `accessKeyId` and
 * `secretAccessKey` a non-empty string, `sessionToken` a string when given, none with control
 * characters or surrounding whitespace (which would break a header or the signature), and
 * `expiration` a valid `Date` when given. A provider function is left to the SDK.
 *
 * Issues never contain the values: `received` says only what kind of value was found, so the
 * error can be logged.
 *
 * @example
 * ```ts
 * checkCredentials({ accessKeyId: "AKID", secretAccessKey: "secret\n" }, "Session");
 * // ValidationError: Session input is invalid:
 * //  - credentials.secretAccessKey: expected a non-empty string without control characters ..., received a string of 7 characters (redacted)
 * ```
 * @throws {@link ValidationError} naming each bad member.
 */
export function checkCredentials(credentials: unknown, subject: string): void {
  if (credentials === undefined || typeof credentials === "function") return;
  if (typeof credentials !== "object" || credentials === null) {
    throw new ValidationError(subject, [
      {
        field: "credentials",
        expected: "an object { accessKeyId, secretAccessKey, sessionToken? } or a credential provider",
        received: kindOf(credentials),
      },
    ]);
  }
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = credentials as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const text = (field: string, value: unknown, optional: boolean) => {
    if (optional && value === undefined) return;
    const ok = typeof value === "string" && value !== "" && !CONTROL.test(value) && value.trim() === value;
    if (!ok) issues.push({ field: `credentials.${field}`, expected: TEXT_EXPECTED, received: kindOf(value) });
  };
  text("accessKeyId", accessKeyId, false);
  text("secretAccessKey", secretAccessKey, false);
  text("sessionToken", sessionToken, true);
  if (expiration !== undefined && !(expiration instanceof Date && !Number.isNaN(expiration.getTime()))) {
    issues.push({ field: "credentials.expiration", expected: "a valid Date", received: kindOf(expiration) });
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
}

/** What a value is, never what it says. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string")
    return value === "" ? "an empty string" : `a string of ${value.length} characters (redacted)`;
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value} (redacted)`;
}

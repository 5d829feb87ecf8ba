/**
 * Keeps the secret access key and the session token out of the errors a client throws.
 *
 * The SDK attaches the raw HTTP response to its errors (`$response`, hidden); its body is the
 * Node.js response, whose `req` holds the request as written, `x-amz-security-token` included.
 * Servers also echo the canonical request in `SignatureDoesNotMatch` errors, which the SDK copies
 * into string members (`CanonicalRequest`, ...). Either way `util.inspect(error, { showHidden:
 * true, depth: Infinity })`, a logger or an error tracker would print the token.
 *
 * @module
 */
import type { S3Client } from "@aws-sdk/client-s3";
import { getSmithyContext } from "@smithy/core/transport";
import type { HandlerExecutionContext, InitializeMiddleware, MetadataBearer } from "@smithy/types";

/** What replaces a secret in an error. */
export const REDACTED = "[redacted]";

/** Secrets shorter than this are not searched for: they would match ordinary text. */
const MIN_SECRET_LENGTH = 8;

const installed = new WeakSet<S3Client>();

/**
 * Adds the redacting middleware to an SDK client, once. It sits just inside the SDK's logger, so
 * the logger and everything above it (retries excepted) see the redacted error.
 *
 * @example
 * ```ts
 * const sdk = new S3Client(config);
 * redactSecretsOf(sdk);
 * ```
 * @internal
 */
export function redactSecretsOf(sdk: S3Client): void {
  if (installed.has(sdk)) return;
  installed.add(sdk);
  sdk.middlewareStack.addRelativeTo(redactingMiddleware, {
    name: "objectscaleResourcesRedactSecrets",
    relation: "after",
    toMiddleware: "loggerMiddleware",
    override: true,
  });
}

// On every call: no async frame of its own, only a rejection handler on the SDK's promise.
const redactingMiddleware: InitializeMiddleware<object, MetadataBearer> = (next, context) => (args) =>
  next(args).catch((error: unknown) => {
    redactError(error, secretsOf(context));
    throw error;
  });

/** The secret parts of the identity the request was signed with, when it got that far. */
function secretsOf(context: HandlerExecutionContext): string[] {
  const scheme = getSmithyContext(context)["selectedHttpAuthScheme"] as
    { identity?: { secretAccessKey?: unknown; sessionToken?: unknown } } | undefined;
  const identity = scheme?.identity;
  return [identity?.secretAccessKey, identity?.sessionToken].filter(
    (s): s is string => typeof s === "string" && s.length >= MIN_SECRET_LENGTH,
  );
}

/**
 * Replaces `secrets` in the string members of `error` and of its causes, and drops the body of
 * its `$response` (already read by the SDK; it references the request with its headers). The
 * error keeps its class, code, `$metadata` and the response's status and headers.
 *
 * @example
 * ```ts
 * redactError(error, [credentials.secretAccessKey, credentials.sessionToken]);
 * ```
 * @internal
 */
export function redactError(error: unknown, secrets: readonly string[]): void {
  const seen = new Set<object>();
  for (let e = error, depth = 0; typeof e === "object" && e !== null && !seen.has(e) && depth < 8; depth++) {
    seen.add(e);
    if (secrets.length > 0) redactStrings(e as Record<string, unknown>, secrets);
    const response = (e as { $response?: unknown }).$response;
    if (typeof response === "object" && response !== null) {
      const raw = response as { body?: unknown; headers?: Record<string, unknown> };
      if ("body" in raw) raw.body = undefined;
      if (secrets.length > 0 && typeof raw.headers === "object" && raw.headers !== null)
        redactStrings(raw.headers, secrets);
    }
    e = (e as { cause?: unknown }).cause;
  }
}

function redactStrings(target: Record<string, unknown>, secrets: readonly string[]): void {
  for (const name of Object.getOwnPropertyNames(target)) {
    const descriptor = Object.getOwnPropertyDescriptor(target, name);
    if (descriptor === undefined || !("value" in descriptor) || typeof descriptor.value !== "string")
      continue;
    let text = descriptor.value;
    for (const secret of secrets) text = text.split(secret).join(REDACTED);
    if (text === descriptor.value) continue;
    if (descriptor.writable === true) target[name] = text;
    else if (descriptor.configurable === true)
      Object.defineProperty(target, name, { ...descriptor, value: text });
  }
}

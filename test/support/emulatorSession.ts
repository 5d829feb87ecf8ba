/**
 * Sessions on the in-process ObjectScale emulator (`objectscale-resources/testing`), with or
 * without the ObjectScale plugin, and helpers to read what the emulator recorded.
 *
 * ```ts
 * let emu: ObjectScaleEmulator;
 * before(async () => (emu = await ObjectScaleEmulator.start()));
 * after(() => emu.stop());
 * it("...", async () => {
 *   const s3 = objectScaleSession(emu, { namespace: "finance" }).client("s3");
 *   await s3.listDataNodes({});
 *   expect(only(emu, "ListDataNodes").headers["x-emc-namespace"]).to.equal("finance");
 * });
 * ```
 */
import type { AwsCredentialIdentity } from "@smithy/types";
import { Session, type SessionOptions } from "../../lib/Session.js";
import type { ObjectScaleEmulator, RecordedRequest } from "../../lib/testing/index.js";
import { objectScale, type ObjectScaleOptions } from "../../resources/objectscale/index.js";

/** The session options that reach an emulator: path style, its keys and region, one attempt. */
export function emulatorSessionOptions(
  emu: ObjectScaleEmulator,
  overrides: Partial<SessionOptions> & { credentials?: AwsCredentialIdentity } = {},
): SessionOptions & { credentials: AwsCredentialIdentity } {
  return {
    endpoint: emu.endpoint,
    region: emu.region,
    credentials: { ...emu.credentials },
    forcePathStyle: true,
    // One attempt: a retried 5xx would record the request twice, and tests count requests.
    maxAttempts: 1,
    ...overrides,
  };
}

/**
 * A session on `emu` with the ObjectScale plugin installed through `plugins`, so its
 * `sessionDefaults` (checksums `WHEN_REQUIRED`) apply as they would for a user.
 */
export function objectScaleSession(
  emu: ObjectScaleEmulator,
  plugin: ObjectScaleOptions = {},
  overrides: Partial<SessionOptions> & { credentials?: AwsCredentialIdentity } = {},
): Session {
  return new Session({ ...emulatorSessionOptions(emu, overrides), plugins: [objectScale(plugin)] });
}

/** The requests the emulator recorded for `operation` (its own name for it, such as `ExtendRetention`). */
export function recorded(emu: ObjectScaleEmulator, operation: string): RecordedRequest[] {
  return emu.requests.filter((r) => r.operation === operation);
}

/**
 * The one request the emulator recorded for `operation`.
 *
 * @throws Error when there is not exactly one, listing what was recorded.
 */
export function only(emu: ObjectScaleEmulator, operation: string): RecordedRequest {
  const found = recorded(emu, operation);
  if (found.length !== 1) {
    const seen = emu.requests.map((r) => `${r.method} ${r.url} → ${r.operation} ${r.status}`);
    throw new Error(
      `expected one ${operation} request, the emulator recorded ${found.length}:\n  ${seen.join("\n  ")}`,
    );
  }
  return found[0]!;
}

/** The header names a request's SigV4 signature covered. */
export function signedHeaders(request: RecordedRequest): readonly string[] {
  return request.signature.signedHeaders ?? [];
}

/**
 * The error `promise` rejects with.
 *
 * @throws AssertionError when it resolves.
 */
export { rejection } from "./rejection.js";

/** The HTTP status of an SDK error (`$metadata.httpStatusCode`). */
export function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

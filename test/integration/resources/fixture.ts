/**
 * What the resource integration suites share: a session on the test server with the settings
 * Ceph RGW needs, and a counter of the requests each operation made.
 */
import type { S3Client } from "@aws-sdk/client-s3";
import { Session } from "../../../index.js";
import type { S3ServiceResource } from "../../../resources/s3/index.js";
import { rawS3Client, useS3Server, type S3ServerEnv } from "../../support/s3Server.js";

/** A session on the test server: path style, and checksums only where required (Ceph 16). */
export function testSession(env: S3ServerEnv): Session {
  return new Session({
    endpoint: env.endpoint,
    region: env.region,
    credentials: { ...env.credentials },
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** Everything a suite needs: the server, a session, its S3 service resource, and a raw SDK client. */
export interface ResourceFixture {
  readonly env: S3ServerEnv;
  readonly session: Session;
  readonly s3: S3ServiceResource;
  readonly raw: S3Client;
}

/** Starts (or finds) the test server; call from a `before` hook with `this.timeout(180_000)`. */
export async function resourceFixture(): Promise<ResourceFixture> {
  const env = await useS3Server();
  const session = testSession(env);
  return { env, session, s3: session.resource("s3"), raw: rawS3Client(env) };
}

/** One request a session sent: the operation and a shallow copy of its parameters. */
export interface RecordedCall {
  readonly operation: string;
  readonly params: Readonly<Record<string, unknown>>;
}

const recorders = new WeakMap<Session, () => void>();

/**
 * Records every request `session` sends from now on (at `before-call`, once per call). A new
 * recorder on the same session replaces the previous one, so handlers do not pile up.
 */
export function recordCalls(session: Session): RecordedCall[] {
  recorders.get(session)?.();
  const calls: RecordedCall[] = [];
  const dispose = session.events.register("before-call.s3", ({ operation, params }) => {
    calls.push({ operation, params: { ...params } });
  });
  recorders.set(session, dispose);
  return calls;
}

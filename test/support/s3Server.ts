/**
 * The real S3 server behind the integration tests.
 *
 * An integration suite calls {@link useS3Server} in its `before` hook:
 *
 * ```ts
 * let env: S3ServerEnv;
 * before(async function () {
 *   this.timeout(180_000); // a clean machine installs Ceph first (~20 s)
 *   env = await useS3Server();
 * });
 * ```
 *
 * - With `AWS_ENDPOINT_URL` set (CI, `scripts/with-s3-server.sh`, or a server you point at yourself),
 *   the endpoint, keys and region come from the environment and no server is started or stopped.
 * - Without it, the project's own Ceph RADOS Gateway (`scripts/ceph-rgw.sh`) is installed when its
 *   binaries are missing, started, and its settings are copied into `process.env` so that every SDK
 *   client and the library pick them up. It is started once per test run, and `test/setup.ts` stops it
 *   when mocha ends. A gateway that was already running is reused and left running.
 *
 * mocha's `--parallel` mode runs each worker in its own process with its own fixture, so run parallel
 * suites with `AWS_ENDPOINT_URL` set (e.g. through `scripts/with-s3-server.sh`).
 */
import { randomBytes } from "node:crypto";

import {
  AbortMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
  S3Client,
  type ObjectIdentifier,
} from "@aws-sdk/client-s3";

import { installCephIfMissing, parseCephRgwExports, runCephRgwScript } from "./cephRgwScript.js";

/** Where the integration tests' S3 server is and how to sign for it. */
export interface S3ServerEnv {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** `AWS_S3_FORCE_PATH_STYLE`; true unless it says `false` or `0`. */
  readonly forcePathStyle: boolean;
  /** True when this process started the server, and so will stop it. */
  readonly startedHere: boolean;
}

/** The variables `scripts/ceph-rgw.sh env` prints, which the fixture copies into `process.env`. */
const EXPORTED_VARIABLES = [
  "AWS_ENDPOINT_URL",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_REGION",
  "AWS_REQUEST_CHECKSUM_CALCULATION",
  "AWS_RESPONSE_CHECKSUM_VALIDATION",
  "AWS_S3_FORCE_PATH_STYLE",
] as const;

let serverPromise: Promise<S3ServerEnv> | undefined;
/** The values `process.env` held before the fixture overwrote them, to put back after `stop`. */
let replacedVariables: Map<string, string | undefined> | undefined;

/**
 * Returns the S3 server the integration tests run against, starting the project's Ceph RGW when
 * `AWS_ENDPOINT_URL` is not set. The first call decides; later calls get the same promise, including
 * the same failure, so a broken install fails every suite at once instead of retrying in each.
 *
 * Call it from a `before` hook with `this.timeout(180_000)`: installing Ceph on a clean machine takes
 * about 20 s, a cold start about 2 s.
 *
 * @throws Error when the environment names an endpoint but no credentials, when
 *   `scripts/ceph-rgw.sh` is not where the compiled file expects it, or when it fails (the message
 *   carries the script's output, which names the log to read).
 */
export async function useS3Server(): Promise<S3ServerEnv> {
  serverPromise ??= resolveServer();
  return serverPromise;
}

/**
 * Stops the Ceph RGW if {@link useS3Server} started it in this process, and restores the variables it
 * set. Does nothing otherwise, so a server from CI or from the developer keeps running.
 */
export async function stopS3ServerIfStarted(): Promise<void> {
  const pending = serverPromise;
  if (!pending) return;
  const env = await pending.catch(() => undefined);
  serverPromise = undefined;
  if (!env?.startedHere) return;
  try {
    await runCephRgwScript(["stop"]);
  } finally {
    for (const [name, value] of replacedVariables ?? []) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    replacedVariables = undefined;
  }
}

/**
 * A bucket name no other test or run has used: the prefix (lowercased, anything but letters, digits
 * and hyphens turned into hyphens, cut to 40 characters), then the time and 8 random hex digits.
 *
 * @example uniqueBucketName("Bucket.delete") // "bucket-delete-mhg3k2x1-5f0c9a1e"
 */
export function uniqueBucketName(prefix: string): string {
  const stem =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40)
      .replace(/-+$/, "") || "test";
  return `${stem}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
}

/**
 * A plain SDK client for the test server, for arranging and checking state without going through
 * the library: path-style addressing (no wildcard DNS on loopback) and checksums only where an
 * operation requires them (Ceph 16 refuses the SDK's default aws-chunked trailing checksums).
 */
export function rawS3Client(env: S3ServerEnv): S3Client {
  return new S3Client({
    endpoint: env.endpoint,
    region: env.region,
    credentials: { ...env.credentials },
    forcePathStyle: env.forcePathStyle,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/**
 * Deletes a bucket and everything in it: every object version and delete marker (governance
 * retention bypassed), and every unfinished multipart upload. A bucket that does not exist is fine.
 *
 * @throws Error naming each key that could not be deleted (for instance under a legal hold or
 *   compliance-mode retention), and any other S3 error.
 */
export async function emptyAndDeleteBucket(client: S3Client, bucket: string): Promise<void> {
  try {
    await deleteAllVersions(client, bucket);
    await abortAllMultipartUploads(client, bucket);
    await client.send(new DeleteBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (errorName(error) === "NoSuchBucket") return;
    throw error;
  }
}

async function deleteAllVersions(client: S3Client, bucket: string): Promise<void> {
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  do {
    const page = await client.send(
      new ListObjectVersionsCommand({
        Bucket: bucket,
        KeyMarker: keyMarker,
        VersionIdMarker: versionIdMarker,
      }),
    );
    const objects: ObjectIdentifier[] = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].flatMap(
      ({ Key, VersionId }) => (Key === undefined ? [] : [{ Key, VersionId }]),
    );
    if (objects.length > 0) {
      const result = await client.send(
        new DeleteObjectsCommand({
          Bucket: bucket,
          Delete: { Objects: objects, Quiet: true },
          BypassGovernanceRetention: true,
        }),
      );
      const failures = result.Errors ?? [];
      if (failures.length > 0) {
        const list = failures.map((f) => `${f.Key}@${f.VersionId ?? "null"}: ${f.Code} ${f.Message}`);
        throw new Error(
          `Could not empty bucket "${bucket}"; ${failures.length} deletes failed: ${list.join("; ")}`,
        );
      }
    }
    keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
  } while (keyMarker !== undefined);
}

async function abortAllMultipartUploads(client: S3Client, bucket: string): Promise<void> {
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  do {
    const page = await client.send(
      new ListMultipartUploadsCommand({
        Bucket: bucket,
        KeyMarker: keyMarker,
        UploadIdMarker: uploadIdMarker,
      }),
    );
    for (const upload of page.Uploads ?? []) {
      try {
        await client.send(
          new AbortMultipartUploadCommand({ Bucket: bucket, Key: upload.Key, UploadId: upload.UploadId }),
        );
      } catch (error) {
        if (errorName(error) !== "NoSuchUpload") throw error;
      }
    }
    keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    uploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
  } while (keyMarker !== undefined);
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

function envFromProcess(startedHere: boolean): S3ServerEnv {
  const variables = process.env;
  const endpoint = variables["AWS_ENDPOINT_URL"];
  const accessKeyId = variables["AWS_ACCESS_KEY_ID"];
  const secretAccessKey = variables["AWS_SECRET_ACCESS_KEY"];
  if (!endpoint || !accessKeyId || !secretAccessKey) {
    const missing = ["AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"].filter(
      (name) => !variables[name],
    );
    throw new Error(
      `AWS_ENDPOINT_URL is ${endpoint ? `"${endpoint}"` : "empty"} but ${missing.join(" and ")} ` +
        `${missing.length > 1 ? "are" : "is"} not set: export all three, or unset AWS_ENDPOINT_URL ` +
        `to let the tests start scripts/ceph-rgw.sh`,
    );
  }
  const pathStyle = variables["AWS_S3_FORCE_PATH_STYLE"]?.toLowerCase();
  return {
    endpoint,
    region: variables["AWS_REGION"] || variables["AWS_DEFAULT_REGION"] || "us-east-1",
    credentials: { accessKeyId, secretAccessKey },
    forcePathStyle: pathStyle !== "false" && pathStyle !== "0",
    startedHere,
  };
}

async function resolveServer(): Promise<S3ServerEnv> {
  return process.env["AWS_ENDPOINT_URL"] ? envFromProcess(false) : startOwnServer();
}

async function startOwnServer(): Promise<S3ServerEnv> {
  const alreadyUp = await runCephRgwScript(["status"]).then(
    () => true,
    () => false,
  );
  if (!alreadyUp) {
    await installCephIfMissing();
    await runCephRgwScript(["start"], { showProgress: true });
  }
  const exported = parseCephRgwExports(await runCephRgwScript(["env"]), EXPORTED_VARIABLES);
  replacedVariables = new Map(EXPORTED_VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of EXPORTED_VARIABLES) process.env[name] = exported.get(name);
  return envFromProcess(!alreadyUp);
}

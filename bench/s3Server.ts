/**
 * What the benchmarks that need an S3 server share: where the server is (from the variables
 * `scripts/ceph-rgw.sh env` exports), the client settings every Node variant uses, and running
 * the boto3 side of a benchmark.
 *
 * @module
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import type { S3ClientConfig } from "@aws-sdk/client-s3";
import { Session } from "../index.js";

const env = process.env;
const PYTHON = env["BENCH_PYTHON"] ?? "/usr/bin/python3";
const execFileAsync = promisify(execFile);

/** Where the S3 server is and how to sign for it. */
export interface ServerEnv {
  readonly endpoint: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly forcePathStyle: boolean;
}

/** The S3 server named by the environment, if any. */
export function serverEnv(): ServerEnv | undefined {
  const endpoint = env["AWS_ENDPOINT_URL"];
  if (endpoint === undefined || endpoint === "") return undefined;
  const pathStyle = env["AWS_S3_FORCE_PATH_STYLE"]?.toLowerCase();
  return {
    endpoint,
    region: env["AWS_REGION"] ?? "us-east-1",
    accessKeyId: env["AWS_ACCESS_KEY_ID"] ?? "",
    secretAccessKey: env["AWS_SECRET_ACCESS_KEY"] ?? "",
    forcePathStyle: pathStyle !== "false" && pathStyle !== "0",
  };
}

/** Client settings shared by the raw SDK and the session, so both sides send the same requests. */
export function clientConfig(server: ServerEnv): S3ClientConfig & { forcePathStyle: boolean } {
  return {
    endpoint: server.endpoint,
    region: server.region,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    forcePathStyle: server.forcePathStyle,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  };
}

/** A session with the same settings as {@link clientConfig}. */
export function newSession(server: ServerEnv): Session {
  const { endpoint, region, credentials, forcePathStyle } = clientConfig(server);
  return new Session({
    endpoint: endpoint as string,
    region: region as string,
    credentials: credentials as { accessKeyId: string; secretAccessKey: string },
    forcePathStyle,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/**
 * Runs `script` (under `bench/boto3/`) with one JSON command, adding the server's endpoint and
 * keys, and parses the JSON it prints. `undefined`, with the reason on stderr, when Python or
 * boto3 cannot run here. Without a server, boto3 gets a placeholder endpoint and keys (for
 * benchmarks that make no request).
 */
export async function runBoto3<T>(
  script: string,
  command: Record<string, unknown>,
  server: ServerEnv | undefined,
): Promise<T | undefined> {
  if (!existsSync(PYTHON)) {
    process.stderr.write(`  boto3 skipped: ${PYTHON} not found\n`);
    return undefined;
  }
  const full = {
    ...command,
    endpoint: server?.endpoint ?? "http://127.0.0.1:7480",
    region: server?.region ?? "us-east-1",
    access_key: server?.accessKeyId || "bench",
    secret_key: server?.secretAccessKey || "bench",
  };
  try {
    const { stdout } = await execFileAsync(PYTHON, [script, JSON.stringify(full)], {
      maxBuffer: 16 << 20,
      timeout: 30 * 60_000,
    });
    return JSON.parse(stdout) as T;
  } catch (error) {
    process.stderr.write(`  boto3 skipped: ${(error as Error).message.split("\n").slice(0, 3).join(" ")}\n`);
    return undefined;
  }
}

/**
 * The smart client on a real cluster: 64 concurrent small PUTs, then 64 concurrent GETs of the same
 * objects, through the smart client over three Ceph RGW gateways of one cluster, against a plain
 * session to one gateway (the baseline), the raw SDK to that gateway, and raw SDK clients taking
 * the three gateways in turn (what spreading costs without the smart client), in the same run.
 * Rounds interleave the variants (their order rotating), so drift of the machine hits every
 * variant alike. Each throughput row notes this process's CPU time per operation.
 *
 * The cluster: the gateways `CEPH_RGW_ENDPOINTS` lists (at least 3, with `AWS_ACCESS_KEY_ID` and
 * `AWS_SECRET_ACCESS_KEY`), else a cluster of 3 gateways started through `scripts/ceph-rgw.sh` in a
 * state dir and on ports of its own (`useS3Gateways()`: /tmp/objectscale-resources-rgw-multi,
 * 127.0.0.1:7490-7492) and stopped afterwards.
 *
 * Run: node --expose-gc build/bench/smartGateways.bench.js
 *      BENCH_SMART_ROUNDS=10 BENCH_SMART_OPS=640 BENCH_SMART_SIZE=4096 (the defaults)
 *
 * @module
 */
import { pathToFileURL } from "node:url";
import { GetObjectCommand, PutObjectCommand, S3Client, CreateBucketCommand } from "@aws-sdk/client-s3";
import { Session, type SessionOptions } from "../index.js";
import { missingCephBinaries } from "../test/support/cephRgwScript.js";
import {
  gatewayClient,
  stopS3GatewaysIfStarted,
  useS3Gateways,
  type S3GatewaysEnv,
} from "../test/support/s3Gateways.js";
import { emptyAndDeleteBucket, uniqueBucketName } from "../test/support/s3Server.js";
import { median, percentile, printTable, type BenchRow } from "./report.js";

const env = process.env;
const ROUNDS = Number(env["BENCH_SMART_ROUNDS"] ?? 10);
const OPS = Number(env["BENCH_SMART_OPS"] ?? 640);
const SIZE = Number(env["BENCH_SMART_SIZE"] ?? 4096);
const CONCURRENCY = 64;
const WARMUP_OPS = 2 * CONCURRENCY;
/** As many sockets per host as requests under way: the SDK's default of 50 would queue the single-gateway variants. */
const AGENT = { httpAgent: { maxSockets: CONCURRENCY } };

interface Variant {
  readonly name: string;
  put(key: string, body: Uint8Array): Promise<unknown>;
  /** Resolves with the length of the body read. */
  get(key: string): Promise<number>;
  close(): Promise<void>;
}

interface Samples {
  readonly opsPerSecond: number[];
  readonly latenciesMs: number[];
  /** This process's CPU time (user + system) per operation, per round. */
  readonly cpuUsPerOp: number[];
}

interface PhaseResult {
  readonly seconds: number;
  readonly latenciesMs: number[];
  readonly cpuUs: number;
}

/**
 * Why the benchmark cannot run here, or `undefined` when it can: it needs the gateways of
 * `CEPH_RGW_ENDPOINTS`, or the Ceph binaries to start its own.
 */
export function smartGatewaysSkipReason(): string | undefined {
  const listed = (env["CEPH_RGW_ENDPOINTS"] ?? "").split(",").filter((e) => e.trim() !== "");
  if (listed.length >= 3) return undefined;
  const missing = missingCephBinaries();
  return missing.length === 0
    ? undefined
    : `CEPH_RGW_ENDPOINTS lists fewer than 3 gateways and ${missing.join(", ")} not found (bash scripts/ceph-rgw.sh install)`;
}

/**
 * Runs the benchmark and returns, for PUT then GET, rows of throughput and p50/p99 latency per
 * variant; the plain session to one gateway is the baseline of the others.
 *
 * @throws Error when the cluster cannot be started (the message names the log to read).
 * @example
 * ```ts
 * printTable(await runSmartGatewaysBench());
 * ```
 */
export async function runSmartGatewaysBench(): Promise<BenchRow[]> {
  const gateways = await useS3Gateways(3);
  const bucket = uniqueBucketName("bench-smart-gateways");
  const admin = gatewayClient(gateways, 1);
  const variants: Variant[] = [];
  try {
    await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    const smart = sessionVariant("smart client, 3 gateways", gateways, bucket, {
      hosts: gateways.endpoints.map((e) => new URL(e).host),
    });
    variants.push(
      sessionVariant("session, 1 gateway", gateways, bucket, undefined),
      smart,
      rawVariant("raw S3Client, 1 gateway", gateways, bucket, [1]),
      rawVariant("raw S3Client per gateway, round-robin over 3", gateways, bucket, [1, 2, 3]),
    );
    const body = new Uint8Array(SIZE).fill(0x61);
    const samples = new Map<string, Samples>();
    const sample = (variant: Variant, kind: string): Samples => {
      const id = `${variant.name}|${kind}`;
      let s = samples.get(id);
      if (s === undefined) samples.set(id, (s = { opsPerSecond: [], latenciesMs: [], cpuUsPerOp: [] }));
      return s;
    };
    const keyOf = (variant: number, i: number) => `v${variant}/${i}`;

    for (const [v, variant] of variants.entries()) {
      await phase(WARMUP_OPS, (i) => variant.put(keyOf(v, i), body));
      await phase(WARMUP_OPS, (i) => variant.get(keyOf(v, i)));
    }
    const before = smart.session.smartClient!.stats().nodes.map((n) => [n.requests, n.errors] as const);
    for (let r = 0; r < ROUNDS; r++) {
      for (let k = 0; k < variants.length; k++) {
        const v = (r + k) % variants.length;
        const variant = variants[v]!;
        collect(sample(variant, "PUT"), await phase(OPS, (i) => variant.put(keyOf(v, i), body)));
        collect(
          sample(variant, "GET"),
          await phase(OPS, async (i) => {
            const length = await variant.get(keyOf(v, i));
            if (length !== SIZE) throw new Error(`GET ${keyOf(v, i)} read ${length} bytes, expected ${SIZE}`);
          }),
        );
      }
    }
    const nodes = smart.session.smartClient!.stats().nodes;
    const attempts = nodes.map((n, g) => n.requests - before[g]![0]);
    const failed = nodes.reduce((sum, n, g) => sum + n.errors - before[g]![1], 0);
    const total = attempts.reduce((a, b) => a + b, 0);
    const share =
      `per gateway ${attempts.map((a) => `${((100 * a) / total).toFixed(1)}%`).join(" / ")} of ${total} attempts` +
      `, ${failed} failed`;
    return rows(variants, samples, share);
  } finally {
    await Promise.all(variants.map((v) => v.close()));
    await emptyAndDeleteBucket(admin, bucket).catch((error: unknown) => {
      process.stderr.write(`  could not delete ${bucket}: ${String(error)}\n`);
    });
    admin.destroy();
    await stopS3GatewaysIfStarted();
  }
}

function rows(variants: readonly Variant[], samples: Map<string, Samples>, share: string): BenchRow[] {
  const base = variants[0]!.name;
  const method =
    `median of ${ROUNDS} interleaved rounds × ${OPS} ops, ${CONCURRENCY} under way, ${SIZE} B objects ` +
    `(PUT then GET of the same keys), rotating variant order`;
  const latencyMethod = `over ${ROUNDS} × ${OPS} ops, ${CONCURRENCY} under way, ${SIZE} B objects`;
  const out: BenchRow[] = [];
  for (const kind of ["PUT", "GET"]) {
    const of = (variant: Variant) => samples.get(`${variant.name}|${kind}`)!;
    const metrics = [
      {
        label: "throughput",
        unit: "ops/s",
        value: (s: Samples) => median(s.opsPerSecond),
        digits: 0,
        method,
      },
      {
        label: "p50 latency",
        unit: "ms",
        value: (s: Samples) => percentile(s.latenciesMs, 50),
        digits: 1,
        method: `p50 ${latencyMethod}`,
      },
      {
        label: "p99 latency",
        unit: "ms",
        value: (s: Samples) => percentile(s.latenciesMs, 99),
        digits: 1,
        method: `p99 ${latencyMethod}`,
      },
    ];
    for (const metric of metrics) {
      const baseline = metric.value(of(variants[0]!));
      for (const [i, variant] of variants.entries()) {
        const value = metric.value(of(variant));
        out.push({
          name: `${kind} ${SIZE / 1024} KiB, ${metric.label}: ${variant.name}`,
          value: Number(value.toFixed(metric.digits)),
          unit: metric.unit,
          ...(i === 0
            ? {}
            : {
                baseline: `${kind} ${SIZE / 1024} KiB, ${metric.label}: ${base}`,
                ratio: Number((value / baseline).toFixed(2)),
              }),
          method: metric.method,
          ...(metric.label === "throughput"
            ? {
                note:
                  `client CPU ${median(of(variant).cpuUsPerOp).toFixed(0)} µs/op (median of rounds)` +
                  (variant.name.startsWith("smart") ? `; ${share}` : ""),
              }
            : {}),
        });
      }
    }
  }
  return out;
}

/** Runs `count` operations with {@link CONCURRENCY} under way; the first failure rejects. */
async function phase(count: number, op: (i: number) => Promise<unknown>): Promise<PhaseResult> {
  (globalThis as { gc?: () => void }).gc?.();
  const latenciesMs = new Array<number>(count);
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await op(i);
        latenciesMs[i] = performance.now() - t0;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { seconds, latenciesMs, cpuUs: used.user + used.system };
}

function collect(into: Samples, run: PhaseResult): void {
  into.opsPerSecond.push(run.latenciesMs.length / run.seconds);
  into.latenciesMs.push(...run.latenciesMs);
  into.cpuUsPerOp.push(run.cpuUs / run.latenciesMs.length);
}

function sessionVariant(
  name: string,
  gateways: S3GatewaysEnv,
  bucket: string,
  smartClient: SessionOptions["smartClient"],
): Variant & { readonly session: Session } {
  const session = new Session({
    endpoint: gateways.endpoints[0]!,
    region: gateways.region,
    credentials: { ...gateways.credentials },
    forcePathStyle: gateways.forcePathStyle,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    sdk: { requestHandler: AGENT },
    ...(smartClient !== undefined ? { smartClient } : {}),
  });
  const client = session.client("s3");
  return {
    name,
    session,
    put: (Key, Body) => client.putObject({ Bucket: bucket, Key, Body }),
    get: async (Key) =>
      (await (await client.getObject({ Bucket: bucket, Key })).Body!.transformToByteArray()).length,
    close: async () => {
      client.destroy();
      await session.close();
    },
  };
}

/** Plain SDK clients, one per gateway listed, taken in turn: what spreading costs without the smart client. */
function rawVariant(
  name: string,
  gateways: S3GatewaysEnv,
  bucket: string,
  numbers: readonly number[],
): Variant {
  const clients: S3Client[] = numbers.map((n) => gatewayClient(gateways, n, { requestHandler: AGENT }));
  let turn = 0;
  const next = () => clients[turn++ % clients.length]!;
  return {
    name,
    put: (Key, Body) => next().send(new PutObjectCommand({ Bucket: bucket, Key, Body })),
    get: async (Key) =>
      (await (await next().send(new GetObjectCommand({ Bucket: bucket, Key }))).Body!.transformToByteArray())
        .length,
    close: () => {
      for (const client of clients) client.destroy();
      return Promise.resolve();
    },
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";
  printTable(await runSmartGatewaysBench());
}

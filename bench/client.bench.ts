/**
 * CPU cost of a client call against the raw SDK, with a stub transport (no network):
 * `client.headObject(...)` versus `S3Client.send(new HeadObjectCommand(...))`, in one process,
 * interleaved in alternating batches so drift of the machine hits both alike.
 *
 * Run: npm run build:test && node build/bench/client.bench.js
 */
import { HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Session } from "../index.js";
import { StubTransport, stubSessionOptions } from "../test/support/stubTransport.js";
import { median, printTable, type BenchRow } from "./report.js";
import { pathToFileURL } from "node:url";

const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 20);
const BATCH = Number(process.env["BENCH_BATCH"] ?? 500);
const WARMUP = 1_000;

type Variant = { name: string; call: () => Promise<unknown> };

async function batch(v: Variant, n: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await v.call();
  return Number(process.hrtime.bigint() - t0) / 1e3 / n;
}

export async function runClientBench(): Promise<BenchRow[]> {
  const answer = { headers: { "content-length": "3", etag: '"e"' } };
  const options = stubSessionOptions(new StubTransport(answer));
  const raw = new S3Client({ ...options, ...options.sdk, requestHandler: new StubTransport(answer) });
  const input = { Bucket: "bench", Key: "some/key.txt" };

  const quiet = new Session(stubSessionOptions(new StubTransport(answer))).client("s3");
  const hooked = new Session(stubSessionOptions(new StubTransport(answer)));
  hooked.events.register("before-sign.s3.HeadObject", ({ request }) => {
    request.headers["x-emc-namespace"] = "ns1";
  });
  const hookedClient = hooked.client("s3");

  const variants: Variant[] = [
    { name: "raw S3Client.send(HeadObjectCommand)", call: () => raw.send(new HeadObjectCommand(input)) },
    { name: "client.headObject, no handlers", call: () => quiet.headObject(input) },
    { name: "client.headObject, 1 before-sign handler", call: () => hookedClient.headObject(input) },
  ];
  for (const v of variants) await batch(v, WARMUP);
  const samples = variants.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < variants.length; i++) samples[i]!.push(await batch(variants[i]!, BATCH));
  }
  const base = median(samples[0]!);
  const rows: BenchRow[] = variants.map((v, i) => {
    const us = median(samples[i]!);
    const paired = median(samples[i]!.map((x, r) => x - samples[0]![r]!));
    return {
      name: v.name,
      value: Number(us.toFixed(1)),
      unit: "µs/call",
      baseline: i === 0 ? undefined : variants[0]!.name,
      ratio: i === 0 ? undefined : Number((us / base).toFixed(3)),
      method: `median of ${ROUNDS} interleaved rounds × ${BATCH} sequential awaited calls, after ${WARMUP} warm-up; stub transport, no network`,
      ...(i === 0 ? {} : { note: `median paired Δ per round ${paired.toFixed(1)} µs` }),
    };
  });
  raw.destroy();
  quiet.destroy();
  hookedClient.destroy();
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";
  printTable(await runClientBench());
}

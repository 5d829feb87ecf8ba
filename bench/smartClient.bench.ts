/**
 * CPU cost of the smart client on the request path, with a stub transport (no network):
 * `client.headObject(...)` on a session without the smart client, with it over 3 nodes, and with
 * bucket pinning over 3 groups of 3 nodes. Interleaved batches in one process, so drift of the
 * machine hits every variant alike. Health checks and discovery are off: they run on timers, not
 * per request.
 *
 * Run: node build/bench/smartClient.bench.js
 *
 * @module
 */
import { pathToFileURL } from "node:url";
import { Session, type SessionOptions } from "../index.js";
import { StubTransport, stubSessionOptions } from "../test/support/stubTransport.js";
import { perCallRows, printTable, type BenchRow, type CallVariant } from "./report.js";

const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 20);
const BATCH = Number(process.env["BENCH_BATCH"] ?? 500);
const WARMUP = 1_000;
const ENDPOINT = "http://10.0.0.1:9020";

interface Variant extends CallVariant {
  readonly close: () => Promise<void>;
}

function variant(name: string, smartClient: SessionOptions["smartClient"]): Variant {
  const answer = { headers: { "content-length": "3", etag: '"e"' } };
  const session = new Session({
    ...stubSessionOptions(new StubTransport(answer)),
    endpoint: ENDPOINT,
    smartClient,
  });
  const client = session.client("s3");
  const input = { Bucket: "bench", Key: "some/key.txt" };
  return {
    name,
    call: () => client.headObject(input),
    close: async () => {
      client.destroy();
      await session.close();
    },
  };
}

/**
 * Runs the benchmark and returns one row per variant, the first (no smart client) being the
 * baseline of the others.
 *
 * @example
 * ```ts
 * printTable(await runSmartClientBench());
 * ```
 */
export async function runSmartClientBench(): Promise<BenchRow[]> {
  const nodes = (site: number) => [1, 2, 3].map((n) => `10.0.${site}.${n}:9020`);
  const variants = [
    variant("client.headObject, smart client off", undefined),
    variant("client.headObject, smart client on, 3 nodes", { hosts: nodes(0), healthCheck: false }),
    variant("client.headObject, smart client on, 3 groups × 3 nodes, bucket pinning", {
      groups: [nodes(0), nodes(1), nodes(2)],
      healthCheck: false,
    }),
  ];
  const rows = await perCallRows(variants, { rounds: ROUNDS, batch: BATCH, warmup: WARMUP });
  await Promise.all(variants.map((v) => v.close()));
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";
  printTable(await runSmartClientBench());
}

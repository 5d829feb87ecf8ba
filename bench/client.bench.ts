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
import { perCallRows, printTable, type BenchRow } from "./report.js";
import { pathToFileURL } from "node:url";

const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 20);
const BATCH = Number(process.env["BENCH_BATCH"] ?? 500);
const WARMUP = 1_000;

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

  const rows = await perCallRows(
    [
      { name: "raw S3Client.send(HeadObjectCommand)", call: () => raw.send(new HeadObjectCommand(input)) },
      { name: "client.headObject, no handlers", call: () => quiet.headObject(input) },
      { name: "client.headObject, 1 before-sign handler", call: () => hookedClient.headObject(input) },
    ],
    { rounds: ROUNDS, batch: BATCH, warmup: WARMUP },
  );
  raw.destroy();
  quiet.destroy();
  hookedClient.destroy();
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";
  printTable(await runClientBench());
}

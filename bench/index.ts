/**
 * Runs every benchmark and prints one markdown table, each figure next to its baseline from the
 * same process. Benchmarks never run as part of the tests.
 *
 * Suites marked as needing a server run only when `AWS_ENDPOINT_URL` is set; `npm run bench`
 * runs this file through `scripts/with-s3-server.sh`, which starts the local Ceph RGW when no
 * endpoint is configured (and stops it afterwards).
 *
 * Run: npm run bench
 */
import { runClientBench } from "./client.bench.js";
import { runEventsBench } from "./events.bench.js";
import { printTable, type BenchRow } from "./report.js";
import { runResourceCreationBench, runResourcesS3Bench } from "./resources.bench.js";
import { runTransferBench } from "./transfer.bench.js";
import { runValidationBench } from "./validation.bench.js";

process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";

const hasServer = (process.env["AWS_ENDPOINT_URL"] ?? "") !== "";
const suites: Array<[name: string, run: () => Promise<BenchRow[]>, needsServer?: boolean]> = [
  ["events", runEventsBench],
  ["validation", runValidationBench],
  ["client", runClientBench],
  ["resources (creation)", runResourceCreationBench],
  ["resources on S3 (iteration, batch delete)", runResourcesS3Bench, true],
  ["transfers on S3 (uploadFile, downloadFile)", runTransferBench, true],
];
const rows: BenchRow[] = [];
for (const [name, run, needsServer] of suites) {
  if (needsServer === true && !hasServer) {
    process.stderr.write(`skipping ${name}: no S3 endpoint (AWS_ENDPOINT_URL is not set)\n`);
    continue;
  }
  process.stderr.write(`running ${name} ...\n`);
  rows.push(...(await run()));
}
console.log(
  `\nnode ${process.version}, ${new Date().toISOString()}` +
    (hasServer ? `, S3 endpoint ${process.env["AWS_ENDPOINT_URL"]}` : "") +
    "\n",
);
printTable(rows);

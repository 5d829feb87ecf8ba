/**
 * Runs every benchmark and prints one markdown table, each figure next to its baseline from the
 * same process. Benchmarks never run as part of the tests.
 *
 * Run: npm run bench
 */
import { runClientBench } from "./client.bench.js";
import { runEventsBench } from "./events.bench.js";
import { printTable, type BenchRow } from "./report.js";
import { runValidationBench } from "./validation.bench.js";

process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";

const suites: Array<[string, () => Promise<BenchRow[]>]> = [
  ["events", runEventsBench],
  ["validation", runValidationBench],
  ["client", runClientBench],
];
const rows: BenchRow[] = [];
for (const [name, run] of suites) {
  process.stderr.write(`running ${name} ...\n`);
  rows.push(...(await run()));
}
console.log(`\nnode ${process.version}, ${new Date().toISOString()}\n`);
printTable(rows);

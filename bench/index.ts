/**
 * Runs the benchmarks and prints one markdown table, each figure next to its baseline from the
 * same run. Benchmarks never run as part of the tests.
 *
 * Suites marked as needing a server run only when `AWS_ENDPOINT_URL` is set; `npm run bench`
 * runs this file through `scripts/bench.sh`, which starts the benchmarks' own Ceph RGW (bluestore)
 * when no endpoint is configured (and stops it afterwards).
 *
 * Run: npm run bench                                  (every suite)
 *      npm run bench -- --only cold-start,events      (the named suites only)
 *      node --expose-gc build/bench/index.js --only events,validation,client,resources,cold-start
 *                                                     (no build, no server started)
 *
 * smart-gateways brings its own server: it starts a cluster of three Ceph RGW gateways (or uses
 * those `CEPH_RGW_ENDPOINTS` lists), so it runs whenever the Ceph binaries are installed.
 *
 * Suite names for `--only`: events, validation, client, smart-client, resources, resources-s3,
 * transfer, smart-gateways, cold-start.
 */
import { cpus, loadavg } from "node:os";
import { runClientBench } from "./client.bench.js";
import { runColdStartBench } from "./coldStart.bench.js";
import { runEventsBench } from "./events.bench.js";
import { printTable, type BenchRow } from "./report.js";
import { runResourceCreationBench, runResourcesS3Bench } from "./resources.bench.js";
import { runSmartClientBench } from "./smartClient.bench.js";
import { runSmartGatewaysBench, smartGatewaysSkipReason } from "./smartGateways.bench.js";
import { runTransferBench } from "./transfer.bench.js";
import { runValidationBench } from "./validation.bench.js";

process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";

interface Suite {
  /** The name `--only` selects it by. */
  readonly name: string;
  readonly title: string;
  readonly run: () => Promise<BenchRow[]>;
  readonly needsServer?: boolean;
  /** Why the suite cannot run on this machine, if it cannot (for suites that bring their own server). */
  readonly skipReason?: () => string | undefined;
}

const SUITES: readonly Suite[] = [
  { name: "events", title: "events (emit)", run: runEventsBench },
  { name: "validation", title: "validation (validateParams)", run: runValidationBench },
  { name: "client", title: "client (headObject, stub transport)", run: runClientBench },
  { name: "smart-client", title: "smart client (headObject, stub transport)", run: runSmartClientBench },
  { name: "resources", title: "resources (creation)", run: runResourceCreationBench },
  { name: "cold-start", title: "cold start (fresh processes)", run: runColdStartBench },
  {
    name: "resources-s3",
    title: "resources on S3 (iteration, batch delete)",
    run: runResourcesS3Bench,
    needsServer: true,
  },
  {
    name: "transfer",
    title: "transfers on S3 (uploadFile, downloadFile)",
    run: runTransferBench,
    needsServer: true,
  },
  {
    name: "smart-gateways",
    title: "smart client over 3 Ceph RGW gateways (64 concurrent PUTs, GETs)",
    run: runSmartGatewaysBench,
    skipReason: smartGatewaysSkipReason,
  },
];

/** The suites named by `--only a,b` or `--only=a,b` (every suite without it), in table order. */
function selectedSuites(argv: readonly string[]): readonly Suite[] {
  const known = SUITES.map((s) => s.name).join(", ");
  let list: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--only") list = argv[++i] ?? "";
    else if (arg.startsWith("--only=")) list = arg.slice("--only=".length);
    else throw new Error(`Unknown argument "${arg}": expected --only <comma-separated suites: ${known}>`);
  }
  if (list === undefined) return SUITES;
  const names = list
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  if (names.length === 0) throw new Error(`--only needs a comma-separated list of suites: ${known}`);
  const unknown = names.filter((name) => !SUITES.some((s) => s.name === name));
  if (unknown.length > 0)
    throw new Error(`Unknown suite(s) ${unknown.map((n) => `"${n}"`).join(", ")}: expected some of ${known}`);
  return SUITES.filter((s) => names.includes(s.name));
}

const suites = selectedSuites(process.argv.slice(2));
const hasServer = (process.env["AWS_ENDPOINT_URL"] ?? "") !== "";
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");
const loadBefore = load();
const started = new Date();
const rows: BenchRow[] = [];
for (const suite of suites) {
  if (suite.needsServer === true && !hasServer) {
    process.stderr.write(`skipping ${suite.name}: no S3 endpoint (AWS_ENDPOINT_URL is not set)\n`);
    continue;
  }
  const reason = suite.skipReason?.();
  if (reason !== undefined) {
    process.stderr.write(`skipping ${suite.name}: ${reason}\n`);
    continue;
  }
  process.stderr.write(`running ${suite.name}: ${suite.title} ...\n`);
  rows.push(...(await suite.run()));
}
const cpu = cpus();
console.log(
  `\nnode ${process.version}, ${started.toISOString()}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}` +
    `; load average (1/5/15 min) ${loadBefore} before, ${load()} after` +
    `; suites: ${suites.map((s) => s.name).join(", ")}` +
    (hasServer ? `; S3 endpoint ${process.env["AWS_ENDPOINT_URL"]}` : "") +
    "\n\nRatio = value ÷ the baseline's value from this run: below 1 is faster for times (ns, µs, ms) and" +
    " smaller for memory; above 1 is faster for MB/s.\n",
);
printTable(rows);

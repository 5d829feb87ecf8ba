/**
 * Cold start: the time from spawning a fresh process to holding the first S3 client or resource,
 * for this package (with and without the ObjectScale plugin), for the raw SDK and for boto3. No
 * request is sent, so no server is needed.
 *
 * Variants, each in its own fresh process (`coldStart.child.ts` for Node, `boto3/cold_start.py`
 * for Python):
 *
 * - `raw SDK client`: `import("@aws-sdk/client-s3")` + `new S3Client({...})`, the baseline of
 *   our clients;
 * - `ours client`: `import("objectscale-resources")` (the published bundle, `dist/index.js`) +
 *   `new Session({...})` + `session.client("s3")`; `ours client, ObjectScale plugin`: the same
 *   with `plugins: [objectScale()]`; `ours client, unbundled build/index.js`: the same from the
 *   compiled sources (one module per file), to show what bundling saves;
 * - `ours resource + Bucket('x')`: the same import + `session.resource("s3").Bucket("x")` (which
 *   creates the first client too), with and without the plugin; boto3's resource is their
 *   baseline;
 * - `boto3 client`: `import boto3` + `boto3.session.Session().client("s3", endpoint_url=..., ...)`;
 *   `boto3 resource + Bucket('x')`: `...resource("s3", endpoint_url=..., ...).Bucket("x")`.
 *
 * Every variant gets the same endpoint, region, keys and path style, and runs `BENCH_COLD_RUNS`
 * times (default 20) after one discarded run, interleaved in an order that rotates every round.
 * Two figures per variant, both median (with p90 in the note):
 *
 * - **spawn → ready**: from just before the parent spawns the process to the moment the object
 *   exists, on one clock: Node's `process.hrtime` and Python's `time.monotonic_ns()` both read
 *   CLOCK_MONOTONIC, so the child's timestamp minus the parent's is valid on both sides. It
 *   includes the interpreter's start-up; the note splits it into start-up, import and creation,
 *   and gives Node's `performance.now()` at ready (ms since its process origin).
 * - **spawn → exit**: the parent's wall clock from spawn to the child's exit, the whole process.
 *
 * Run: npm run build && npm run build:test && node build/bench/coldStart.bench.js
 * (or `npm run bench -- --only cold-start`, which builds both)
 *
 * @module
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ColdStartSample, NodeColdStartVariant } from "./coldStart.child.js";
import { boto3Script } from "./paths.js";
import { median, percentile, printTable, type BenchRow } from "./report.js";

const env = process.env;
const RUNS = Number(env["BENCH_COLD_RUNS"] ?? 20);
const PYTHON = env["BENCH_PYTHON"] ?? "/usr/bin/python3";
const CHILD = fileURLToPath(new URL("./coldStart.child.js", import.meta.url));
const CHILD_ENV = {
  ...env,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  // reads the .pyc files as usual, but leaves no __pycache__ in bench/boto3
  PYTHONDONTWRITEBYTECODE: "1",
};

interface Variant {
  readonly name: string;
  readonly command: () => [file: string, args: string[]];
  /** The variant this one's Ratio column compares with. */
  readonly baseline?: string;
  /** A second comparison, given in the note. */
  readonly alsoVersus?: string;
}

const RAW = "raw SDK client";
const OURS_CLIENT = "ours client";
const BOTO3_CLIENT = "boto3 client";
const BOTO3_RESOURCE = "boto3 resource + Bucket('x')";
/** How the notes name the variants others are compared with. */
const SHORT: Readonly<Record<string, string>> = {
  [RAW]: "the raw SDK's client",
  [BOTO3_CLIENT]: "boto3's client",
  [BOTO3_RESOURCE]: "boto3's resource",
  [OURS_CLIENT]: "the bundle's client",
};

const node = (variant: NodeColdStartVariant) => (): [string, string[]] => [
  process.execPath,
  [CHILD, variant],
];
const python = (variant: "client" | "resource") => (): [string, string[]] => [
  PYTHON,
  [boto3Script("cold_start.py"), variant],
];

const VARIANTS: readonly Variant[] = [
  { name: RAW, command: node("sdk-client") },
  { name: BOTO3_CLIENT, command: python("client") },
  { name: BOTO3_RESOURCE, command: python("resource") },
  {
    name: OURS_CLIENT,
    command: node("client"),
    baseline: RAW,
    alsoVersus: BOTO3_CLIENT,
  },
  {
    name: "ours client, unbundled build/index.js",
    command: node("client-unbundled"),
    baseline: RAW,
    alsoVersus: OURS_CLIENT,
  },
  {
    name: "ours client, ObjectScale plugin",
    command: node("client-objectscale"),
    baseline: RAW,
    alsoVersus: BOTO3_CLIENT,
  },
  {
    name: "ours resource + Bucket('x')",
    command: node("resource"),
    baseline: BOTO3_RESOURCE,
    alsoVersus: RAW,
  },
  {
    name: "ours resource + Bucket('x'), ObjectScale plugin",
    command: node("resource-objectscale"),
    baseline: BOTO3_RESOURCE,
    alsoVersus: RAW,
  },
];

/** One cold start, in ms. */
interface Run {
  /** Spawn → the object exists, on CLOCK_MONOTONIC. */
  ready: number;
  /** Spawn → exit, the parent's wall clock. */
  exit: number;
  /** Spawn → the script's first line. */
  startup: number;
  import: number;
  create: number;
  /** Node only: `performance.now()` once ready. */
  originReady?: number;
  versions?: string;
}

/** Spawns one child and collects its sample; rejects when it fails or prints no sample. */
function coldStart(file: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const spawnNs = process.hrtime.bigint();
    const child = spawn(file, args, { stdio: ["ignore", "pipe", "pipe"], env: CHILD_ENV });
    let exitNs = 0n;
    let stdout = "";
    let stderr = "";
    child.on("exit", () => (exitNs = process.hrtime.bigint()));
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code !== 0) {
        reject(
          new Error(
            `${file} ${args.join(" ")} exited with ${code ?? signal}: ${stderr.trim().slice(0, 500)}`,
          ),
        );
        return;
      }
      try {
        const sample = JSON.parse(stdout) as ColdStartSample;
        const ms = (from: bigint, to: bigint): number => Number(to - from) / 1e6;
        resolve({
          ready: ms(spawnNs, BigInt(sample.ready_ns)),
          exit: ms(spawnNs, exitNs),
          startup: ms(spawnNs, BigInt(sample.start_ns)),
          import: sample.import_ms,
          create: sample.create_ms,
          ...(sample.origin_ready_ms === undefined ? {} : { originReady: sample.origin_ready_ms }),
          ...(sample.boto3 === undefined
            ? {}
            : { versions: `boto3 ${sample.boto3}, CPython ${sample.python}` }),
        });
      } catch (error) {
        reject(
          new Error(`${file} ${args.join(" ")} printed no sample: ${stdout.slice(0, 200)}`, { cause: error }),
        );
      }
    });
  });
}

/**
 * The children import the package by its name, as its users do; from inside the checkout that
 * resolves through package.json's `exports` to `dist/`, which only `npm run build` writes.
 *
 * @throws `Error` naming the missing file and the command that builds it.
 */
function checkPublishedEntry(): void {
  let entry: string;
  try {
    entry = fileURLToPath(import.meta.resolve("objectscale-resources"));
  } catch (error) {
    throw new Error(
      `The cold-start suite imports the published package ("objectscale-resources" through the exports of the checkout's package.json), which does not resolve from ${CHILD}: run \`npm run build\` first`,
      { cause: error },
    );
  }
  if (!existsSync(entry))
    throw new Error(
      `The cold-start suite imports the published package, and ${entry} is missing: run \`npm run build\` first`,
    );
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

/** `2.5× faster than X` or `1.2× slower than X`, from their time ÷ ours. */
const versus = (ours: number, theirs: number, who: string): string =>
  theirs >= ours
    ? `${round(theirs / ours, 2)}× faster than ${who}`
    : `${round(ours / theirs, 2)}× slower than ${who}`;

/**
 * Cold start of each variant in fresh processes: median spawn → ready and spawn → exit, in ms.
 *
 * @example
 * ```ts
 * printTable(await runColdStartBench());
 * ```
 */
export async function runColdStartBench(): Promise<BenchRow[]> {
  if (RUNS <= 0) return [];
  checkPublishedEntry();
  const variants = VARIANTS.filter((v) => {
    const [file] = v.command();
    if (file === PYTHON && !existsSync(PYTHON)) {
      process.stderr.write(`  ${v.name} skipped: ${PYTHON} not found\n`);
      return false;
    }
    return true;
  });
  const runs = new Map<string, Run[]>(variants.map((v) => [v.name, []]));
  const skipped = new Set<string>();
  // round -1 is the discarded warm-up: it fills the page cache (and any compile caches) for every variant
  for (let round = -1; round < RUNS; round++) {
    if (round >= 0 && round % 5 === 0) process.stderr.write(`  cold start: round ${round + 1}/${RUNS}\n`);
    for (let j = 0; j < variants.length; j++) {
      const v = variants[(j + Math.max(round, 0)) % variants.length]!;
      if (skipped.has(v.name)) continue;
      try {
        const run = await coldStart(...v.command());
        if (round >= 0) runs.get(v.name)!.push(run);
      } catch (error) {
        // boto3 missing is a reason to leave its rows out; our own child failing is a bug
        if (v.command()[0] !== PYTHON) throw error;
        process.stderr.write(`  ${v.name} skipped: ${(error as Error).message}\n`);
        skipped.add(v.name);
      }
    }
  }

  const stat = (name: string | undefined, pick: (run: Run) => number): number | undefined => {
    const values = name === undefined ? [] : (runs.get(name) ?? []).map(pick);
    return values.length === 0 ? undefined : median(values);
  };
  const rows: BenchRow[] = [];
  for (const [measure, pick, how] of [
    [
      "spawn → ready",
      (run: Run) => run.ready,
      "parent's hrtime just before spawn → child's CLOCK_MONOTONIC once created",
    ],
    ["spawn → exit", (run: Run) => run.exit, "parent's hrtime, spawn → exit event"],
  ] as const) {
    for (const v of variants) {
      const samples = runs.get(v.name)!;
      if (samples.length === 0) continue;
      const value = median(samples.map(pick));
      const base = stat(v.baseline, pick);
      const other = stat(v.alsoVersus, pick);
      const parts = [`p90 ${round(percentile(samples.map(pick), 90))} ms`];
      if (measure === "spawn → ready") {
        const m = (f: (run: Run) => number): number => round(median(samples.map(f)));
        parts.push(
          `start-up ${m((r) => r.startup)}, import ${m((r) => r.import)}, create ${m((r) => r.create)} ms`,
        );
        if (samples[0]!.originReady !== undefined)
          parts.push(`performance.now() at ready ${m((r) => r.originReady!)} ms`);
        if (samples[0]!.versions !== undefined) parts.push(samples[0]!.versions);
      }
      if (base !== undefined) parts.push(versus(value, base, SHORT[v.baseline!]!));
      if (other !== undefined)
        parts.push(`${versus(value, other, SHORT[v.alsoVersus!]!)} (${round(other)} ms)`);
      rows.push({
        name: `cold start, ${measure}: ${v.name}`,
        value: round(value),
        unit: "ms",
        baseline: base === undefined ? undefined : `cold start, ${measure}: ${v.baseline}`,
        ratio: base === undefined ? undefined : round(value / base, 2),
        method: `median of ${samples.length} fresh processes (rotating order, 1 discarded warm-up each); ${how}`,
        note: parts.join("; "),
      });
    }
  }
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printTable(await runColdStartBench());
}

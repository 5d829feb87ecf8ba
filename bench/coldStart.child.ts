/**
 * One cold start, run by `coldStart.bench.ts` in a fresh Node process: import a library, create
 * its first client or resource, print the timings as one JSON line, exit. Nothing is imported
 * before the first timestamp except this file, and no request is sent.
 *
 * Usage: node build/bench/coldStart.child.js <variant>, where variant is one of
 * {@link NodeColdStartVariant}. The package is imported as its users import it, by its name
 * `objectscale-resources`: from inside the checkout Node resolves the package's own name through
 * the `exports` of its package.json, to the bundle `npm run build` writes (`dist/index.js`).
 * `client-unbundled` imports the compiled sources instead (`build/index.js`, one module per
 * source file), to show what bundling saves.
 *
 * @module
 */

// First, before anything else runs: the shared monotonic clock (CLOCK_MONOTONIC, as Python's
// time.monotonic_ns()) and the time since Node's own origin (process start).
const startNs = process.hrtime.bigint();
const startSinceOriginMs = performance.now();

// Not exported: the parent imports this file's types only, since importing it would run it.
const NODE_COLD_START_VARIANTS = [
  "sdk-client",
  "client",
  "client-unbundled",
  "client-objectscale",
  "resource",
  "resource-objectscale",
] as const;
/**
 * What a child can create: the raw SDK's client, or ours (a client or a resource, with or without
 * the ObjectScale plugin; a client from the unbundled build too).
 */
export type NodeColdStartVariant = (typeof NODE_COLD_START_VARIANTS)[number];

/** The JSON line a child prints; Python's `cold_start.py` prints the same members. */
export interface ColdStartSample {
  /** CLOCK_MONOTONIC at the first line of the script, in ns (a decimal string). */
  start_ns: string;
  /** CLOCK_MONOTONIC once the client or resource exists, in ns (a decimal string). */
  ready_ns: string;
  /** The import of the library, in ms. */
  import_ms: number;
  /** Creating the session, client and resource after the import, in ms. */
  create_ms: number;
  /** Node only: `performance.now()` at the first line and once ready (ms since process start). */
  origin_start_ms?: number;
  origin_ready_ms?: number;
  /** Python only: the versions. */
  boto3?: string;
  python?: string;
}

const ENDPOINT = "http://127.0.0.1:7480";
const credentials = { accessKeyId: "bench", secretAccessKey: "bench" };
const settings = {
  endpoint: ENDPOINT,
  region: "us-east-1",
  credentials,
  forcePathStyle: true,
  requestChecksumCalculation: "WHEN_REQUIRED",
  responseChecksumValidation: "WHEN_REQUIRED",
} as const;

/**
 * The published entry, by the package's own name. A variable, not a literal, so that compiling
 * the benchmarks does not need `dist/` (the parent checks it exists before spawning children).
 */
const PACKAGE: string = "objectscale-resources";
type Package = typeof import("../index.js");

/** Imports what `variant` needs and returns a function that creates its first client or resource. */
async function load(variant: NodeColdStartVariant): Promise<() => unknown> {
  switch (variant) {
    case "sdk-client": {
      const { S3Client } = await import("@aws-sdk/client-s3");
      return () => new S3Client(settings);
    }
    case "client-unbundled": {
      const { Session } = await import("../index.js");
      return () => new Session(settings).client("s3");
    }
    case "client":
    case "client-objectscale":
    case "resource":
    case "resource-objectscale": {
      const { Session, objectScale } = (await import(PACKAGE)) as Package;
      const plugins = variant.endsWith("-objectscale") ? [objectScale({ namespace: "ns1" })] : [];
      return variant.startsWith("client")
        ? () => new Session({ ...settings, plugins }).client("s3")
        : () => new Session({ ...settings, plugins }).resource("s3").Bucket("x");
    }
  }
}

const variant = process.argv[2] as NodeColdStartVariant;
if (!NODE_COLD_START_VARIANTS.includes(variant)) {
  process.stderr.write(`usage: coldStart.child.js <${NODE_COLD_START_VARIANTS.join("|")}>\n`);
  process.exit(2);
}
const t0 = performance.now();
const create = await load(variant);
const t1 = performance.now();
const created = create();
const t2 = performance.now();
const readyNs = process.hrtime.bigint();
if (created === undefined) throw new Error("nothing was created");

const sample: ColdStartSample = {
  start_ns: startNs.toString(),
  ready_ns: readyNs.toString(),
  import_ms: t1 - t0,
  create_ms: t2 - t1,
  origin_start_ms: startSinceOriginMs,
  origin_ready_ms: t2,
};
process.stdout.write(`${JSON.stringify(sample)}\n`);

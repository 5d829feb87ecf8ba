/**
 * The resource layer against boto3's and against the raw SDK, in one run:
 *
 * 1. **Creating resources** once the classes exist: ns per `s3.Bucket(name)` and per
 *    `bucket.Object(key)`, next to boto3's `timeit` of the same calls (boto3 rebuilds the
 *    classes on every call). No request is made.
 * 2. **Iterating `BENCH_KEYS` keys** (default 100,000) of one bucket: `bucket.objects.all()`
 *    (`for await`, page size 1000) versus the SDK's own `paginateListObjectsV2` with the same
 *    client settings, versus boto3's `for o in bucket.objects.all()`. Wall time per pass (median
 *    of interleaved passes) and peak heapUsed/RSS above the level before the pass.
 * 3. **Deleting `BENCH_DELETE` objects** (default 10,000) with the batch action
 *    `bucket.objects.filter({ Prefix }).delete()` versus boto3's
 *    `bucket.objects.filter(Prefix=...).delete()`, each on its own freshly seeded prefix.
 *
 * 2 and 3 need an S3 server: they run when `AWS_ENDPOINT_URL` is set (as `npm run bench` does
 * through `scripts/with-s3-server.sh`), with the credentials, region and path style from the
 * environment. boto3's side is `bench/boto3/resources_bench.py`, run with `/usr/bin/python3`
 * (Debian's python3-boto3; `BENCH_PYTHON` overrides); its rows are left out when it cannot run.
 *
 * Settings: `BENCH_KEYS`, `BENCH_DELETE`, `BENCH_ITER_ROUNDS` (5), `BENCH_DELETE_ROUNDS` (3)
 * (0 skips that benchmark),
 * `BENCH_SEED_CONCURRENCY` (64), `BENCH_CREATE_ROUNDS` (15), `BENCH_CREATE_BATCH` (100,000).
 *
 * Run: npm run build:test && bash scripts/with-s3-server.sh node --expose-gc build/bench/resources.bench.js
 *
 * @module
 */
import { Agent } from "node:http";
import { pathToFileURL } from "node:url";
import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  paginateListObjectsV2,
} from "@aws-sdk/client-s3";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { boto3Script } from "./paths.js";
import { median, printTable, type BenchRow } from "./report.js";
import { clientConfig, newSession, runBoto3, serverEnv, type ServerEnv } from "./s3Server.js";

const env = process.env;
const KEYS = Number(env["BENCH_KEYS"] ?? 100_000);
const DELETE_KEYS = Number(env["BENCH_DELETE"] ?? 10_000);
const ITER_ROUNDS = Number(env["BENCH_ITER_ROUNDS"] ?? 5);
const DELETE_ROUNDS = Number(env["BENCH_DELETE_ROUNDS"] ?? 3);
const SEED_CONCURRENCY = Number(env["BENCH_SEED_CONCURRENCY"] ?? 64);
const CREATE_ROUNDS = Number(env["BENCH_CREATE_ROUNDS"] ?? 15);
const CREATE_BATCH = Number(env["BENCH_CREATE_BATCH"] ?? 100_000);
const PAGE_SIZE = 1000;

// ---------------------------------------------------------------------------------------------
// Server, clients, boto3.

/** Runs one boto3 benchmark; `undefined` (with the reason on stderr) when Python or boto3 cannot run. */
function boto3<T>(command: Record<string, unknown>, server: ServerEnv | undefined): Promise<T | undefined> {
  return runBoto3<T>(boto3Script("resources_bench.py"), command, server);
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/** Thrown by a boto3 variant when Python or boto3 cannot run here; its rows are left out. */
class SkipVariant extends Error {}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
/** `2.5× faster than boto3` or `1.2× slower than boto3`, from `theirs ÷ ours`. */
const versus = (speedup: number, who: string): string =>
  speedup >= 1 ? `${round(speedup, 2)}× faster than ${who}` : `${round(1 / speedup, 2)}× slower than ${who}`;
/** `min–max` of the values, rounded to `digits`. */
const range = (values: readonly number[], digits = 0): string =>
  `${round(Math.min(...values), digits)}–${round(Math.max(...values), digits)}`;
const MiB = 1024 * 1024;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function seedingClient(server: ServerEnv): S3Client {
  return new S3Client({
    ...clientConfig(server),
    requestHandler: new NodeHttpHandler({
      httpAgent: new Agent({ keepAlive: true, maxSockets: SEED_CONCURRENCY }),
    }),
  });
}

async function createBucket(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if ((error as { name?: string }).name !== "BucketAlreadyOwnedByYou") throw error;
  }
}

const EMPTY = new Uint8Array(0); // a "" body makes the SDK warn about a stream of unknown length

/** PUTs an empty object at each key, `SEED_CONCURRENCY` in flight; returns the seconds taken. */
async function putEmpty(client: S3Client, bucket: string, keys: readonly string[]): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < keys.length) {
      const key = keys[next++]!;
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: EMPTY }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEED_CONCURRENCY, keys.length) }, worker));
  return (performance.now() - t0) / 1000;
}

async function listKeys(client: S3Client, bucket: string, prefix?: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of paginateListObjectsV2(
    { client, pageSize: PAGE_SIZE },
    { Bucket: bucket, Prefix: prefix },
  )) {
    for (const object of page.Contents ?? []) keys.push(object.Key!);
  }
  return keys;
}

async function deleteKeys(client: S3Client, bucket: string, keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 1000) {
    const output = await client.send(
      new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true },
      }),
    );
    if ((output.Errors?.length ?? 0) > 0) throw new Error(`DeleteObjects: ${JSON.stringify(output.Errors)}`);
  }
}

/** Samples memory every 5 ms and on `sample()`, from a GC'd starting point. */
class MemorySampler {
  readonly heapBefore: number;
  readonly rssBefore: number;
  #heapPeak: number;
  #rssPeak: number;
  readonly #timer: NodeJS.Timeout;

  constructor() {
    gc();
    const usage = process.memoryUsage();
    this.heapBefore = this.#heapPeak = usage.heapUsed;
    this.rssBefore = this.#rssPeak = usage.rss;
    this.#timer = setInterval(() => this.sample(), 5);
  }

  sample(): void {
    const usage = process.memoryUsage();
    if (usage.heapUsed > this.#heapPeak) this.#heapPeak = usage.heapUsed;
    if (usage.rss > this.#rssPeak) this.#rssPeak = usage.rss;
  }

  /** Peak deltas in bytes; `retained` is heapUsed after a GC at the end, minus the start. */
  stop(): { heapPeak: number; rssPeak: number; retained: number } {
    this.sample();
    clearInterval(this.#timer);
    gc();
    return {
      heapPeak: this.#heapPeak - this.heapBefore,
      rssPeak: this.#rssPeak - this.rssBefore,
      retained: process.memoryUsage().heapUsed - this.heapBefore,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Creating resources.

interface Boto3Create {
  bucket_ns: number[];
  object_ns: number[];
  number: number;
  repeat: number;
  same_class: boolean;
  boto3: string;
  python: string;
}

/** ns per `s3.Bucket(name)` and `bucket.Object(key)`, ours against boto3's. Needs no server. */
export async function runResourceCreationBench(): Promise<BenchRow[]> {
  const server = serverEnv();
  const session = newSession(
    server ?? {
      endpoint: "http://127.0.0.1:7480",
      region: "us-east-1",
      accessKeyId: "bench",
      secretAccessKey: "bench",
      forcePathStyle: true,
    },
  );
  const s3 = session.resource("s3");
  const bucket = s3.Bucket("bench-bucket");
  const names = Array.from({ length: 64 }, (_, i) => `bench-bucket-${i}`);
  const keys = Array.from({ length: 64 }, (_, i) => `some/key-${i}.txt`);

  // The argument varies (from a small table) so nothing is hoisted out of the loop; the results
  // are kept in a sink so the calls cannot be dropped.
  let sink: unknown;
  const cases = [
    {
      name: "s3.Bucket(name)",
      run: (n: number): void => {
        for (let i = 0; i < n; i++) sink = s3.Bucket(names[i & 63]!);
      },
    },
    {
      name: "bucket.Object(key)",
      run: (n: number): void => {
        for (let i = 0; i < n; i++) sink = bucket.Object(keys[i & 63]!);
      },
    },
  ];
  const time = (run: (n: number) => void): number => {
    const t0 = process.hrtime.bigint();
    run(CREATE_BATCH);
    return Number(process.hrtime.bigint() - t0) / CREATE_BATCH;
  };
  for (const c of cases) for (let i = 0; i < 3; i++) time(c.run); // warm-up: classes built, JIT done
  const samples = cases.map(() => [] as number[]);
  const half = Math.ceil(CREATE_ROUNDS / 2);
  for (let r = 0; r < half; r++) cases.forEach((c, i) => samples[i]!.push(time(c.run)));
  // boto3 in the middle of our rounds, so machine drift hits both sides alike
  const py = await boto3<Boto3Create>({ bench: "create", number: 1000, repeat: 7 }, server);
  for (let r = half; r < CREATE_ROUNDS; r++) cases.forEach((c, i) => samples[i]!.push(time(c.run)));
  if (sink === undefined) throw new Error("unreachable");

  const rows: BenchRow[] = [];
  const pyValues = py === undefined ? [] : [py.bucket_ns, py.object_ns];
  cases.forEach((c, i) => {
    const ours = median(samples[i]!);
    const theirValues = pyValues[i];
    const theirs = theirValues === undefined ? undefined : median(theirValues);
    rows.push({
      name: c.name,
      value: round(ours, 1),
      unit: "ns/op",
      baseline: theirs === undefined ? undefined : `boto3 ${c.name}`,
      ratio: theirs === undefined ? undefined : Number((ours / theirs).toPrecision(3)),
      method: `median of ${CREATE_ROUNDS} interleaved rounds × ${CREATE_BATCH.toLocaleString("en")} calls, after 3 warm-up rounds; no request`,
      ...(theirs === undefined
        ? {}
        : { note: `${Math.round(theirs / ours).toLocaleString("en")}× faster than boto3 (goal ≥ 50×)` }),
    });
  });
  if (py !== undefined) {
    cases.forEach((c, i) => {
      rows.push({
        name: `boto3 ${c.name}`,
        value: round(median(pyValues[i]!), 0),
        unit: "ns/op",
        method: `timeit, median of ${py.repeat} repeats × ${py.number} calls, after 200 warm-up calls; run between our rounds`,
        note: `boto3 ${py.boto3}, CPython ${py.python}; the classes are rebuilt on every call`,
      });
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 2. Iterating KEYS keys.

interface Pass {
  seconds: number;
  count: number;
  heapPeak?: number;
  rssPeak: number;
  retained?: number;
}
interface Boto3Iterate {
  count: number;
  seconds: number;
  rss_before: number;
  rss_peak_delta: number;
  boto3: string;
}

const iterKey = (i: number): string => `key-${String(i).padStart(7, "0")}`;

/** Makes `bucket` hold exactly KEYS empty objects; returns the seconds spent and whether it was reused. */
async function seedIterationBucket(
  client: S3Client,
  bucket: string,
): Promise<{ seconds: number; reused: boolean }> {
  const t0 = performance.now();
  await createBucket(client, bucket);
  const expected = new Set(Array.from({ length: KEYS }, (_, i) => iterKey(i)));
  const present = await listKeys(client, bucket);
  const extra = present.filter((key) => !expected.has(key));
  for (const key of present) expected.delete(key);
  if (extra.length === 0 && expected.size === 0)
    return { seconds: (performance.now() - t0) / 1000, reused: true };
  process.stderr.write(`  seeding ${bucket}: ${expected.size} to put, ${extra.length} to delete ...\n`);
  await deleteKeys(client, bucket, extra);
  await putEmpty(client, bucket, [...expected]);
  const after = await listKeys(client, bucket);
  if (after.length !== KEYS) throw new Error(`seeding ${bucket}: ${after.length} keys, expected ${KEYS}`);
  return { seconds: (performance.now() - t0) / 1000, reused: false };
}

/** Iterates `BENCH_KEYS` keys; ours against the raw paginator and boto3. */
export async function runIterationBench(server: ServerEnv): Promise<BenchRow[]> {
  const bucketName = `bench-resources-iter-${KEYS}`;
  const seeder = seedingClient(server);
  const seeding = await seedIterationBucket(seeder, bucketName);
  seeder.destroy();

  const raw = new S3Client(clientConfig(server));
  const session = newSession(server);
  const bucket = session.resource("s3").Bucket(bucketName);

  let sink: unknown;
  const variants: Array<{ name: string; pass: (limit?: number) => Promise<Pass> }> = [
    {
      name: "raw SDK paginateListObjectsV2",
      async pass(limit = Infinity) {
        const memory = new MemorySampler();
        const t0 = performance.now();
        let count = 0;
        outer: for await (const page of paginateListObjectsV2(
          { client: raw, pageSize: PAGE_SIZE },
          { Bucket: bucketName },
        )) {
          for (const object of page.Contents ?? []) {
            sink = object;
            if (++count >= limit) break outer;
          }
          memory.sample();
        }
        const seconds = (performance.now() - t0) / 1000;
        return { seconds, count, ...memory.stop() };
      },
    },
    {
      name: "bucket.objects.all(), for await",
      async pass(limit = Infinity) {
        const memory = new MemorySampler();
        const t0 = performance.now();
        let count = 0;
        for await (const object of bucket.objects.all().pageSize(PAGE_SIZE)) {
          sink = object;
          if (++count % PAGE_SIZE === 0) memory.sample();
          if (count >= limit) break;
        }
        const seconds = (performance.now() - t0) / 1000;
        return { seconds, count, ...memory.stop() };
      },
    },
    {
      name: "boto3 bucket.objects.all()",
      async pass() {
        const py = await boto3<Boto3Iterate>(
          { bench: "iterate", bucket: bucketName, page_size: PAGE_SIZE },
          server,
        );
        if (py === undefined) throw new SkipVariant();
        return { seconds: py.seconds, count: py.count, rssPeak: py.rss_peak_delta };
      },
    },
  ];

  // Warm-up: a few pages each (JIT, connections, the resource classes).
  for (const v of variants.slice(0, 2)) await v.pass(5 * PAGE_SIZE);

  const passes = variants.map(() => [] as Pass[]);
  const skipped = new Set<number>();
  for (let r = 0; r < ITER_ROUNDS; r++) {
    for (let j = 0; j < variants.length; j++) {
      const i = (j + r) % variants.length; // rotate the order so no variant always goes first
      if (skipped.has(i)) continue;
      process.stderr.write(`  iterate round ${r + 1}/${ITER_ROUNDS}: ${variants[i]!.name}\n`);
      try {
        const pass = await variants[i]!.pass();
        if (pass.count !== KEYS)
          throw new Error(`${variants[i]!.name} saw ${pass.count} keys, expected ${KEYS}`);
        passes[i]!.push(pass);
      } catch (error) {
        if (!(error instanceof SkipVariant)) throw error;
        skipped.add(i);
      }
    }
  }
  raw.destroy();
  if (sink === undefined) throw new Error("unreachable");

  const label = `iterate ${KEYS.toLocaleString("en")} keys`;
  const ms = (i: number): number | undefined =>
    passes[i]!.length === 0 ? undefined : median(passes[i]!.map((p) => p.seconds * 1000));
  const mib = (i: number, pick: (p: Pass) => number | undefined): number | undefined => {
    const values = passes[i]!.map(pick).filter((v): v is number => v !== undefined);
    return values.length === 0 ? undefined : median(values) / MiB;
  };
  const [rawMs, oursMs, botoMs] = [ms(0), ms(1), ms(2)];
  const rows: BenchRow[] = [
    {
      name: `seed ${KEYS.toLocaleString("en")} empty objects (raw PutObject)`,
      value: round(seeding.seconds, 2),
      unit: "s",
      method: "once per run, before the passes; not part of the pass times",
      note: seeding.reused
        ? `bucket ${bucketName} reused: it already held exactly these keys (time = one listing)`
        : `${SEED_CONCURRENCY} in flight; ${Math.round(KEYS / seeding.seconds)} PUT/s`,
    },
  ];
  const timeRow = (i: number, value: number | undefined, note: string): void => {
    if (value === undefined) return;
    note = `range ${range(passes[i]!.map((p) => p.seconds * 1000))} ms; ${note}`;
    rows.push({
      name: `${label}: ${variants[i]!.name}`,
      value: round(value, 0),
      unit: "ms/pass",
      baseline: i === 0 || rawMs === undefined ? undefined : `${label}: ${variants[0]!.name}`,
      ratio: i === 0 || rawMs === undefined ? undefined : round(value / rawMs, 3),
      method: `median of ${passes[i]!.length} full passes, interleaved in rotating order; page size ${PAGE_SIZE}`,
      note,
    });
  };
  timeRow(0, rawMs, "after a 5-page warm-up");
  timeRow(
    1,
    oursMs,
    `after a 5-page warm-up; goal ≤ 1.1× raw` +
      (oursMs !== undefined && botoMs !== undefined ? `; ${versus(botoMs / oursMs, "boto3")}` : ""),
  );
  timeRow(
    2,
    botoMs,
    `ListObjects (v1, boto3's model), page_size(${PAGE_SIZE}); loop only, start-up excluded`,
  );

  const memoryRow = (
    i: number,
    what: string,
    value: number | undefined,
    base: number | undefined,
    note: string,
  ): void => {
    if (value === undefined) return;
    rows.push({
      name: `${label}, ${what}: ${variants[i]!.name}`,
      value: round(value, 1),
      unit: "MiB",
      baseline: i === 0 || base === undefined ? undefined : `${label}, ${what}: ${variants[0]!.name}`,
      ratio: i === 0 || base === undefined || base === 0 ? undefined : round(value / base, 2),
      method: `median over ${passes[i]!.length} passes of the peak above the level before the pass`,
      note,
    });
  };
  const heapRaw = mib(0, (p) => p.heapPeak);
  const rssRaw = mib(0, (p) => p.rssPeak);
  for (const i of [0, 1]) {
    const retained = mib(i, (p) => p.retained);
    memoryRow(
      i,
      "peak heapUsed Δ",
      mib(i, (p) => p.heapPeak),
      heapRaw,
      `sampled every 5 ms and every page, from a GC'd start; retained after the pass + GC: ${retained === undefined ? "?" : round(retained, 1)} MiB`,
    );
  }
  for (const i of [0, 1, 2]) {
    memoryRow(
      i,
      "peak RSS Δ",
      mib(i, (p) => p.rssPeak),
      rssRaw,
      i === 2 ? "sampled from /proc/self/statm every 1,000 items" : "sampled every 5 ms and every page",
    );
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 3. Deleting DELETE_KEYS objects.

interface Boto3Delete {
  seconds: number;
  deleted: number;
  errors: number;
  requests: number;
}

/**
 * What the batch action does, written against the SDK directly: list a page (ListObjectsV2, 1000
 * keys), send one DeleteObjects for it, keep listing with up to `concurrency` deletes in flight.
 * The floor the server allows; returns the number of objects covered.
 */
async function rawBatchDelete(
  client: S3Client,
  bucket: string,
  prefix: string,
  concurrency: number,
): Promise<number> {
  const inFlight = new Set<Promise<unknown>>();
  let items = 0;
  for await (const page of paginateListObjectsV2(
    { client, pageSize: PAGE_SIZE },
    { Bucket: bucket, Prefix: prefix },
  )) {
    const objects = (page.Contents ?? []).map((object) => ({ Key: object.Key! }));
    if (objects.length === 0) continue;
    items += objects.length;
    const request = client
      .send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects } }))
      .then((output) => {
        if ((output.Errors?.length ?? 0) > 0)
          throw new Error(`DeleteObjects: ${JSON.stringify(output.Errors)}`);
      })
      .finally(() => inFlight.delete(request));
    request.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
    inFlight.add(request);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return items;
}

/** Deletes `BENCH_DELETE` objects per round with the batch action; ours against boto3 and the raw SDK. */
export async function runDeleteBench(server: ServerEnv): Promise<BenchRow[]> {
  const bucketName = "bench-resources-delete";
  const seeder = seedingClient(server);
  await createBucket(seeder, bucketName);
  const session = newSession(server);
  const bucket = session.resource("s3").Bucket(bucketName);
  const raw = new S3Client(clientConfig(server));
  const run = `${Date.now().toString(36)}`;

  const variants: Array<{ name: string; del: (prefix: string) => Promise<number> }> = [
    {
      name: "boto3 objects.filter(Prefix).delete()",
      async del(prefix) {
        const py = await boto3<Boto3Delete>({ bench: "delete", bucket: bucketName, prefix }, server);
        if (py === undefined) throw new SkipVariant();
        if (py.deleted !== DELETE_KEYS || py.errors !== 0)
          throw new Error(`boto3 deleted ${py.deleted}, ${py.errors} errors`);
        return py.seconds;
      },
    },
    {
      name: "objects.filter({ Prefix }).delete()",
      async del(prefix) {
        const t0 = performance.now();
        const result = await bucket.objects.filter({ Prefix: prefix }).delete();
        const seconds = (performance.now() - t0) / 1000;
        if (result.items !== DELETE_KEYS) throw new Error(`delete() covered ${result.items} items`);
        return seconds;
      },
    },
    {
      name: "objects.filter({ Prefix }).delete({}, { concurrency: 1 })",
      async del(prefix) {
        const t0 = performance.now();
        const result = await bucket.objects.filter({ Prefix: prefix }).delete({}, { concurrency: 1 });
        const seconds = (performance.now() - t0) / 1000;
        if (result.items !== DELETE_KEYS) throw new Error(`delete() covered ${result.items} items`);
        return seconds;
      },
    },
    {
      name: "raw SDK ListObjectsV2 + DeleteObjects, 4 in flight",
      async del(prefix) {
        const t0 = performance.now();
        const items = await rawBatchDelete(raw, bucketName, prefix, 4);
        const seconds = (performance.now() - t0) / 1000;
        if (items !== DELETE_KEYS) throw new Error(`raw delete covered ${items} items`);
        return seconds;
      },
    },
  ];

  const samples = variants.map(() => [] as number[]);
  const seeding: number[] = [];
  const skipped = new Set<number>();
  for (let r = 0; r < DELETE_ROUNDS; r++) {
    for (let j = 0; j < variants.length; j++) {
      const i = (j + r) % variants.length;
      if (skipped.has(i)) continue;
      const prefix = `${run}-r${r}-v${i}/`;
      const keys = Array.from({ length: DELETE_KEYS }, (_, k) => `${prefix}${String(k).padStart(6, "0")}`);
      process.stderr.write(
        `  delete round ${r + 1}/${DELETE_ROUNDS}: seeding ${prefix}, then ${variants[i]!.name}\n`,
      );
      seeding.push(await putEmpty(seeder, bucketName, keys));
      try {
        samples[i]!.push(await variants[i]!.del(prefix));
      } catch (error) {
        if (!(error instanceof SkipVariant)) throw error;
        skipped.add(i);
        await deleteKeys(seeder, bucketName, keys);
      }
      const left = await seeder.send(
        new ListObjectsV2Command({ Bucket: bucketName, Prefix: prefix, MaxKeys: 1 }),
      );
      if ((left.KeyCount ?? 0) !== 0) throw new Error(`${variants[i]!.name} left objects under ${prefix}`);
    }
  }
  seeder.destroy();
  raw.destroy();

  const label = `delete ${DELETE_KEYS.toLocaleString("en")} objects`;
  const boto = samples[0]!.length === 0 ? undefined : median(samples[0]!);
  const rows: BenchRow[] = [
    {
      name: `seed ${DELETE_KEYS.toLocaleString("en")} empty objects per prefix (raw PutObject)`,
      value: round(median(seeding), 2),
      unit: "s",
      method: `median of ${seeding.length} prefixes`,
      note: `${SEED_CONCURRENCY} in flight; not part of the delete times`,
    },
  ];
  variants.forEach((v, i) => {
    if (samples[i]!.length === 0) return;
    const ms = median(samples[i]!) * 1000;
    const vsBoto = i === 0 || boto === undefined ? undefined : (boto * 1000) / ms;
    rows.push({
      name: `${label}: ${v.name}`,
      value: round(ms, 0),
      unit: "ms",
      baseline: vsBoto === undefined ? undefined : `${label}: ${variants[0]!.name}`,
      ratio: vsBoto === undefined ? undefined : round(1 / vsBoto, 3),
      method: `median of ${samples[i]!.length} rounds in rotating order, each on a freshly seeded prefix of ${DELETE_KEYS.toLocaleString("en")}`,
      note:
        `range ${range(samples[i]!.map((x) => x * 1000))} ms` +
        (vsBoto === undefined ? "" : `; ${versus(vsBoto, "boto3")}`) +
        (i === 1 ? " (goal ≥ 2×); default options (concurrency 4)" : "") +
        (i === 3 ? "; the server's floor for this method" : ""),
    });
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------

/** Benchmarks 2 and 3; none when no S3 endpoint is configured. */
export async function runResourcesS3Bench(): Promise<BenchRow[]> {
  const server = serverEnv();
  if (server === undefined) {
    process.stderr.write("  resources on S3 skipped: AWS_ENDPOINT_URL is not set\n");
    return [];
  }
  return [
    ...(ITER_ROUNDS > 0 ? await runIterationBench(server) : []),
    ...(DELETE_ROUNDS > 0 ? await runDeleteBench(server) : []),
  ];
}

/** All three: creation always, iteration and deletion when an S3 endpoint is configured. */
export async function runResourcesBench(): Promise<BenchRow[]> {
  return [...(await runResourceCreationBench()), ...(await runResourcesS3Bench())];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";
  printTable(await runResourcesBench());
}

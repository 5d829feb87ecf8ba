/**
 * The managed transfers against their peers, in one run: upload and download of a
 * file of each `BENCH_TRANSFER_MIB` size (default 256 MiB, then 1 GiB) on an S3 server.
 *
 * - **Upload**: `client.uploadFile(path, bucket, key)` (ours, default settings: multipart from
 *   8 MiB, 8 MiB parts, 10 in flight) versus `@aws-sdk/lib-storage`'s `Upload` on a file stream
 *   (8 MiB parts, queueSize 10), versus boto3's `upload_file` (default `TransferConfig`: the same
 *   8 MiB / 8 MiB / 10), versus one raw `PutObject` with a file stream and `ContentLength` (a
 *   single stream: the ceiling of one connection).
 * - **Download**: `client.downloadFile(bucket, key, path)` (ours: HeadObject, then 8 MiB ranged
 *   GETs, 10 in flight, written at their offsets, renamed; no fsync, its default) versus one raw `GetObject`
 *   streamed into a file (the plain SDK way, and the single-stream ceiling), versus boto3's
 *   `download_file`.
 *
 * Every round runs every variant once, in an order that rotates every round, so drift of the
 * machine hits every variant alike. Values are MB/s (10^6 bytes per second) of the median time.
 * Outside the timing: each uploaded object's size is checked with HeadObject and the object is
 * deleted; each downloaded file is fsynced (outside every variant's timing), size-checked
 * and deleted; one download of ours is compared byte for byte (size + MD5) with the source.
 *
 * Needs an S3 server: it runs when `AWS_ENDPOINT_URL` is set (as `npm run bench` does through
 * `scripts/with-s3-server.sh`), with the credentials, region and path style from the environment.
 * boto3's side is `bench/boto3/transfer_bench.py`, run with `/usr/bin/python3` (`BENCH_PYTHON`
 * overrides); its rows are left out when it cannot run.
 *
 * Settings: `BENCH_TRANSFER_MIB` (`256,1024`), `BENCH_TRANSFER_ROUNDS` (3; 0 skips the suite),
 * `BENCH_TRANSFER_DIR` (parent of the temporary directory; default the OS temp dir).
 *
 * Run: npm run build:test && bash scripts/with-s3-server.sh node --expose-gc build/bench/transfer.bench.js
 *
 * @module
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, open, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { boto3Script } from "./paths.js";
import { median, printTable, type BenchRow } from "./report.js";
import { clientConfig, newSession, runBoto3, serverEnv, type ServerEnv } from "./s3Server.js";

const env = process.env;
const MIB = 1024 * 1024;
/** The sizes measured, one after the other (`BENCH_TRANSFER_MIB`, comma-separated). */
const SIZES_MIB = (env["BENCH_TRANSFER_MIB"] ?? "256,1024").split(",").map(Number);
// The size being measured: set by runTransferBench for each of SIZES_MIB in turn.
let SIZE_MIB = SIZES_MIB[0] ?? 256;
let SIZE = SIZE_MIB * MIB;
const ROUNDS = Number(env["BENCH_TRANSFER_ROUNDS"] ?? 3);
const PART_SIZE = 8 * MIB;
const QUEUE_SIZE = 10;
const BUCKET = "bench-transfer";

// ---------------------------------------------------------------------------------------------
// boto3.

interface Boto3Transfer {
  seconds: number;
  config: { multipart_threshold: number; multipart_chunksize: number; max_concurrency: number };
  boto3: string;
  python: string;
}

/** Thrown by a boto3 variant when Python or boto3 cannot run here; its rows are left out. */
class SkipVariant extends Error {}

let boto3Info: Boto3Transfer | undefined;

/** Runs one boto3 transfer and returns its seconds; {@link SkipVariant} when Python or boto3 cannot run. */
async function boto3(server: ServerEnv, command: Record<string, unknown>): Promise<number> {
  const result = await runBoto3<Boto3Transfer>(boto3Script("transfer_bench.py"), command, server);
  if (result === undefined) throw new SkipVariant();
  boto3Info = result;
  return result.seconds;
}

// ---------------------------------------------------------------------------------------------
// Helpers.

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
const mbps = (seconds: number): number => SIZE / seconds / 1e6;

/** Writes `bytes` random bytes to `path`, 8 MiB at a time; returns their MD5 (hex). */
async function writeRandomFile(path: string, bytes: number): Promise<string> {
  const hash = createHash("md5");
  function* chunks(): Generator<Buffer> {
    for (let left = bytes; left > 0; left -= PART_SIZE) {
      const chunk = randomBytes(Math.min(PART_SIZE, left));
      hash.update(chunk);
      yield chunk;
    }
  }
  await pipeline(Readable.from(chunks()), createWriteStream(path));
  return hash.digest("hex");
}

async function md5File(path: string): Promise<string> {
  const hash = createHash("md5");
  await pipeline(createReadStream(path), hash);
  return hash.digest("hex");
}

/**
 * fsyncs `path` and checks its size; outside the timing, so a peer's dirty pages do not spill
 * into the next variant. Returns the seconds the fsync took.
 */
async function settle(path: string, variant: string): Promise<number> {
  const handle = await open(path, "r+");
  try {
    const t0 = performance.now();
    await handle.sync();
    const seconds = (performance.now() - t0) / 1000;
    const { size } = await handle.stat();
    if (size !== SIZE) throw new Error(`${variant}: downloaded ${size} bytes, expected ${SIZE}`);
    return seconds;
  } finally {
    await handle.close();
  }
}

async function createBucket(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if ((error as { name?: string }).name !== "BucketAlreadyOwnedByYou") throw error;
  }
}

/** One single-stream PutObject of the file. */
async function rawPut(client: S3Client, path: string, key: string): Promise<void> {
  const { size } = await stat(path);
  await client.send(
    new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: createReadStream(path), ContentLength: size }),
  );
}

/** One GetObject streamed into the file. */
async function rawGet(client: S3Client, key: string, path: string): Promise<void> {
  const output = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  await pipeline(output.Body as Readable, createWriteStream(path));
}

async function libStorageUpload(client: S3Client, path: string, key: string): Promise<void> {
  await new Upload({
    client,
    params: { Bucket: BUCKET, Key: key, Body: createReadStream(path) },
    partSize: PART_SIZE,
    queueSize: QUEUE_SIZE,
  }).done();
}

interface Variant {
  readonly name: string;
  /** The peer that is "ours" (compared with every other) or the single-stream ceiling. */
  readonly role: "ours" | "peer" | "ceiling";
  /** Runs the transfer and returns its seconds. */
  readonly run: (key: string, path: string) => Promise<number>;
}

const timed = async (work: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await work();
  return (performance.now() - t0) / 1000;
};

// ---------------------------------------------------------------------------------------------

/** Upload and download of a file of each `BENCH_TRANSFER_MIB` size; none when no S3 endpoint is configured. */
export async function runTransferBench(): Promise<BenchRow[]> {
  const server = serverEnv();
  if (server === undefined) {
    process.stderr.write("  transfers skipped: AWS_ENDPOINT_URL is not set\n");
    return [];
  }
  if (ROUNDS <= 0) return [];
  const rows: BenchRow[] = [];
  for (const mib of SIZES_MIB) {
    if (!Number.isSafeInteger(mib) || mib <= 0) throw new Error(`BENCH_TRANSFER_MIB: ${mib} is not a size in MiB`);
    SIZE_MIB = mib;
    SIZE = mib * MIB;
    rows.push(...(await runOneSize(server)));
  }
  return rows;
}

/** Every variant, `ROUNDS` times, with a file of `SIZE` bytes. */
async function runOneSize(server: ServerEnv): Promise<BenchRow[]> {
  const raw = new S3Client(clientConfig(server));
  const session = newSession(server);
  const ours = session.client("s3");
  const dir = await mkdtemp(join(env["BENCH_TRANSFER_DIR"] ?? tmpdir(), "bench-transfer-"));
  const run = Date.now().toString(36);
  const sourceKey = `${run}/source`;
  const keys: string[] = [];
  try {
    await createBucket(raw, BUCKET);
    const source = join(dir, "source.bin");
    process.stderr.write(`  writing ${SIZE_MIB} MiB of random bytes to ${source} ...\n`);
    const sourceMd5 = await writeRandomFile(source, SIZE);
    // the object every download reads, put once with the single stream
    await rawPut(raw, source, sourceKey);
    keys.push(sourceKey);

    // Warm-up (not timed): a 16 MiB file through each Node variant, so connections, the JIT and
    // the transfer classes are ready before the first measured round.
    const small = join(dir, "warmup.bin");
    await writeRandomFile(small, 16 * MIB);
    const warmKey = `${run}/warmup`;
    keys.push(warmKey);
    await ours.uploadFile(small, BUCKET, warmKey);
    await libStorageUpload(raw, small, warmKey);
    await rawPut(raw, small, warmKey);
    await ours.downloadFile(BUCKET, warmKey, join(dir, "warm-ours.bin"));
    await rawGet(raw, warmKey, join(dir, "warm-raw.bin"));
    await raw.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: warmKey }));
    for (const name of ["warmup.bin", "warm-ours.bin", "warm-raw.bin"]) await rm(join(dir, name));

    const uploads: Variant[] = [
      {
        name: "ours client.uploadFile()",
        role: "ours",
        run: (key) => timed(() => ours.uploadFile(source, BUCKET, key)),
      },
      {
        name: "lib-storage Upload (8 MiB parts, queueSize 10)",
        role: "peer",
        run: (key) => timed(() => libStorageUpload(raw, source, key)),
      },
      {
        name: "boto3 upload_file (default TransferConfig)",
        role: "peer",
        run: (key) => boto3(server, { bench: "upload", bucket: BUCKET, key, path: source }),
      },
      {
        name: "raw PutObject, one stream",
        role: "ceiling",
        run: (key) => timed(() => rawPut(raw, source, key)),
      },
    ];
    const downloads: Variant[] = [
      {
        name: "ours client.downloadFile()",
        role: "ours",
        run: (_key, path) => timed(() => ours.downloadFile(BUCKET, sourceKey, path)),
      },
      {
        name: "boto3 download_file (default TransferConfig)",
        role: "peer",
        run: (_key, path) => boto3(server, { bench: "download", bucket: BUCKET, key: sourceKey, path }),
      },
      {
        name: "raw GetObject streamed to a file, one stream",
        role: "ceiling",
        run: (_key, path) => timed(() => rawGet(raw, sourceKey, path)),
      },
    ];

    const upSamples = uploads.map(() => [] as number[]);
    const downSamples = downloads.map(() => [] as number[]);
    const skipped = new Set<Variant>();
    const fsyncs: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (let j = 0; j < uploads.length; j++) {
        const i = (j + r) % uploads.length;
        const variant = uploads[i]!;
        if (skipped.has(variant)) continue;
        const key = `${run}/up-r${r}-v${i}`;
        keys.push(key);
        process.stderr.write(`  round ${r + 1}/${ROUNDS}: upload, ${variant.name}\n`);
        try {
          upSamples[i]!.push(await variant.run(key, source));
        } catch (error) {
          if (!(error instanceof SkipVariant)) throw error;
          skipped.add(variant);
          continue;
        }
        const head = await raw.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
        if (head.ContentLength !== SIZE)
          throw new Error(`${variant.name}: object of ${head.ContentLength} bytes, expected ${SIZE}`);
        await raw.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
      }
      for (let j = 0; j < downloads.length; j++) {
        const i = (j + r) % downloads.length;
        const variant = downloads[i]!;
        if (skipped.has(variant)) continue;
        const path = join(dir, `down-r${r}-v${i}.bin`);
        process.stderr.write(`  round ${r + 1}/${ROUNDS}: download, ${variant.name}\n`);
        try {
          downSamples[i]!.push(await variant.run(sourceKey, path));
        } catch (error) {
          if (!(error instanceof SkipVariant)) throw error;
          skipped.add(variant);
          continue;
        }
        const fsync = await settle(path, variant.name);
        fsyncs.push(fsync);
        await rm(path);
      }
    }

    // One download of ours, compared byte for byte with the source (not timed).
    const check = join(dir, "verify.bin");
    await ours.downloadFile(BUCKET, sourceKey, check);
    const checkSize = (await stat(check)).size;
    const checkMd5 = await md5File(check);
    if (checkSize !== SIZE || checkMd5 !== sourceMd5)
      throw new Error(
        `verify: ${checkSize} bytes, MD5 ${checkMd5}; expected ${SIZE} bytes, MD5 ${sourceMd5}`,
      );
    process.stderr.write(`  verified: downloadFile gave ${checkSize} bytes, MD5 ${checkMd5} = source\n`);

    return [
      ...rowsFor("upload", uploads, upSamples),
      ...rowsFor("download", downloads, downSamples),
      ...(fsyncs.length === 0
        ? []
        : [
            {
              name: `download ${SIZE_MIB} MiB: fsync of the file just written`,
              value: round(median(fsyncs) * 1000, 0),
              unit: "ms",
              method: `median of ${fsyncs.length} downloads (every variant), timed after each`,
              note: `range ${round(Math.min(...fsyncs) * 1000, 0)}–${round(Math.max(...fsyncs) * 1000, 0)} ms; in no variant's time (downloadFile fsyncs only with fsync: true)`,
            },
          ]),
    ];
  } finally {
    for (const key of keys) {
      await raw.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key })).catch(() => undefined);
    }
    await rm(dir, { recursive: true, force: true });
    raw.destroy();
  }
}

/** One row per variant (MB/s), then ours against every other variant. */
function rowsFor(direction: string, variants: readonly Variant[], samples: readonly number[][]): BenchRow[] {
  const label = (v: Variant): string => `${direction} ${SIZE_MIB} MiB: ${v.name}`;
  const rows: BenchRow[] = [];
  const speed = samples.map((s) => (s.length === 0 ? undefined : mbps(median(s))));
  variants.forEach((v, i) => {
    const s = samples[i]!;
    if (s.length === 0) return;
    const speeds = s.map(mbps);
    const extra =
      v.name.startsWith("boto3") && boto3Info !== undefined
        ? `; boto3 ${boto3Info.boto3}, CPython ${boto3Info.python}, threshold/chunk ${boto3Info.config.multipart_threshold / MIB}/${boto3Info.config.multipart_chunksize / MIB} MiB, ${boto3Info.config.max_concurrency} threads`
        : "";
    rows.push({
      name: label(v),
      value: round(speed[i]!, 1),
      unit: "MB/s",
      method: `size ÷ median time of ${s.length} rounds in rotating order, after a 16 MiB warm-up`,
      note: `range ${round(Math.min(...speeds), 1)}–${round(Math.max(...speeds), 1)} MB/s; median ${round(median(s), 2)} s${extra}`,
    });
  });
  const oursIndex = variants.findIndex((v) => v.role === "ours");
  const oursSpeed = speed[oursIndex];
  if (oursSpeed === undefined) return rows;
  variants.forEach((v, i) => {
    const theirs = speed[i];
    if (i === oursIndex || theirs === undefined) return;
    // the same ratio per round, so a slow round of one side does not decide alone
    const perRound = samples[oursIndex]!.slice(0, samples[i]!.length).map(
      (ours, r) => samples[i]![r]! / ours,
    );
    rows.push({
      name: `${direction} ${SIZE_MIB} MiB: ours ÷ ${v.role === "ceiling" ? "single stream" : v.name.split(" (")[0]}`,
      value: round(oursSpeed, 1),
      unit: "MB/s",
      baseline: label(v),
      ratio: round(oursSpeed / theirs, 2),
      method: `ours' MB/s ÷ this peer's, both from the median time of the same ${samples[i]!.length} rounds`,
      note:
        `above 1: ours is faster; per-round ratios ${perRound.map((x) => round(x, 2)).join(", ")}` +
        (v.role === "ceiling" ? "; one connection, no parts" : ""),
    });
  });
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] = "true";
  printTable(await runTransferBench());
}

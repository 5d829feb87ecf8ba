import { expect } from "chai";
import { createHash, randomBytes } from "node:crypto";
import { Agent } from "node:http";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3ServiceException,
  type S3Client,
} from "@aws-sdk/client-s3";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import {
  ObjectScaleResourcesError,
  Session,
  TransferError,
  type S3ServiceClient,
  type TransferConfig,
} from "../../index.js";
import { FAULT_KINDS, FaultProxy, seededRandom, type FaultRates } from "../support/faultProxy.js";
import {
  emptyAndDeleteBucket,
  rawS3Client,
  uniqueBucketName,
  useS3Server,
  type S3ServerEnv,
} from "../support/s3Server.js";

const KiB = 1024;
const MiB = 1024 * KiB;
/** Repeat a run with `FAULT_SEED=<the printed seed>`. */
const SEED = Number(process.env["FAULT_SEED"] ?? 20_260_601);
/** Per request; together about three requests in ten break. */
const RATES = {
  internalError: 0.06,
  slowDown: 0.06,
  resetRequestBody: 0.06,
  resetResponseBody: 0.05,
  truncateResponse: 0.05,
  stall: 0.015,
} satisfies FaultRates;
/** Long enough for RGW under load, short enough that stalls cost little. */
const SOCKET_TIMEOUT_MS = 2_500;
/** Parts as small as RGW takes, so tens of MiB make several parts. */
const TRANSFER = { multipartThreshold: 5 * MiB, partSize: 5 * MiB, concurrency: 4 } satisfies TransferConfig;

const sha256 = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** A stream of unknown length, in uneven pieces. */
async function* pieces(data: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += 300_007) {
    await Promise.resolve();
    yield data.subarray(i, i + 300_007);
  }
}

/** A writable that only hashes what it is given. */
function hashingSink(): { sink: Writable; digest: () => string } {
  const hash = createHash("sha256");
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback();
    },
  });
  return { sink, digest: () => hash.digest("hex") };
}

/**
 * A session whose every request goes through `endpoint` (the proxy), with the SDK's retries
 * (`maxAttempts`) and a socket idle timeout, so a stalled response becomes a retry, not a hang.
 */
function sessionThrough(env: S3ServerEnv, endpoint: string, requestHandler?: NodeHttpHandler): Session {
  return new Session({
    endpoint,
    region: env.region,
    credentials: { ...env.credentials },
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 3,
    ...(requestHandler !== undefined ? { sdk: { requestHandler } } : {}),
  });
}

/** Calls and SDK retries, counted through the library's request events. */
interface CallCounts {
  calls: number;
  failedCalls: number;
  retries: number;
}

function countCalls(session: Session): CallCounts {
  const counts: CallCounts = { calls: 0, failedCalls: 0, retries: 0 };
  session.events.register("after-call.s3", ({ context }) => {
    counts.calls++;
    counts.retries += Math.max(0, context.attempt - 1);
  });
  session.events.register("after-call-error.s3", ({ context }) => {
    counts.calls++;
    counts.failedCalls++;
    counts.retries += Math.max(0, context.attempt - 1);
  });
  return counts;
}

/**
 * How a failure reached the caller: in this library's error family; as one of S3's own errors
 * (which client calls and batch actions pass through by design); as an SDK transport error that a
 * batch action passed through (its documented contract: "thrown as it is"); or untyped.
 */
function errorClass(error: unknown): "library" | "s3" | "sdk-transport" | "untyped" {
  if (ObjectScaleResourcesError.is(error)) return "library";
  if (error instanceof S3ServiceException) return "s3";
  // The SDK attaches $metadata (attempts, retry delay) to what it throws after its last attempt.
  if (error instanceof Error && typeof (error as { $metadata?: unknown }).$metadata === "object")
    return "sdk-transport";
  return "untyped";
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` <- ${error.cause.name}: ${error.cause.message}` : "";
  return `${error.name}: ${error.message}${cause}`;
}

async function runPool<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, lane));
}

describe("managed transfers and batch deletes under injected faults (Ceph RGW behind a fault proxy)", function () {
  this.timeout(120_000);
  let env: S3ServerEnv;
  let raw: S3Client;
  let proxy: FaultProxy;
  let session: Session;
  let client: S3ServiceClient;
  let calls: CallCounts;
  let bucket: string;
  let dir: string;

  before(async function () {
    this.timeout(180_000);
    env = await useS3Server();
    raw = rawS3Client(env);
    proxy = await FaultProxy.start({ upstream: env.endpoint, seed: SEED, maxStallMs: 8_000 });
    session = sessionThrough(
      env,
      proxy.endpoint,
      new NodeHttpHandler({ socketTimeout: SOCKET_TIMEOUT_MS, connectionTimeout: 2_000 }),
    );
    calls = countCalls(session);
    client = session.client("s3");
    bucket = uniqueBucketName("faults");
    await client.createBucket({ Bucket: bucket });
    dir = await mkdtemp(join(tmpdir(), "faults-"));
  });

  beforeEach(() => proxy.resetCounts());

  afterEach(() => {
    proxy.clearInjected();
    proxy.setRates({});
  });

  after(async function () {
    this.timeout(60_000);
    client?.destroy();
    await proxy?.close();
    if (raw) {
      await emptyAndDeleteBucket(raw, bucket);
      raw.destroy();
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function storedDigest(key: string): Promise<string | undefined> {
    try {
      const { Body } = await raw.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return sha256(await Body!.transformToByteArray());
    } catch (error) {
      if (error instanceof S3ServiceException && error.name === "NoSuchKey") return undefined;
      throw error;
    }
  }

  /** Multipart uploads open on the server, under `prefix`. */
  async function openUploads(prefix = ""): Promise<Array<{ key: string; uploadId: string }>> {
    const { Uploads = [] } = await raw.send(
      new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: prefix }),
    );
    return Uploads.map((u) => ({ key: u.Key ?? "", uploadId: u.UploadId ?? "" }));
  }

  async function keysUnder(prefix: string): Promise<number> {
    const { KeyCount = 0 } = await raw.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    return KeyCount;
  }

  describe("a fault on demand", () => {
    const upload = async (name: string, size: number) => {
      const data = randomBytes(size);
      const source = join(dir, name);
      await writeFile(source, data);
      return { data, source, digest: sha256(data) };
    };

    it("retries the parts whose upload connection is reset mid-body; the object is intact", async () => {
      const { source, digest } = await upload("reset-parts", 16 * MiB + 3);
      proxy.resetCounts();
      proxy.inject("resetRequestBody", 3, (r) => r.operation === "UploadPart");
      const result = await client.uploadFile(source, bucket, "reset-parts", TRANSFER);
      expect(result.parts).to.equal(4);
      expect(proxy.injected.resetRequestBody).to.equal(3);
      expect(await storedDigest("reset-parts")).to.equal(digest);
      expect(await openUploads("reset-parts")).to.deep.equal([]);
    });

    it("retries the ranges whose answer is reset, truncated or stalled mid-body; the file is intact and alone", async () => {
      const { source, digest } = await upload("broken-ranges", 21 * MiB);
      await client.uploadFile(source, bucket, "broken-ranges", TRANSFER);
      const target = join(dir, "broken-ranges-out", "file");
      await mkdir(join(dir, "broken-ranges-out"));
      proxy.resetCounts();
      const ranged = (r: { operation: string }) => r.operation === "GetObject";
      proxy.inject("resetResponseBody", 1, ranged);
      proxy.inject("truncateResponse", 1, ranged);
      proxy.inject("stall", 1, ranged);
      const started = Date.now();
      await client.downloadFile(bucket, "broken-ranges", target, TRANSFER);
      expect(Date.now() - started).to.be.lessThan(4 * SOCKET_TIMEOUT_MS);
      expect(proxy.log.map((f) => f.kind)).to.have.members([
        "resetResponseBody",
        "truncateResponse",
        "stall",
      ]);
      expect(sha256(await readFile(target))).to.equal(digest);
      expect(await readdir(join(dir, "broken-ranges-out"))).to.deep.equal(["file"]);
    });

    it("with the SDK's default handler, `requestTimeout` alone ends stalls (before the headers or mid-body)", async () => {
      const plain = sessionThrough(env, proxy.endpoint).client("s3");
      const { source, digest } = await upload("stalled", 11 * MiB);
      await client.uploadFile(source, bucket, "stalled", TRANSFER);
      await mkdir(join(dir, "stalled-out"));
      const target = join(dir, "stalled-out", "file");
      // The proxy stalls before the headers or mid-body at random (seeded): four runs see both kinds.
      for (let i = 0; i < 4; i++) {
        proxy.inject("stall", 1, (r) => r.operation === "GetObject");
        const started = Date.now();
        await plain.downloadFile(bucket, "stalled", target, { ...TRANSFER, requestTimeout: 1_000 });
        // the proxy holds a stalled answer for 8 s: the range must be read again long before that
        expect(Date.now() - started).to.be.lessThan(6_000);
        expect(sha256(await readFile(target))).to.equal(digest);
      }
      expect(proxy.injected.stall).to.equal(4);
      expect(await readdir(join(dir, "stalled-out"))).to.deep.equal(["file"]);
      plain.destroy();
    });

    it("fails with a TransferError and aborts the multipart upload when SlowDown outlasts the retries", async () => {
      const { source } = await upload("slow-down", 11 * MiB);
      proxy.inject("slowDown", 1_000, (r) => r.operation === "UploadPart");
      const error = await client.uploadFile(source, bucket, "slow-down", TRANSFER).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(TransferError.is(error), describeError(error)).to.equal(true);
      const failure = error as TransferError;
      expect(failure.uploadAborted).to.equal(true);
      expect(failure.partNumber).to.be.a("number");
      expect((failure.cause as Error).name).to.equal("SlowDown");
      expect(await openUploads("slow-down")).to.deep.equal([]);
      expect(await storedDigest("slow-down")).to.equal(undefined);
    });

    it("fails with a TransferError and leaves no partial file when every answer is cut short", async () => {
      const { source } = await upload("cut-short", 12 * MiB);
      await client.uploadFile(source, bucket, "cut-short", TRANSFER);
      const out = join(dir, "cut-short-out");
      await mkdir(out);
      proxy.inject("truncateResponse", 1_000, (r) => r.operation === "GetObject");
      const error = await client.downloadFile(bucket, "cut-short", join(out, "file"), TRANSFER).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(TransferError.is(error), describeError(error)).to.equal(true);
      expect(await readdir(out)).to.deep.equal([]);
    });

    it("a CompleteMultipartUpload that succeeds but whose answers are lost leaves the object intact and no upload open", async () => {
      const { source, digest } = await upload("complete-lost", 11 * MiB);
      const complete = (r: { operation: string }) => r.operation === "CompleteMultipartUpload";
      proxy.inject("stall", 1, complete);
      proxy.inject("slowDown", 2, complete);
      const error = await client.uploadFile(source, bucket, "complete-lost", TRANSFER).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(proxy.injected).to.include({ stall: 1, slowDown: 2 });
      // The SDK's retries give up on SlowDown after the server completed the upload; the object's
      // ETag, that of the parts sent, shows it did, so the upload succeeded.
      expect(error, describeError(error)).to.equal(undefined);
      expect(await storedDigest("complete-lost")).to.equal(digest);
      expect(await openUploads("complete-lost")).to.deep.equal([]);
    });

    it("a lost AbortMultipartUpload answer still ends in a TransferError with no upload left open", async () => {
      const { source } = await upload("abort-lost", 11 * MiB);
      proxy.inject("stall", 1, (r) => r.operation === "AbortMultipartUpload");
      proxy.inject("slowDown", 1_000, (r) => r.operation === "UploadPart");
      const error = await client.uploadFile(source, bucket, "abort-lost", TRANSFER).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(TransferError.is(error), describeError(error)).to.equal(true);
      expect(proxy.injected.stall).to.equal(1);
      // The retried abort finds the upload gone (NoSuchUpload): gone it is, and the error says so.
      expect((error as TransferError).uploadAborted).to.equal(true);
      expect(await openUploads("abort-lost")).to.deep.equal([]);
    });

    it("a CreateMultipartUpload whose answers are all lost fails typed and leaves no upload open", async () => {
      const { source } = await upload("create-gone", 11 * MiB);
      // every attempt (maxAttempts 3) creates an upload on the server and loses the answer
      proxy.inject("resetResponseBody", 3, (r) => r.operation === "CreateMultipartUpload");
      const error = await client.uploadFile(source, bucket, "create-gone", TRANSFER).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(TransferError.is(error), describeError(error)).to.equal(true);
      expect(proxy.undeliveredUploadIds.size).to.equal(3);
      expect(await openUploads("create-gone")).to.deep.equal([]);
    });

    it("a CreateMultipartUpload whose answer is lost leaves no second upload open", async () => {
      const { source, digest } = await upload("create-lost", 11 * MiB);
      proxy.inject("resetResponseBody", 1, (r) => r.operation === "CreateMultipartUpload");
      await client.uploadFile(source, bucket, "create-lost", TRANSFER);
      expect(proxy.injected.resetResponseBody).to.be.greaterThan(0);
      expect(proxy.undeliveredUploadIds.size).to.be.greaterThan(0);
      expect(await storedDigest("create-lost")).to.equal(digest);
      expect(await openUploads("create-lost")).to.deep.equal([]);
    });
  });

  it("ends every upload, download and batch delete with intact data or a typed error, leaving nothing behind", async function () {
    this.timeout(150_000);
    const random = seededRandom(SEED);
    const sourceDir = join(dir, "run-sources");
    const downloadDir = join(dir, "run-downloads");
    await mkdir(sourceDir);
    await mkdir(downloadDir);
    proxy.resetCounts();
    const before = { ...calls };
    proxy.setRates(RATES);

    const sizeOf = (i: number): number => {
      if (i === 0) return 0;
      if (i === 1) return TRANSFER.multipartThreshold; // exactly at the threshold: one part
      if (i === 2) return 33 * MiB + 1;
      const r = random();
      if (r < 0.15) return Math.floor(random() * KiB);
      if (r < 0.5) return KiB + Math.floor(random() * MiB);
      if (r < 0.7) return MiB + Math.floor(random() * 4 * MiB);
      return 5 * MiB + Math.floor(random() * 19 * MiB);
    };
    type Job = { kind: "transfer"; index: number; size: number } | { kind: "batch"; index: number };
    const jobs: Job[] = [
      ...Array.from({ length: 44 }, (_, index): Job => ({ kind: "transfer", index, size: sizeOf(index) })),
      ...Array.from({ length: 10 }, (_, index): Job => ({ kind: "batch", index })),
    ];
    for (let i = jobs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [jobs[i], jobs[j]] = [jobs[j]!, jobs[i]!];
    }

    const tally = new Map<string, { ok: number; failed: number }>();
    const problems: string[] = [];
    const failures: string[] = [];
    const counts = { untyped: 0, corrupt: 0 };
    let passedThrough = 0; // SDK transport errors a batch delete passed through, as documented
    const delivered = new Set<string>(); // download targets that downloadFile completed
    let bytes = 0;
    const note = (operation: string, error?: unknown): void => {
      const entry = tally.get(operation) ?? { ok: 0, failed: 0 };
      tally.set(operation, entry);
      if (error === undefined) return void entry.ok++;
      entry.failed++;
      failures.push(`${operation}: ${describeError(error)}`);
      const kind = errorClass(error);
      // Transfers wrap everything; only a batch action may pass an SDK error through.
      const expected = operation === "batchDelete" ? kind !== "untyped" : kind === "library";
      if (operation === "batchDelete" && kind === "sdk-transport") passedThrough++;
      if (!expected) {
        counts.untyped++;
        problems.push(`${operation}: ${kind} error ${describeError(error)}`);
      }
    };
    const corrupt = (what: string): void => {
      counts.corrupt++;
      problems.push(what);
    };
    const attempt = async (operation: string, run: () => Promise<unknown>): Promise<boolean> => {
      try {
        await run();
        note(operation);
        return true;
      } catch (error) {
        note(operation, error);
        return false;
      }
    };

    const transfer = async (index: number, size: number): Promise<void> => {
      const key = `t/${index}-${size}`;
      const data = randomBytes(size);
      const digest = sha256(data);
      bytes += size;
      const viaStream = random() < 0.4;
      const uploaded = viaStream
        ? await attempt("uploadStream", () => client.uploadStream(pieces(data), bucket, key, TRANSFER))
        : await attempt("uploadFile", async () => {
            const source = join(sourceDir, String(index));
            await writeFile(source, data);
            await client.uploadFile(source, bucket, key, TRANSFER);
          });
      const stored = await storedDigest(key);
      if (uploaded && stored !== digest)
        corrupt(`${key}: uploaded, but the server holds ${stored ?? "nothing"}`);
      if (!uploaded && stored !== undefined && stored !== digest)
        corrupt(`${key}: failed upload left other bytes`);
      if (stored !== digest) return;
      if (random() < 0.4) {
        const { sink, digest: received } = hashingSink();
        if (await attempt("downloadStream", () => client.downloadStream(bucket, key, sink, TRANSFER)))
          if (received() !== digest) corrupt(`${key}: downloadStream delivered other bytes`);
        return;
      }
      const target = join(downloadDir, String(index));
      if (await attempt("downloadFile", () => client.downloadFile(bucket, key, target, TRANSFER))) {
        delivered.add(String(index));
        if (sha256(await readFile(target)) !== digest) corrupt(`${key}: downloadFile wrote other bytes`);
      }
    };

    const batchDelete = async (index: number): Promise<void> => {
      const prefix = `batch/${index}/`;
      const count = 20 + Math.floor(random() * 40);
      await runPool(
        Array.from({ length: count }, (_, i) => i),
        8,
        async (i) =>
          void (await raw.send(new PutObjectCommand({ Bucket: bucket, Key: `${prefix}${i}`, Body: "x" }))),
      );
      const deleted = await attempt("batchDelete", () =>
        session.resource("s3", { client }).Bucket(bucket).objects.filter({ Prefix: prefix }).delete(),
      );
      const left = await keysUnder(prefix);
      if (deleted && left > 0)
        corrupt(`${prefix}: the batch delete succeeded but ${left} of ${count} keys remain`);
    };

    const started = Date.now();
    await runPool(jobs, 3, (job) =>
      job.kind === "transfer" ? transfer(job.index, job.size) : batchDelete(job.index),
    );
    const elapsed = Date.now() - started;
    proxy.setRates({});

    // What is left: multipart uploads (counting apart those whose CreateMultipartUpload answer a
    // fault swallowed, which the writer finds and aborts itself), and files in the download directory.
    const leakedUploads = await openUploads("t/");
    const orphans = leakedUploads.filter((u) => proxy.undeliveredUploadIds.has(u.uploadId));
    for (const u of leakedUploads) problems.push(`multipart upload ${u.uploadId} of ${u.key} left open`);
    for (const { key, uploadId } of leakedUploads)
      await raw.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
    const strayFiles = (await readdir(downloadDir)).filter((name) => !delivered.has(name));
    for (const name of strayFiles) problems.push(`stray file ${name} in the download directory`);

    const operations = [...tally.values()].reduce((n, t) => n + t.ok + t.failed, 0);
    const byOperation = new Map<string, number>();
    for (const { kind, operation } of proxy.log) {
      const label = `${operation}/${kind}`;
      byOperation.set(label, (byOperation.get(label) ?? 0) + 1);
    }
    console.log(
      [
        `      seed ${proxy.seed}; ${operations} operations, ${(bytes / MiB).toFixed(1)} MiB, ${proxy.requests} requests in ${(elapsed / 1000).toFixed(1)} s`,
        `      outcomes: ${[...tally].map(([op, t]) => `${op} ${t.ok} ok/${t.failed} failed`).join(", ")}`,
        `      faults injected: ${FAULT_KINDS.map((kind) => `${kind} ${proxy.injected[kind]}`).join(", ")}`,
        `      by operation: ${[...byOperation].map(([label, n]) => `${label} ${n}`).join(", ")}`,
        `      SDK transport errors passed through by batch deletes ${passedThrough}`,
        `      calls ${calls.calls - before.calls}, SDK retries ${calls.retries - before.retries}, failed calls ${calls.failedCalls - before.failedCalls}`,
        `      untyped errors ${counts.untyped}, corrupt ${counts.corrupt}, leaked uploads ${leakedUploads.length}, stray files ${strayFiles.length}, ` +
          `uploads orphaned by a lost CreateMultipartUpload answer ${orphans.length}`,
        ...failures.map((f) => `      failed: ${f}`),
        ...problems.map((p) => `      ! ${p}`),
      ].join("\n"),
    );

    expect(problems).to.deep.equal([]);
    expect(counts).to.deep.equal({ untyped: 0, corrupt: 0 });
    expect(leakedUploads).to.deep.equal([]);
    expect(strayFiles).to.deep.equal([]);
    // The run did meet faults, and most operations still succeeded through the retries.
    for (const kind of FAULT_KINDS) expect(proxy.injected[kind], kind).to.be.greaterThan(0);
    const ok = [...tally.values()].reduce((n, t) => n + t.ok, 0);
    expect(ok).to.be.greaterThan(operations * 0.75);
  });

  it("runs 1,000 concurrent small PUT, GET and HEAD calls on at most 50 sockets without an error", async function () {
    this.timeout(90_000);
    const direct = await FaultProxy.start({ upstream: env.endpoint }); // no faults: it counts sockets
    const bounded = sessionThrough(
      env,
      direct.endpoint,
      new NodeHttpHandler({
        httpAgent: new Agent({ keepAlive: true, maxSockets: 50 }),
        socketTimeout: 10_000,
        socketAcquisitionWarningTimeout: 60_000,
      }),
    );
    const counted = countCalls(bounded);
    const small = bounded.client("s3");
    try {
      const existing = Array.from({ length: 300 }, (_, i) => randomBytes(256 + ((i * 37) % 3840)));
      await runPool(
        existing.map((body, i) => ({ body, i })),
        25,
        async ({ body, i }) =>
          void (await raw.send(new PutObjectCommand({ Bucket: bucket, Key: `many/old/${i}`, Body: body }))),
      );
      const started = Date.now();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 1_000 }, async (_, i) => {
          const old = i % existing.length;
          const body = existing[old]!;
          if (i % 10 < 4) {
            await small.putObject({ Bucket: bucket, Key: `many/new/${i}`, Body: randomBytes(512) });
          } else if (i % 10 < 7) {
            const { Body } = await small.getObject({ Bucket: bucket, Key: `many/old/${old}` });
            const got = await Body!.transformToByteArray();
            if (sha256(got) !== sha256(body)) throw new Error(`many/old/${old}: GET returned other bytes`);
          } else {
            const head = await small.headObject({ Bucket: bucket, Key: `many/old/${old}` });
            if (head.ContentLength !== body.length)
              throw new Error(`many/old/${old}: HEAD says ${head.ContentLength} bytes, not ${body.length}`);
          }
        }),
      );
      const elapsed = Date.now() - started;
      const failures = outcomes.flatMap((o) => (o.status === "rejected" ? [describeError(o.reason)] : []));
      console.log(
        `      1000 calls in ${(elapsed / 1000).toFixed(1)} s, peak ${direct.peakConnections} sockets, ` +
          `SDK retries ${counted.retries}, failures ${failures.length}`,
      );
      expect(failures).to.deep.equal([]);
      expect(direct.peakConnections).to.be.within(2, 50);
      expect(await keysUnder("many/new/")).to.equal(400);
    } finally {
      small.destroy();
      await direct.close();
    }
  });
});

import { expect } from "chai";
import type { S3Client } from "@aws-sdk/client-s3";
import { ListMultipartUploadsCommand, GetObjectCommand } from "@aws-sdk/client-s3";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { TransferAbortedError, type S3ServiceClient } from "../../../index.js";
import { emptyAndDeleteBucket, rawS3Client, uniqueBucketName, useS3Server } from "../../support/s3Server.js";
import { testSession } from "../resources/fixture.js";

const MiB = 1024 * 1024;
const SIZES: ReadonlyArray<[string, number]> = [
  ["0 B", 0],
  ["1 B", 1],
  ["8 MiB - 1", 8 * MiB - 1],
  ["8 MiB + 1", 8 * MiB + 1],
  ["40 MiB + 7 (multipart)", 40 * MiB + 7],
];

const sha = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/** A source of unknown length: uneven pieces, so parts never line up with them. */
async function* pieces(data: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += 777_777) {
    await Promise.resolve();
    yield data.subarray(i, i + 777_777);
  }
}

describe("managed transfers (Ceph RGW)", function () {
  this.timeout(180_000);
  let raw: S3Client;
  let client: S3ServiceClient;
  let bucket: string;
  let dir: string;

  before(async function () {
    this.timeout(180_000);
    const env = await useS3Server();
    raw = rawS3Client(env);
    client = testSession(env).client("s3");
    bucket = uniqueBucketName("transfers");
    await client.createBucket({ Bucket: bucket });
    dir = await mkdtemp(join(tmpdir(), "transfer-it-"));
  });

  after(async function () {
    this.timeout(60_000);
    if (raw) {
      await emptyAndDeleteBucket(raw, bucket);
      raw.destroy();
    }
    client?.destroy();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function openUploads(): Promise<number> {
    const { Uploads } = await raw.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    return (Uploads ?? []).length;
  }

  for (const [label, size] of SIZES) {
    it(`round-trips a file of ${label} byte for byte`, async () => {
      const data = randomBytes(size);
      const source = join(dir, `file-${size}`);
      await writeFile(source, data);
      const up = await client.uploadFile(source, bucket, `file-${size}`);
      expect(up.size).to.equal(size);
      expect(up.parts).to.equal(size >= 8 * MiB ? Math.ceil(size / (8 * MiB)) : 1);
      const target = join(dir, `file-${size}.out`);
      const down = await client.downloadFile(bucket, `file-${size}`, target);
      expect(down.size).to.equal(size);
      expect(sha(await readFile(target))).to.equal(sha(data));
    });

    it(`round-trips a stream of unknown length of ${label}`, async () => {
      const data = randomBytes(size);
      await client.uploadStream(pieces(data), bucket, `stream-${size}`);
      const sink = new PassThrough();
      const chunks: Buffer[] = [];
      sink.on("data", (c: Buffer) => chunks.push(c));
      await client.downloadStream(bucket, `stream-${size}`, sink);
      expect(sha(Buffer.concat(chunks))).to.equal(sha(data));
      // And as another client reads it, whole.
      const { Body } = await raw.send(new GetObjectCommand({ Bucket: bucket, Key: `stream-${size}` }));
      expect(sha(Buffer.from(await Body!.transformToByteArray()))).to.equal(sha(data));
    });
  }

  it("copies above the threshold with UploadPartCopy and below with CopyObject", async () => {
    const data = randomBytes(20 * MiB + 3);
    const source = join(dir, "copy-src");
    await writeFile(source, data);
    await client.uploadFile(source, bucket, "copy-src", {
      params: { ContentType: "application/x-test", Metadata: { origin: "it" } },
    });
    const operations: string[] = [];
    const dispose = client.meta.events.register(
      "before-call.s3",
      ({ operation }) => void operations.push(operation),
    );
    const big = await client.copy({ Bucket: bucket, Key: "copy-src" }, bucket, "copy-big");
    const small = await client.copy({ Bucket: bucket, Key: "copy-src" }, bucket, "copy-small", {
      multipartThreshold: 64 * MiB,
    });
    dispose();
    expect(big.parts).to.equal(3);
    expect(small.parts).to.equal(1);
    expect(operations.filter((o) => o === "UploadPartCopy")).to.have.length(3);
    expect(operations.filter((o) => o === "CopyObject")).to.have.length(1);
    for (const key of ["copy-big", "copy-small"]) {
      const target = join(dir, `${key}.out`);
      await client.downloadFile(bucket, key, target);
      expect(sha(await readFile(target))).to.equal(sha(data));
      const head = await client.headObject({ Bucket: bucket, Key: key });
      expect(head.ContentType).to.equal("application/x-test");
      expect(head.Metadata).to.deep.equal({ origin: "it" });
    }
  });

  it("an aborted upload leaves no multipart upload on the server", async () => {
    const data = randomBytes(40 * MiB);
    const source = join(dir, "abort-src");
    await writeFile(source, data);
    const controller = new AbortController();
    const error = await client
      .uploadFile(source, bucket, "aborted", {
        concurrency: 2,
        abortSignal: controller.signal,
        onProgress: ({ bytes }) => (bytes >= 8 * MiB ? controller.abort() : undefined),
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(TransferAbortedError.is(error)).to.equal(true);
    expect((error as TransferAbortedError).uploadAborted).to.equal(true);
    expect(await openUploads()).to.equal(0);
  });

  it("an aborted download leaves no partial file", async () => {
    const data = randomBytes(40 * MiB);
    await client.uploadStream(pieces(data), bucket, "abort-dl");
    const controller = new AbortController();
    const target = join(dir, "abort-dl.out");
    const error = await client
      .downloadFile(bucket, "abort-dl", target, {
        concurrency: 2,
        abortSignal: controller.signal,
        onProgress: ({ bytes }) => (bytes >= 4 * MiB ? controller.abort() : undefined),
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(TransferAbortedError.is(error)).to.equal(true);
    expect((await readdir(dir)).filter((f) => f.includes("abort-dl.out"))).to.deep.equal([]);
  });
});

import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import {
  Session,
  TransferAbortedError,
  TransferError,
  TransferIntegrityError,
  ValidationError,
  type S3ServiceClient,
  type TransferProgress,
} from "../../../index.js";
import { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import { emulatorSessionOptions, recorded, rejection } from "../../support/emulatorSession.js";

const MiB = 1024 * 1024;
/** Small parts keep the tests fast: 5 MiB is S3's minimum. */
const small = { multipartThreshold: 5 * MiB, partSize: 5 * MiB };

describe("managed transfers (emulator)", function () {
  this.timeout(60_000);
  let emu: ObjectScaleEmulator;
  let dir: string;
  let session: Session;
  let client: S3ServiceClient;
  let bucket = 0;
  let name: string;

  before(async () => {
    emu = await ObjectScaleEmulator.start();
    dir = await mkdtemp(join(tmpdir(), "transfer-unit-"));
  });
  after(async () => {
    await emu.stop();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    session = new Session({ ...emulatorSessionOptions(emu), requestChecksumCalculation: "WHEN_REQUIRED" });
    client = session.client("s3");
    name = `transfer-${++bucket}`;
    await client.createBucket({ Bucket: name });
    emu.clearRequests();
  });

  async function file(size: number): Promise<{ path: string; data: Buffer }> {
    const data = randomBytes(size);
    const path = join(dir, `src-${size}-${randomBytes(3).toString("hex")}`);
    await writeFile(path, data);
    return { path, data };
  }

  async function openUploads(): Promise<number> {
    const { Uploads } = await client.listMultipartUploads({ Bucket: name });
    return (Uploads ?? []).length;
  }

  describe("uploadFile() / downloadFile()", () => {
    it("round-trips a multipart file byte for byte, one UploadPart per part", async () => {
      const { path, data } = await file(17 * MiB + 3);
      const up = await client.uploadFile(path, name, "big", small);
      expect(up).to.include({ size: data.length, parts: 4 });
      expect(up.etag).to.match(/-4"$/);
      expect(recorded(emu, "UploadPart")).to.have.length(4);
      const target = join(dir, "big.out");
      const down = await client.downloadFile(name, "big", target, small);
      expect(down.parts).to.equal(4);
      expect((await readFile(target)).equals(data)).to.equal(true);
      expect((await readdir(dir)).filter((f) => f.startsWith(".big.out"))).to.deep.equal([]);
    });

    it("sends one PutObject below the threshold, with a Content-MD5", async () => {
      const { path, data } = await file(1000);
      await client.uploadFile(path, name, "small", small);
      expect(recorded(emu, "CreateMultipartUpload")).to.have.length(0);
      const put = recorded(emu, "PutObject");
      expect(put).to.have.length(1);
      expect(put[0]!.headers["content-md5"]).to.be.a("string");
      const target = join(dir, "small.out");
      await client.downloadFile(name, "small", target);
      expect((await readFile(target)).equals(data)).to.equal(true);
    });

    it("keeps at most `concurrency` parts in flight", async () => {
      const { path } = await file(30 * MiB);
      let inFlight = 0;
      let most = 0;
      session.events.register("before-call.s3.UploadPart", async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
      });
      const done = () => void inFlight--;
      session.events.register("after-call.s3.UploadPart", done);
      session.events.register("after-call-error.s3.UploadPart", done);
      await client.uploadFile(path, name, "bounded", { ...small, concurrency: 2 });
      expect(most).to.equal(2);
    });

    it("reports progress as events and to onProgress, ending at the size", async () => {
      const { path } = await file(11 * MiB);
      const events: TransferProgress[] = [];
      const callbacks: TransferProgress[] = [];
      session.events.register("transfer-progress.s3.upload", (p) => void events.push(p));
      await client.uploadFile(path, name, "progress", { ...small, onProgress: (p) => callbacks.push(p) });
      expect(events.map((e) => e.bytes)).to.deep.equal(callbacks.map((c) => c.bytes));
      // byte-level, not per part: a report per 64 KiB handed to the connection
      expect(events).to.have.length(11 * 16);
      expect(events.every((e) => e.delta > 0 && e.delta <= 64 * 1024 && e.bytes <= 11 * MiB)).to.equal(true);
      expect(events.at(-1)).to.include({
        bytes: 11 * MiB,
        total: 11 * MiB,
        direction: "upload",
        key: "progress",
      });
    });

    it("aborts the multipart upload when the signal fires mid-upload, leaving no parts", async () => {
      const { path } = await file(30 * MiB);
      const controller = new AbortController();
      session.events.register("after-call.s3.UploadPart", () => controller.abort(new Error("user stop")));
      const error = await rejection(
        client.uploadFile(path, name, "aborted", {
          ...small,
          concurrency: 1,
          abortSignal: controller.signal,
        }),
      );
      expect(TransferAbortedError.is(error)).to.equal(true);
      const e = error as unknown as TransferAbortedError;
      expect(e.uploadAborted).to.equal(true);
      expect(e.uploadId).to.be.a("string");
      expect(recorded(emu, "AbortMultipartUpload")).to.have.length(1);
      expect(recorded(emu, "CompleteMultipartUpload")).to.have.length(0);
      expect(await openUploads()).to.equal(0);
    });

    it("names the part that failed and aborts the upload", async () => {
      const { path } = await file(16 * MiB);
      session.events.register("before-send.s3.UploadPart", ({ request }) =>
        request.query?.["partNumber"] === "2"
          ? { statusCode: 403, body: "<Error><Code>AccessDenied</Code><Message>no</Message></Error>" }
          : undefined,
      );
      const error = await rejection(client.uploadFile(path, name, "failed", small));
      expect(TransferError.is(error)).to.equal(true);
      expect(error).to.include({ partNumber: 2, uploadAborted: true, code: "TRANSFER_FAILED" });
      expect((error as Error).cause).to.have.property("name", "AccessDenied");
      expect(await openUploads()).to.equal(0);
    });

    it("retries a part whose ETag does not match, then raises TransferIntegrityError", async () => {
      const { path } = await file(11 * MiB);
      session.events.register("after-call.s3.UploadPart", ({ output, params }) => {
        if (params.PartNumber === 3) output.ETag = '"00000000000000000000000000000000"';
      });
      const error = await rejection(client.uploadFile(path, name, "corrupt", { ...small, partAttempts: 2 }));
      expect(TransferIntegrityError.is(error)).to.equal(true);
      expect(error).to.include({ partNumber: 3, uploadAborted: true });
      const part3 = recorded(emu, "UploadPart").filter((r) => r.query["partNumber"] === "3");
      expect(part3).to.have.length(2);
      expect(await openUploads()).to.equal(0);
    });

    it("fsyncs the downloaded file before the rename only when asked, and checks the setting", async () => {
      const { path, data } = await file(6 * MiB);
      await client.uploadFile(path, name, "durable", small);
      const target = join(dir, "durable.out");
      await client.downloadFile(name, "durable", target, { ...small, fsync: true });
      expect((await readFile(target)).equals(data)).to.equal(true);
      emu.clearRequests();
      const error = await rejection(
        client.downloadFile(name, "durable", target, { fsync: "yes" as unknown as boolean }),
      );
      expect(ValidationError.is(error)).to.equal(true);
      expect(String(error)).to.include("fsync");
      expect(emu.requests).to.have.length(0);
    });

    it("removes the partial file when a download is aborted", async () => {
      const { path } = await file(20 * MiB);
      await client.uploadFile(path, name, "dl", small);
      const controller = new AbortController();
      session.events.register("after-call.s3.GetObject", () => controller.abort());
      const target = join(dir, "aborted.out");
      const error = await rejection(
        client.downloadFile(name, "dl", target, { ...small, concurrency: 1, abortSignal: controller.signal }),
      );
      expect(TransferAbortedError.is(error)).to.equal(true);
      expect((await readdir(dir)).filter((f) => f.includes("aborted.out"))).to.deep.equal([]);
    });

    it("raises TransferIntegrityError and leaves no file when the size does not match", async () => {
      const { path } = await file(1000);
      await client.uploadFile(path, name, "short");
      session.events.register("after-call.s3.HeadObject", ({ output }) => void (output.ContentLength = 2000));
      const target = join(dir, "short.out");
      const error = await rejection(client.downloadFile(name, "short", target, { partAttempts: 1 }));
      expect(TransferIntegrityError.is(error)).to.equal(true);
      expect((await readdir(dir)).filter((f) => f.includes("short.out"))).to.deep.equal([]);
    });
  });

  describe("uploadStream() / downloadStream()", () => {
    it("uploads a stream of unknown length in parts and reads it back in order", async () => {
      const data = randomBytes(12 * MiB + 5);
      const pieces = async function* () {
        for (let i = 0; i < data.length; i += 100_000) {
          await Promise.resolve();
          yield data.subarray(i, i + 100_000);
        }
      };
      const up = await client.uploadStream(pieces(), name, "stream", small);
      expect(up).to.include({ size: data.length, parts: 3 });
      const sink = new PassThrough();
      const chunks: Buffer[] = [];
      sink.on("data", (c: Buffer) => chunks.push(c));
      await client.downloadStream(name, "stream", sink, { ...small, concurrency: 3 });
      expect(Buffer.concat(chunks).equals(data)).to.equal(true);
    });

    it("sends a short stream as one PutObject", async () => {
      await client.uploadStream(Readable.from([Buffer.from("hello")]), name, "short");
      expect(recorded(emu, "PutObject")).to.have.length(1);
      const { Body } = await client.getObject({ Bucket: name, Key: "short" });
      expect(await Body?.transformToString()).to.equal("hello");
    });
  });

  describe("copy()", () => {
    it("copies with UploadPartCopy above the threshold and CopyObject below", async () => {
      const { path, data } = await file(11 * MiB);
      await client.uploadFile(path, name, "src", {
        ...small,
        params: { ContentType: "x/y", Metadata: { a: "1" } },
      });
      const big = await client.copy({ Bucket: name, Key: "src" }, name, "dst", small);
      expect(big.parts).to.equal(3);
      expect(recorded(emu, "UploadPartCopy")).to.have.length(3);
      const head = await client.headObject({ Bucket: name, Key: "dst" });
      expect(head).to.include({ ContentLength: data.length, ContentType: "x/y" });
      expect(head.Metadata).to.deep.equal({ a: "1" });
      await client.copy({ Bucket: name, Key: "src" }, name, "dst2", { multipartThreshold: 64 * MiB });
      expect(recorded(emu, "CopyObject")).to.have.length(1);
    });

    it("checks a one-request copy's ETag against the source's", async () => {
      const { path } = await file(1000);
      await client.uploadFile(path, name, "small-src");
      session.events.register("after-call.s3.CopyObject", ({ output }) => {
        if (output.CopyObjectResult) output.CopyObjectResult.ETag = '"00000000000000000000000000000000"';
      });
      const error = await rejection(client.copy({ Bucket: name, Key: "small-src" }, name, "small-dst"));
      expect(TransferIntegrityError.is(error)).to.equal(true);
      expect(String(error)).to.include("ETag of the copy");
    });

    it("checks a multipart copy was assembled from the parts it copied", async () => {
      const { path } = await file(11 * MiB);
      await client.uploadFile(path, name, "big-src", small);
      // as if the server had assembled other bytes than the parts' ETags say
      session.events.register("after-call.s3.CompleteMultipartUpload", ({ output }) => {
        output.ETag = '"00000000000000000000000000000000-3"';
      });
      const error = await rejection(client.copy({ Bucket: name, Key: "big-src" }, name, "big-dst", small));
      expect(TransferIntegrityError.is(error)).to.equal(true);
      expect(String(error)).to.include("ETag of the completed object");
    });
  });

  describe("resource methods", () => {
    it("are installed on Bucket and Object, and absent with transfers: false", async () => {
      const s3 = session.resource("s3");
      const { path, data } = await file(100);
      await s3.Bucket(name).uploadFile(path, "via-bucket");
      const obj = s3.Object(name, "via-object");
      await obj.copy({ Bucket: name, Key: "via-bucket" });
      const target = join(dir, "via.out");
      await obj.downloadFile(target);
      expect((await readFile(target)).equals(data)).to.equal(true);
      const bare = new Session({ ...emulatorSessionOptions(emu), transfers: false });
      expect((bare.client("s3") as Partial<S3ServiceClient>).uploadFile).to.equal(undefined);
    });
  });
});

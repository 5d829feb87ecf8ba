import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { expect } from "chai";
import type { S3ServiceClient } from "../../../lib/client/ClientFactory.js";
import { ValidationError } from "../../../lib/errors.js";
import { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import {
  httpStatus,
  objectScaleSession,
  only,
  rejection,
  signedHeaders,
} from "../../support/emulatorSession.js";

const NAMESPACE = "finance";
const BUCKET = "objects";

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

describe("ObjectScale plugin against the emulator: object extensions", function () {
  let emu: ObjectScaleEmulator;
  let s3: S3ServiceClient;
  const read = async (key: string) =>
    (await s3.getObject({ Bucket: BUCKET, Key: key })).Body!.transformToString();

  before(async function () {
    emu = await ObjectScaleEmulator.start({ retentionPolicies: { legal: 3600 } });
    s3 = objectScaleSession(emu, { namespace: NAMESPACE }).client("s3");
    await s3.createBucket({ Bucket: BUCKET });
  });
  after(async function () {
    await emu?.stop();
  });
  beforeEach(function () {
    emu.clearRequests();
  });

  describe(".appendObject()", function () {
    it("appends with Range: bytes=-1- and returns where the bytes landed", async function () {
      await s3.putObject({ Bucket: BUCKET, Key: "app.log", Body: "line1\n" });
      const out = await s3.appendObject({ Bucket: BUCKET, Key: "app.log", Body: "line2\n" });
      expect(out.AppendOffset).to.equal(6);
      expect(out.ETag).to.be.a("string");
      expect(await read("app.log")).to.equal("line1\nline2\n");

      const sent = only(emu, "AppendObject");
      expect(sent.method).to.equal("PUT");
      expect(sent.path).to.equal(`/${BUCKET}/app.log`);
      expect(sent.headers["range"]).to.equal("bytes=-1-");
      expect(sent.headers["x-emc-namespace"]).to.equal(NAMESPACE);
      expect(signedHeaders(sent)).to.include.members(["range", "x-emc-namespace"]);
      expect(sent.body?.toString()).to.equal("line2\n");
      expect(sent.headers, "no whole-object checksum on a partial write").to.not.have.any.keys(
        "content-md5",
        "x-amz-checksum-crc32",
        "x-amz-trailer",
      );
    });

    it("creates the object when the key is new (offset 0), with bytes and a content type", async function () {
      const out = await s3.appendObject({
        Bucket: BUCKET,
        Key: "fresh.bin",
        Body: new TextEncoder().encode("first"),
        ContentType: "application/x-log",
      });
      expect(out.AppendOffset).to.equal(0);
      const head = await s3.headObject({ Bucket: BUCKET, Key: "fresh.bin" });
      expect(head.ContentLength).to.equal(5);
      expect(only(emu, "AppendObject").headers["content-type"]).to.equal("application/x-log");
    });

    it("takes a stream with its ContentLength, and refuses a stream without one before sending", async function () {
      await s3.appendObject({
        Bucket: BUCKET,
        Key: "stream.log",
        Body: Readable.from([Buffer.from("abc")]),
        ContentLength: 3,
      });
      expect(await read("stream.log")).to.equal("abc");
      emu.clearRequests();
      const error = await rejection(
        s3.appendObject({ Bucket: BUCKET, Key: "stream.log", Body: Readable.from([Buffer.from("abc")]) }),
      );
      expect(ValidationError.is(error)).to.equal(true);
      expect(emu.requests).to.have.length(0);
    });
  });

  describe(".updateObjectRange()", function () {
    it("replaces bytes in place with Range: bytes=<offset>-<offset+length-1>", async function () {
      await s3.putObject({ Bucket: BUCKET, Key: "update.txt", Body: "0123456789" });
      emu.clearRequests();
      const out = await s3.updateObjectRange({ Bucket: BUCKET, Key: "update.txt", Offset: 2, Body: "abc" });
      expect(out.PreviousObjectSize).to.equal(10);
      expect(out.ETag).to.be.a("string");
      const sent = only(emu, "UpdateObjectRange");
      expect(sent.headers["range"]).to.equal("bytes=2-4");
      expect(signedHeaders(sent)).to.include("range");
      expect(await read("update.txt")).to.equal("01abc56789");
    });

    it("refuses an empty body before sending, and passes on the server's 416 for a write past the end", async function () {
      const empty = await rejection(
        s3.updateObjectRange({ Bucket: BUCKET, Key: "update.txt", Offset: 0, Body: "" }),
      );
      expect(ValidationError.is(empty)).to.equal(true);
      expect(emu.requests).to.have.length(0);
      const beyond = await rejection(
        s3.updateObjectRange({ Bucket: BUCKET, Key: "update.txt", Offset: 50, Body: "x" }),
      );
      expect(beyond.name).to.equal("InvalidRange");
      expect(httpStatus(beyond)).to.equal(416);
    });
  });

  describe(".overwriteObjectRange()", function () {
    it("writes from an offset with Range: bytes=<offset>-, growing the object", async function () {
      await s3.putObject({ Bucket: BUCKET, Key: "grow.txt", Body: "0123456789" });
      emu.clearRequests();
      const out = await s3.overwriteObjectRange({ Bucket: BUCKET, Key: "grow.txt", Offset: 8, Body: "XYZW" });
      expect(out.PreviousObjectSize).to.equal(10);
      // The emulator names every non-append ranged PUT UpdateObjectRange.
      expect(only(emu, "UpdateObjectRange").headers["range"]).to.equal("bytes=8-");
      expect(await read("grow.txt")).to.equal("01234567XYZW");
    });
  });

  describe("ObjectScale response headers", function () {
    it("exposes x-emc-content-md5 and x-emc-mtime as output.ObjectScale on getObject, headObject and putObject", async function () {
      const put = await s3.putObject({ Bucket: BUCKET, Key: "md5.txt", Body: "0123" });
      await s3.updateObjectRange({ Bucket: BUCKET, Key: "md5.txt", Offset: 0, Body: "ab" });
      const got = await s3.getObject({ Bucket: BUCKET, Key: "md5.txt" });
      await got.Body!.transformToString();
      const head = await s3.headObject({ Bucket: BUCKET, Key: "md5.txt" });
      expect(put.ObjectScale?.contentMd5).to.equal(md5("0123"));
      expect(got.ObjectScale?.contentMd5).to.equal(md5("ab23"));
      expect(head.ObjectScale?.contentMd5).to.equal(md5("ab23"));
      expect(head.ObjectScale?.mtime).to.be.instanceOf(Date);
      expect(Math.abs(head.ObjectScale!.mtime!.getTime() - Date.now())).to.be.below(60_000);
    });
  });

  describe("putObject({ ObjectScale: { retentionPeriod, retentionPolicy } })", function () {
    it("sends signed x-emc-retention-* headers; the object then refuses deletion with ObjectUnderRetention", async function () {
      await s3.putObject({
        Bucket: BUCKET,
        Key: "kept.txt",
        Body: "keep me",
        ObjectScale: { retentionPeriod: 60, retentionPolicy: "legal" },
      });
      const sent = only(emu, "PutObject");
      expect(sent.headers).to.include({ "x-emc-retention-period": "60", "x-emc-retention-policy": "legal" });
      expect(signedHeaders(sent)).to.include.members(["x-emc-retention-period", "x-emc-retention-policy"]);

      const head = await s3.headObject({ Bucket: BUCKET, Key: "kept.txt" });
      expect(head.ObjectScale).to.include({ retentionPeriod: 60, retentionPolicy: "legal" });
      const error = await rejection(s3.deleteObject({ Bucket: BUCKET, Key: "kept.txt" }));
      expect(error.name).to.equal("ObjectUnderRetention");
      expect(httpStatus(error)).to.equal(409);
      const append = await rejection(s3.appendObject({ Bucket: BUCKET, Key: "kept.txt", Body: "more" }));
      expect(append.name).to.equal("ObjectUnderRetention");
    });

    it("sends retention on copyObject and createMultipartUpload too", async function () {
      await s3.putObject({ Bucket: BUCKET, Key: "plain.txt", Body: "p" });
      await s3.copyObject({
        Bucket: BUCKET,
        Key: "copy-kept.txt",
        CopySource: `${BUCKET}/plain.txt`,
        ObjectScale: { retentionPeriod: 30 },
      });
      const upload = await s3.createMultipartUpload({
        Bucket: BUCKET,
        Key: "mpu-kept.bin",
        ObjectScale: { retentionPeriod: -1 },
      });
      await s3.abortMultipartUpload({ Bucket: BUCKET, Key: "mpu-kept.bin", UploadId: upload.UploadId! });
      expect(only(emu, "CopyObject").headers["x-emc-retention-period"]).to.equal("30");
      expect(only(emu, "CreateMultipartUpload").headers["x-emc-retention-period"]).to.equal("-1");
      expect(
        (await s3.headObject({ Bucket: BUCKET, Key: "copy-kept.txt" })).ObjectScale?.retentionPeriod,
      ).to.equal(30);
    });

    it("refuses a retention period below -1, and an unknown member, before sending", async function () {
      const fields = async (ObjectScale: object) => {
        const error = await rejection(
          s3.putObject({ Bucket: BUCKET, Key: "bad.txt", Body: "x", ObjectScale }),
        );
        expect(ValidationError.is(error)).to.equal(true);
        return (error as unknown as ValidationError).issues.map((i) => i.field);
      };
      expect(await fields({ retentionPeriod: -2 })).to.deep.equal(["ObjectScale.retentionPeriod"]);
      expect(await fields({ retentionPolcy: "typo" })).to.deep.equal(["ObjectScale.retentionPolcy"]);
      expect(await fields({ retentionPeriod: -2, retentionPolcy: "typo" })).to.have.members([
        "ObjectScale.retentionPolcy",
        "ObjectScale.retentionPeriod",
      ]);
      expect(emu.requests).to.have.length(0);
    });
  });

  describe(".extendRetentionPeriod()", function () {
    it("extends with PUT ?retentionUpdate and a signed x-emc-retention-period; shortening is refused by the server", async function () {
      await s3.putObject({
        Bucket: BUCKET,
        Key: "extend.txt",
        Body: "e",
        ObjectScale: { retentionPeriod: 10 },
      });
      emu.clearRequests();
      await s3.extendRetentionPeriod({ Bucket: BUCKET, Key: "extend.txt", RetentionPeriod: 120 });
      const sent = only(emu, "ExtendRetention");
      expect(sent.method).to.equal("PUT");
      expect(sent.query).to.deep.equal({ retentionUpdate: "" });
      expect(sent.headers["x-emc-retention-period"]).to.equal("120");
      expect(signedHeaders(sent)).to.include.members(["x-emc-retention-period", "x-emc-namespace"]);
      expect(sent.bodyLength).to.equal(0);
      expect(
        (await s3.headObject({ Bucket: BUCKET, Key: "extend.txt" })).ObjectScale?.retentionPeriod,
      ).to.equal(120);

      const shorter = await rejection(
        s3.extendRetentionPeriod({ Bucket: BUCKET, Key: "extend.txt", RetentionPeriod: 30 }),
      );
      expect(shorter.name).to.equal("InvalidArgument");
      await s3.extendRetentionPeriod({ Bucket: BUCKET, Key: "extend.txt", RetentionPeriod: -1 });
      expect(
        (await s3.headObject({ Bucket: BUCKET, Key: "extend.txt" })).ObjectScale?.retentionPeriod,
      ).to.equal(-1);
    });
  });

  describe(".copyRange()", function () {
    before(async function () {
      await s3.putObject({ Bucket: BUCKET, Key: "part-1", Body: "Hello, " });
      await s3.putObject({ Bucket: BUCKET, Key: "part-2", Body: "wide world!" });
    });

    it("composes a new object from ranges of others, with Content-MD5 and x-emc-multipart-copy signed", async function () {
      const out = await s3.copyRange({
        Bucket: BUCKET,
        Key: "joined.txt",
        ContentType: "text/plain",
        CopyMode: "shallow",
        Segments: [
          { Bucket: BUCKET, Key: "part-1" },
          { Bucket: BUCKET, Key: "part-2", Range: "5-10" },
        ],
      });
      expect(out.ETag).to.be.a("string");
      expect(await read("joined.txt")).to.equal("Hello, world!");
      expect((await s3.headObject({ Bucket: BUCKET, Key: "joined.txt" })).ContentType).to.equal("text/plain");

      const sent = only(emu, "CopyRange");
      const body = sent.body?.toString() ?? "";
      expect(sent.headers).to.include({ "x-emc-multipart-copy": "true", "x-emc-copy-mode": "shallow" });
      expect(sent.headers["content-md5"]).to.equal(createHash("md5").update(body).digest("base64"));
      expect(signedHeaders(sent)).to.include.members([
        "content-md5",
        "x-emc-multipart-copy",
        "x-emc-copy-mode",
      ]);
      expect(body).to.include(`<Segment><Path>${BUCKET}/part-1</Path><Range>0-</Range></Segment>`);
      expect(body).to.include(`<Segment><Path>${BUCKET}/part-2</Path><Range>5-10</Range></Segment>`);
    });

    it("passes on the server's errors: an ETag precondition that fails, a range beyond the source", async function () {
      const etag = await rejection(
        s3.copyRange({
          Bucket: BUCKET,
          Key: "never.txt",
          Segments: [{ Bucket: BUCKET, Key: "part-1", ETag: "nope" }],
        }),
      );
      expect(etag.name).to.equal("InvalidArgument");
      const range = await rejection(
        s3.copyRange({
          Bucket: BUCKET,
          Key: "never.txt",
          Segments: [{ Bucket: BUCKET, Key: "part-1", Range: "0-99" }],
        }),
      );
      expect(range.name).to.equal("InvalidCopyRange");
      expect((await rejection(s3.headObject({ Bucket: BUCKET, Key: "never.txt" }))).name).to.equal(
        "NotFound",
      );
    });

    it("refuses malformed ranges and an empty segment list before sending", async function () {
      const error = await rejection(
        s3.copyRange({
          Bucket: BUCKET,
          Key: "never.txt",
          Segments: [{ Bucket: BUCKET, Key: "part-1", Range: "bytes=0-1" }],
        }),
      );
      expect(ValidationError.is(error)).to.equal(true);
      expect(
        ValidationError.is(await rejection(s3.copyRange({ Bucket: BUCKET, Key: "never.txt", Segments: [] }))),
      ).to.equal(true);
      expect(emu.requests).to.have.length(0);
    });
  });
});

import { createHash } from "node:crypto";

import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { expect } from "chai";

import { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import { contentMd5, rawRequest } from "./harness.js";

describe("emulator: ECS object extensions (raw signed requests)", function () {
  let emu: ObjectScaleEmulator;
  let s3: S3Client;
  let now = Date.UTC(2026, 0, 1);
  const read = async (key: string) =>
    await (await s3.send(new GetObjectCommand({ Bucket: "ecs", Key: key }))).Body!.transformToString();
  const put = (key: string, range: string, body: string, headers: Record<string, string> = {}) =>
    rawRequest(emu, { method: "PUT", path: `/ecs/${key}`, headers: { range, ...headers }, body });

  before(async function () {
    // A fake clock moves retention forward; requests are signed with the real time, so skew is not checked.
    emu = await ObjectScaleEmulator.start({
      clock: () => now,
      maxClockSkewMs: Number.POSITIVE_INFINITY,
      retentionPolicies: { legal: 3600 },
    });
    s3 = new S3Client(emu.clientConfig());
    await s3.send(new CreateBucketCommand({ Bucket: "ecs" }));
  });
  after(async function () {
    s3.destroy();
    await emu.stop();
  });

  describe("byte-range writes (Range on PUT)", function () {
    it("appends with bytes=-1- and reports the offset in x-emc-append-offset (and x-emc-previous-object-size)", async function () {
      await s3.send(new PutObjectCommand({ Bucket: "ecs", Key: "app.log", Body: "line1\n" }));
      const appended = await put("app.log", "bytes=-1-", "line2\n");
      expect(appended.status).to.equal(200);
      expect(appended.headers["x-emc-append-offset"]).to.equal("6");
      expect(appended.headers["x-emc-previous-object-size"]).to.equal("6");
      expect(await read("app.log")).to.equal("line1\nline2\n");
      expect(emu.requests.at(-2)?.operation).to.equal("AppendObject");
    });

    it("creates the object when appending to a missing key", async function () {
      const created = await put("fresh.log", "bytes=-1-", "first");
      expect(created.headers["x-emc-append-offset"]).to.equal("0");
      expect(await read("fresh.log")).to.equal("first");
    });

    it("updates a fixed range in place, with a counter ETag and the real MD5 in x-emc-content-md5", async function () {
      await s3.send(new PutObjectCommand({ Bucket: "ecs", Key: "update.txt", Body: "0123456789" }));
      const updated = await put("update.txt", "bytes=2-4", "abc");
      expect(updated.status).to.equal(200);
      expect(updated.headers["etag"]).to.equal('"2"');
      expect(updated.headers["x-emc-content-md5"]).to.equal(
        createHash("md5").update("01abc56789").digest("hex"),
      );
      expect(await read("update.txt")).to.equal("01abc56789");
      expect(emu.requests.at(-2)?.operation).to.equal("UpdateObjectRange");
    });

    it("overwrites from an offset with bytes=N-, growing the object", async function () {
      await s3.send(new PutObjectCommand({ Bucket: "ecs", Key: "grow.txt", Body: "0123456789" }));
      await put("grow.txt", "bytes=8-", "XYZW");
      expect(await read("grow.txt")).to.equal("01234567XYZW");
    });

    it("refuses a body that does not fill the range, a start past the end, and a missing key", async function () {
      await s3.send(new PutObjectCommand({ Bucket: "ecs", Key: "strict.txt", Body: "0123" }));
      expect((await put("strict.txt", "bytes=0-3", "ab")).xml().textOf("Code")).to.equal("IncompleteBody");
      const beyond = await put("strict.txt", "bytes=9-", "ab");
      expect(beyond.status).to.equal(416);
      expect((await put("absent.txt", "bytes=0-1", "ab")).xml().textOf("Code")).to.equal("NoSuchKey");
      expect((await put("strict.txt", "bytes=a-b", "ab")).xml().textOf("Code")).to.equal("InvalidArgument");
    });
  });

  describe("retention", function () {
    it("returns x-emc-retention-period/-policy and refuses overwrite and delete with 409 ObjectUnderRetention until it ends", async function () {
      const created = await rawRequest(emu, {
        method: "PUT",
        path: "/ecs/retained.txt",
        headers: { "x-emc-retention-period": "60", "x-emc-retention-policy": "legal" },
        body: "keep me",
      });
      expect(created.status).to.equal(200);
      await s3.send(new GetObjectCommand({ Bucket: "ecs", Key: "retained.txt" }));
      const sent = emu.requests.at(-1)?.responseHeaders ?? {};
      expect(sent["x-emc-retention-period"]).to.equal("60");
      expect(sent["x-emc-retention-policy"]).to.equal("legal");

      const deleted = await rawRequest(emu, { method: "DELETE", path: "/ecs/retained.txt" });
      expect(deleted.status).to.equal(409);
      expect(deleted.xml().textOf("Code")).to.equal("ObjectUnderRetention");
      const appended = await put("retained.txt", "bytes=-1-", "more");
      expect(appended.xml().textOf("Code")).to.equal("ObjectUnderRetention");

      now += 120_000; // past the object's 60 s, still inside the policy's hour
      expect((await rawRequest(emu, { method: "DELETE", path: "/ecs/retained.txt" })).status).to.equal(409);
      now += 3_600_000;
      expect((await rawRequest(emu, { method: "DELETE", path: "/ecs/retained.txt" })).status).to.equal(204);
    });

    it("extends retention with PUT ?retentionUpdate, and refuses to shorten it", async function () {
      await rawRequest(emu, {
        method: "PUT",
        path: "/ecs/extend.txt",
        headers: { "x-emc-retention-period": "10" },
        body: "e",
      });
      const extend = (period: string) =>
        rawRequest(emu, {
          method: "PUT",
          path: "/ecs/extend.txt",
          query: { retentionUpdate: "" },
          headers: { "x-emc-retention-period": period },
        });
      expect((await extend("100")).status).to.equal(200);
      expect(emu.requests.at(-1)?.operation).to.equal("ExtendRetention");
      const shorter = await extend("50");
      expect(shorter.status).to.equal(400);
      expect((await extend("-1")).status).to.equal(200);
      expect((await extend("1000")).status).to.equal(400);
      const missing = await rawRequest(emu, {
        method: "PUT",
        path: "/ecs/extend.txt",
        query: { retentionUpdate: "" },
      });
      expect(missing.xml().textOf("Code")).to.equal("InvalidRequest");
      await s3.send(new GetObjectCommand({ Bucket: "ecs", Key: "extend.txt" }));
      expect(emu.requests.at(-1)?.responseHeaders["x-emc-retention-period"]).to.equal("-1");
    });

    it("applies the bucket default period (reported by HEAD bucket) to its objects", async function () {
      await rawRequest(emu, {
        method: "PUT",
        path: "/retained-bucket",
        headers: { "x-emc-retention-period": "300" },
      });
      const head = await rawRequest(emu, { method: "HEAD", path: "/retained-bucket" });
      expect(head.headers["x-emc-retention-period"]).to.equal("300");
      await rawRequest(emu, { method: "PUT", path: "/retained-bucket/o", body: "x" });
      expect((await rawRequest(emu, { method: "DELETE", path: "/retained-bucket/o" })).status).to.equal(409);
    });
  });

  describe("copy-range (x-emc-multipart-copy)", function () {
    const body = (segments: string) =>
      `<CopyRangeRequest xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><ContentType>text/plain</ContentType><Segments>${segments}</Segments></CopyRangeRequest>`;
    const copyRange = (key: string, xml: string, headers: Record<string, string> = {}) =>
      rawRequest(emu, {
        method: "PUT",
        path: `/ecs/${key}`,
        headers: {
          "x-emc-multipart-copy": "true",
          "content-type": "application/xml",
          "content-md5": contentMd5(xml),
          ...headers,
        },
        body: xml,
      });

    before(async function () {
      await s3.send(new PutObjectCommand({ Bucket: "ecs", Key: "part-0001", Body: "Hello, " }));
      await s3.send(new PutObjectCommand({ Bucket: "ecs", Key: "part-0002", Body: "wide world!" }));
    });

    it("builds the target from ranges of several sources, checking an ETag precondition", async function () {
      const etag = createHash("md5").update("wide world!").digest("hex");
      const xml = body(
        `<Segment><Path>ecs/part-0001</Path><Range>0-</Range></Segment>` +
          `<Segment><Path>ecs/part-0002</Path><Etag>${etag}</Etag><Range>5-10</Range></Segment>`,
      );
      const response = await copyRange("joined.txt", xml, { "x-emc-copy-mode": "shallow" });
      expect(response.status).to.equal(200);
      expect(response.headers["etag"]).to.equal(
        `"${createHash("md5").update("Hello, world!").digest("hex")}"`,
      );
      const got = await s3.send(new GetObjectCommand({ Bucket: "ecs", Key: "joined.txt" }));
      expect(await got.Body!.transformToString()).to.equal("Hello, world!");
      expect(got.ContentType).to.equal("text/plain");
      expect(emu.requests.at(-2)?.operation).to.equal("CopyRange");
    });

    it("answers ECS's errors: missing Content-MD5, missing source, range outside it, ETag mismatch", async function () {
      const ok = body(`<Segment><Path>ecs/part-0001</Path><Range>0-</Range></Segment>`);
      expect((await copyRange("x", ok, { "content-md5": "" })).status).to.equal(400);
      const noMd5 = await rawRequest(emu, {
        method: "PUT",
        path: "/ecs/x",
        headers: { "x-emc-multipart-copy": "true" },
        body: ok,
      });
      expect(noMd5.xml().textOf("Message")).to.contain("Content-MD5");
      const codeOf = async (segments: string) => (await copyRange("x", body(segments))).xml().textOf("Code");
      expect(await codeOf(`<Segment><Path>ecs/absent</Path><Range>0-</Range></Segment>`)).to.equal(
        "InvalidCopySource",
      );
      expect(await codeOf(`<Segment><Path>ecs/part-0001</Path><Range>0-99</Range></Segment>`)).to.equal(
        "InvalidCopyRange",
      );
      expect(
        await codeOf(`<Segment><Path>ecs/part-0001</Path><Etag>00</Etag><Range>0-</Range></Segment>`),
      ).to.equal("InvalidArgument");
      const many = Array.from(
        { length: 251 },
        () => `<Segment><Path>ecs/part-0001</Path><Range>0-0</Range></Segment>`,
      ).join("");
      expect(await codeOf(many)).to.equal("MaxMessageLengthExceeded");
      expect(emu.describeBucket("ecs")?.keyCount).to.be.greaterThan(0);
    });
  });
});

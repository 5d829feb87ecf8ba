import { createHash } from "node:crypto";

import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutBucketTaggingCommand,
  GetBucketTaggingCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { expect } from "chai";

import { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import { serviceFailure as failure } from "../../support/rejection.js";

const md5 = (data: string | Buffer) => createHash("md5").update(data).digest("hex");


describe("emulator: buckets and objects through @aws-sdk/client-s3", function () {
  let emu: ObjectScaleEmulator;
  let s3: S3Client;

  before(async function () {
    emu = await ObjectScaleEmulator.start();
    s3 = new S3Client(emu.clientConfig());
    await s3.send(new CreateBucketCommand({ Bucket: "objects" }));
  });
  after(async function () {
    s3.destroy();
    await emu.stop();
  });

  describe("buckets", function () {
    it("creates, heads, lists and deletes a bucket; re-creating an existing one answers 200 as ECS does", async function () {
      await s3.send(new CreateBucketCommand({ Bucket: "short-lived" }));
      await s3.send(new CreateBucketCommand({ Bucket: "short-lived" }));
      expect(
        (await s3.send(new HeadBucketCommand({ Bucket: "short-lived" }))).$metadata.httpStatusCode,
      ).to.equal(200);
      const names = (await s3.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name);
      expect(names).to.include.members(["objects", "short-lived"]);
      await s3.send(new DeleteBucketCommand({ Bucket: "short-lived" }));
      expect(
        (await failure(s3.send(new HeadBucketCommand({ Bucket: "short-lived" })))).$metadata.httpStatusCode,
      ).to.equal(404);
    });

    it("refuses invalid names, missing buckets and non-empty deletes with S3's codes", async function () {
      expect((await failure(s3.send(new CreateBucketCommand({ Bucket: "Bad_Name" })))).name).to.equal(
        "InvalidBucketName",
      );
      const missing = await failure(s3.send(new GetObjectCommand({ Bucket: "nope", Key: "k" })));
      expect(missing.name).to.equal("NoSuchBucket");
      expect(missing.$metadata.httpStatusCode).to.equal(404);
      await s3.send(new CreateBucketCommand({ Bucket: "not-empty" }));
      await s3.send(new PutObjectCommand({ Bucket: "not-empty", Key: "k", Body: "x" }));
      expect((await failure(s3.send(new DeleteBucketCommand({ Bucket: "not-empty" })))).name).to.equal(
        "BucketNotEmpty",
      );
    });

    it("stores bucket tags", async function () {
      await s3.send(
        new PutBucketTaggingCommand({
          Bucket: "objects",
          Tagging: { TagSet: [{ Key: "team", Value: "storage" }] },
        }),
      );
      const tags = await s3.send(new GetBucketTaggingCommand({ Bucket: "objects" }));
      expect(tags.TagSet).to.deep.equal([{ Key: "team", Value: "storage" }]);
    });
  });

  describe("objects", function () {
    it("round-trips bytes, content type, stored headers and user metadata (names lower-cased)", async function () {
      const body = Buffer.from([0, 1, 2, 250, 255, 10, 13]);
      const put = await s3.send(
        new PutObjectCommand({
          Bucket: "objects",
          Key: "dir/bin ary.dat",
          Body: body,
          ContentType: "application/x-test",
          CacheControl: "no-cache",
          Metadata: { Department: "Sales", "x-Mixed-Case": "Value" },
        }),
      );
      expect(put.ETag).to.equal(`"${md5(body)}"`);
      const got = await s3.send(new GetObjectCommand({ Bucket: "objects", Key: "dir/bin ary.dat" }));
      expect(Buffer.from(await got.Body!.transformToByteArray())).to.deep.equal(body);
      expect(got.ContentType).to.equal("application/x-test");
      expect(got.CacheControl).to.equal("no-cache");
      expect(got.Metadata).to.deep.equal({ department: "Sales", "x-mixed-case": "Value" });
      expect(got.ETag).to.equal(put.ETag);
    });

    it("sends ECS's x-emc-mtime (epoch ms) and x-emc-content-md5 (hex) on GET and HEAD", async function () {
      await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "ecs-headers.txt", Body: "hello" }));
      const head = await s3.send(new HeadObjectCommand({ Bucket: "objects", Key: "ecs-headers.txt" }));
      const sent = emu.requests.at(-1)?.responseHeaders ?? {};
      expect(sent["x-emc-content-md5"]).to.equal("5d41402abc4b2a76b9719d911017c592");
      expect(Number(sent["x-emc-mtime"])).to.be.closeTo(head.LastModified!.getTime(), 1000);
      expect(head.ContentLength).to.equal(5);
      expect(head.ContentType).to.equal("application/octet-stream");
    });

    it("serves ranges with 206 and refuses unsatisfiable ones with 416 InvalidRange", async function () {
      await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "range.txt", Body: "0123456789" }));
      const cases: [string, string, string][] = [
        ["bytes=0-3", "0123", "bytes 0-3/10"],
        ["bytes=7-", "789", "bytes 7-9/10"],
        ["bytes=-2", "89", "bytes 8-9/10"],
        ["bytes=8-100", "89", "bytes 8-9/10"],
      ];
      for (const [range, text, contentRange] of cases) {
        const got = await s3.send(
          new GetObjectCommand({ Bucket: "objects", Key: "range.txt", Range: range }),
        );
        expect(await got.Body!.transformToString(), range).to.equal(text);
        expect(got.ContentRange).to.equal(contentRange);
        expect(got.$metadata.httpStatusCode).to.equal(206);
      }
      const error = await failure(
        s3.send(new GetObjectCommand({ Bucket: "objects", Key: "range.txt", Range: "bytes=10-" })),
      );
      expect(error.name).to.equal("InvalidRange");
      expect(error.$metadata.httpStatusCode).to.equal(416);
    });

    it("honours If-None-Match (304) and If-Match (412) on reads, and conditional PUTs (412)", async function () {
      const { ETag } = await s3.send(
        new PutObjectCommand({ Bucket: "objects", Key: "cond.txt", Body: "v1" }),
      );
      const notModified = await failure(
        s3.send(new GetObjectCommand({ Bucket: "objects", Key: "cond.txt", IfNoneMatch: ETag })),
      );
      expect(notModified.$metadata.httpStatusCode).to.equal(304);
      const failed = await failure(
        s3.send(new GetObjectCommand({ Bucket: "objects", Key: "cond.txt", IfMatch: '"nope"' })),
      );
      expect(failed.name).to.equal("PreconditionFailed");
      const exists = await failure(
        s3.send(new PutObjectCommand({ Bucket: "objects", Key: "cond.txt", Body: "v2", IfNoneMatch: "*" })),
      );
      expect(exists.$metadata.httpStatusCode).to.equal(412);
      await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "cond.txt", Body: "v2", IfMatch: ETag }));
    });

    it("answers NoSuchKey for missing keys, and deletes idempotently", async function () {
      expect(
        (await failure(s3.send(new GetObjectCommand({ Bucket: "objects", Key: "missing" })))).name,
      ).to.equal("NoSuchKey");
      await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "gone.txt", Body: "x" }));
      await s3.send(new DeleteObjectCommand({ Bucket: "objects", Key: "gone.txt" }));
      await s3.send(new DeleteObjectCommand({ Bucket: "objects", Key: "gone.txt" }));
      expect(
        (await failure(s3.send(new HeadObjectCommand({ Bucket: "objects", Key: "gone.txt" })))).$metadata
          .httpStatusCode,
      ).to.equal(404);
    });

    it("stores object tags from x-amz-tagging and ?tagging", async function () {
      await s3.send(
        new PutObjectCommand({
          Bucket: "objects",
          Key: "tagged.txt",
          Body: "t",
          Tagging: "a=1&b=two%20words",
        }),
      );
      expect(
        (await s3.send(new GetObjectTaggingCommand({ Bucket: "objects", Key: "tagged.txt" }))).TagSet,
      ).to.deep.equal([
        { Key: "a", Value: "1" },
        { Key: "b", Value: "two words" },
      ]);
      await s3.send(
        new PutObjectTaggingCommand({
          Bucket: "objects",
          Key: "tagged.txt",
          Tagging: { TagSet: [{ Key: "c", Value: "3" }] },
        }),
      );
      expect(
        (await s3.send(new HeadObjectCommand({ Bucket: "objects", Key: "tagged.txt" }))).$metadata
          .httpStatusCode,
      ).to.equal(200);
      expect(emu.requests.at(-1)?.responseHeaders["x-amz-tagging-count"]).to.equal("1");
    });
  });
});

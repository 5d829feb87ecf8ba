import { createHash } from "node:crypto";

import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { expect } from "chai";

import { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import { serviceFailure as failure } from "../../support/rejection.js";

const md5 = (data: string | Buffer) => createHash("md5").update(data).digest("hex");


describe("emulator: copy, DeleteObjects and versions through @aws-sdk/client-s3", function () {
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

  describe("CopyObject", function () {
    it("copies metadata with COPY and takes the request's with REPLACE", async function () {
      await s3.send(
        new PutObjectCommand({
          Bucket: "objects",
          Key: "src.txt",
          Body: "source",
          ContentType: "text/plain",
          Metadata: { a: "1" },
        }),
      );
      const copied = await s3.send(
        new CopyObjectCommand({ Bucket: "objects", Key: "copy.txt", CopySource: "objects/src.txt" }),
      );
      expect(copied.CopyObjectResult?.ETag).to.equal(`"${md5("source")}"`);
      const copy = await s3.send(new GetObjectCommand({ Bucket: "objects", Key: "copy.txt" }));
      expect(await copy.Body!.transformToString()).to.equal("source");
      expect(copy.Metadata).to.deep.equal({ a: "1" });
      expect(copy.ContentType).to.equal("text/plain");

      await s3.send(
        new CopyObjectCommand({
          Bucket: "objects",
          Key: "replaced.txt",
          CopySource: "objects/src.txt",
          MetadataDirective: "REPLACE",
          Metadata: { b: "2" },
          ContentType: "text/csv",
        }),
      );
      const replaced = await s3.send(new HeadObjectCommand({ Bucket: "objects", Key: "replaced.txt" }));
      expect(replaced.Metadata).to.deep.equal({ b: "2" });
      expect(replaced.ContentType).to.equal("text/csv");
    });

    it("refuses a copy onto itself without REPLACE, a missing source, and a failed source condition", async function () {
      await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "self.txt", Body: "s" }));
      const self = await failure(
        s3.send(
          new CopyObjectCommand({ Bucket: "objects", Key: "self.txt", CopySource: "objects/self.txt" }),
        ),
      );
      expect(self.name).to.equal("InvalidRequest");
      const missing = await failure(
        s3.send(new CopyObjectCommand({ Bucket: "objects", Key: "x", CopySource: "objects/absent" })),
      );
      expect(missing.name).to.equal("NoSuchKey");
      const condition = await failure(
        s3.send(
          new CopyObjectCommand({
            Bucket: "objects",
            Key: "x",
            CopySource: "objects/self.txt",
            CopySourceIfMatch: '"0"',
          }),
        ),
      );
      expect(condition.name).to.equal("PreconditionFailed");
    });
  });

  describe("DeleteObjects", function () {
    it("deletes listed keys, reports each, and stays quiet in Quiet mode", async function () {
      for (const key of ["d1", "d2", "d3"])
        await s3.send(new PutObjectCommand({ Bucket: "objects", Key: key, Body: key }));
      const loud = await s3.send(
        new DeleteObjectsCommand({
          Bucket: "objects",
          Delete: { Objects: [{ Key: "d1" }, { Key: "never-existed" }] },
        }),
      );
      expect(loud.Deleted?.map((d) => d.Key)).to.deep.equal(["d1", "never-existed"]);
      expect(loud.Errors ?? []).to.have.length(0);
      const quiet = await s3.send(
        new DeleteObjectsCommand({
          Bucket: "objects",
          Delete: { Quiet: true, Objects: [{ Key: "d2" }, { Key: "d3" }] },
        }),
      );
      expect(quiet.Deleted ?? []).to.have.length(0);
      expect(
        (await failure(s3.send(new HeadObjectCommand({ Bucket: "objects", Key: "d3" })))).$metadata
          .httpStatusCode,
      ).to.equal(404);
    });

    it("reports a key under ECS retention as a per-key error and deletes the others", async function () {
      await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "free", Body: "f" }));
      s3.middlewareStack.add(
        (next) => async (args) => {
          const request = args.request as { headers: Record<string, string> };
          request.headers["x-emc-retention-period"] = "3600";
          return next(args);
        },
        { step: "build", name: "retentionHeader" },
      );
      try {
        await s3.send(new PutObjectCommand({ Bucket: "objects", Key: "kept", Body: "k" }));
      } finally {
        s3.middlewareStack.remove("retentionHeader");
      }
      const result = await s3.send(
        new DeleteObjectsCommand({
          Bucket: "objects",
          Delete: { Objects: [{ Key: "kept" }, { Key: "free" }] },
        }),
      );
      expect(result.Deleted?.map((d) => d.Key)).to.deep.equal(["free"]);
      expect(result.Errors).to.deep.equal([
        {
          Key: "kept",
          Code: "ObjectUnderRetention",
          Message: 'The object "kept" is under retention and cannot be modified or deleted',
        },
      ]);
    });
  });

  describe("versioning", function () {
    it("keeps versions, reads one by id, hides a key behind a delete marker, and lists them all", async function () {
      await s3.send(new CreateBucketCommand({ Bucket: "versioned" }));
      await s3.send(
        new PutBucketVersioningCommand({
          Bucket: "versioned",
          VersioningConfiguration: { Status: "Enabled" },
        }),
      );
      const v1 = await s3.send(new PutObjectCommand({ Bucket: "versioned", Key: "doc", Body: "one" }));
      const v2 = await s3.send(new PutObjectCommand({ Bucket: "versioned", Key: "doc", Body: "two" }));
      expect(v1.VersionId).to.be.a("string").and.not.equal(v2.VersionId);
      const old = await s3.send(
        new GetObjectCommand({ Bucket: "versioned", Key: "doc", VersionId: v1.VersionId }),
      );
      expect(await old.Body!.transformToString()).to.equal("one");

      const marker = await s3.send(new DeleteObjectCommand({ Bucket: "versioned", Key: "doc" }));
      expect(marker.DeleteMarker).to.equal(true);
      expect(
        (await failure(s3.send(new GetObjectCommand({ Bucket: "versioned", Key: "doc" })))).name,
      ).to.equal("NoSuchKey");

      const listed = await s3.send(new ListObjectVersionsCommand({ Bucket: "versioned" }));
      expect(listed.Versions?.map((v) => v.VersionId)).to.deep.equal([v2.VersionId, v1.VersionId]);
      expect(listed.DeleteMarkers?.map((d) => [d.VersionId, d.IsLatest])).to.deep.equal([
        [marker.VersionId, true],
      ]);

      await s3.send(
        new DeleteObjectCommand({ Bucket: "versioned", Key: "doc", VersionId: marker.VersionId }),
      );
      const back = await s3.send(new GetObjectCommand({ Bucket: "versioned", Key: "doc" }));
      expect(await back.Body!.transformToString()).to.equal("two");
      expect(back.VersionId).to.equal(v2.VersionId);
    });
  });
});

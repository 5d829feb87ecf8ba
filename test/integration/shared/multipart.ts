/** Multipart uploads: create, upload parts, list parts and uploads, complete, abort, and their errors. */
import { createHash } from "node:crypto";
import { expect } from "chai";
import { httpStatus, rejection } from "../../support/emulatorSession.js";
import { behaviour, type SharedS3Fixture } from "./fixture.js";

/** S3's smallest part but the last. */
const MIN_PART = 5 * 1024 * 1024;
const md5 = (data: Buffer) => createHash("md5").update(data).digest();
const quotedMd5 = (data: Buffer) => `"${md5(data).toString("hex")}"`;

export function defineMultipartBehaviours(fx: SharedS3Fixture): void {
  describe("multipart uploads", function () {
    let bucket: string;
    const big = Buffer.alloc(MIN_PART, "a");
    const tail = Buffer.alloc(1024, "b");
    const MULTIPART_ETAG = `"${md5(Buffer.concat([md5(big), md5(tail)])).toString("hex")}-2"`;

    before(async function () {
      bucket = await fx.newBucket("shared-multipart");
    });

    it("uploads parts, lists them and the upload, and completes into one object with a -N ETag", async function () {
      const { UploadId } = await fx.s3.createMultipartUpload({
        Bucket: bucket,
        Key: "big.bin",
        ContentType: "application/x-big",
        Metadata: { kind: "multipart" },
      });
      expect(UploadId).to.be.a("string").and.not.equal("");
      const one = await fx.s3.uploadPart({
        Bucket: bucket,
        Key: "big.bin",
        UploadId: UploadId!,
        PartNumber: 1,
        Body: big,
      });
      const two = await fx.s3.uploadPart({
        Bucket: bucket,
        Key: "big.bin",
        UploadId: UploadId!,
        PartNumber: 2,
        Body: tail,
      });
      expect(one.ETag).to.equal(quotedMd5(big));
      expect(two.ETag).to.equal(quotedMd5(tail));

      const parts = await fx.s3.listParts({ Bucket: bucket, Key: "big.bin", UploadId: UploadId! });
      expect(parts.Parts?.map((p) => [p.PartNumber, p.Size, p.ETag])).to.deep.equal([
        [1, MIN_PART, one.ETag],
        [2, 1024, two.ETag],
      ]);
      const uploads = await fx.s3.listMultipartUploads({ Bucket: bucket });
      expect(uploads.Uploads?.map((u) => [u.Key, u.UploadId])).to.deep.include(["big.bin", UploadId]);

      const done = await fx.s3.completeMultipartUpload({
        Bucket: bucket,
        Key: "big.bin",
        UploadId: UploadId!,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: one.ETag! },
            { PartNumber: 2, ETag: two.ETag! },
          ],
        },
      });
      expect(done.Key).to.equal("big.bin");
      const head = await fx.s3.headObject({ Bucket: bucket, Key: "big.bin" });
      expect(head.ContentLength).to.equal(MIN_PART + 1024);
      expect(head.ContentType).to.equal("application/x-big");
      expect(head.Metadata).to.deep.equal({ kind: "multipart" });
      expect(head.ETag, "the MD5 of the parts' MD5s, then -2").to.equal(MULTIPART_ETAG);
      const seam = await fx.s3.getObject({
        Bucket: bucket,
        Key: "big.bin",
        Range: `bytes=${MIN_PART - 2}-${MIN_PART + 1}`,
      });
      expect(await seam.Body!.transformToString()).to.equal("aabb");
      expect((await fx.s3.listMultipartUploads({ Bucket: bucket })).Uploads ?? []).to.deep.equal([]);
    });

    it("aborts an upload: its parts are gone and it is no longer listed", async function () {
      const { UploadId } = await fx.s3.createMultipartUpload({ Bucket: bucket, Key: "aborted.bin" });
      await fx.s3.uploadPart({
        Bucket: bucket,
        Key: "aborted.bin",
        UploadId: UploadId!,
        PartNumber: 1,
        Body: tail,
      });
      const aborted = await fx.s3.abortMultipartUpload({
        Bucket: bucket,
        Key: "aborted.bin",
        UploadId: UploadId!,
      });
      expect(aborted.$metadata.httpStatusCode).to.equal(204);
      const error = await rejection(
        fx.s3.listParts({ Bucket: bucket, Key: "aborted.bin", UploadId: UploadId! }),
      );
      expect(httpStatus(error)).to.equal(404);
      expect(
        (await fx.s3.listMultipartUploads({ Bucket: bucket })).Uploads?.map((u) => u.UploadId) ?? [],
      ).to.not.include(UploadId);
      expect((await rejection(fx.s3.headObject({ Bucket: bucket, Key: "aborted.bin" }))).name).to.equal(
        "NotFound",
      );
    });

    behaviour(fx, "returns the object's ETag from CompleteMultipartUpload", async function () {
      const { UploadId } = await fx.s3.createMultipartUpload({ Bucket: bucket, Key: "one-part.bin" });
      const part = await fx.s3.uploadPart({
        Bucket: bucket,
        Key: "one-part.bin",
        UploadId: UploadId!,
        PartNumber: 1,
        Body: tail,
      });
      const done = await fx.s3.completeMultipartUpload({
        Bucket: bucket,
        Key: "one-part.bin",
        UploadId: UploadId!,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag! }] },
      });
      expect(done.ETag).to.equal(`"${md5(md5(tail)).toString("hex")}-1"`);
    });

    behaviour(fx, "answers ListParts of an aborted upload with NoSuchUpload", async function () {
      const { UploadId } = await fx.s3.createMultipartUpload({ Bucket: bucket, Key: "gone.bin" });
      await fx.s3.abortMultipartUpload({ Bucket: bucket, Key: "gone.bin", UploadId: UploadId! });
      const error = await rejection(
        fx.s3.listParts({ Bucket: bucket, Key: "gone.bin", UploadId: UploadId! }),
      );
      expect(error.name).to.equal("NoSuchUpload");
    });

    it("refuses to complete with a part too small (EntityTooSmall) or a wrong ETag (InvalidPart), keeping the upload", async function () {
      const { UploadId } = await fx.s3.createMultipartUpload({ Bucket: bucket, Key: "bad.bin" });
      const id = UploadId!;
      const upload = (PartNumber: number) =>
        fx.s3.uploadPart({ Bucket: bucket, Key: "bad.bin", UploadId: id, PartNumber, Body: tail });
      const complete = (Parts: Array<{ PartNumber: number; ETag: string }>) =>
        rejection(
          fx.s3.completeMultipartUpload({
            Bucket: bucket,
            Key: "bad.bin",
            UploadId: id,
            MultipartUpload: { Parts },
          }),
        );

      const one = await upload(1);
      const two = await upload(2);
      const tooSmall = await complete([
        { PartNumber: 1, ETag: one.ETag! },
        { PartNumber: 2, ETag: two.ETag! },
      ]);
      expect(tooSmall.name).to.equal("EntityTooSmall");
      expect(httpStatus(tooSmall)).to.equal(400);
      const wrongEtag = await complete([{ PartNumber: 1, ETag: '"0123456789abcdef0123456789abcdef"' }]);
      expect(wrongEtag.name).to.equal("InvalidPart");
      expect(httpStatus(wrongEtag)).to.equal(400);
      const parts = await fx.s3.listParts({ Bucket: bucket, Key: "bad.bin", UploadId: id });
      expect(parts.Parts?.map((p) => p.PartNumber)).to.deep.equal([1, 2]);
      await fx.s3.abortMultipartUpload({ Bucket: bucket, Key: "bad.bin", UploadId: id });
    });

    behaviour(fx, "refuses to complete with parts out of order (InvalidPartOrder)", async function () {
      const { UploadId } = await fx.s3.createMultipartUpload({ Bucket: bucket, Key: "order.bin" });
      const id = UploadId!;
      try {
        // Both parts large enough, so that only the order is wrong.
        const one = await fx.s3.uploadPart({
          Bucket: bucket,
          Key: "order.bin",
          UploadId: id,
          PartNumber: 1,
          Body: big,
        });
        const two = await fx.s3.uploadPart({
          Bucket: bucket,
          Key: "order.bin",
          UploadId: id,
          PartNumber: 2,
          Body: big,
        });
        const error = await rejection(
          fx.s3.completeMultipartUpload({
            Bucket: bucket,
            Key: "order.bin",
            UploadId: id,
            MultipartUpload: {
              Parts: [
                { PartNumber: 2, ETag: two.ETag! },
                { PartNumber: 1, ETag: one.ETag! },
              ],
            },
          }),
        );
        expect(error.name).to.equal("InvalidPartOrder");
        expect(httpStatus(error)).to.equal(400);
      } finally {
        await fx.s3
          .abortMultipartUpload({ Bucket: bucket, Key: "order.bin", UploadId: id })
          .catch(() => undefined);
      }
    });

    it("works through resources: initiateMultipartUpload, Part().upload(), parts, complete", async function () {
      const upload = await fx.resource.Bucket(bucket).Object("resource.bin").initiateMultipartUpload();
      const first = await upload.Part("1").upload({ Body: big });
      const second = await upload.Part("2").upload({ Body: tail });
      const listed = [];
      for await (const part of upload.parts) listed.push([part.partNumber, part.size]);
      // Identifiers are strings, PartNumber included.
      expect(listed).to.deep.equal([
        ["1", MIN_PART],
        ["2", 1024],
      ]);
      const object = await upload.complete({
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: first.ETag! },
            { PartNumber: 2, ETag: second.ETag! },
          ],
        },
      });
      await object.load();
      expect(object.key).to.equal("resource.bin");
      expect(object.contentLength).to.equal(MIN_PART + 1024);
    });
  });
}

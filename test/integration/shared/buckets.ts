/** Bucket create, head, list and delete, through the client and through resources. */
import { expect } from "chai";
import { uniqueBucketName } from "../../support/s3Server.js";
import { httpStatus, rejection } from "../../support/emulatorSession.js";
import type { SharedS3Fixture } from "./fixture.js";

export function defineBucketBehaviours(fx: SharedS3Fixture): void {
  describe("buckets", function () {
    it("creates a bucket that headBucket finds and listBuckets lists; deleted, both lose it", async function () {
      const bucket = uniqueBucketName("shared-bucket");
      const created = await fx.s3.createBucket({ Bucket: bucket });
      expect(created.$metadata.httpStatusCode).to.equal(200);
      expect((await fx.s3.headBucket({ Bucket: bucket })).$metadata.httpStatusCode).to.equal(200);
      const listed = (await fx.s3.listBuckets({})).Buckets?.find((b) => b.Name === bucket);
      expect(listed?.CreationDate).to.be.instanceOf(Date);
      expect(Math.abs(listed!.CreationDate!.getTime() - Date.now())).to.be.below(5 * 60_000);

      const deleted = await fx.s3.deleteBucket({ Bucket: bucket });
      expect(deleted.$metadata.httpStatusCode).to.equal(204);
      const head = await rejection(fx.s3.headBucket({ Bucket: bucket }));
      expect(head.name).to.equal("NotFound");
      expect(httpStatus(head)).to.equal(404);
      expect((await fx.s3.listBuckets({})).Buckets?.map((b) => b.Name)).to.not.include(bucket);
    });

    it("answers NoSuchBucket (404) for a bucket that does not exist", async function () {
      const missing = uniqueBucketName("shared-missing");
      for (const call of [
        () => fx.s3.deleteBucket({ Bucket: missing }),
        () => fx.s3.listObjectsV2({ Bucket: missing }),
        () => fx.s3.putObject({ Bucket: missing, Key: "k", Body: "x" }),
      ]) {
        const error = await rejection(call());
        expect(error.name).to.equal("NoSuchBucket");
        expect(httpStatus(error)).to.equal(404);
      }
    });

    it("refuses to delete a bucket that holds objects with BucketNotEmpty (409)", async function () {
      const bucket = await fx.newBucket("shared-not-empty");
      await fx.s3.putObject({ Bucket: bucket, Key: "k", Body: "x" });
      const error = await rejection(fx.s3.deleteBucket({ Bucket: bucket }));
      expect(error.name).to.equal("BucketNotEmpty");
      expect(httpStatus(error)).to.equal(409);
      await fx.s3.headBucket({ Bucket: bucket });
    });

    it("keeps an existing bucket and its objects when the owner creates it again", async function () {
      const bucket = await fx.newBucket("shared-again");
      await fx.s3.putObject({ Bucket: bucket, Key: "k", Body: "x" });
      // S3 allows either answer: 200 in us-east-1 (its legacy behaviour, and ECS's), else
      // 409 BucketAlreadyOwnedByYou. Either way nothing is lost.
      const again = await fx.s3.createBucket({ Bucket: bucket }).then(
        (out) => out.$metadata.httpStatusCode,
        (error: Error) => error.name,
      );
      expect(again).to.be.oneOf([200, "BucketAlreadyOwnedByYou"]);
      expect((await fx.s3.listObjectsV2({ Bucket: bucket })).KeyCount).to.equal(1);
    });

    it("works through resources: createBucket, waitUntilExists, load, delete, waitUntilNotExists", async function () {
      const name = uniqueBucketName("shared-resource");
      const bucket = await fx.resource.createBucket({ Bucket: name });
      expect(bucket.name).to.equal(name);
      await bucket.waitUntilExists({ delayMs: 100, maxWaitMs: 10_000 });
      await bucket.load();
      expect(bucket.creationDate).to.be.instanceOf(Date);
      await bucket.delete();
      await bucket.waitUntilNotExists({ delayMs: 100, maxWaitMs: 10_000 });
    });
  });
}

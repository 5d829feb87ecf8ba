/** Object put, get, head (metadata, ranges, conditions), copy, delete and DeleteObjects. */
import { createHash } from "node:crypto";
import { expect } from "chai";
import { BatchError } from "../../../lib/errors.js";
import { httpStatus, rejection } from "../../support/emulatorSession.js";
import { behaviour, type SharedS3Fixture } from "./fixture.js";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz";
const quotedMd5 = (text: string) => `"${createHash("md5").update(text).digest("hex")}"`;

export function defineObjectBehaviours(fx: SharedS3Fixture): void {
  describe("objects", function () {
    let bucket: string;
    const text = async (key: string, range?: string) => {
      const out = await fx.s3.getObject({ Bucket: bucket, Key: key, ...(range ? { Range: range } : {}) });
      return { out, body: await out.Body!.transformToString() };
    };

    before(async function () {
      bucket = await fx.newBucket("shared-objects");
      await fx.s3.putObject({
        Bucket: bucket,
        Key: "alphabet.txt",
        Body: ALPHABET,
        ContentType: "text/plain",
      });
    });

    it("stores the body, content type and user metadata (names lower-cased) and returns them on get and head", async function () {
      const put = await fx.s3.putObject({
        Bucket: bucket,
        Key: "docs/meta.txt",
        Body: "hello",
        ContentType: "text/markdown",
        CacheControl: "max-age=60",
        Metadata: { Color: "Blue", "project-id": "42" },
      });
      expect(put.ETag).to.equal(quotedMd5("hello"));

      const { out, body } = await text("docs/meta.txt");
      expect(body).to.equal("hello");
      expect(out.ContentType).to.equal("text/markdown");
      expect(out.CacheControl).to.equal("max-age=60");
      expect(out.ContentLength).to.equal(5);
      expect(out.ETag).to.equal(put.ETag);
      expect(out.Metadata).to.deep.equal({ color: "Blue", "project-id": "42" });

      const head = await fx.s3.headObject({ Bucket: bucket, Key: "docs/meta.txt" });
      expect(head.ContentLength).to.equal(5);
      expect(head.ETag).to.equal(put.ETag);
      expect(head.Metadata).to.deep.equal({ color: "Blue", "project-id": "42" });
      expect(head.LastModified).to.be.instanceOf(Date);
      expect(Math.abs(head.LastModified!.getTime() - Date.now())).to.be.below(5 * 60_000);
    });

    behaviour(fx, "keeps underscores in user metadata names", async function () {
      await fx.s3.putObject({
        Bucket: bucket,
        Key: "docs/underscore.txt",
        Body: "u",
        Metadata: { cost_center: "7" },
      });
      const head = await fx.s3.headObject({ Bucket: bucket, Key: "docs/underscore.txt" });
      expect(head.Metadata).to.deep.equal({ cost_center: "7" });
    });

    it("serves byte ranges with 206 and Content-Range: closed, open-ended and suffix", async function () {
      const closed = await text("alphabet.txt", "bytes=0-4");
      expect(closed.body).to.equal("abcde");
      expect(closed.out.$metadata.httpStatusCode).to.equal(206);
      expect(closed.out.ContentRange).to.equal("bytes 0-4/26");
      expect(closed.out.ContentLength).to.equal(5);
      const open = await text("alphabet.txt", "bytes=20-");
      expect(open.body).to.equal("uvwxyz");
      expect(open.out.ContentRange).to.equal("bytes 20-25/26");
      const suffix = await text("alphabet.txt", "bytes=-3");
      expect(suffix.body).to.equal("xyz");
      expect(suffix.out.ContentRange).to.equal("bytes 23-25/26");
      const past = await text("alphabet.txt", "bytes=20-99");
      expect(past.body, "an end past the object is cut to its size").to.equal("uvwxyz");
    });

    it("refuses a range that starts past the end with InvalidRange (416)", async function () {
      const error = await rejection(
        fx.s3.getObject({ Bucket: bucket, Key: "alphabet.txt", Range: "bytes=100-200" }),
      );
      expect(error.name).to.equal("InvalidRange");
      expect(httpStatus(error)).to.equal(416);
    });

    it("answers a missing key with NoSuchKey on get and 404 NotFound on head", async function () {
      const get = await rejection(fx.s3.getObject({ Bucket: bucket, Key: "missing.txt" }));
      expect(get.name).to.equal("NoSuchKey");
      expect(httpStatus(get)).to.equal(404);
      const head = await rejection(fx.s3.headObject({ Bucket: bucket, Key: "missing.txt" }));
      expect(head.name).to.equal("NotFound");
      expect(httpStatus(head)).to.equal(404);
    });

    it("honours If-None-Match (304) and If-Match (412 PreconditionFailed)", async function () {
      const etag = quotedMd5(ALPHABET);
      const notModified = await rejection(
        fx.s3.getObject({ Bucket: bucket, Key: "alphabet.txt", IfNoneMatch: etag }),
      );
      expect(httpStatus(notModified)).to.equal(304);
      const failed = await rejection(
        fx.s3.getObject({
          Bucket: bucket,
          Key: "alphabet.txt",
          IfMatch: '"0123456789abcdef0123456789abcdef"',
        }),
      );
      expect(failed.name).to.equal("PreconditionFailed");
      expect(httpStatus(failed)).to.equal(412);
      const matched = await fx.s3.getObject({ Bucket: bucket, Key: "alphabet.txt", IfMatch: etag });
      expect(await matched.Body!.transformToString()).to.equal(ALPHABET);
    });

    describe("copyObject", function () {
      before(async function () {
        await fx.s3.putObject({
          Bucket: bucket,
          Key: "copy/source.txt",
          Body: "copy me",
          ContentType: "text/x-source",
          Metadata: { origin: "source" },
        });
      });

      it("copies the body, content type and metadata by default, keeping the ETag of a simple object", async function () {
        const out = await fx.s3.copyObject({
          Bucket: bucket,
          Key: "copy/same.txt",
          CopySource: `${bucket}/copy/source.txt`,
        });
        expect(out.CopyObjectResult?.LastModified).to.be.instanceOf(Date);
        const head = await fx.s3.headObject({ Bucket: bucket, Key: "copy/same.txt" });
        expect(head.ContentType).to.equal("text/x-source");
        expect(head.Metadata).to.deep.equal({ origin: "source" });
        expect(head.ETag).to.equal(quotedMd5("copy me"));
      });

      behaviour(fx, "returns the copy's ETag, quoted, in CopyObjectResult", async function () {
        const out = await fx.s3.copyObject({
          Bucket: bucket,
          Key: "copy/etag.txt",
          CopySource: `${bucket}/copy/source.txt`,
        });
        expect(out.CopyObjectResult?.ETag).to.equal(quotedMd5("copy me"));
      });

      it("replaces the metadata with MetadataDirective REPLACE", async function () {
        await fx.s3.copyObject({
          Bucket: bucket,
          Key: "copy/replaced.txt",
          CopySource: `${bucket}/copy/source.txt`,
          MetadataDirective: "REPLACE",
          ContentType: "text/x-copy",
          Metadata: { origin: "copy" },
        });
        const head = await fx.s3.headObject({ Bucket: bucket, Key: "copy/replaced.txt" });
        expect(head.ContentType).to.equal("text/x-copy");
        expect(head.Metadata).to.deep.equal({ origin: "copy" });
        expect((await text("copy/replaced.txt")).body).to.equal("copy me");
      });

      behaviour(
        fx,
        "refuses a copy whose CopySourceIfMatch fails with PreconditionFailed (412)",
        async function () {
          const error = await rejection(
            fx.s3.copyObject({
              Bucket: bucket,
              Key: "copy/conditional.txt",
              CopySource: `${bucket}/copy/source.txt`,
              CopySourceIfMatch: '"0123456789abcdef0123456789abcdef"',
            }),
          );
          expect(error.name).to.equal("PreconditionFailed");
          expect(httpStatus(error)).to.equal(412);
        },
      );

      it("refuses a missing source with NoSuchKey, and a copy onto itself that changes nothing with InvalidRequest", async function () {
        const missing = await rejection(
          fx.s3.copyObject({ Bucket: bucket, Key: "copy/x.txt", CopySource: `${bucket}/copy/absent.txt` }),
        );
        expect(missing.name).to.equal("NoSuchKey");
        expect(httpStatus(missing)).to.equal(404);
        const self = await rejection(
          fx.s3.copyObject({
            Bucket: bucket,
            Key: "copy/source.txt",
            CopySource: `${bucket}/copy/source.txt`,
          }),
        );
        expect(self.name).to.equal("InvalidRequest");
        expect(httpStatus(self)).to.equal(400);
      });
    });

    describe("deleting", function () {
      it("deletes an object (204), and answers 204 for a key that is not there", async function () {
        await fx.s3.putObject({ Bucket: bucket, Key: "delete/one.txt", Body: "x" });
        const out = await fx.s3.deleteObject({ Bucket: bucket, Key: "delete/one.txt" });
        expect(out.$metadata.httpStatusCode).to.equal(204);
        expect((await rejection(fx.s3.getObject({ Bucket: bucket, Key: "delete/one.txt" }))).name).to.equal(
          "NoSuchKey",
        );
        const again = await fx.s3.deleteObject({ Bucket: bucket, Key: "delete/one.txt" });
        expect(again.$metadata.httpStatusCode).to.equal(204);
      });

      it("DeleteObjects reports every key as deleted, missing ones included; Quiet reports none", async function () {
        for (const key of ["batch/a", "batch/b", "batch/c"])
          await fx.s3.putObject({ Bucket: bucket, Key: key, Body: key });
        const out = await fx.s3.deleteObjects({
          Bucket: bucket,
          Delete: { Objects: [{ Key: "batch/a" }, { Key: "batch/b" }, { Key: "batch/never" }] },
        });
        expect(out.Deleted?.map((d) => d.Key)).to.have.members(["batch/a", "batch/b", "batch/never"]);
        expect(out.Errors ?? []).to.deep.equal([]);
        const quiet = await fx.s3.deleteObjects({
          Bucket: bucket,
          Delete: { Objects: [{ Key: "batch/c" }], Quiet: true },
        });
        expect(quiet.Deleted ?? []).to.deep.equal([]);
        expect((await fx.s3.listObjectsV2({ Bucket: bucket, Prefix: "batch/" })).KeyCount).to.equal(0);
      });

      it("DeleteObjects reports a per-key AccessDenied for a version under legal hold, and deletes the rest", async function () {
        const locked = await fx.newBucket("shared-legal-hold", { ObjectLockEnabledForBucket: true });
        const held = await fx.s3.putObject({
          Bucket: locked,
          Key: "held",
          Body: "h",
          ObjectLockLegalHoldStatus: "ON",
        });
        const free = await fx.s3.putObject({ Bucket: locked, Key: "free", Body: "f" });
        try {
          const out = await fx.s3.deleteObjects({
            Bucket: locked,
            Delete: {
              Objects: [
                { Key: "held", VersionId: held.VersionId! },
                { Key: "free", VersionId: free.VersionId! },
              ],
            },
          });
          expect(out.Errors?.map((e) => [e.Key, e.VersionId, e.Code])).to.deep.equal([
            ["held", held.VersionId, "AccessDenied"],
          ]);
          expect(out.Deleted?.map((d) => [d.Key, d.VersionId])).to.deep.equal([["free", free.VersionId]]);

          // Through resources, the failure is a BatchError that names the key.
          const error = await rejection(fx.resource.Bucket(locked).objectVersions.delete());
          expect(error).to.be.instanceOf(BatchError);
          expect(
            (error as unknown as BatchError).failures.map((f) => ({ ...f.item, code: f.code })),
          ).to.deep.equal([{ Key: "held", VersionId: held.VersionId, code: "AccessDenied" }]);
        } finally {
          await fx.s3.putObjectLegalHold({
            Bucket: locked,
            Key: "held",
            VersionId: held.VersionId!,
            LegalHold: { Status: "OFF" },
          });
        }
      });
    });

    it("works through resources: Object put, load, get, copyFrom and delete", async function () {
      const obj = fx.resource.Object(bucket, "resource/item.txt");
      const put = await obj.put({ Body: "resource body", Metadata: { via: "resource" } });
      expect(put.ETag).to.equal(quotedMd5("resource body"));
      await obj.load();
      expect(obj.contentLength).to.equal(13);
      expect(obj.metadata).to.deep.equal({ via: "resource" });
      const copy = fx.resource.Object(bucket, "resource/copy.txt");
      await copy.copyFrom({ CopySource: `${bucket}/resource/item.txt` });
      expect(await (await copy.get()).Body!.transformToString()).to.equal("resource body");
      await obj.delete();
      await obj.waitUntilNotExists({ delayMs: 100, maxWaitMs: 10_000 });
    });
  });
}

import { expect } from "chai";
import { WaiterTimeoutError } from "../../../index.js";
import { answer, recordParams, stubSession } from "./fixtures.js";
import { TObj, TVer } from "./fixtures.js";
import { rejection } from "../../support/rejection.js";


describe("actions", () => {
  describe("parameters", () => {
    it("fill identifiers and nested constants, and merge the caller's other members", async () => {
      const { s3, session } = stubSession();
      const seen = recordParams(session);
      await s3.Bucket("logs").enableVersioning({ ExpectedBucketOwner: "123" });
      expect(seen).to.deep.equal([
        {
          operation: "PutBucketVersioning",
          params: {
            ExpectedBucketOwner: "123",
            Bucket: "logs",
            VersioningConfiguration: { Status: "Enabled" },
          },
        },
      ]);
    });

    it("let the resource win where both fill a member, keeping the caller's object around nested values", async () => {
      const { s3, session } = stubSession();
      const seen = recordParams(session);
      const input = {
        Bucket: "other",
        VersioningConfiguration: { MFADelete: "Disabled", Status: "Suspended" },
      };
      await s3.Bucket("logs").enableVersioning(input);
      expect(seen[0]!.params).to.deep.equal({
        Bucket: "logs",
        VersioningConfiguration: { MFADelete: "Disabled", Status: "Enabled" },
      });
      expect(input).to.deep.equal({
        Bucket: "other",
        VersioningConfiguration: { MFADelete: "Disabled", Status: "Suspended" },
      });
    });

    it("write list targets (Delete.Objects[].Key) into the caller's structure", async () => {
      const { s3, session } = stubSession({ body: "<DeleteResult></DeleteResult>" });
      const seen = recordParams(session);
      await s3
        .Bucket("b")
        .Obj("k")
        .removeSelf({ Delete: { Quiet: true } });
      expect(seen[0]!.params).to.deep.equal({
        Bucket: "b",
        Delete: { Quiet: true, Objects: [{ Key: "k" }] },
      });
    });

    it("give identifiers to numeric members as numbers (PartNumber)", async () => {
      const { s3, session } = stubSession({ headers: { etag: '"p"' } });
      const seen = recordParams(session);
      await s3.Part("b", "k", "u1", "3").upload({ Body: "x" });
      expect(seen[0]!.params).to.deep.equal({
        Body: "x",
        Bucket: "b",
        Key: "k",
        UploadId: "u1",
        PartNumber: 3,
      });
    });

    it("load the data first when a parameter reads it, and only then", async () => {
      const { s3, session } = stubSession({ headers: { "x-amz-version-id": "v7" } }, { statusCode: 204 });
      const seen = recordParams(session);
      const object = s3.Bucket("b").Obj("k");
      await object.deleteThisVersion();
      expect(seen.map((s) => s.operation)).to.deep.equal(["HeadObject", "DeleteObject"]);
      expect(seen[1]!.params).to.deep.equal({ Bucket: "b", Key: "k", VersionId: "v7" });
      await object.deleteThisVersion();
      expect(seen.map((s) => s.operation)).to.deep.equal(["HeadObject", "DeleteObject", "DeleteObject"]);
    });
  });

  describe("results", () => {
    it("return the SDK output when the action builds no resource", async () => {
      const { s3 } = stubSession({ headers: { etag: '"e1"' } });
      const output = await s3.Bucket("b").Obj("k").put({ Body: "x" });
      expect(output.ETag).to.equal('"e1"');
    });

    it("return the resource built from the request, sharing the parent's client", async () => {
      const { s3 } = stubSession({ headers: { etag: '"e1"' } });
      const bucket = s3.Bucket("b");
      const object = await bucket.putObject({ Key: "new.txt", Body: "x" });
      expect(object).to.be.instanceOf(TObj);
      expect(object.meta.identifiers).to.deep.equal({ bucketName: "b", key: "new.txt" });
      expect(object.meta.client).to.equal(bucket.meta.client);
      expect(object.meta.data).to.equal(undefined);
    });

    it("return one resource per list element, with its item data attached", async () => {
      const { s3, session } = stubSession();
      answer(session, "ListObjectsV2", {
        Contents: [
          { Key: "a", Size: 1 },
          { Key: "b", Size: 2 },
        ],
      });
      const objects = await s3.Bucket("b").listKeys();
      expect(objects.map(String)).to.deep.equal([
        "s3.Obj(bucketName='b', key='a')",
        "s3.Obj(bucketName='b', key='b')",
      ]);
      expect(objects.map((o) => o.meta.data)).to.deep.equal([
        { Key: "a", Size: 1 },
        { Key: "b", Size: 2 },
      ]);
      expect(objects.map((o) => o.meta.stale)).to.deep.equal([false, false]);
    });

    it("return undefined when the response lacks an identifier", async () => {
      const { s3 } = stubSession({ headers: { etag: '"e1"' } }, { headers: { "x-amz-version-id": "v2" } });
      const bucket = s3.Bucket("b");
      expect(await bucket.putVersion({ Key: "k", Body: "x" })).to.equal(undefined);
      const version = await bucket.putVersion({ Key: "k", Body: "x" });
      expect(version).to.be.instanceOf(TVer);
      expect(version!.meta.identifiers).to.deep.equal({ bucketName: "b", objectKey: "k", id: "v2" });
    });
  });

  describe("data policy", () => {
    it("keeps the data after a mutating action and marks it stale; load() clears the mark", async () => {
      const { s3, session } = stubSession(
        { headers: { "content-length": "5" } },
        { headers: { etag: '"e"' } },
        {
          headers: { "content-length": "6" },
        },
      );
      const seen = recordParams(session);
      const object = await s3.Bucket("b").Obj("k").load();
      expect(object.meta.stale).to.equal(false);
      await object.put({ Body: "abcdef" });
      expect(object.meta.stale).to.equal(true);
      expect(object.contentLength).to.equal(5); // kept, no hidden request
      expect(seen).to.have.length(2);
      await object.load();
      expect(object.meta.stale).to.equal(false);
      expect(object.contentLength).to.equal(6);
    });

    it("does not mark the data stale after a read-only action, or a failed one", async () => {
      const { s3, session } = stubSession({ statusCode: 403 });
      answer(session, "ListBuckets", { Buckets: [{ Name: "b" }] });
      answer(session, "HeadBucket", {});
      const bucket = await s3.Bucket("b").load();
      await bucket.head();
      expect(bucket.meta.stale).to.equal(false);
      await rejection(bucket.delete());
      expect(bucket.meta.stale).to.equal(false);
      expect(bucket.meta.data).to.deep.equal({ Name: "b" });
    });
  });
});

describe("waiters", () => {
  it("call the client's waiter with the resource's parameters", async () => {
    const { s3, session } = stubSession({});
    const seen = recordParams(session);
    const result = await s3.Bucket("logs").waitUntilExists({ delayMs: 1 });
    expect(result.attempts).to.equal(1);
    expect(seen).to.deep.equal([{ operation: "HeadBucket", params: { Bucket: "logs" } }]);
  });

  it("pass maxWaitMs and delayMs on", async () => {
    const { s3 } = stubSession({ statusCode: 404 });
    const error = await rejection(s3.Bucket("logs").waitUntilExists({ maxWaitMs: 30, delayMs: 5 }));
    expect(WaiterTimeoutError.is(error)).to.equal(true);
  });

  it("stop when the AbortSignal fires", async () => {
    const { s3, transport } = stubSession({ statusCode: 404 });
    const controller = new AbortController();
    const waiting = s3.Bucket("logs").waitUntilExists({ abortSignal: controller.signal, delayMs: 10_000 });
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    const error = await rejection(waiting);
    expect(Date.now() - started).to.be.lessThan(5_000);
    expect(error.name).to.equal("AbortError");
    expect(transport.requests).to.have.length(1);
  });
});

import { expect } from "chai";
import { ValidationError } from "../../../../index.js";
import { BatchError } from "../../../../lib/errors.js";
import { createCollection, MAX_BATCH_ITEMS } from "../../../../lib/resources/collections/index.js";
import { StubTransport } from "../../../support/stubTransport.js";
import { clientFor, FakeBucket, keysOf, type FakeBucketOptions } from "./fakeS3.js";
import { deleteByETag, deleteVersions, expectRejection, fakeItem, objectsSource } from "./sources.js";

function setup(keys: readonly string[], options?: FakeBucketOptions) {
  const bucket = new FakeBucket(keys, options);
  return { bucket, objects: createCollection(objectsSource(clientFor(bucket))) };
}

describe("collection batch actions", function () {
  // Thousands of keys through the SDK's XML (de)serializers: seconds on a loaded machine.
  this.timeout(20_000);

  describe("requests", () => {
    it("sends at most 1,000 items per request: 2,500 items make 1000/1000/500", async () => {
      const { bucket, objects } = setup(keysOf(2500));
      const result = await objects.delete();
      // Requests in flight together may reach the server in any order; outputs keep request order.
      expect(bucket.deletes.map((r) => r.keys.length).sort((a, b) => b - a)).to.deep.equal([1000, 1000, 500]);
      expect(bucket.deletes.flatMap((r) => r.keys).sort()).to.deep.equal(keysOf(2500));
      expect(result.items).to.equal(2500);
      expect(result.outputs.map((o) => o.Deleted?.length)).to.deep.equal([1000, 1000, 500]);
      expect(MAX_BATCH_ITEMS).to.equal(1000);
    });

    it("gathers small pages into full requests", async () => {
      const { bucket, objects } = setup(keysOf(1250), { defaultPageSize: 300 });
      await objects.delete();
      expect(bucket.lists).to.have.length(5);
      expect(bucket.deletes.map((r) => r.keys.length).sort((a, b) => b - a)).to.deep.equal([1000, 250]);
    });

    it("fills the bucket once and one element per item, and merges the caller's input under it", async () => {
      const { bucket, objects } = setup(["a", "b", "c"]);
      // `Delete` is filled by the spec, so its type is not offered; at run time its extra members join.
      const input = { ExpectedBucketOwner: "111122223333", Delete: { Quiet: true } } as Record<
        string,
        unknown
      >;
      const frozen = JSON.stringify(input);
      await objects.filter({ Prefix: "" }).delete(input);
      const [request] = bucket.deletes;
      expect(request!.path).to.equal("/b/");
      expect(request!.headers["x-amz-expected-bucket-owner"]).to.equal("111122223333");
      expect(request!.keys).to.deep.equal(["a", "b", "c"]);
      expect(request!.body).to.match(/<Quiet>true<\/Quiet>/);
      expect(JSON.stringify(input)).to.equal(frozen);
    });

    it("refuses input for a member the spec fills, before any request", async () => {
      const { bucket, objects } = setup(["a"]);
      const input = { Bucket: "other", Delete: { Objects: [{ Key: "x" }] } } as Record<string, unknown>;
      const error = await expectRejection(objects.delete(input), /Bucket/);
      expect((error as ValidationError).issues.map((i) => i.field)).to.deep.equal([
        "Bucket",
        "Delete.Objects",
      ]);
      expect(bucket.requests).to.have.length(0);
    });

    it("acts only on the filtered, limited items", async () => {
      const { bucket, objects } = setup([...keysOf(5, "a/"), ...keysOf(5, "b/")]);
      const result = await objects.filter({ Prefix: "b/" }).limit(3).delete();
      expect(bucket.deletes.flatMap((r) => r.keys)).to.deep.equal(keysOf(3, "b/"));
      expect(result.items).to.equal(3);
    });

    it("loads an item's data when a parameter reads it", async () => {
      const transport = new StubTransport({ body: "<DeleteResult/>" });
      const items = [
        fakeItem({ bucketName: "b", key: "x" }),
        fakeItem({ bucketName: "b", key: "y" }, { ETag: '"given"' }),
      ];
      const collection = createCollection({
        ...objectsSource(clientFor(transport)),
        operation: "GetBucketTagging",
        buildItems: () => items,
        batchActions: { delete: deleteByETag },
      }) as unknown as { delete(): Promise<unknown> };
      await collection.delete();
      expect(items.map((i) => i.loads)).to.deep.equal([1, 0]);
      expect(transport.requests).to.have.length(2);
    });

    it("makes no request for an empty collection", async () => {
      const { bucket, objects } = setup([]);
      const result = await objects.delete();
      expect(result).to.deep.equal({ outputs: [], items: 0 });
      expect(bucket.lists).to.have.length(1);
      expect(bucket.deletes).to.have.length(0);
    });
  });

  describe("concurrency", () => {
    it("keeps at most `concurrency` requests in flight, and uses them", async () => {
      const { bucket, objects } = setup(keysOf(6000), { delayMs: 15 });
      await objects.delete(undefined, { concurrency: 3 });
      expect(bucket.deletes).to.have.length(6);
      expect(bucket.maxInFlight).to.equal(3);
    });

    it("defaults to 4 in flight", async () => {
      const { bucket, objects } = setup(keysOf(6000), { delayMs: 15 });
      await objects.delete();
      expect(bucket.maxInFlight).to.equal(4);
    });

    it("lists only as far ahead as the free slots allow (bounded memory)", async () => {
      const { bucket, objects } = setup(keysOf(10_000), { delayMs: 10 });
      const ahead: number[] = [];
      const original = bucket.handle.bind(bucket);
      bucket.handle = (request, options) => {
        if (request.method === "GET") ahead.push(bucket.lists.length - bucket.deletesDone);
        return original(request, options);
      };
      await objects.delete(undefined, { concurrency: 2 });
      expect(bucket.deletes).to.have.length(10);
      // One page = one request here: the listing never runs more than `concurrency` pages ahead of what is done.
      expect(Math.max(...ahead)).to.equal(2);
    });

    it("refuses a concurrency that is not a positive integer", async () => {
      const { bucket, objects } = setup(keysOf(3));
      for (const concurrency of [0, -1, 1.5]) {
        const error = await expectRejection(objects.delete(undefined, { concurrency }), /concurrency/);
        expect(ValidationError.is(error)).to.be.true;
      }
      expect(bucket.requests).to.have.length(0);
    });
  });

  describe("failures", () => {
    it("raises BatchError naming every failed item, after every request ran", async () => {
      const { bucket, objects } = setup(keysOf(2500), {
        onDelete: (_keys, index) =>
          index === 0
            ? { failed: { k0003: "AccessDenied" } }
            : index === 2
              ? { failed: { k2400: "InternalError", k2499: "AccessDenied" } }
              : undefined,
      });
      const error = await expectRejection(objects.delete(), /3 item\(s\) failed/);
      expect(BatchError.is(error)).to.be.true;
      const batch = error as BatchError;
      expect(bucket.deletes).to.have.length(3);
      expect(batch.operation).to.equal("DeleteObjects");
      expect(batch.failures).to.deep.equal([
        { item: { Key: "k0003" }, code: "AccessDenied", message: "AccessDenied message" },
        { item: { Key: "k2400" }, code: "InternalError", message: "InternalError message" },
        { item: { Key: "k2499" }, code: "AccessDenied", message: "AccessDenied message" },
      ]);
      expect(batch.outputs).to.have.length(3);
      expect(batch.cause).to.be.undefined;
    });

    it("parses the per-item errors of a 200 DeleteObjects response", async () => {
      const list = new StubTransport(
        {
          body: "<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>a</Key></Contents><Contents><Key>b</Key></Contents></ListBucketResult>",
        },
        {
          body: "<DeleteResult><Deleted><Key>a</Key></Deleted><Error><Key>b</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>",
        },
      );
      const objects = createCollection(objectsSource(clientFor(list)));
      const error = (await expectRejection(
        objects.delete(),
        /"Key":"b".*AccessDenied \(Access Denied\)/,
      )) as BatchError;
      expect(error.failures).to.deep.equal([
        { item: { Key: "b" }, code: "AccessDenied", message: "Access Denied" },
      ]);
    });

    it("names a failed version by its Key and VersionId", async () => {
      const transport = new StubTransport(
        { body: "<Tagging><TagSet/></Tagging>" },
        {
          body: "<DeleteResult><Error><Key>a</Key><VersionId>v1</VersionId><Code>AccessDenied</Code></Error><Deleted><Key>a</Key><VersionId>v2</VersionId></Deleted></DeleteResult>",
        },
      );
      const versions = createCollection({
        ...objectsSource(clientFor(transport)),
        operation: "GetBucketTagging",
        buildItems: () => ["v1", "v2"].map((id) => fakeItem({ bucketName: "b", objectKey: "a", id })),
        batchActions: { delete: deleteVersions },
      }) as unknown as { delete(): Promise<unknown> };
      const error = (await expectRejection(versions.delete(), /1 item\(s\) failed/)) as BatchError;
      expect(error.failures).to.deep.equal([
        { item: { Key: "a", VersionId: "v1" }, code: "AccessDenied", message: undefined },
      ]);
    });

    it("on a request that fails outright: starts nothing new, waits for those in flight, throws its error", async () => {
      let failedAt = -1;
      let doneWhenThrown = -1;
      const { bucket, objects } = setup(keysOf(9000), {
        delayMs: 10,
        onDelete: (_keys, index) =>
          index === 2 ? ((failedAt = bucket.deletes.length), { status: 403 }) : undefined,
      });
      const error = await expectRejection(
        objects.delete(undefined, { concurrency: 2 }).finally(() => (doneWhenThrown = bucket.deletesDone)),
        /Access Denied/,
      );
      expect(BatchError.is(error)).to.be.false;
      expect((error as { name?: string }).name).to.equal("AccessDenied");
      // Requests 0-3 may have started before request 2 answered; none after.
      expect(bucket.deletes.length).to.be.at.most(failedAt + 1);
      expect(bucket.deletes.length).to.be.below(9);
      // The listing stops too: at most the page that was waiting for a slot.
      expect(bucket.lists.length).to.be.at.most(bucket.deletes.length + 1);
      expect(doneWhenThrown).to.equal(bucket.deletes.length);
      expect(bucket.inFlight).to.equal(0);
    });

    it("keeps the failed items when a later request fails outright: BatchError with the request error as cause", async () => {
      const { objects } = setup(keysOf(3000), {
        onDelete: (_keys, index) =>
          index === 0 ? { failed: { k0001: "AccessDenied" } } : index === 1 ? { status: 403 } : undefined,
      });
      const error = await expectRejection(
        objects.delete(undefined, { concurrency: 1 }),
        /1 item\(s\) failed/,
      );
      const batch = error as BatchError;
      expect(batch.failures.map((f) => f.item)).to.deep.equal([{ Key: "k0001" }]);
      expect((batch.cause as { name?: string }).name).to.equal("AccessDenied");
      expect(batch.outputs).to.have.length(1);
    });

    it("stops listing and requests promptly when aborted", async () => {
      const { bucket, objects } = setup(keysOf(20_000), { delayMs: 2_000 });
      const started = Date.now();
      await expectRejection(
        objects.delete(undefined, { abortSignal: AbortSignal.timeout(50) }),
        /abort|timeout/i,
      );
      expect(Date.now() - started).to.be.below(1_000);
      expect(bucket.deletes.length).to.be.at.most(4);
      expect(bucket.lists.length).to.be.at.most(5);
      expect(bucket.inFlight).to.equal(0);
    });
  });
});

import { PutObjectCommand } from "@aws-sdk/client-s3";
import { expect } from "chai";
import { ValidationError } from "../../../index.js";
import type { CollectionPage } from "../../../lib/resources/types.js";
import { ObjectSummary, type Bucket } from "../../../resources/s3/index.js";
import { emptyAndDeleteBucket, uniqueBucketName } from "../../support/s3Server.js";
import { recordCalls, resourceFixture, type ResourceFixture } from "./fixture.js";

const MANY = 2_500;
const manyKey = (i: number) => `many/k${String(i).padStart(5, "0")}`;

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}

describe("S3 resources: collections and batch actions (Ceph RGW)", function () {
  let fx: ResourceFixture;
  let bucket: Bucket;

  before(async function () {
    this.timeout(180_000);
    fx = await resourceFixture();
    bucket = await fx.s3.createBucket({ Bucket: uniqueBucketName("res-collections") });
    const keys = [
      ...Array.from({ length: MANY }, (_, i) => manyKey(i)),
      "tree/a.txt",
      "tree/b/1.txt",
      "tree/b/2.txt",
      "tree/c/3.txt",
      "tree/d.txt",
    ];
    // Arranged through the raw SDK, 32 at a time, so only the behaviour under test goes through resources.
    for (let i = 0; i < keys.length; i += 32) {
      await Promise.all(
        keys
          .slice(i, i + 32)
          .map((Key) => fx.raw.send(new PutObjectCommand({ Bucket: bucket.name, Key, Body: "x" }))),
      );
    }
  });

  after(async function () {
    this.timeout(120_000);
    if (fx) {
      if (bucket) await emptyAndDeleteBucket(fx.raw, bucket.name);
      fx.raw.destroy();
    }
  });

  it("pages() with a Delimiter gives the keys and the page's CommonPrefixes", async () => {
    const pages = await collect(bucket.objects.filter({ Prefix: "tree/", Delimiter: "/" }).pages());
    expect(pages).to.have.length(1);
    const [page] = pages;
    expect(page!.items.map((o) => o.key)).to.deep.equal(["tree/a.txt", "tree/d.txt"]);
    expect(page!.items.every((o) => o instanceof ObjectSummary)).to.equal(true);
    expect(page!.output.CommonPrefixes?.map((p) => p.Prefix)).to.deep.equal(["tree/b/", "tree/c/"]);
    expect(page!.resumeWith).to.equal(undefined);
  });

  it("pageSize(1000) lists 2,500 keys in three requests of 1000, 1000 and 500", async () => {
    const calls = recordCalls(fx.session);
    const sizes: number[] = [];
    for await (const page of bucket.objects.filter({ Prefix: "many/" }).pageSize(1000).pages()) {
      sizes.push(page.items.length);
    }
    expect(sizes).to.deep.equal([1000, 1000, 500]);
    expect(calls.map((c) => c.params["MaxKeys"])).to.deep.equal([1000, 1000, 1000]);
  });

  it("iterates every item in key order, and again from the start on a second iteration", async () => {
    const collection = bucket.objects.filter({ Prefix: "many/" });
    const first = (await collect(collection)).map((o) => o.key);
    expect(first).to.have.length(MANY);
    expect(first[0]).to.equal(manyKey(0));
    expect(first[MANY - 1]).to.equal(manyKey(MANY - 1));
    expect(first).to.deep.equal([...first].sort());
    const second = (await collect(collection)).map((o) => o.key);
    expect(second).to.deep.equal(first);
  });

  it("limit() stops after that many items and asks only for what is missing", async () => {
    const calls = recordCalls(fx.session);
    const items = await collect(bucket.objects.filter({ Prefix: "many/" }).pageSize(7).limit(10));
    expect(items.map((o) => o.key)).to.deep.equal(Array.from({ length: 10 }, (_, i) => manyKey(i)));
    expect(calls.map((c) => c.params["MaxKeys"])).to.deep.equal([7, 3]);
  });

  it("resumes a listing from a page's resumeWith", async () => {
    const pages = bucket.objects.filter({ Prefix: "many/" }).pageSize(1000).pages()[Symbol.asyncIterator]();
    const first = (await pages.next()).value as CollectionPage<ObjectSummary, "ListObjectsV2">;
    await pages.return?.();
    expect(first.resumeWith).to.have.property("ContinuationToken").that.is.a("string");
    // Saved (as JSON, say) and used later on a fresh collection.
    const saved = JSON.parse(JSON.stringify(first.resumeWith)) as typeof first.resumeWith;
    const rest = await collect(bucket.objects.filter({ Prefix: "many/", ...saved }));
    expect(rest).to.have.length(MANY - 1000);
    expect(rest[0]!.key).to.equal(manyKey(1000));
  });

  it("filter() replaces a member given twice and never changes the collection it came from", async () => {
    const tree = bucket.objects.filter({ Prefix: "nothing/" }).filter({ Prefix: "tree/" });
    const nested = tree.filter({ Prefix: "tree/b/" });
    expect((await collect(tree)).map((o) => o.key)).to.have.length(5);
    expect((await collect(nested)).map((o) => o.key)).to.deep.equal(["tree/b/1.txt", "tree/b/2.txt"]);
    expect((await collect(tree.all())).map((o) => o.key)).to.have.length(5);
  });

  it("filter() may not redirect the listing to another bucket", async () => {
    const error = await collect(bucket.objects.filter({ Bucket: "someone-else" })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ValidationError);
  });

  it("objects.delete() deletes 2,500 objects with DeleteObjects requests of at most 1000 keys", async function () {
    this.timeout(60_000);
    const calls = recordCalls(fx.session);
    const result = await bucket.objects.filter({ Prefix: "many/" }).pageSize(1000).delete();
    const deletes = calls.filter((c) => c.operation === "DeleteObjects");
    const sizes = deletes.map((c) => (c.params["Delete"] as { Objects: unknown[] }).Objects.length);
    expect(sizes.every((n) => n <= 1000)).to.equal(true);
    expect(sizes.reduce((a, b) => a + b, 0)).to.equal(MANY);
    expect(result.items).to.equal(MANY);
    expect(result.outputs).to.have.length(deletes.length);
    const deleted = result.outputs.flatMap((o) => (o.Deleted ?? []).map((d) => d.Key));
    expect(new Set(deleted).size).to.equal(MANY);
    expect(await collect(bucket.objects.filter({ Prefix: "many/" }))).to.deep.equal([]);
    expect(await collect(bucket.objects.filter({ Prefix: "tree/" }))).to.have.length(5);
  });

  it("a batch action on an empty collection sends no request", async () => {
    const calls = recordCalls(fx.session);
    const result = await bucket.objects.filter({ Prefix: "empty/" }).delete();
    expect(result.items).to.equal(0);
    expect(calls.map((c) => c.operation)).to.deep.equal(["ListObjectsV2"]);
  });
});

import { expect } from "chai";
import { inspect } from "node:util";
import { ValidationError } from "../../../../index.js";
import { batchAction, identifier } from "../../../../decorators/index.js";
import { ClassMemberConflictError } from "../../../../lib/errors.js";
import { Collection, createCollection } from "../../../../lib/resources/collections/index.js";
import { clientFor, FakeBucket, keysOf } from "./fakeS3.js";
import { expectRejection, keysFrom, objectsSource } from "./sources.js";

function setup(keys = keysOf(5), options?: ConstructorParameters<typeof FakeBucket>[1]) {
  const bucket = new FakeBucket(keys, options);
  const source = objectsSource(clientFor(bucket));
  return { bucket, source, objects: createCollection(source) };
}

describe(Collection.name, () => {
  describe("laziness", () => {
    it("makes no request (and resolves no parameter) until iterated", async () => {
      const { bucket, source, objects } = setup();
      const derived = objects.filter({ Prefix: "k" }).limit(3).pageSize(2).all();
      const pages = derived.pages()[Symbol.asyncIterator]();
      const items = derived.items()[Symbol.asyncIterator]();
      expect(bucket.requests).to.have.length(0);
      expect(source.counted.paramCalls).to.equal(0);
      await pages.next();
      expect(bucket.requests).to.have.length(1);
      await items.return?.(undefined);
      expect(bucket.requests).to.have.length(1);
    });

    it("starts from the first page on every iteration", async () => {
      const { bucket, objects } = setup(keysOf(5), { defaultPageSize: 2 });
      const first = await keysFrom(objects);
      const second = await keysFrom(objects);
      expect(first).to.deep.equal(keysOf(5));
      expect(second).to.deep.equal(first);
      expect(bucket.lists.map((r) => r.query["continuation-token"])).to.deep.equal([
        undefined,
        "t2",
        "t4",
        undefined,
        "t2",
        "t4",
      ]);
    });

    it("resolves the parent's parameters once for the collection and everything derived from it", async () => {
      const { source, objects } = setup();
      await keysFrom(objects);
      await keysFrom(objects.filter({ Prefix: "k1" }));
      await keysFrom(objects.limit(1));
      expect(source.counted.paramCalls).to.equal(1);
    });

    it("retries resolving the parent's parameters after a failure", async () => {
      const bucket = new FakeBucket(keysOf(2));
      let calls = 0;
      const objects = createCollection(
        objectsSource(clientFor(bucket), {
          params: () =>
            ++calls === 1 ? Promise.reject(new Error("no data")) : Promise.resolve({ Bucket: "b" }),
        }),
      );
      await expectRejection(keysFrom(objects), /no data/);
      expect(await keysFrom(objects)).to.deep.equal(keysOf(2));
      expect(calls).to.equal(2);
    });
  });

  describe(".filter()", () => {
    it("returns a new collection and leaves the original unchanged", async () => {
      const { bucket, objects } = setup(["a/1", "a/2", "b/1"]);
      const onlyA = objects.filter({ Prefix: "a/" });
      const onlyB = onlyA.filter({ Prefix: "b/" });
      expect(onlyA).to.not.equal(objects);
      expect(await keysFrom(objects)).to.deep.equal(["a/1", "a/2", "b/1"]);
      expect(await keysFrom(onlyA)).to.deep.equal(["a/1", "a/2"]);
      expect(await keysFrom(onlyB)).to.deep.equal(["b/1"]);
      expect(bucket.lists.map((r) => r.query["prefix"])).to.deep.equal([undefined, "a/", "b/"]);
    });

    it("merges members: a later value replaces an earlier one, other members stay", async () => {
      const { bucket, objects } = setup(["a/x/1", "a/y", "b/1"]);
      await keysFrom(objects.filter({ Prefix: "b/", Delimiter: "/" }).filter({ Prefix: "a/" }));
      expect(bucket.lists[0]!.query).to.include({ prefix: "a/", delimiter: "/" });
    });

    it("copies its argument: changing the object afterwards changes nothing", async () => {
      const { bucket, objects } = setup(["a/1", "b/1"]);
      const params = { Prefix: "a/" };
      const onlyA = objects.filter(params);
      params.Prefix = "b/";
      expect(await keysFrom(onlyA)).to.deep.equal(["a/1"]);
      expect(params).to.deep.equal({ Prefix: "b/" });
      expect(bucket.lists[0]!.query["prefix"]).to.equal("a/");
    });

    it("refuses to change a parameter the parent fills", async () => {
      const { bucket, objects } = setup();
      const error = await expectRejection(keysFrom(objects.filter({ Bucket: "other" })), /Bucket/);
      expect(ValidationError.is(error)).to.be.true;
      expect((error as ValidationError).issues.map((i) => i.field)).to.deep.equal(["Bucket"]);
      expect(bucket.requests).to.have.length(0);
      expect(await keysFrom(objects.filter({ Bucket: "b" }))).to.deep.equal(keysOf(5));
    });
  });

  describe(".limit() and .pageSize()", () => {
    it("return new collections", async () => {
      const { objects } = setup(keysOf(5));
      const three = objects.limit(3);
      const pagedThree = three.pageSize(1);
      expect(await keysFrom(objects)).to.have.length(5);
      expect(await keysFrom(three)).to.have.length(3);
      expect(await keysFrom(pagedThree)).to.have.length(3);
    });

    it("refuse counts that are not integers in range", () => {
      const { objects } = setup();
      for (const bad of [-1, 1.5, Number.NaN, Infinity])
        expect(() => objects.limit(bad), String(bad)).to.throw(ValidationError);
      for (const bad of [0, -1, 2.5])
        expect(() => objects.pageSize(bad), String(bad)).to.throw(ValidationError, /pageSize/);
      expect(() => objects.limit(0)).to.not.throw();
    });

    it("limit(0) yields nothing and makes no request", async () => {
      const { bucket, objects } = setup();
      expect(await keysFrom(objects.limit(0))).to.deep.equal([]);
      expect(bucket.requests).to.have.length(0);
    });
  });

  describe("readable form", () => {
    it("shows the source, the merged filters, the limit and the page size", () => {
      const { objects } = setup();
      const derived = objects.filter({ Prefix: "a/" }).limit(10).filter({ Delimiter: "/" }).pageSize(5);
      expect(inspect(derived)).to.equal(
        `s3.Bucket(name='b').objects.filter({"Prefix":"a/","Delimiter":"/"}).limit(10).pageSize(5)`,
      );
      expect(inspect(objects.all())).to.equal("s3.Bucket(name='b').objects");
    });
  });

  describe("batch methods", () => {
    it("are built once per record of batch action specs", () => {
      const { source } = setup();
      const a = createCollection(source);
      const b = createCollection({ ...source, description: "other" });
      const c = createCollection({ ...source, batchActions: { ...source.batchActions } });
      expect(a.constructor).to.equal(b.constructor);
      expect(a.filter({ Prefix: "x" }).constructor).to.equal(a.constructor);
      expect(c.constructor).to.not.equal(a.constructor);
      expect(a.limit(1).delete).to.be.a("function").and.equal(a.delete);
      expect(c.delete).to.be.a("function").and.not.equal(a.delete);
    });

    it("refuses a batch action named like a collection method", () => {
      const { source } = setup();
      const spec = batchAction("DeleteObjects", { Bucket: identifier("bucketName") });
      expect(() => createCollection({ ...source, batchActions: { filter: spec } })).to.throw(
        ClassMemberConflictError,
        /filter/,
      );
    });
  });
});

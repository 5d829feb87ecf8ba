import type { ListObjectsV2CommandInput } from "@aws-sdk/client-s3";
import { expect } from "chai";
import { PaginationError } from "../../../../index.js";
import { Collection, createCollection } from "../../../../lib/resources/collections/index.js";
import { StubTransport } from "../../../support/stubTransport.js";
import { clientFor, FakeBucket, keysOf } from "./fakeS3.js";
import { expectRejection, fakeItem, keysFrom, objectsSource } from "./sources.js";

function setup(keys: readonly string[], options?: ConstructorParameters<typeof FakeBucket>[1]) {
  const bucket = new FakeBucket(keys, options);
  return { bucket, objects: createCollection(objectsSource(clientFor(bucket))) };
}

describe(`${Collection.name} pages`, () => {
  describe(".pages()", () => {
    it("yields each page's items with the page-level data of the response", async () => {
      const { objects } = setup(["a/1", "a/2", "b/1", "b/2", "c"], { defaultPageSize: 2 });
      const pages = [];
      for await (const page of objects.filter({ Delimiter: "/" }).pages()) pages.push(page);
      // With a delimiter, S3 counts each common prefix as one key of the page.
      expect(pages.map((p) => p.items.map((i) => i.meta.identifiers["key"]))).to.deep.equal([[], ["c"]]);
      expect(pages.map((p) => p.output.CommonPrefixes?.map((c) => c.Prefix))).to.deep.equal([
        ["a/", "b/"],
        undefined,
      ]);
      expect(pages.map((p) => p.output.KeyCount)).to.deep.equal([2, 1]);
    });

    it("gives resumeWith on every page but the last, and filter(resumeWith) continues after that page", async () => {
      const { bucket, objects } = setup(keysOf(7), { defaultPageSize: 3 });
      let resumeWith: Partial<ListObjectsV2CommandInput> | undefined;
      for await (const page of objects.pages()) {
        resumeWith = page.resumeWith;
        break;
      }
      expect(resumeWith).to.deep.equal({ ContinuationToken: "t3" });
      const rest = [];
      for await (const p of objects.filter(resumeWith!).pages()) rest.push(p);
      expect(rest.flatMap((p) => p.items.map((i) => i.meta.identifiers["key"]))).to.deep.equal(
        keysOf(7).slice(3),
      );
      expect(rest.map((p) => p.resumeWith)).to.deep.equal([{ ContinuationToken: "t6" }, undefined]);
      expect(bucket.lists.map((r) => r.query["continuation-token"])).to.deep.equal([undefined, "t3", "t6"]);
    });

    it("makes one call for an operation without pagination, ignoring the page size", async () => {
      const transport = new StubTransport({
        body: "<Tagging><TagSet><Tag><Key>a</Key><Value>1</Value></Tag><Tag><Key>b</Key><Value>2</Value></Tag></TagSet></Tagging>",
      });
      const tags = createCollection({
        ...objectsSource(clientFor(transport)),
        operation: "GetBucketTagging",
        buildItems: (output) =>
          ((output as { TagSet?: Array<{ Key?: string }> }).TagSet ?? []).map((t) =>
            fakeItem({ key: t.Key! }),
          ),
      });
      const pages = [];
      for await (const page of tags.pageSize(1).pages()) pages.push(page);
      expect(pages).to.have.length(1);
      expect(pages[0]!.resumeWith).to.be.undefined;
      expect(await keysFrom(tags.limit(1))).to.deep.equal(["a"]);
      expect(transport.requests).to.have.length(2);
      expect(transport.requests[0]!.query).to.not.have.property("max-keys");
    });

    it("throws PaginationError when the server repeats the token it was sent", async () => {
      const { bucket, objects } = setup(keysOf(4), { defaultPageSize: 1, stuckToken: "same" });
      const error = await expectRejection(keysFrom(objects), /same continuation token/);
      expect(PaginationError.is(error)).to.be.true;
      expect(bucket.lists).to.have.length(2);
    });
  });

  describe(".limit()", () => {
    it("stops requesting once enough items are yielded and shrinks the last request", async () => {
      const { bucket, objects } = setup(keysOf(20));
      expect(await keysFrom(objects.limit(7).pageSize(3))).to.deep.equal(keysOf(7));
      expect(bucket.lists.map((r) => r.query["max-keys"])).to.deep.equal(["3", "3", "1"]);
    });

    it("asks for just the limit when no page size is set", async () => {
      const { bucket, objects } = setup(keysOf(20), { defaultPageSize: 4 });
      expect(await keysFrom(objects.limit(10))).to.deep.equal(keysOf(10));
      // The server caps each page at 4; each request asks for what is still missing.
      expect(bucket.lists.map((r) => r.query["max-keys"])).to.deep.equal(["10", "6", "2"]);
    });

    it("never yields more than the limit when the server returns more than asked", async () => {
      const transport = new StubTransport({
        body: `<ListBucketResult><IsTruncated>true</IsTruncated><NextContinuationToken>n</NextContinuationToken>${keysOf(
          5,
        )
          .map((k) => `<Contents><Key>${k}</Key></Contents>`)
          .join("")}</ListBucketResult>`,
      });
      const objects = createCollection(objectsSource(clientFor(transport)));
      expect(await keysFrom(objects.limit(3))).to.deep.equal(keysOf(3));
      expect(transport.requests).to.have.length(1);
    });
  });

  describe(".pageSize()", () => {
    it("sets the page-size member of every request", async () => {
      const { bucket, objects } = setup(keysOf(5));
      expect(await keysFrom(objects.pageSize(2))).to.deep.equal(keysOf(5));
      expect(bucket.lists.map((r) => r.query["max-keys"])).to.deep.equal(["2", "2", "2"]);
    });

    it("takes a page size given through filter() as the page size, which a limit only shrinks", async () => {
      const { bucket, objects } = setup(keysOf(10));
      expect(await keysFrom(objects.filter({ MaxKeys: 3 }).limit(5))).to.deep.equal(keysOf(5));
      expect(bucket.lists.map((r) => r.query["max-keys"])).to.deep.equal(["3", "2"]);
      expect(await keysFrom(objects.filter({ MaxKeys: 3 }).pageSize(4).limit(5))).to.have.length(5);
      expect(bucket.lists.slice(2).map((r) => r.query["max-keys"])).to.deep.equal(["4", "1"]);
    });
  });

  describe("abortSignal", () => {
    it("stops between pages once aborted", async () => {
      const { bucket, objects } = setup(keysOf(6), { defaultPageSize: 2 });
      const controller = new AbortController();
      const seen: string[] = [];
      const run = async () => {
        for await (const item of objects.items({ abortSignal: controller.signal })) {
          seen.push(item.meta.identifiers["key"]!);
          if (seen.length === 2) controller.abort(new Error("stop now"));
        }
      };
      await expectRejection(run(), /stop now/);
      expect(seen).to.deep.equal(keysOf(2));
      expect(bucket.lists).to.have.length(1);
    });

    it("cancels the request in flight", async () => {
      const { objects } = setup(keysOf(6), { delayMs: 5_000, delayLists: true });
      const started = Date.now();
      const pages = objects.pages({ abortSignal: AbortSignal.timeout(20) })[Symbol.asyncIterator]();
      await expectRejection(pages.next(), /abort|timeout/i);
      expect(Date.now() - started).to.be.below(2_000);
    });
  });
});

import { inspect } from "node:util";
import { expect } from "chai";
import { PaginationError, ValidationError } from "../../../../lib/errors.js";
import { searchKey } from "../../../../resources/objectscale/index.js";
import { queryMatchData } from "../../../../resources/objectscale/resources/queryObjects.js";
import { objectScaleResource, queryPage, rejection, thrown } from "./fixtures.js";

const MTIME = 1714557600000;

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("Bucket.queryObjects() (ObjectScale plugin)", () => {
  it("sends GET /{bucket}?query= with the expression and the filter's parameters", async () => {
    const { s3, wire } = objectScaleResource({ body: queryPage([]) });
    const query = searchKey("Size").gt(10).and(searchKey("x-amz-meta-dept", "string").eq("sales"));
    await all(
      s3.Bucket("b").queryObjects(query, { Attributes: ["ContentType"], Sorted: "Size", Prefix: "2024/" }),
    );
    const sent = wire.only;
    expect(sent.method).to.equal("GET");
    expect(sent.path).to.equal("/b/");
    expect(sent.query).to.deep.equal({
      query: "Size>10 and x-amz-meta-dept=='sales'",
      attributes: "ContentType",
      sorted: "Size",
      prefix: "2024/",
    });
  });

  it("yields S3Objects carrying their match: size, lastModified, contentType, user metadata and the raw maps", async () => {
    const { s3 } = objectScaleResource({
      body: queryPage([
        {
          name: "2024/a.pdf",
          size: 2048,
          mtime: MTIME,
          ctype: "application/pdf",
          user: { "x-amz-meta-dept": "sales" },
        },
        { name: "notes.txt", size: 1, versionId: "v-7" },
      ]),
    });
    const [first, second] = await all(s3.Bucket("b").queryObjects("Size>0"));
    expect(first!.meta.resourceName).to.equal("Object");
    expect(first!.meta.identifiers).to.deep.equal({ bucketName: "b", key: "2024/a.pdf" });
    expect(first!.contentLength).to.equal(2048);
    expect(first!.lastModified).to.deep.equal(new Date(MTIME));
    expect(first!.contentType).to.equal("application/pdf");
    expect(first!.metadata).to.deep.equal({ dept: "sales" });
    expect(first!.versionId).to.equal(undefined); // ObjectScale's "0" is not a version
    expect(first!.objectScale?.match).to.deep.include({
      ObjectName: "2024/a.pdf",
      ObjectId: "id-2024/a.pdf",
      SystemMetadata: { size: "2048", mtime: String(MTIME), ctype: "application/pdf" },
      UserMetadata: { "x-amz-meta-dept": "sales" },
    });
    expect(first!.meta.stale).to.equal(false);
    expect(second!.metadata).to.equal(undefined); // no USERMD: unknown, not "none"
    expect(second!.versionId).to.equal("v-7");
  });

  it("follows NextMarker page by page, and pages() exposes NextMarker, CommonPrefixes and resumeWith", async () => {
    const { s3, wire } = objectScaleResource(
      { body: queryPage([{ name: "a" }, { name: "b" }], "m-1", ["p/"]) },
      { body: queryPage([{ name: "c" }], "m-2") },
      { body: queryPage([{ name: "d" }]) },
    );
    const pages = await all(s3.Bucket("b").queryObjects("Size>0").pageSize(2).pages());
    expect(pages.map((p) => p.items.map((o) => o.key))).to.deep.equal([["a", "b"], ["c"], ["d"]]);
    expect(pages.map((p) => p.output.NextMarker)).to.deep.equal(["m-1", "m-2", undefined]);
    expect(pages[0]!.output.CommonPrefixes).to.deep.equal(["p/"]);
    expect(pages.map((p) => p.resumeWith)).to.deep.equal([{ Marker: "m-1" }, { Marker: "m-2" }, undefined]);
    expect(wire.requests.map((r) => [r.query["marker"], r.query["max-keys"]])).to.deep.equal([
      [undefined, "2"],
      ["m-1", "2"],
      ["m-2", "2"],
    ]);
  });

  it("stops at a limit, asking each request only for what is still missing", async () => {
    const { s3, wire } = objectScaleResource(
      { body: queryPage([{ name: "a" }, { name: "b" }], "m-1") },
      { body: queryPage([{ name: "c" }], "m-2") },
    );
    const keys = (await all(s3.Bucket("b").queryObjects("Size>0", { MaxKeys: 2 }).limit(3))).map(
      (o) => o.key,
    );
    expect(keys).to.deep.equal(["a", "b", "c"]);
    expect(wire.requests.map((r) => r.query["max-keys"])).to.deep.equal(["2", "1"]);
  });

  it("is immutable: filter(), limit() and pageSize() return new collections", async () => {
    const { s3, wire } = objectScaleResource({ body: queryPage([{ name: "a" }]) });
    const base = s3.Bucket("b").queryObjects("Size>0");
    const narrowed = base.filter({ Prefix: "x/" });
    expect(narrowed).to.not.equal(base);
    await all(base);
    await all(narrowed);
    expect(wire.requests.map((r) => r.query["prefix"])).to.deep.equal([undefined, "x/"]);
    expect(inspect(narrowed)).to.equal(`s3.Bucket(name='b').queryObjects("Size>0").filter({"Prefix":"x/"})`);
  });

  it("resumes from a marker given as a filter", async () => {
    const { s3, wire } = objectScaleResource({ body: queryPage([{ name: "z" }]) });
    await all(s3.Bucket("b").queryObjects("Size>0").filter({ Marker: "m-9" }));
    expect(wire.only.query["marker"]).to.equal("m-9");
  });

  it("refuses a filter that changes the expression or the bucket", async () => {
    const { s3 } = objectScaleResource({ body: queryPage([]) });
    const error = await rejection(all(s3.Bucket("b").queryObjects("Size>0").filter({ Query: "Size>1" })));
    expect(error).to.be.instanceOf(ValidationError);
  });

  it("throws PaginationError when the server repeats a marker", async () => {
    const { s3 } = objectScaleResource({ body: queryPage([{ name: "a" }], "same") });
    expect(await rejection(all(s3.Bucket("b").queryObjects("Size>0")))).to.be.instanceOf(PaginationError);
  });

  it("refuses an empty or non-expression query at once, before any request", () => {
    const { s3, wire } = objectScaleResource();
    const error = thrown(() => s3.Bucket("b").queryObjects(" "));
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.field).to.equal("query");
    expect(() => s3.Bucket("b").queryObjects(42 as unknown as string)).to.throw(ValidationError);
    expect(wire.requests).to.have.length(0);
  });

  it("checks the parameters through the client's validation when iterating (Sorted must be a key of the query)", async () => {
    const { s3, wire } = objectScaleResource();
    const error = await rejection(
      all(s3.Bucket("b").queryObjects(searchKey("Size").gt(1), { Sorted: "LastModified" })),
    );
    expect(error).to.be.instanceOf(ValidationError);
    expect(wire.requests).to.have.length(0);
  });

  it("decodes keys and friendly values of an EncodingType url answer; the match stays as sent", async () => {
    const { s3 } = objectScaleResource({
      body: queryPage([
        { name: "a%20b/c+d%2B", ctype: "text%2Fplain", user: { "x-amz-meta-note": "caf%C3%A9" } },
      ]),
    });
    const [obj] = await all(s3.Bucket("b").queryObjects("Size>0", { EncodingType: "url" }));
    expect(obj!.key).to.equal("a b/c d+");
    expect(obj!.contentType).to.equal("text/plain");
    expect(obj!.metadata).to.deep.equal({ note: "café" });
    expect(obj!.objectScale?.match?.ObjectName).to.equal("a%20b/c+d%2B");
  });

  it("deletes what it matches with the objects' batch delete (DeleteObjects)", async () => {
    const { s3, wire } = objectScaleResource(
      { body: queryPage([{ name: "a" }, { name: "b" }]) },
      {
        body: `<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Deleted><Key>a</Key></Deleted><Deleted><Key>b</Key></Deleted></DeleteResult>`,
      },
    );
    const result = await s3.Bucket("b").queryObjects("x-amz-meta-state=='tmp'").delete();
    expect(result.items).to.equal(2);
    const [, del] = wire.requests;
    expect(del!.method).to.equal("POST");
    expect(del!.query).to.have.property("delete");
    expect(del!.body).to.include("<Key>a</Key>").and.include("<Key>b</Key>");
  });
});

describe("queryMatchData()", () => {
  it("maps a match to HeadObject's member names and keeps the match", () => {
    const match = {
      ObjectName: "k",
      SystemMetadata: { size: "3" },
      UserMetadata: { "X-Amz-Meta-Dept": "ops" },
      Size: 3,
      VersionId: "0",
    };
    expect(queryMatchData(match)).to.deep.equal({
      ContentLength: 3,
      Metadata: { dept: "ops" },
      ObjectScale: { match },
    });
  });
});

import { expect } from "chai";
import type { S3ServiceClient } from "../../../lib/client/ClientFactory.js";
import { ValidationError } from "../../../lib/errors.js";
import { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import { searchKey, type MetadataSearchKeySpec } from "../../../resources/objectscale/index.js";
import {
  httpStatus,
  objectScaleSession,
  only,
  recorded,
  rejection,
  signedHeaders,
} from "../../support/emulatorSession.js";

const NAMESPACE = "finance";

/** The bucket's indexed keys: two system keys and three user keys of three datatypes. */
const KEYS: MetadataSearchKeySpec[] = [
  { key: "Size" },
  { key: "LastModified" },
  { key: "x-amz-meta-dept", type: "string" },
  { key: "x-amz-meta-amount", type: "decimal" },
  { key: "x-amz-meta-seq", type: "integer" },
];

/** inv-1 … inv-7: odd ones in sales, the others in hr; inv-N has N bytes and amount N×10. */
const INVOICES = Array.from({ length: 7 }, (_, i) => {
  const n = i + 1;
  return {
    Key: `inv-${n}`,
    Body: "x".repeat(n),
    Metadata: { dept: n % 2 === 1 ? "sales" : "hr", amount: (n * 10).toFixed(2), seq: String(n) },
  };
});

const names = (objects: ReadonlyArray<{ ObjectName: string }>) => objects.map((o) => o.ObjectName);

describe("ObjectScale plugin against the emulator: metadata search", function () {
  let emu: ObjectScaleEmulator;
  let s3: S3ServiceClient;

  before(async function () {
    emu = await ObjectScaleEmulator.start();
    s3 = objectScaleSession(emu, { namespace: NAMESPACE }).client("s3");
    await s3.createBucket({ Bucket: "invoices", ObjectScale: { metadataSearch: KEYS } });
    for (const invoice of INVOICES) await s3.putObject({ Bucket: "invoices", ...invoice });
  });
  after(async function () {
    await emu?.stop();
  });
  beforeEach(function () {
    emu.clearRequests();
  });

  describe("createBucket({ ObjectScale: { metadataSearch } })", function () {
    it("sends the keys as name;datatype in a signed x-emc-metadata-search header, in the plugin's namespace", async function () {
      await s3.createBucket({ Bucket: "indexed", ObjectScale: { metadataSearch: KEYS } });
      const sent = only(emu, "CreateBucket");
      expect(sent.headers["x-emc-metadata-search"]).to.equal(
        "Size;integer,LastModified;datetime,x-amz-meta-dept;string,x-amz-meta-amount;decimal,x-amz-meta-seq;integer",
      );
      expect(sent.headers["x-emc-namespace"]).to.equal(NAMESPACE);
      expect(signedHeaders(sent)).to.include.members(["x-emc-metadata-search", "x-emc-namespace"]);
      expect(sent.signature.verdict).to.equal("valid");
      expect(emu.describeBucket("indexed", NAMESPACE)?.searchKeys.map((k) => k.name)).to.deep.equal([
        "Size",
        "LastModified",
        "x-amz-meta-dept",
        "x-amz-meta-amount",
        "x-amz-meta-seq",
      ]);
      expect(emu.describeBucket("indexed"), "not in the user's default namespace").to.equal(undefined);
    });

    it("sends ReplicationStatus, a key only ECS 3.7 listed; the emulator, like ECS 3.8, refuses it", async function () {
      // Reference §3.2: ObjectName, Owner, Size, CreateTime and LastModified are the system keys;
      // ECS 3.7.x additionally listed ReplicationStatus. The plugin accepts it for 3.7, the
      // emulator serves the 3.8 list, so the server has the last word.
      const error = await rejection(
        s3.createBucket({
          Bucket: "replication-key",
          ObjectScale: { metadataSearch: [{ key: "ReplicationStatus" }] },
        }),
      );
      expect(error.name).to.equal("Invalid metadata search list entered");
      expect(only(emu, "CreateBucket").headers["x-emc-metadata-search"]).to.equal("ReplicationStatus;string");
    });

    it("refuses 31 keys with a ValidationError before anything is sent", async function () {
      const many = Array.from({ length: 31 }, (_, i) => ({
        key: `x-amz-meta-k${i}` as const,
        type: "string" as const,
      }));
      const error = await rejection(
        s3.createBucket({ Bucket: "too-many", ObjectScale: { metadataSearch: many } }),
      );
      expect(ValidationError.is(error)).to.equal(true);
      expect((error as unknown as ValidationError).issues.map((i) => i.field)).to.deep.equal([
        "ObjectScale.metadataSearch",
      ]);
      expect(emu.requests).to.have.length(0);
    });

    it("refuses an unknown datatype, and a system key given another type, before anything is sent", async function () {
      const bad = [
        { key: "x-amz-meta-note", type: "text" },
        { key: "Size", type: "string" },
      ] as unknown as MetadataSearchKeySpec[];
      const error = await rejection(
        s3.createBucket({ Bucket: "bad-type", ObjectScale: { metadataSearch: bad } }),
      );
      expect(ValidationError.is(error)).to.equal(true);
      expect((error as unknown as ValidationError).issues.map((i) => i.field)).to.deep.equal([
        "ObjectScale.metadataSearch[0].type",
        "ObjectScale.metadataSearch[1].type",
      ]);
      expect(emu.requests).to.have.length(0);
    });
  });

  describe(".listSystemMetadataSearchKeys()", function () {
    it("lists the system's indexable keys and optional attributes from GET /?searchmetadata", async function () {
      const out = await s3.listSystemMetadataSearchKeys({});
      expect(out.IndexableKeys).to.deep.include({ Name: "Size", Datatype: "integer" });
      expect(out.IndexableKeys).to.deep.include({ Name: "LastModified", Datatype: "datetime" });
      expect(out.OptionalAttributes).to.deep.include({ Name: "ContentType", Datatype: "string" });
      expect(out.OptionalAttributes).to.deep.include({ Name: "Retention", Datatype: "integer" });
      const sent = only(emu, "ListSystemMetadataSearchKeys");
      expect(sent.method).to.equal("GET");
      expect(sent.path).to.equal("/");
      expect(sent.query).to.deep.equal({ searchmetadata: "" });
      expect(sent.headers["x-emc-namespace"]).to.equal(NAMESPACE);
      expect(signedHeaders(sent)).to.include("x-emc-namespace");
    });
  });

  describe(".listBucketMetadataSearchKeys()", function () {
    it("lists the bucket's keys (user keys lower-case) and says search is enabled", async function () {
      const out = await s3.listBucketMetadataSearchKeys({ Bucket: "invoices" });
      expect(out.MetadataSearchEnabled).to.equal(true);
      expect(out.IndexableKeys).to.deep.equal([
        { Name: "Size", Datatype: "integer" },
        { Name: "LastModified", Datatype: "datetime" },
        { Name: "x-amz-meta-dept", Datatype: "string" },
        { Name: "x-amz-meta-amount", Datatype: "decimal" },
        { Name: "x-amz-meta-seq", Datatype: "integer" },
      ]);
      const sent = only(emu, "ListBucketMetadataSearchKeys");
      expect(sent.path).to.equal("/invoices/"); // the documented form, GET /{bucket}/?searchmetadata
      expect(sent.query).to.deep.equal({ searchmetadata: "" });
      expect(sent.namespace).to.equal(NAMESPACE);
    });
  });

  describe(".queryObjects()", function () {
    it("runs a built expression, written with single quotes, and parses every match", async function () {
      const query = searchKey("x-amz-meta-dept", "string").eq("sales").and(searchKey("Size").gt(2));
      const page = await s3.queryObjects({ Bucket: "invoices", Query: query, Sorted: "Size" });
      expect(names(page.Objects)).to.deep.equal(["inv-3", "inv-5", "inv-7"]);
      expect(page.IsTruncated).to.equal(false);
      expect(page.NextMarker).to.equal(undefined);
      expect(page.Name).to.equal("invoices");
      const inv3 = page.Objects[0]!;
      expect(inv3.Size).to.equal(3);
      expect(inv3.UserMetadata).to.include({ "x-amz-meta-dept": "sales", "x-amz-meta-amount": "30.00" });
      expect(inv3.SystemMetadata).to.have.property("size", "3");
      expect(inv3.LastModified).to.be.instanceOf(Date);
      expect(Math.abs(inv3.LastModified!.getTime() - Date.now())).to.be.below(60_000);
      expect(inv3.VersionId).to.equal("0");
      expect(inv3.ObjectId).to.match(/^[0-9a-f]+$/);

      const sent = only(emu, "QueryObjects");
      expect(sent.query).to.deep.equal({ query: "x-amz-meta-dept=='sales' and Size>2", sorted: "Size" });
      expect(sent.headers["x-emc-namespace"]).to.equal(NAMESPACE);
      expect(sent.signature.verdict).to.equal("valid");
    });

    it("runs a plain string expression with Attributes, returning the attribute in SystemMetadata", async function () {
      const page = await s3.queryObjects({
        Bucket: "invoices",
        Query: "x-amz-meta-amount>=40 and x-amz-meta-seq<=6",
        Attributes: ["ContentType"],
      });
      expect(names(page.Objects)).to.have.members(["inv-4", "inv-5", "inv-6"]);
      for (const o of page.Objects) expect(o.ContentType).to.be.a("string").and.not.equal("");
      expect(only(emu, "QueryObjects").query).to.deep.equal({
        query: "x-amz-meta-amount>=40 and x-amz-meta-seq<=6",
        attributes: "ContentType",
      });
    });

    it("formats dates, decimals and the exists() idiom so the server reads them", async function () {
      const since = searchKey("LastModified").gt(new Date(Date.now() - 3_600_000));
      expect(names((await s3.queryObjects({ Bucket: "invoices", Query: since })).Objects)).to.have.length(7);
      const decimal = searchKey("x-amz-meta-amount", "decimal").ge("65.5");
      expect(names((await s3.queryObjects({ Bucket: "invoices", Query: decimal })).Objects)).to.deep.equal([
        "inv-7",
      ]);
      const exists = searchKey("x-amz-meta-dept", "string").exists();
      expect((await s3.queryObjects({ Bucket: "invoices", Query: exists })).Objects).to.have.length(7);
      expect(recorded(emu, "QueryObjects").map((r) => r.query["query"])).to.deep.equal([
        since.toString(),
        "x-amz-meta-amount>=65.5",
        "x-amz-meta-dept<='' or x-amz-meta-dept>=''",
      ]);
    });

    it("writes string literals with double quotes when the plugin is configured so (reference §15.5)", async function () {
      const doubles = objectScaleSession(emu, { namespace: NAMESPACE, queryQuote: '"' }).client("s3");
      const page = await doubles.queryObjects({
        Bucket: "invoices",
        Query: searchKey("x-amz-meta-dept", "string").eq("hr"),
      });
      expect(names(page.Objects)).to.have.members(["inv-2", "inv-4", "inv-6"]);
      expect(only(emu, "QueryObjects").query["query"]).to.equal('x-amz-meta-dept=="hr"');
    });

    it("refuses an empty expression, and a Sorted key the built expression does not use, before sending", async function () {
      const empty = await rejection(s3.queryObjects({ Bucket: "invoices", Query: " " }));
      expect(ValidationError.is(empty)).to.equal(true);
      const sorted = await rejection(
        s3.queryObjects({ Bucket: "invoices", Query: searchKey("Size").gt(0), Sorted: "LastModified" }),
      );
      expect(ValidationError.is(sorted)).to.equal(true);
      expect(emu.requests).to.have.length(0);
    });

    it("passes the server's error through for an expression outside the grammar", async function () {
      const error = await rejection(s3.queryObjects({ Bucket: "invoices", Query: "Size!=3" }));
      expect(error.name).to.equal("Invalid metadata search list entered");
      expect(httpStatus(error)).to.equal(400);
      expect(only(emu, "QueryObjects").status).to.equal(400);
    });

    it("groups by Prefix and Delimiter into CommonPrefixes (ECS 3.7 and later)", async function () {
      await s3.createBucket({ Bucket: "tree", ObjectScale: { metadataSearch: [{ key: "Size" }] } });
      for (const key of ["2024/q1/a.pdf", "2024/q2/b.pdf", "2024/top.pdf", "2025/c.pdf"])
        await s3.putObject({ Bucket: "tree", Key: key, Body: "pdf" });
      emu.clearRequests();
      const page = await s3.queryObjects({
        Bucket: "tree",
        Query: searchKey("Size").gt(0),
        Prefix: "2024/",
        Delimiter: "/",
      });
      expect(names(page.Objects)).to.deep.equal(["2024/top.pdf"]);
      expect(page.CommonPrefixes).to.deep.equal(["2024/q1/", "2024/q2/"]);
      expect(only(emu, "QueryObjects").query).to.include({ prefix: "2024/", delimiter: "/" });
    });

    it("returns names URL-encoded with EncodingType url, and leaves them encoded", async function () {
      await s3.createBucket({ Bucket: "odd-names", ObjectScale: { metadataSearch: [{ key: "Size" }] } });
      await s3.putObject({ Bucket: "odd-names", Key: "a b&c.txt", Body: "x" });
      const page = await s3.queryObjects({
        Bucket: "odd-names",
        Query: searchKey("Size").gt(0),
        EncodingType: "url",
      });
      expect(names(page.Objects)).to.deep.equal(["a%20b%26c.txt"]);
      expect(recorded(emu, "QueryObjects").at(-1)?.query).to.include({ "encoding-type": "url" });
    });

    it("switches to the other quote for a value that holds the configured one", async function () {
      await s3.putObject({ Bucket: "invoices", Key: "quote", Body: "q", Metadata: { dept: "it's" } });
      emu.clearRequests();
      const page = await s3.queryObjects({
        Bucket: "invoices",
        Query: searchKey("x-amz-meta-dept", "string").eq("it's"),
      });
      await s3.deleteObject({ Bucket: "invoices", Key: "quote" });
      expect(names(page.Objects)).to.deep.equal(["quote"]);
      expect(only(emu, "QueryObjects").query["query"]).to.equal(`x-amz-meta-dept=="it's"`);
    });

    it("asks for older versions with include-older-versions (reference §15.1), and the server returns them", async function () {
      await s3.createBucket({
        Bucket: "versioned-search",
        ObjectScale: { metadataSearch: [{ key: "Size" }] },
      });
      await s3.putBucketVersioning({
        Bucket: "versioned-search",
        VersioningConfiguration: { Status: "Enabled" },
      });
      await s3.putObject({ Bucket: "versioned-search", Key: "doc", Body: "v1" });
      await s3.putObject({ Bucket: "versioned-search", Key: "doc", Body: "v2-longer" });
      const current = await s3.queryObjects({ Bucket: "versioned-search", Query: searchKey("Size").gt(0) });
      const all = await s3.queryObjects({
        Bucket: "versioned-search",
        Query: searchKey("Size").gt(0),
        IncludeOlderVersions: true,
      });
      expect(current.Objects.map((o) => o.Size)).to.deep.equal([9]);
      expect(all.Objects.map((o) => o.Size)).to.have.members([2, 9]);
      expect(new Set(all.Objects.map((o) => o.VersionId)).size).to.equal(2);
      expect(recorded(emu, "QueryObjects")[1]?.query).to.include({ "include-older-versions": "true" });

      const legacy = objectScaleSession(emu, {
        namespace: NAMESPACE,
        includeOlderVersionsParameter: "include_older_version",
      }).client("s3");
      const again = await legacy.queryObjects({
        Bucket: "versioned-search",
        Query: searchKey("Size").gt(0),
        IncludeOlderVersions: true,
      });
      expect(again.Objects).to.have.length(2);
      expect(recorded(emu, "QueryObjects")[2]?.query).to.include({ include_older_version: "true" });
    });
  });

  describe(".paginateQueryObjects()", function () {
    it("follows NextMarker over several pages until the server leaves it out", async function () {
      const pages = [];
      for await (const page of s3.paginateQueryObjects(
        { Bucket: "invoices", Query: searchKey("x-amz-meta-seq", "integer").ge(1), Sorted: "x-amz-meta-seq" },
        { pageSize: 2 },
      )) {
        pages.push(page);
      }
      expect(pages.map((p) => names(p.Objects))).to.deep.equal([
        ["inv-1", "inv-2"],
        ["inv-3", "inv-4"],
        ["inv-5", "inv-6"],
        ["inv-7"],
      ]);
      expect(pages.map((p) => p.IsTruncated)).to.deep.equal([true, true, true, false]);

      const sent = recorded(emu, "QueryObjects");
      expect(sent).to.have.length(4);
      expect(sent.map((r) => r.query["max-keys"])).to.deep.equal(["2", "2", "2", "2"]);
      expect(sent[0]!.query).to.not.have.property("marker");
      for (let i = 1; i < sent.length; i++)
        expect(sent[i]!.query["marker"]).to.equal(pages[i - 1]!.NextMarker);
    });

    it("stops at the legacy NO MORE PAGES marker of servers before ECS 3.4 (reference §15.4)", async function () {
      const legacy = await ObjectScaleEmulator.start({ legacyQueryEndMarker: true });
      try {
        const client = objectScaleSession(legacy).client("s3");
        await client.createBucket({ Bucket: "old", ObjectScale: { metadataSearch: [{ key: "Size" }] } });
        for (const key of ["a", "b", "c"]) await client.putObject({ Bucket: "old", Key: key, Body: key });
        const pages = [];
        for await (const page of client.paginateQueryObjects(
          { Bucket: "old", Query: searchKey("Size").ge(1) },
          { pageSize: 2 },
        ))
          pages.push(page);
        expect(pages.map((p) => p.Objects.length)).to.deep.equal([2, 1]);
        expect(pages[1]!.NextMarker).to.equal(undefined);
        expect(pages[1]!.IsTruncated).to.equal(false);
        expect(recorded(legacy, "QueryObjects")).to.have.length(2);
      } finally {
        await legacy.stop();
      }
    });
  });

  describe(".disableMetadataSearch()", function () {
    it("switches search off for good: the keys stay listed, queries are refused (reference §15.7)", async function () {
      await s3.createBucket({ Bucket: "no-more-search", ObjectScale: { metadataSearch: [{ key: "Size" }] } });
      emu.clearRequests();
      const out = await s3.disableMetadataSearch({ Bucket: "no-more-search" });
      expect(out.$metadata.httpStatusCode).to.equal(204);
      const sent = only(emu, "DisableMetadataSearch");
      expect(sent.method).to.equal("DELETE");
      expect(sent.query).to.deep.equal({ searchmetadata: "" });
      expect(sent.headers["x-emc-namespace"]).to.equal(NAMESPACE);

      const listed = await s3.listBucketMetadataSearchKeys({ Bucket: "no-more-search" });
      expect(listed.MetadataSearchEnabled).to.equal(false);
      expect(listed.IndexableKeys).to.deep.equal([{ Name: "Size", Datatype: "integer" }]);
      const error = await rejection(
        s3.queryObjects({ Bucket: "no-more-search", Query: searchKey("Size").gt(0) }),
      );
      expect(error.name).to.equal("Invalid metadata search list entered");
    });
  });
});

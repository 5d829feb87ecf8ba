/**
 * The ObjectScale plugin's resource methods against the in-process emulator: metadata queries as
 * collections of objects, partial writes, retention, stale reads, background emptying, ping and
 * data nodes, each through `session.resource("s3")`.
 */
import { expect } from "chai";
import { Session } from "../../../lib/Session.js";
import { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import { objectScale, searchKey } from "../../../resources/objectscale/index.js";
import type { Bucket, S3Object, S3ServiceResource } from "../../../resources/s3/index.js";
import { rejection } from "../../support/rejection.js";

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}


const text = async (obj: S3Object) => (await obj.get()).Body!.transformToString();

describe("ObjectScale resources against the emulator", function () {
  let emu: ObjectScaleEmulator;
  let s3: S3ServiceResource;

  before(async function () {
    emu = await ObjectScaleEmulator.start({ emptyBucket: { stepDelayMs: 5 } });
    const session = new Session({
      endpoint: emu.endpoint,
      region: emu.region,
      credentials: { ...emu.credentials },
      forcePathStyle: true,
      maxAttempts: 1,
      plugins: [objectScale()],
    });
    s3 = session.resource("s3");
  });
  after(async function () {
    await emu?.stop();
  });

  describe("bucket.queryObjects()", function () {
    let bucket: Bucket;
    const invoices: Array<[key: string, size: number, dept: string, amount: string]> = [
      ["2024/q1/acme.pdf", 2048, "sales", "120.50"],
      ["2024/q1/globex.pdf", 100, "ops", "7"],
      ["2024/q2/initech.pdf", 5000, "sales", "99.9"],
      ["2024/q2/hooli.pdf", 300, "sales", "12"],
      ["2024/q3/umbrella.pdf", 700, "sales", "5"],
      ["2024/q3/soylent.pdf", 50, "sales", "1"],
      ["notes.txt", 900, "ops", "0"],
    ];

    before(async function () {
      bucket = await s3.createBucket({
        Bucket: "indexed",
        ObjectScale: {
          metadataSearch: [
            { key: "Size" },
            { key: "LastModified" },
            { key: "x-amz-meta-dept", type: "string" },
            { key: "x-amz-meta-amount", type: "decimal" },
          ],
        },
      });
      for (const [key, size, dept, amount] of invoices) {
        await bucket.putObject({
          Key: key,
          Body: "x".repeat(size),
          ContentType: "application/pdf",
          Metadata: { dept, amount },
        });
      }
    });

    it("lists the bucket's indexed keys", async function () {
      const { MetadataSearchEnabled, IndexableKeys } = await bucket.metadataSearchKeys();
      expect(MetadataSearchEnabled).to.equal(true);
      expect(IndexableKeys.map((k) => k.Name)).to.have.members([
        "Size",
        "LastModified",
        "x-amz-meta-dept",
        "x-amz-meta-amount",
      ]);
    });

    it("finds exactly the matching objects, with their metadata, across several pages", async function () {
      const query = searchKey("Size").gt(200).and(searchKey("x-amz-meta-dept", "string").eq("sales"));
      const matches = bucket.queryObjects(query, { Sorted: "Size" }).pageSize(2);
      const pages = await all(matches.pages());
      expect(pages.map((p) => p.items.length)).to.deep.equal([2, 2]);
      expect(pages[0]!.output.NextMarker).to.be.a("string");
      expect(pages[1]!.output.NextMarker).to.equal(undefined);
      const found = pages.flatMap((p) => p.items);
      expect(found.map((o) => o.key)).to.deep.equal([
        "2024/q2/hooli.pdf",
        "2024/q3/umbrella.pdf",
        "2024/q1/acme.pdf",
        "2024/q2/initech.pdf",
      ]);
      for (const obj of found) {
        const [, size, dept, amount] = invoices.find(([key]) => key === obj.key)!;
        expect(obj.contentLength, obj.key).to.equal(size);
        expect(obj.metadata, obj.key).to.deep.equal({ dept, amount });
        expect(obj.lastModified).to.be.instanceOf(Date);
        expect(obj.objectScale?.match?.SystemMetadata["size"]).to.equal(String(size));
        expect(obj.objectScale?.match?.UserMetadata).to.deep.equal({
          "x-amz-meta-dept": dept,
          "x-amz-meta-amount": amount,
        });
      }
    });

    it("stops at a limit and resumes from a page's resumeWith", async function () {
      const query = searchKey("x-amz-meta-dept", "string").eq("sales");
      const first = await all(bucket.queryObjects(query).limit(3));
      expect(first).to.have.length(3);
      const [page] = await all(bucket.queryObjects(query).pageSize(3).pages());
      const rest = await all(bucket.queryObjects(query).filter(page!.resumeWith!));
      expect([...first, ...rest].map((o) => o.key)).to.have.members(
        invoices.filter(([, , dept]) => dept === "sales").map(([key]) => key),
      );
      expect(rest).to.have.length(2);
    });

    it("returns optional attributes and objects that load like any other", async function () {
      const [obj] = await all(bucket.queryObjects("Size<60", { Attributes: ["ContentType"] }));
      expect(obj!.key).to.equal("2024/q3/soylent.pdf");
      expect(obj!.contentType).to.equal("application/pdf");
      await obj!.load();
      expect(obj!.contentLength).to.equal(50);
      expect(obj!.objectScale?.match).to.equal(undefined); // load() replaced the data
    });
  });

  describe("partial writes", function () {
    let bucket: Bucket;
    before(async function () {
      bucket = await s3.createBucket({ Bucket: "writes" });
    });

    it("append() returns growing offsets and the content is the concatenation", async function () {
      const log = bucket.Object("app.log");
      expect(await log.append("one\n", { contentType: "text/plain" })).to.equal(0);
      expect(await log.append("two\n")).to.equal(4);
      expect(await log.append(new TextEncoder().encode("three\n"))).to.equal(8);
      expect(await text(log)).to.equal("one\ntwo\nthree\n");
      expect(log.meta.stale).to.equal(true);
    });

    it("writeRange() replaces bytes in place; overwriteFrom() writes on and grows the object", async function () {
      const obj = await bucket.putObject({ Key: "greeting.txt", Body: "hello, world" });
      await obj.writeRange(7, "WORLD");
      expect(await text(obj)).to.equal("hello, WORLD");
      await obj.overwriteFrom(7, "ObjectScale!");
      expect(await text(obj)).to.equal("hello, ObjectScale!");
      await obj.load();
      expect(obj.contentLength).to.equal(19);
    });
  });

  describe("retention", function () {
    it("is set at put(), read through objectScale after load(), and extends", async function () {
      const bucket = await s3.createBucket({ Bucket: "retained" });
      const obj = bucket.Object("contract.pdf");
      await obj.put({ Body: "signed", ObjectScale: { retentionPeriod: 60 } });
      await obj.load();
      expect(obj.objectScale?.retentionPeriod).to.equal(60);
      expect(obj.objectScale?.mtime).to.be.instanceOf(Date);

      await obj.extendRetention(3600);
      expect(obj.meta.stale).to.equal(true);
      await obj.load();
      expect(obj.objectScale?.retentionPeriod).to.equal(3600);

      const shorter = await rejection(obj.extendRetention(60));
      expect(shorter.name).to.equal("InvalidArgument"); // retention only extends
      const deleted = await rejection(obj.delete());
      expect(deleted.name).to.equal("ObjectUnderRetention");
    });
  });

  describe("bucket settings", function () {
    it("setStaleReadAllowed() switches the flag", async function () {
      const bucket = await s3.createBucket({ Bucket: "tso" });
      await bucket.setStaleReadAllowed(true);
      expect(emu.describeBucket("tso")?.staleReadAllowed).to.equal(true);
      await bucket.setStaleReadAllowed(false);
      expect(emu.describeBucket("tso")?.staleReadAllowed).to.equal(false);
    });

    it("empty() deletes every object and then the bucket in the background; emptyStatus() follows it", async function () {
      const bucket = await s3.createBucket({ Bucket: "old-logs" });
      for (let i = 0; i < 5; i++) await bucket.putObject({ Key: `log-${i}`, Body: "x" });
      expect((await bucket.emptyStatus()).Status).to.equal("NOT_FOUND");
      const started = await bucket.empty();
      expect(started.$metadata.httpStatusCode).to.equal(202);
      const seen: string[] = [];
      for (let i = 0; i < 200; i++) {
        try {
          seen.push(String((await bucket.emptyStatus()).Status));
        } catch (error) {
          expect((error as Error).name).to.equal("NoSuchBucket");
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(seen[0]).to.be.oneOf(["PENDING", "IN_PROGRESS", "POST_PROCESSING", "DONE"]);
      expect(emu.describeBucket("old-logs")).to.equal(undefined);
    });

    it("disableMetadataSearch() turns search off", async function () {
      const bucket = await s3.createBucket({
        Bucket: "unsearched",
        ObjectScale: { metadataSearch: [{ key: "Size" }] },
      });
      await bucket.disableMetadataSearch();
      expect(emu.describeBucket("unsearched")?.metadataSearchEnabled).to.equal(false);
    });
  });

  describe("the service resource", function () {
    it("ping() reports the node available", async function () {
      const out = await s3.ping();
      expect(out.MaintenanceMode).to.equal("OFF");
      expect(out.Items.map((i) => i.Name)).to.include("MAINTENANCE_MODE");
    });

    it("ping() asks the node it is given", async function () {
      const out = await s3.ping(`127.0.0.1:${emu.port}`);
      expect(out.MaintenanceMode).to.equal("OFF");
    });

    it("dataNodes() lists the nodes and the version", async function () {
      const { DataNodes, VersionInfo } = await s3.dataNodes();
      expect(DataNodes).to.deep.equal(["127.0.0.1"]);
      expect(VersionInfo).to.equal("3.8.1.0-objectscale-emulator");
    });

    it("systemMetadataSearchKeys() lists the indexable system keys", async function () {
      const { IndexableKeys } = await s3.systemMetadataSearchKeys();
      expect(IndexableKeys.map((k) => k.Name)).to.include.members(["Size", "LastModified", "ObjectName"]);
    });
  });
});

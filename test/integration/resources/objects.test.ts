import { expect } from "chai";
import { ResourceNotLoadedError } from "../../../index.js";
import {
  MultipartUpload,
  ObjectAcl,
  ObjectSummary,
  ObjectVersion,
  S3Object,
} from "../../../resources/s3/index.js";
import { emptyAndDeleteBucket, uniqueBucketName } from "../../support/s3Server.js";
import { recordCalls, resourceFixture, type ResourceFixture } from "./fixture.js";

describe("S3 resources: Object and ObjectSummary (Ceph RGW)", function () {
  let fx: ResourceFixture;
  let bucketName: string;

  before(async function () {
    this.timeout(180_000);
    fx = await resourceFixture();
    bucketName = uniqueBucketName("res-objects");
    await fx.s3.createBucket({ Bucket: bucketName });
  });

  after(async function () {
    this.timeout(60_000);
    if (fx) {
      await emptyAndDeleteBucket(fx.raw, bucketName);
      fx.raw.destroy();
    }
  });

  it("put() / load() / attributes / get() / delete()", async () => {
    const obj = fx.s3.Object(bucketName, "docs/hello.txt");
    expect(obj).to.be.instanceOf(S3Object);
    expect(() => obj.contentLength).to.throw(ResourceNotLoadedError);

    const put = await obj.put({ Body: "hello", ContentType: "text/plain", Metadata: { source: "test" } });
    expect(put.ETag).to.equal('"5d41402abc4b2a76b9719d911017c592"');

    await obj.load();
    expect(obj.contentLength).to.equal(5);
    expect(obj.contentType).to.equal("text/plain");
    expect(obj.eTag).to.equal(put.ETag);
    expect(obj.metadata).to.deep.equal({ source: "test" });
    expect(obj.lastModified).to.be.instanceOf(Date);
    expect(obj.meta.stale).to.equal(false);

    const got = await obj.get();
    expect(await got.Body?.transformToString()).to.equal("hello");

    await obj.put({ Body: "hello, world" });
    expect(obj.meta.stale, "a mutating action marks the data stale").to.equal(true);
    expect(obj.contentLength, "and keeps it until the next load").to.equal(5);
    await obj.reload();
    expect(obj.contentLength).to.equal(12);

    await obj.delete();
    await obj.waitUntilNotExists({ delayMs: 200, maxWaitMs: 10_000 });
    const error = await obj.load().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as Error).name).to.equal("NotFound");
  });

  it("bucket.putObject() returns the Object it wrote, and waitUntilExists() finds it", async () => {
    const bucket = fx.s3.Bucket(bucketName);
    const obj = await bucket.putObject({ Key: "put-object.bin", Body: new Uint8Array([1, 2, 3]) });
    expect(obj).to.be.instanceOf(S3Object);
    expect(obj.equals(bucket.Object("put-object.bin"))).to.equal(true);
    const waited = await obj.waitUntilExists({ delayMs: 200, maxWaitMs: 10_000 });
    expect(waited.output?.ContentLength).to.equal(3);
  });

  it("copyFrom() copies content and metadata (COPY) or replaces the metadata (REPLACE)", async () => {
    const source = await fx.s3.Bucket(bucketName).putObject({
      Key: "copy/source.txt",
      Body: "copy me",
      Metadata: { color: "blue" },
    });
    const copy = fx.s3.Object(bucketName, "copy/target.txt");
    const out = await copy.copyFrom({ CopySource: `${bucketName}/${source.key}` });
    await Promise.all([source.load(), copy.load()]);
    // Ceph RGW returns the copy's ETag without the quotes HeadObject has.
    expect(out.CopyObjectResult?.ETag?.replace(/"/g, "")).to.equal(source.eTag?.replace(/"/g, ""));
    expect(copy.contentLength).to.equal(7);
    expect(copy.metadata).to.deep.equal({ color: "blue" });

    await copy.copyFrom({
      CopySource: `${bucketName}/${source.key}`,
      MetadataDirective: "REPLACE",
      Metadata: { color: "red" },
    });
    await copy.reload();
    expect(copy.metadata).to.deep.equal({ color: "red" });
    expect(await (await copy.get()).Body?.transformToString()).to.equal("copy me");
  });

  it("keys that need encoding round-trip through the identifiers", async () => {
    const key = "spaces and ünïcode/ä+b=c&d?.txt";
    const obj = await fx.s3.Bucket(bucketName).putObject({ Key: key, Body: "x" });
    await obj.load();
    expect(obj.key).to.equal(key);
    expect(obj.contentLength).to.equal(1);
    const copy = fx.s3.Object(bucketName, `${key}.copy`);
    await copy.copyFrom({ CopySource: `${bucketName}/${encodeURIComponent(key)}` });
    await copy.load();
    expect(copy.contentLength).to.equal(1);
  });

  it("an ObjectSummary from the listing has size and eTag without a request; load() is HeadObject with Size", async () => {
    await fx.s3.Bucket(bucketName).putObject({ Key: "summary/one.txt", Body: "12345" });
    const calls = recordCalls(fx.session);
    const summaries: ObjectSummary[] = [];
    for await (const s of fx.s3.Bucket(bucketName).objects.filter({ Prefix: "summary/" })) summaries.push(s);
    expect(calls.map((c) => c.operation)).to.deep.equal(["ListObjectsV2"]);
    expect(summaries).to.have.length(1);
    const summary = summaries[0]!;
    expect(summary).to.be.instanceOf(ObjectSummary);
    expect(summary.key).to.equal("summary/one.txt");
    expect(summary.size).to.equal(5);
    expect(summary.eTag).to.equal('"827ccb0eea8a706c4c34a16891f84e7b"');
    expect(summary.lastModified).to.be.instanceOf(Date);
    expect(summary.storageClass).to.equal("STANDARD");

    const fresh = fx.s3.ObjectSummary(bucketName, "summary/one.txt");
    await fresh.load();
    expect(calls.map((c) => c.operation)).to.deep.equal(["ListObjectsV2", "HeadObject"]);
    expect(fresh.size, "HeadObject's ContentLength, renamed").to.equal(5);
    expect(fresh.eTag).to.equal(summary.eTag);

    // The summary's relations and shared actions.
    expect(summary.Object()).to.be.instanceOf(S3Object);
    expect(summary.Object().equals(fx.s3.Object(bucketName, "summary/one.txt"))).to.equal(true);
    expect(summary.Acl()).to.be.instanceOf(ObjectAcl);
    expect(summary.Version("v1")).to.be.instanceOf(ObjectVersion);
    expect(summary.MultipartUpload("u1")).to.be.instanceOf(MultipartUpload);
    expect(summary.Bucket().name).to.equal(bucketName);
    expect(await (await summary.get()).Body?.transformToString()).to.equal("12345");
    await summary.delete();
    await summary.waitUntilNotExists({ delayMs: 200, maxWaitMs: 10_000 });
  });

  it("sub-resources share the client and make no request", () => {
    const calls = recordCalls(fx.session);
    const obj = fx.s3.Bucket(bucketName).Object("k");
    expect(obj.Bucket().name).to.equal(bucketName);
    expect(obj.Acl().objectKey).to.equal("k");
    expect(obj.Version("v").id).to.equal("v");
    expect(obj.MultipartUpload("u").id).to.equal("u");
    expect(obj.meta.client).to.equal(fx.s3.meta.client);
    expect(calls).to.deep.equal([]);
  });
});

import { expect } from "chai";
import { ResourceNotFoundError } from "../../../index.js";
import { Bucket } from "../../../resources/s3/index.js";
import { emptyAndDeleteBucket, uniqueBucketName } from "../../support/s3Server.js";
import { recordCalls, resourceFixture, type ResourceFixture } from "./fixture.js";

describe("S3 resources: Bucket (Ceph RGW)", function () {
  let fx: ResourceFixture;
  const created: string[] = [];

  before(async function () {
    this.timeout(180_000);
    fx = await resourceFixture();
  });

  after(async function () {
    this.timeout(60_000);
    for (const name of created) await emptyAndDeleteBucket(fx.raw, name);
    fx?.raw.destroy();
  });

  it("s3.createBucket() returns the Bucket named by the request, and waitUntilExists() sees it", async () => {
    const name = uniqueBucketName("res-bucket-create");
    created.push(name);
    const bucket = await fx.s3.createBucket({ Bucket: name });
    expect(bucket.name).to.equal(name);
    expect(bucket.equals(fx.s3.Bucket(name))).to.equal(true);
    expect(String(bucket)).to.equal(`s3.Bucket(name='${name}')`);
    const waited = await bucket.waitUntilExists({ delayMs: 200, maxWaitMs: 10_000 });
    expect(waited.attempts).to.be.at.least(1);
  });

  it("bucket.create() / load() via ListBuckets / s3.buckets / delete() / waitUntilNotExists()", async () => {
    const name = uniqueBucketName("res-bucket-life");
    created.push(name);
    const bucket = fx.s3.Bucket(name);
    const before = Date.now();
    await bucket.create();

    const calls = recordCalls(fx.session);
    await bucket.load();
    expect(calls.map((c) => c.operation)).to.deep.equal(["ListBuckets"]);
    expect(bucket.creationDate).to.be.instanceOf(Date);
    expect(Math.abs(bucket.creationDate!.getTime() - before)).to.be.below(60_000);
    expect(bucket.meta.data?.["Name"]).to.equal(name);

    const names: string[] = [];
    for await (const b of fx.s3.buckets) {
      expect(b).to.be.instanceOf(Bucket);
      names.push(b.name);
      // Built from the listing's item: data without another request.
      if (b.name === name) expect(b.creationDate?.getTime()).to.equal(bucket.creationDate!.getTime());
    }
    expect(names).to.include(name);

    await bucket.delete();
    await bucket.waitUntilNotExists({ delayMs: 200, maxWaitMs: 10_000 });
    const names2: string[] = [];
    for await (const b of fx.s3.buckets) names2.push(b.name);
    expect(names2).to.not.include(name);
  });

  it("load() of a bucket that ListBuckets does not list raises ResourceNotFoundError", async () => {
    const bucket = fx.s3.Bucket(uniqueBucketName("res-bucket-missing"));
    const error = await bucket.load().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ResourceNotFoundError);
    expect(String((error as Error).message)).to.include(bucket.name);
  });

  it("delete() of a bucket that does not exist raises the server's NoSuchBucket", async () => {
    const error = await fx.s3
      .Bucket(uniqueBucketName("res-bucket-nope"))
      .delete()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect((error as Error).name).to.equal("NoSuchBucket");
  });

  it("deleteObjects() deletes the keys given, in one request", async () => {
    const name = uniqueBucketName("res-bucket-delobj");
    created.push(name);
    const bucket = await fx.s3.createBucket({ Bucket: name });
    await bucket.putObject({ Key: "a", Body: "1" });
    await bucket.putObject({ Key: "b", Body: "2" });
    const out = await bucket.deleteObjects({ Delete: { Objects: [{ Key: "a" }, { Key: "b" }] } });
    expect((out.Deleted ?? []).map((d) => d.Key).sort()).to.deep.equal(["a", "b"]);
    const left: string[] = [];
    for await (const o of bucket.objects) left.push(o.key);
    expect(left).to.deep.equal([]);
  });
});

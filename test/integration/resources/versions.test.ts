import {
  CreateBucketCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { expect } from "chai";
import { BatchError } from "../../../lib/errors.js";
import { ObjectVersion, type Bucket } from "../../../resources/s3/index.js";
import { emptyAndDeleteBucket, uniqueBucketName } from "../../support/s3Server.js";
import { recordCalls, resourceFixture, type ResourceFixture } from "./fixture.js";

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}

describe("S3 resources: BucketVersioning and ObjectVersion (Ceph RGW)", function () {
  let fx: ResourceFixture;
  let bucket: Bucket;
  const lockedBuckets: string[] = [];

  before(async function () {
    this.timeout(180_000);
    fx = await resourceFixture();
    bucket = await fx.s3.createBucket({ Bucket: uniqueBucketName("res-versions") });
  });

  after(async function () {
    this.timeout(60_000);
    if (fx) {
      if (bucket) await emptyAndDeleteBucket(fx.raw, bucket.name);
      for (const name of lockedBuckets) await releaseAndDelete(fx.raw, name);
      fx.raw.destroy();
    }
  });

  it("versioning.enable() / load() / suspend()", async () => {
    const versioning = bucket.Versioning();
    await versioning.load();
    expect(versioning.status, "never enabled").to.equal(undefined);
    await versioning.enable();
    await versioning.reload();
    expect(versioning.status).to.equal("Enabled");
    expect(versioning.Bucket().equals(bucket)).to.equal(true);
  });

  it("objectVersions lists versions and delete markers; get() / head() / delete() address one version", async () => {
    const obj = bucket.Object("v.txt");
    const first = await obj.put({ Body: "one" });
    const second = await obj.put({ Body: "two!" });
    await obj.delete();

    const versions = await collect(bucket.objectVersions.filter({ Prefix: "v.txt" }));
    expect(versions.every((v) => v instanceof ObjectVersion)).to.equal(true);
    expect(versions.map((v) => [v.objectKey, v.size ?? null, v.isLatest])).to.deep.equal([
      ["v.txt", 4, false],
      ["v.txt", 3, false],
      ["v.txt", null, true], // the delete marker, after the versions (Versions[]|DeleteMarkers[])
    ]);
    expect(versions.slice(0, 2).map((v) => v.id)).to.deep.equal([second.VersionId, first.VersionId]);
    const [newest, oldest, marker] = versions as [ObjectVersion, ObjectVersion, ObjectVersion];

    expect(await (await oldest.get()).Body?.transformToString()).to.equal("one");
    expect((await newest.head()).ContentLength).to.equal(4);
    expect(await (await obj.Version(first.VersionId!).get()).Body?.transformToString()).to.equal("one");
    expect(oldest.Object().equals(obj)).to.equal(true);

    // Deleting the delete marker brings the object back.
    await marker.delete();
    await obj.load();
    expect(obj.contentLength).to.equal(4);
    expect(obj.versionId).to.equal(second.VersionId);
  });

  it("objectVersions.delete() deletes every version and marker by Key and VersionId", async () => {
    for (const key of ["batch/a", "batch/b", "batch/c"]) {
      await bucket.Object(key).put({ Body: "1" });
      await bucket.Object(key).put({ Body: "2" });
    }
    await bucket.Object("batch/c").delete();
    const calls = recordCalls(fx.session);
    const result = await bucket.objectVersions.filter({ Prefix: "batch/" }).delete();
    expect(result.items).to.equal(7);
    const sent = calls.find((c) => c.operation === "DeleteObjects")!.params["Delete"] as {
      Objects: Array<{ Key: string; VersionId: string }>;
    };
    expect(sent.Objects).to.have.length(7);
    expect(sent.Objects.every((o) => typeof o.VersionId === "string" && o.VersionId !== "")).to.equal(true);
    expect(await collect(bucket.objectVersions.filter({ Prefix: "batch/" }))).to.deep.equal([]);
  });

  it("a batch delete raises BatchError naming each version the server refused (legal hold)", async () => {
    const name = uniqueBucketName("res-versions-locked");
    lockedBuckets.push(name);
    await fx.raw.send(new CreateBucketCommand({ Bucket: name, ObjectLockEnabledForBucket: true }));
    await fx.raw.send(new PutObjectCommand({ Bucket: name, Key: "free", Body: "1" }));
    await fx.raw.send(
      new PutObjectCommand({ Bucket: name, Key: "held", Body: "2", ObjectLockLegalHoldStatus: "ON" }),
    );
    const error = await fx.s3
      .Bucket(name)
      .objectVersions.delete()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).to.be.instanceOf(BatchError);
    const failures = (error as BatchError).failures;
    expect(failures.map((f) => f.item["Key"])).to.deep.equal(["held"]);
    expect(failures[0]!.code).to.equal("AccessDenied");
    expect((error as BatchError).message).to.include("held");
    const left = await collect(fx.s3.Bucket(name).objectVersions);
    expect(left.map((v) => v.objectKey)).to.deep.equal(["held"]);
  });

  it("versioning.suspend() sets Suspended", async () => {
    await bucket.Versioning().suspend();
    const versioning = await bucket.Versioning().load();
    expect(versioning.status).to.equal("Suspended");
  });
});

/** Lifts the legal holds of a locked bucket's versions, then deletes it. */
async function releaseAndDelete(raw: S3Client, name: string): Promise<void> {
  const page = await raw.send(new ListObjectVersionsCommand({ Bucket: name }));
  for (const v of page.Versions ?? []) {
    await raw
      .send(
        new PutObjectLegalHoldCommand({
          Bucket: name,
          Key: v.Key,
          VersionId: v.VersionId,
          LegalHold: { Status: "OFF" },
        }),
      )
      .catch(() => undefined); // a version without a hold: nothing to lift
  }
  await emptyAndDeleteBucket(raw, name);
}

import { expect } from "chai";
import { LogFile } from "../../../examples/custom-resource.js";
import type { ResourceJSON } from "../../../index.js";
import { ObjectSummary, S3Object, type Bucket } from "../../../resources/s3/index.js";
import { emptyAndDeleteBucket, uniqueBucketName } from "../../support/s3Server.js";
import { resourceFixture, testSession, type ResourceFixture } from "./fixture.js";

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}

describe("examples/custom-resource.ts: a user-declared LogFile (Ceph RGW)", function () {
  let fx: ResourceFixture;
  let bucket: Bucket;

  before(async function () {
    this.timeout(180_000);
    fx = await resourceFixture();
    bucket = await fx.s3.createBucket({ Bucket: uniqueBucketName("res-logfile") });
  });

  after(async function () {
    this.timeout(60_000);
    if (fx) {
      if (bucket) await emptyAndDeleteBucket(fx.raw, bucket.name);
      fx.raw.destroy();
    }
  });

  function logFiles() {
    const session = testSession(fx.env);
    const built: string[] = [];
    session.events.register("creating-resource-class.s3.LogFile", ({ resourceName }) => {
      built.push(resourceName);
    });
    session.registerResources(LogFile);
    return { session, s3: session.resource("s3"), built };
  }

  it("is registered with session.registerResources() and built with creating-resource-class", () => {
    const { s3, built } = logFiles();
    const log = s3.LogFile(bucket.name, "app.log");
    expect(log).to.be.instanceOf(LogFile);
    expect(built).to.deep.equal(["LogFile"]);
    expect(String(log)).to.equal(`s3.LogFile(bucketName='${bucket.name}', key='app.log')`);
    expect(log.Bucket().equals(bucket)).to.equal(true);
    expect(log.Object()).to.be.instanceOf(S3Object);
  });

  it("append() writes through the modelled actions; attributes load by HeadObject", async () => {
    const { s3 } = logFiles();
    const log = s3.LogFile(bucket.name, "append.log");
    await log.append("one");
    await log.waitUntilExists({ delayMs: 200, maxWaitMs: 10_000 });
    await log.append("two", "three");
    await log.load();
    expect(log.contentLength).to.equal("one\ntwo\nthree\n".length);
    expect(log.contentType).to.equal("text/plain");
    expect(await (await log.read()).Body?.transformToString()).to.equal("one\ntwo\nthree\n");
  });

  it("rotate() archives with CopyObject and empties the log; files lists the log and its archives", async () => {
    const { s3 } = logFiles();
    const log = s3.LogFile(bucket.name, "rotate.log");
    await log.append("first");
    const first = await log.rotate();
    await log.append("second");
    const second = await log.rotate();
    await log.append("third");
    expect(first).to.be.instanceOf(LogFile);
    expect([first.key, second.key]).to.deep.equal(["rotate.log.1", "rotate.log.2"]);
    expect(await (await first.read()).Body?.transformToString()).to.equal("first\n");
    expect(await (await second.read()).Body?.transformToString()).to.equal("second\n");
    expect(await (await log.read()).Body?.transformToString()).to.equal("third\n");

    const files = await collect(log.files);
    expect(files.every((f) => f instanceof ObjectSummary)).to.equal(true);
    expect(files.map((f) => [f.key, f.size])).to.deep.equal([
      ["rotate.log", 6],
      ["rotate.log.1", 6],
      ["rotate.log.2", 7],
    ]);
  });

  it("round-trips through toJSON() and session.resourceFromJSON()", async () => {
    const { session, s3 } = logFiles();
    const log = s3.LogFile(bucket.name, "json.log");
    await log.append("x");
    const again = session.resourceFromJSON(
      JSON.parse(JSON.stringify(log)) as ResourceJSON & { type: "LogFile" },
    );
    expect(again).to.be.instanceOf(LogFile);
    expect(again.equals(log)).to.equal(true);
    await again.load();
    expect(again.contentLength).to.equal(2);
    await again.remove();
  });
});

import { expect } from "chai";
import { loopbackAgent, ObjectScaleEmulator, type EmulatorCluster } from "../../../lib/testing/index.js";
import { objectScale } from "../../../resources/objectscale/index.js";
import { runPool, served, smartSession } from "./harness.js";

describe("Smart client against an emulator cluster: routing", function () {
  let cluster: EmulatorCluster;

  before(async function () {
    cluster = await ObjectScaleEmulator.startCluster({ nodes: 3 });
  });
  after(async function () {
    await cluster?.stop();
  });
  /** No back-off and no checks: a failing node stays in the rotation, so calls keep reaching it. */
  const appendSession = () =>
    smartSession(cluster, { failureBackoffMs: 0 }, { maxAttempts: 3, plugins: [objectScale()] });

  beforeEach(function () {
    cluster.reset();
    cluster.clearRequests();
    for (const node of cluster.nodes) node.maintenanceMode = false;
  });

  it("spreads 3000 mixed requests within ±20% of an even share, each signed for the node it reached", async function () {
    this.timeout(120_000);
    const session = smartSession(cluster);
    const s3 = session.client("s3");
    await s3.createBucket({ Bucket: "spread" });
    cluster.clearRequests();
    const before = session.smartClient!.stats().nodes.map((n) => n.requests);
    const total = 3000;
    await runPool(total, 8, async (i) => {
      const Key = `k${i % 50}`;
      switch (i % 5) {
        case 0:
        case 1:
          return s3.putObject({ Bucket: "spread", Key, Body: `body ${i}` });
        case 2:
          return s3.headBucket({ Bucket: "spread" });
        case 3:
          return s3.listObjectsV2({ Bucket: "spread", MaxKeys: 5 });
        default:
          return s3.deleteObject({ Bucket: "spread", Key: `gone${i}` });
      }
    });
    const counts = cluster.nodes.map((n) => served(n).length);
    expect(counts.reduce((a, b) => a + b)).to.equal(total);
    for (const count of counts) expect(count).to.be.within(total / 3 * 0.8, total / 3 * 1.2);
    for (const node of cluster.nodes) {
      for (const r of served(node)) {
        expect(r.signature.verdict, `${r.operation} on node ${node.index}`).to.equal("valid");
        expect(r.headers["host"]).to.equal(node.address);
      }
    }
    const stats = session.smartClient!.stats();
    expect(stats.totals).to.deep.equal({ requests: total + 1, errors: 0, inFlight: 0 });
    expect(stats.nodes.map((n, i) => n.requests - before[i]!)).to.deep.equal(counts);
    for (const n of stats.nodes) {
      expect(n.inRotation).to.equal(true);
      expect(n.latency.meanMs).to.be.greaterThan(0);
      expect(n.latency.ewmaMs).to.be.greaterThan(0);
      expect(n.latency.p95Ms).to.be.at.least(Math.min(n.latency.meanMs, n.latency.ewmaMs) / 10).and.greaterThan(0);
    }
    s3.destroy();
    await session.close();
  });

  it("sends an idle session's sequential calls round-robin", async function () {
    const session = smartSession(cluster);
    const s3 = session.client("s3");
    for (let i = 0; i < 6; i++) await s3.listBuckets({});
    expect(cluster.nodes.map((n) => served(n).length)).to.deep.equal([2, 2, 2]);
    s3.destroy();
    await session.close();
  });

  it("virtual-host addressing on named nodes keeps the bucket label in front of each node's name", async function () {
    const hosts = cluster.nodes.map((n) => `localhost:${n.port}`);
    const session = smartSession(
      cluster,
      { hosts },
      { endpoint: `http://localhost:${cluster.nodes[0]!.port}`, forcePathStyle: false, sdk: { requestHandler: { httpAgent: loopbackAgent() } } },
    );
    const s3 = session.client("s3");
    await s3.createBucket({ Bucket: "vhost" });
    for (let i = 0; i < 6; i++) await s3.putObject({ Bucket: "vhost", Key: `k${i}`, Body: "x" });
    for (const node of cluster.nodes) {
      const puts = served(node).filter((r) => r.operation === "PutObject");
      expect(puts).to.have.length(2);
      for (const r of puts) {
        expect(r.addressing).to.equal("virtual-host");
        expect(r.headers["host"]).to.equal(`vhost.localhost:${node.port}`);
        expect(r.signature.verdict).to.equal("valid");
      }
    }
    s3.destroy();
    await session.close();
  });

  it("virtual-host addressing on IP nodes connects to each IP and keeps the endpoint's Host header", async function () {
    const session = smartSession(
      cluster,
      {},
      { endpoint: `http://localhost:${cluster.nodes[0]!.port}`, forcePathStyle: false, sdk: { requestHandler: { httpAgent: loopbackAgent() } } },
    );
    const s3 = session.client("s3");
    await s3.createBucket({ Bucket: "vhost-ip" });
    for (let i = 0; i < 6; i++) await s3.putObject({ Bucket: "vhost-ip", Key: `k${i}`, Body: "x" });
    for (const node of cluster.nodes) {
      const puts = served(node).filter((r) => r.operation === "PutObject");
      expect(puts).to.have.length(2);
      for (const r of puts) {
        expect(r.headers["host"]).to.equal(`vhost-ip.localhost:${cluster.nodes[0]!.port}`);
        expect(r.signature.verdict).to.equal("valid");
      }
    }
    s3.destroy();
    await session.close();
  });

  it("does not send an append again after a node answered 503, and retries a plain PUT on another node", async function () {
    const session = appendSession();
    const s3 = session.client("s3");
    await s3.createBucket({ Bucket: "appends" });
    await s3.putObject({ Bucket: "appends", Key: "log", Body: "" });
    const sick = cluster.nodes[1]!;
    sick.maintenanceMode = true;
    cluster.clearRequests();

    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, async () => s3.appendObject({ Bucket: "appends", Key: "log", Body: "ab" })),
    );
    const sent = cluster.requests.filter((r) => r.operation === "AppendObject");
    const failed = outcomes.filter((o) => o.status === "rejected");
    expect(sent).to.have.length(6); // one request per call: none repeated
    expect(failed).to.have.length(served(sick).length);
    expect(failed.length).to.be.greaterThan(0);
    for (const f of failed) expect(f.reason).to.have.nested.property("$metadata.httpStatusCode", 503);

    cluster.clearRequests();
    for (let i = 0; i < 6; i++) await s3.putObject({ Bucket: "appends", Key: `p${i}`, Body: "x" });
    const puts = cluster.requests.filter((r) => r.operation === "PutObject");
    expect(puts.filter((r) => r.status === 200)).to.have.length(6);
    expect(puts.filter((r) => r.status === 503)).to.have.length(served(sick).length).and.length.greaterThan(0);
    s3.destroy();
    await session.close();
  });

  it("sends an append to another node when its node refused the connection (nothing was sent)", async function () {
    const session = appendSession();
    const s3 = session.client("s3");
    await s3.createBucket({ Bucket: "appends2" });
    await s3.putObject({ Bucket: "appends2", Key: "log", Body: "" });
    const down = cluster.nodes[2]!;
    await down.stop();
    try {
      for (let i = 0; i < 6; i++) await s3.appendObject({ Bucket: "appends2", Key: "log", Body: "ab" });
      expect(cluster.describeBucket("appends2")).to.not.equal(undefined);
      const { ContentLength } = await s3.headObject({ Bucket: "appends2", Key: "log" });
      expect(ContentLength).to.equal(12);
      expect(session.smartClient!.stats().nodes[2]!.errors).to.be.greaterThan(0);
    } finally {
      await down.restart();
      s3.destroy();
      await session.close();
    }
  });
});

import { expect } from "chai";
import { ObjectScaleEmulator, type EmulatorCluster } from "../../../lib/testing/index.js";
import { hashBucket } from "../../../lib/smart/NodePool.js";
import { nodeEvents, runPool, served, smartSession } from "./harness.js";

describe("Smart client against an emulator cluster: failover", function () {
  let cluster: EmulatorCluster;

  before(async function () {
    cluster = await ObjectScaleEmulator.startCluster({ nodes: 4 });
  });
  after(async function () {
    await cluster?.stop();
  });
  beforeEach(async function () {
    for (const node of cluster.nodes) {
      node.maintenanceMode = false;
      await node.restart();
    }
    cluster.reset();
    cluster.clearRequests();
  });

  it("takes a node in maintenance mode out of the rotation and back when it leaves maintenance", async function () {
    const session = smartSession(cluster, { healthCheck: true, healthCheckIntervalMs: 60_000 });
    const events = nodeEvents(session);
    const s3 = session.client("s3");
    const node = cluster.nodes[1]!;
    node.maintenanceMode = true;
    await session.smartClient!.checkHealth();
    expect(events).to.have.length(1);
    expect(events[0]).to.include({ kind: "down", reason: "maintenance-mode", eventName: "smart-client-node-down.s3" });
    expect(events[0]!.node).to.include({ address: node.address, inRotation: false, maintenanceMode: true });
    const stats = session.smartClient!.stats().nodes[1]!;
    expect(stats).to.include({ healthy: false, inRotation: false });
    expect(stats.lastCheck).to.include({ ok: false, reason: "maintenance mode", statusCode: 200 });

    for (let i = 0; i < 40; i++) await s3.listBuckets({});
    expect(served(node)).to.have.length(0);

    node.maintenanceMode = false;
    await session.smartClient!.checkHealth();
    expect(events.map((e) => `${e.kind}:${e.reason}`)).to.deep.equal(["down:maintenance-mode", "up:health-check-passed"]);
    expect(session.smartClient!.stats().nodes[1]).to.include({ healthy: true, inRotation: true, maintenanceMode: false });
    for (let i = 0; i < 8; i++) await s3.listBuckets({});
    expect(served(node)).to.have.length(2);
    s3.destroy();
    await session.close();
  });

  it("loses and fails no call while a node stops mid-run, and uses it again after its restart", async function () {
    this.timeout(120_000);
    const session = smartSession(
      cluster,
      { healthCheck: true, healthCheckIntervalMs: 100, healthCheckTimeoutMs: 500, failureBackoffMs: 60_000 },
      { maxAttempts: 3 },
    );
    const events = nodeEvents(session);
    const s3 = session.client("s3");
    await s3.createBucket({ Bucket: "survive" });
    const victim = cluster.nodes[2]!;
    const total = 1200;
    let done = 0;
    let stoppedAt = 0;
    let restartedAt = 0;
    const body = Buffer.alloc(2048, 7);
    await runPool(total, 8, async (i) => {
      if (i % 2 === 0) await s3.putObject({ Bucket: "survive", Key: `k${i}`, Body: body });
      else await s3.headBucket({ Bucket: "survive" });
      done++;
      if (done === 300) {
        stoppedAt = done;
        await victim.stop();
      } else if (done === 700) {
        restartedAt = done;
        await victim.restart();
      }
    });
    expect(stoppedAt).to.equal(300);
    expect(restartedAt).to.equal(700);
    expect(cluster.describeBucket("survive")!.keyCount).to.equal(total / 2);
    const down = events.find((e) => e.kind === "down" && e.node.address === victim.address);
    expect(down, "a node-down event for the stopped node").to.not.equal(undefined);
    expect(["request-failed", "health-check-failed"]).to.include(down!.reason);
    // The health check brings it back (sooner than the 60 s back-off), then it serves again.
    for (let i = 0; i < 50 && !session.smartClient!.stats().nodes[2]!.inRotation; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(events.some((e) => e.kind === "up" && e.node.address === victim.address)).to.equal(true);
    victim.clearRequests();
    for (let i = 0; i < 8; i++) await s3.headBucket({ Bucket: "survive" });
    expect(served(victim).length).to.be.greaterThan(0);
    const stats = session.smartClient!.stats();
    expect(stats.totals.inFlight).to.equal(0);
    expect(stats.totals.requests).to.equal(stats.nodes.reduce((sum, n) => sum + n.requests, 0));
    expect(stats.totals.requests - stats.totals.errors).to.equal(total + 1 + 8);
    s3.destroy();
    await session.close();
  });

  it("keeps each bucket in the group its name hashes to, and moves it while that whole group is down", async function () {
    const [a, b, c, d] = cluster.nodes;
    const groups = [[a!.address, b!.address], [c!.address, d!.address]];
    const session = smartSession(cluster, { groups, healthCheck: true, healthCheckIntervalMs: 60_000 });
    const s3 = session.client("s3");
    const buckets = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"];
    const home = (bucket: string) => hashBucket(bucket) % 2;
    expect(new Set(buckets.map(home)).size, "buckets in both groups").to.equal(2);
    for (const Bucket of buckets) {
      await s3.createBucket({ Bucket });
      for (let i = 0; i < 6; i++) await s3.putObject({ Bucket, Key: `k${i}`, Body: "x" });
    }
    const groupOf = (index: number) => (index < 2 ? 0 : 1);
    for (const node of cluster.nodes) {
      for (const r of served(node)) expect(home(r.bucket!), `${r.bucket} on node ${node.index}`).to.equal(groupOf(node.index));
    }
    // Both nodes of group 0 go down: its buckets move to group 1 and keep working.
    a!.maintenanceMode = true;
    b!.maintenanceMode = true;
    await session.smartClient!.checkHealth();
    cluster.clearRequests();
    for (const Bucket of buckets) await s3.putObject({ Bucket, Key: "during", Body: "x" });
    expect(served(a!).length + served(b!).length).to.equal(0);
    expect(served(c!).length + served(d!).length).to.equal(buckets.length);
    // One node of group 0 back: its buckets go home.
    b!.maintenanceMode = false;
    await session.smartClient!.checkHealth();
    cluster.clearRequests();
    for (const Bucket of buckets) await s3.putObject({ Bucket, Key: "after", Body: "x" });
    expect(served(b!).map((r) => r.bucket).sort()).to.deep.equal(buckets.filter((x) => home(x) === 0).sort());
    s3.destroy();
    await session.close();
  });
});

import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect } from "chai";
import { SessionClosedError } from "../../../lib/smart/errors.js";
import { ObjectScaleEmulator, type EmulatorCluster } from "../../../lib/testing/index.js";
import { nodeEvents, smartSession } from "./harness.js";

describe("Smart client against an emulator cluster: discovery and lifecycle", function () {
  let cluster: EmulatorCluster;

  before(async function () {
    cluster = await ObjectScaleEmulator.startCluster({ nodes: 3 });
  });
  after(async function () {
    await cluster?.stop();
  });
  beforeEach(function () {
    cluster.clearRequests();
  });

  it("discovers the nodes through GET /?endpoint from the seed, signed, and uses them all", async function () {
    const session = smartSession(cluster, { hosts: [cluster.nodes[0]!.address], discovery: "listDataNodes" });
    const events = nodeEvents(session);
    await session.smartClient!.discover();
    const stats = session.smartClient!.stats();
    expect(stats.nodes.map((n) => n.address)).to.deep.equal(cluster.addresses);
    expect(stats.lastDiscovery).to.be.instanceOf(Date);
    expect(events.map((e) => `${e.kind}:${e.reason}:${e.node.address}`)).to.deep.equal(
      cluster.addresses.slice(1).map((a) => `up:added:${a}`),
    );
    const listing = cluster.nodes[0]!.requests.filter((r) => r.operation === "ListDataNodes");
    expect(listing).to.have.length(1);
    expect(listing[0]!.signature.verdict).to.equal("valid");
    const s3 = session.client("s3");
    for (let i = 0; i < 3; i++) await s3.listBuckets({});
    expect(cluster.nodes.map((n) => n.requests.filter((r) => r.operation === "ListBuckets").length)).to.deep.equal([1, 1, 1]);
    s3.destroy();
    await session.close();
  });

  it("takes plain IPs from discovery with the endpoint's port, and hosts from a provider function", async function () {
    const port = cluster.nodes[0]!.port;
    const asked: number[] = [];
    const session = smartSession(cluster, {
      hosts: [cluster.nodes[0]!.address],
      discovery: ({ group, current }) => {
        asked.push(group);
        expect(current).to.deep.equal([`127.0.0.1:${port}`]);
        return ["127.0.0.1", "localhost", `localhost:${cluster.nodes[1]!.port}`];
      },
    });
    await session.smartClient!.discover();
    expect(asked).to.deep.equal([0]);
    expect(session.smartClient!.stats().nodes.map((n) => [n.hostname, n.port])).to.deep.equal([
      ["127.0.0.1", port],
      ["localhost", port],
      ["localhost", cluster.nodes[1]!.port],
    ]);
    await session.close();
  });

  it("close() stops the checks, refuses new clients and new calls, and is idempotent", async function () {
    const session = smartSession(cluster, { healthCheck: true, healthCheckIntervalMs: 20 });
    const s3 = session.client("s3");
    await s3.listBuckets({});
    await session.close();
    await session.close();
    expect(session.closed).to.equal(true);
    expect(session.smartClient!.stats().closed).to.equal(true);
    // A check cancelled by close() may still be logged by the server as it finishes.
    await new Promise((r) => setTimeout(r, 50));
    const pings = cluster.requests.filter((r) => r.operation === "Ping").length;
    expect(pings).to.be.greaterThan(0);
    await new Promise((r) => setTimeout(r, 150));
    expect(cluster.requests.filter((r) => r.operation === "Ping").length).to.equal(pings);
    expect(() => session.client("s3")).to.throw(SessionClosedError, /a new client was refused/);
    const error: unknown = await s3.listBuckets({}).catch((e: unknown) => e);
    expect(SessionClosedError.is(error)).to.equal(true);
    expect((error as Error).message).to.contain("ListBucketsCommand");
    s3.destroy();
  });

  it("await using closes the session at the end of the scope", async function () {
    let outside: ReturnType<typeof smartSession> | undefined;
    {
      await using session = smartSession(cluster);
      outside = session;
      expect(session.closed).to.equal(false);
    }
    expect(outside.closed).to.equal(true);
  });

  it("never keeps the process alive: a child that leaves its session open exits by itself", async function () {
    this.timeout(30_000);
    const script = fileURLToPath(new URL("./fixtures/idleSession.js", import.meta.url));
    const { accessKeyId, secretAccessKey } = cluster.credentials;
    const child = spawn(process.execPath, [script, cluster.endpoint, accessKeyId, secretAccessKey], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => {
      const kill = setTimeout(() => child.kill("SIGKILL"), 15_000);
      child.on("exit", (c) => {
        clearTimeout(kill);
        resolve(c);
      });
    });
    expect(code, stderr).to.equal(0);
    expect(Date.now() - started).to.be.below(15_000);
    expect(JSON.parse(stdout)).to.deep.equal({ nodes: 3, checked: true });
    expect(cluster.requests.filter((r) => r.operation === "Ping").length).to.be.greaterThan(3);
  });
});

import { createHash, randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { expect } from "chai";
import type { S3ServiceClient } from "../../../lib/client/ClientFactory.js";
import { Session } from "../../../lib/Session.js";
import type { SmartNodeStats } from "../../../lib/smart/SmartNode.js";
import { gatewayClient, useS3Gateways, type S3GatewaysEnv } from "../../support/s3Gateways.js";
import { emptyAndDeleteBucket, uniqueBucketName } from "../../support/s3Server.js";
import { nodeEvents, runPool } from "./harness.js";

type S3 = S3ServiceClient;

const HEALTH_INTERVAL_MS = 250;

describe("Smart client over three Ceph RGW gateways of one cluster", function () {
  let env: S3GatewaysEnv;
  let bucket: string;

  before(async function () {
    this.timeout(180_000); // a clean machine installs Ceph first
    env = await useS3Gateways(3);
    bucket = uniqueBucketName("smart-gateways");
    await gatewayClient(env, 1).send(new CreateBucketCommand({ Bucket: bucket }));
  });

  afterEach(async function () {
    this.timeout(60_000);
    // a failover test that failed before restarting gateway 2 must not leave it down
    if (env) await env.startGateway(2);
  });

  after(async function () {
    this.timeout(60_000);
    if (env) await emptyAndDeleteBucket(gatewayClient(env, 1), bucket);
  });

  function session(failureBackoffMs = 1_000): Session {
    return new Session({
      endpoint: env.endpoints[0]!,
      region: env.region,
      credentials: { ...env.credentials },
      forcePathStyle: true,
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      smartClient: {
        hosts: env.endpoints.map((e) => new URL(e).host),
        healthCheckIntervalMs: HEALTH_INTERVAL_MS,
        healthCheckTimeoutMs: 1_000,
        failureBackoffMs,
      },
    });
  }

  /** Every gateway's own request counter, gateway 1 first. */
  async function served(): Promise<number[]> {
    return Promise.all(env.endpoints.map((_, i) => env.requestsServed(i + 1)));
  }

  it("spreads 3,000 mixed requests within ±20% over the three, as each gateway's own counter confirms", async function () {
    this.timeout(120_000);
    const smart = session();
    const s3 = smart.client("s3");
    try {
      await smart.smartClient!.checkHealth();
      // RGW has no ?ping of its own: it answers an anonymous ListBuckets, which passes with no load
      for (const node of smart.smartClient!.stats().nodes) {
        expect(node, node.address).to.include({
          inRotation: true,
          healthy: true,
          maintenanceMode: undefined,
          loadFactor: undefined,
        });
        expect(node.lastCheck, node.address).to.include({ ok: true, statusCode: 200 });
      }
      const before = smart.smartClient!.stats().nodes.map((n) => n.requests);
      const t0 = performance.now();
      const servedBefore = await served();
      // 600 sequences × 5 requests, 32 sequences (so 32 requests) under way at once
      await runPool(600, 32, (i) => mixedSequence(s3, `spread/${i}.bin`, { remove: true }));
      const servedAfter = await served();
      const elapsedMs = performance.now() - t0;

      const stats = smart.smartClient!.stats();
      const routed = stats.nodes.map((n, g) => n.requests - before[g]!);
      const byGateway = servedAfter.map((n, g) => n - servedBefore[g]!);
      // The gateways also count the health checks (anonymous GET /?ping): one per interval at most.
      const pings = Math.ceil(elapsedMs / HEALTH_INTERVAL_MS) + 1;
      console.log(
        `      routed ${routed.join(" / ")}; counted by the gateways ${byGateway.join(" / ")} ` +
          `(≤ ${pings} health checks each); ${(elapsedMs / 1000).toFixed(1)} s`,
      );
      expect(routed.reduce((a, b) => a + b, 0)).to.equal(3000);
      expect(stats.totals.errors).to.equal(0);
      for (let g = 0; g < 3; g++) {
        expect(routed[g], `gateway ${g + 1}, by the smart client`).to.be.within(800, 1200);
        expect(
          byGateway[g]! - routed[g]!,
          `gateway ${g + 1}: its own count minus the routed requests`,
        ).to.be.within(0, pings);
        expect(byGateway[g]! - pings, `gateway ${g + 1}, by its own count`).to.be.within(800 - pings, 1200);
      }
      const left = await s3.listObjectsV2({ Bucket: bucket, Prefix: "spread/" });
      expect(left.KeyCount ?? 0).to.equal(0);
    } finally {
      s3.destroy();
      await smart.close();
    }
  });

  it("loses and fails no operation while gateway 2 stops mid-run, and sends to it again once it restarts", async function () {
    this.timeout(150_000);
    const smart = session();
    const events = nodeEvents(smart);
    const s3 = smart.client("s3");
    const gw2 = (): SmartNodeStats => smart.smartClient!.stats().nodes[1]!;
    const succeeded = (n: SmartNodeStats) => n.requests - n.errors;
    const failures: unknown[] = [];
    let started = 0;
    let finished = 0;
    let running = true;
    const kept = new Set<string>();
    const worker = async () => {
      while (running) {
        const i = started++;
        const key = `failover/${i}.bin`;
        try {
          // odd sequences keep their object, even ones delete it and check that it is gone
          await mixedSequence(s3, key, { remove: i % 2 === 0 });
          if (i % 2 === 1) kept.add(key);
        } catch (error) {
          failures.push(error);
        }
        finished++;
      }
    };
    const until = async (done: number) => {
      while (finished < done) {
        if (failures.length > 0) throw new AggregateError(failures, `${failures.length} operations failed`);
        await sleep(20);
      }
    };
    try {
      await smart.smartClient!.checkHealth();
      const workers = Array.from({ length: 16 }, worker);

      await until(150);
      const stopAt = finished;
      const tStop = performance.now();
      await env.stopGateway(2);
      const stopMs = performance.now() - tStop;
      await sleep(200); // answers received before the gateway died are counted by now
      const succeededAtStop = succeeded(gw2());
      await until(finished + 200);
      // The failing health checks keep it out: no attempt goes to it any more.
      const attemptsWhileDown = gw2().requests;
      await until(finished + 100);
      expect(gw2().requests, "attempts to gateway 2 while down, after it was taken out").to.equal(
        attemptsWhileDown,
      );
      expect(succeeded(gw2()), "requests gateway 2 served after it stopped").to.equal(succeededAtStop);
      const down = events.find((e) => e.kind === "down" && e.node.address === gw2().address);
      expect(down, "a node-down event for gateway 2").to.not.equal(undefined);
      expect(["request-failed", "health-check-failed"]).to.include(down!.reason);

      const restartAt = finished;
      const tStart = performance.now();
      await env.startGateway(2);
      const startMs = performance.now() - tStart;
      await smart.smartClient!.checkHealth();
      const up = events.find((e) => e.kind === "up" && e.node.address === gw2().address);
      expect(up, "a node-up event for gateway 2").to.not.equal(undefined);
      expect(up!.reason).to.equal("health-check-passed");
      await until(finished + 150);
      running = false;
      await Promise.all(workers);

      expect(failures, "operations that failed").to.deep.equal([]);
      const afterRestart = succeeded(gw2()) - succeededAtStop;
      expect(afterRestart, "requests gateway 2 served after its restart").to.be.greaterThan(50);
      // its counter started from 0 with the new process
      expect(await env.requestsServed(2), "by its own count").to.be.at.least(afterRestart);
      const listed = await listAll(s3, "failover/");
      expect(listed.sort()).to.deep.equal([...kept].sort());
      const stats = smart.smartClient!.stats();
      console.log(
        `      ${finished} sequences (${stats.totals.requests} attempts, ${stats.totals.errors} failed on a node and retried); ` +
          `stop at ${stopAt} (${(stopMs / 1000).toFixed(1)} s), restart at ${restartAt} (${(startMs / 1000).toFixed(1)} s); ` +
          `gateway 2: ${gw2().errors} failed attempts, ${afterRestart} served after restart; ` +
          `events ${events.map((e) => `${e.kind}:${e.reason}:${e.node.port}`).join(", ")}`,
      );
      expect(stats.totals.inFlight).to.equal(0);
      expect(
        events.filter((e) => e.node.address !== gw2().address),
        "events of other gateways",
      ).to.deep.equal([]);
    } finally {
      running = false;
      s3.destroy();
      await smart.close();
    }
  });

  it("stops checking the gateways once the session is closed", async function () {
    this.timeout(60_000);
    const smart = session();
    const quiet = 6 * HEALTH_INTERVAL_MS;
    const open0 = await served();
    await sleep(quiet);
    const open1 = await served();
    for (let g = 0; g < 3; g++)
      expect(open1[g]! - open0[g]!, `health checks of gateway ${g + 1}`).to.be.at.least(2);

    await smart.close();
    const closed0 = await served();
    await sleep(quiet);
    expect(await served()).to.deep.equal(closed0);
    expect(smart.smartClient!.stats().closed).to.equal(true);
  });

  /**
   * PUT a random body of 1 byte to 4 KiB, GET it back (same bytes), HEAD it (same length and ETag),
   * list it; with `remove`, DELETE it: 5 requests, 4 without.
   */
  async function mixedSequence(s3: S3, key: string, { remove }: { remove: boolean }): Promise<void> {
    const body = randomBytes(1 + Math.floor(Math.random() * 4096));
    const etag = `"${createHash("md5").update(body).digest("hex")}"`;
    const put = await s3.putObject({ Bucket: bucket, Key: key, Body: body });
    expect(put.ETag, `ETag of ${key}`).to.equal(etag);
    const got = await s3.getObject({ Bucket: bucket, Key: key });
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body), `bytes of ${key}`).to.equal(
      true,
    );
    const head = await s3.headObject({ Bucket: bucket, Key: key });
    expect([head.ContentLength, head.ETag], `HEAD ${key}`).to.deep.equal([body.length, etag]);
    const list = await s3.listObjectsV2({ Bucket: bucket, Prefix: key, MaxKeys: 2 });
    expect(
      (list.Contents ?? []).map((o) => [o.Key, o.Size]),
      `listing of ${key}`,
    ).to.deep.equal([[key, body.length]]);
    if (!remove) return;
    await s3.deleteObject({ Bucket: bucket, Key: key });
  }

  async function listAll(s3: S3, prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.listObjectsV2({ Bucket: bucket, Prefix: prefix, ContinuationToken: token });
      for (const o of page.Contents ?? []) keys.push(o.Key!);
      token = page.NextContinuationToken;
    } while (token !== undefined);
    return keys;
  }
});

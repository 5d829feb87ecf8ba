import { expect } from "chai";
import type { S3Client } from "@aws-sdk/client-s3";
import { Session } from "../../../lib/Session.js";
import { isNodeFailure, isUnsafe, ROUTING_MIDDLEWARE } from "../../../lib/smart/routing.js";
import { HttpRequest } from "@smithy/core/protocols";
import { objectScale } from "../../../resources/objectscale/index.js";
import { StubTransport, stubSessionOptions } from "../../support/stubTransport.js";

const ENDPOINT = "http://10.0.0.1:9020";
const HOSTS = ["10.0.0.1:9020", "10.0.0.2:9020", "10.0.0.3:9020"];

function session(transport: StubTransport, smart: boolean, extra: object = {}): Session {
  return new Session({
    ...stubSessionOptions(transport),
    endpoint: ENDPOINT,
    maxAttempts: 3,
    ...(smart ? { smartClient: { hosts: HOSTS, healthCheck: false } } : {}),
    ...extra,
  });
}

function stackNames(client: S3Client): string[] {
  return client.middlewareStack.identify();
}

describe("Smart client on the request path (stub transport)", function () {
  it("adds nothing to the client when the option is off", async function () {
    const off = session(new StubTransport(), false).client("s3").meta.sdk;
    const on = session(new StubTransport(), true).client("s3").meta.sdk;
    expect(stackNames(off).filter((n) => n.startsWith("osrSmartClient"))).to.deep.equal([]);
    expect(stackNames(on).filter((n) => n.startsWith("osrSmartClient"))).to.have.length(1);
    expect(stackNames(on).length - stackNames(off).length).to.equal(1);
    // Off: the SDK's own strategy object; on: the guard around it.
    expect((await off.config.retryStrategy()).constructor.name).to.equal("StandardRetryStrategy");
    expect((await on.config.retryStrategy()).constructor.name).to.equal("Object");
  });

  it("places the routing between the retry middleware and signing", function () {
    const names = stackNames(session(new StubTransport(), true).client("s3").meta.sdk).map((n) => n.split(" ")[0]);
    const at = (name: string) => names.indexOf(name);
    expect(at(ROUTING_MIDDLEWARE)).to.be.greaterThan(at("retryMiddleware"));
    expect(at(ROUTING_MIDDLEWARE)).to.be.lessThan(at("httpSigningMiddleware"));
  });

  it("signs each attempt for the node it goes to and retries a 503 on another node", async function () {
    const transport = new StubTransport({ statusCode: 503, body: "<Error><Code>ServiceUnavailable</Code></Error>" }, {});
    const s = session(transport, true);
    await s.client("s3").headBucket({ Bucket: "b" });
    expect(transport.requests.map((r) => r.hostname)).to.deep.equal(["10.0.0.1", "10.0.0.2"]);
    expect(transport.requests.map((r) => r.headers["host"])).to.deep.equal(["10.0.0.1:9020", "10.0.0.2:9020"]);
    const nodes = s.smartClient!.stats().nodes;
    expect(nodes.map((n) => [n.requests, n.errors, n.inRotation])).to.deep.equal([
      [1, 1, false],
      [1, 0, true],
      [0, 0, true],
    ]);
  });

  it("retries connection errors on another node", async function () {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:9020"), { code: "ECONNREFUSED" });
    const transport = new StubTransport(refused, {});
    await session(transport, true).client("s3").headBucket({ Bucket: "b" });
    expect(transport.requests.map((r) => r.hostname)).to.deep.equal(["10.0.0.1", "10.0.0.2"]);
  });

  it("does not repeat an append that got 503 or a reset, but does one whose connection was refused", async function () {
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    for (const [failure, attempts] of [
      [{ statusCode: 503, body: "<Error><Code>ServiceUnavailable</Code></Error>" }, 1],
      [reset, 1],
      [refused, 2],
    ] as const) {
      const transport = new StubTransport(failure, { headers: { "x-emc-append-offset": "0" } });
      const s3 = session(transport, true, { plugins: [objectScale()] }).client("s3");
      await s3.appendObject({ Bucket: "b", Key: "log", Body: "ab" }).catch(() => undefined);
      expect(transport.requests, JSON.stringify(failure)).to.have.length(attempts);
      expect(transport.requests[0]!.headers["range"]).to.equal("bytes=-1-");
    }
  });

  it("leaves 4xx answers alone: the node stays in the rotation", async function () {
    const transport = new StubTransport({ statusCode: 404, body: "<Error><Code>NoSuchBucket</Code></Error>" });
    const s = session(transport, true);
    await s.client("s3").headBucket({ Bucket: "b" }).catch(() => undefined);
    expect(transport.requests).to.have.length(1);
    expect(s.smartClient!.stats().nodes[0]).to.include({ requests: 1, errors: 0, inRotation: true });
  });

  it("leaves clients with another endpoint unrouted", async function () {
    const transport = new StubTransport({});
    const s = session(transport, true);
    await s.client("s3", { endpoint: "http://10.9.9.9:9020" }).headBucket({ Bucket: "b" });
    expect(transport.requests[0]!.hostname).to.equal("10.9.9.9");
    expect(s.smartClient!.stats().totals.requests).to.equal(0);
  });
});

describe("Smart client health checks (stub transport)", function () {
  async function check(...answers: ConstructorParameters<typeof StubTransport>) {
    const transport = new StubTransport(...answers);
    const s = new Session({ ...stubSessionOptions(transport), endpoint: ENDPOINT, smartClient: { hosts: [HOSTS[0]!], healthCheck: false } });
    await s.smartClient!.checkHealth();
    await s.close();
    return { node: s.smartClient!.stats().nodes[0]!, request: transport.requests[0]! };
  }

  it("sends GET /?ping unsigned to the node, with Connection: close", async function () {
    const { request } = await check({ body: "<PingList/>" });
    expect(request).to.include({ method: "GET", hostname: "10.0.0.1" });
    expect(request.query).to.have.property("ping");
    expect(request.headers).to.not.have.property("authorization");
    expect(request.headers["connection"]).to.equal("close");
  });

  it("reads maintenance mode and the load factor from a PingList", async function () {
    const on = await check({
      body: "<PingList><PingItem><Name>LOAD_FACTOR</Name><Value>7</Value></PingItem><PingItem><Name>MAINTENANCE_MODE</Name><Status>ON</Status></PingItem></PingList>",
    });
    expect(on.node).to.include({ healthy: false, inRotation: false, maintenanceMode: true, loadFactor: 7 });
    const off = await check({
      body: "<PingList><PingItem><Name>LOAD_FACTOR</Name><Value>2</Value></PingItem><PingItem><Name>MAINTENANCE_MODE</Name><Status>OFF</Status></PingItem></PingList>",
    });
    expect(off.node).to.include({ healthy: true, maintenanceMode: false, loadFactor: 2 });
  });

  it("passes a server without ?ping (Ceph RGW: ListBuckets XML, or 403) with an unknown load", async function () {
    const listing = await check({ body: "<ListAllMyBucketsResult><Owner><ID>anonymous</ID></Owner><Buckets/></ListAllMyBucketsResult>" });
    expect(listing.node).to.include({ healthy: true, maintenanceMode: undefined, loadFactor: undefined });
    const denied = await check({ statusCode: 403, body: "<Error><Code>AccessDenied</Code></Error>" });
    expect(denied.node).to.include({ healthy: true, loadFactor: undefined });
    expect(denied.node.lastCheck).to.include({ ok: true, statusCode: 403 });
  });

  it("fails a 5xx answer or no answer", async function () {
    const error = await check({ statusCode: 500, body: "<Error><Code>InternalError</Code></Error>" });
    expect(error.node.lastCheck).to.include({ ok: false, statusCode: 500, reason: "HTTP 500" });
    const refused = await check(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
    expect(refused.node.lastCheck).to.include({ ok: false, reason: "ECONNREFUSED" });
  });

  it("fails a check that takes longer than the timeout", async function () {
    // Answers only by failing when the request is aborted, as the SDK's Node handler does.
    const hanging = {
      handle: (_: unknown, options?: { abortSignal?: AbortSignal }) =>
        new Promise<never>((_resolve, reject) =>
          options?.abortSignal?.addEventListener("abort", () => reject(Object.assign(new Error("aborted"), { name: "AbortError" }))),
        ),
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    };
    const s = new Session({
      ...stubSessionOptions(new StubTransport()),
      sdk: { requestHandler: hanging },
      endpoint: ENDPOINT,
      smartClient: { hosts: [HOSTS[0]!], healthCheck: false, healthCheckTimeoutMs: 30 },
    });
    await s.smartClient!.checkHealth();
    expect(s.smartClient!.stats().nodes[0]!.lastCheck).to.include({ ok: false, reason: "no answer within 30 ms" });
    await s.close();
  });
});

describe("Smart client request classification", function () {
  it("treats PUT with Range or x-amz-write-offset-bytes as unsafe to repeat, and nothing else", function () {
    const req = (method: string, headers: Record<string, string>) => new HttpRequest({ method, headers, hostname: "h" });
    expect(isUnsafe(req("PUT", { range: "bytes=-1-" }))).to.equal(true);
    expect(isUnsafe(req("PUT", { Range: "bytes=0-3" }))).to.equal(true);
    expect(isUnsafe(req("PUT", { "x-amz-write-offset-bytes": "10" }))).to.equal(true);
    expect(isUnsafe(req("PUT", {}))).to.equal(false);
    expect(isUnsafe(req("GET", { range: "bytes=0-3" }))).to.equal(false);
    expect(isUnsafe(req("POST", {}))).to.equal(false);
  });

  it("blames the node for 500/502/503/504, transport errors and timeouts only", function () {
    const status = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });
    expect([500, 502, 503, 504].map((s) => isNodeFailure(status(s)))).to.deep.equal([true, true, true, true]);
    expect([400, 403, 404, 409, 501].map((s) => isNodeFailure(status(s)))).to.deep.equal([false, false, false, false, false]);
    expect(isNodeFailure({ code: "ECONNRESET" })).to.equal(true);
    expect(isNodeFailure({ name: "TimeoutError" })).to.equal(true);
    expect(isNodeFailure({ name: "AbortError" })).to.equal(false);
  });
});

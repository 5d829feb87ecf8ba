import { expect } from "chai";
import { Session } from "../../../index.js";
import { StubTransport, stubSessionOptions } from "../../support/stubTransport.js";

const KINDS = [
  "provide-client-params",
  "before-parameter-build",
  "before-call",
  "before-sign",
  "before-send",
  "after-call",
  "after-call-error",
] as const;

/** Registers a recorder on every request event of the session (generic `kind.s3` patterns). */
function record(session: Session): string[] {
  const seen: string[] = [];
  for (const kind of KINDS) {
    session.events.register(`${kind}.s3`, ({ eventName }) => {
      seen.push(eventName);
    });
  }
  return seen;
}

function stubSession(...answers: ConstructorParameters<typeof StubTransport>) {
  const transport = new StubTransport(...answers);
  return { transport, session: new Session({ ...stubSessionOptions(transport), maxAttempts: 3 }) };
}

describe("request events", () => {
  it("fire in the documented order on a successful call", async () => {
    const { session } = stubSession();
    const seen = record(session);
    await session.client("s3").putObject({ Bucket: "b", Key: "k", Body: "x" });
    expect(seen).to.deep.equal([
      "provide-client-params.s3.PutObject",
      "before-parameter-build.s3.PutObject",
      "before-call.s3.PutObject",
      "before-sign.s3.PutObject",
      "before-send.s3.PutObject",
      "after-call.s3.PutObject",
    ]);
  });

  it("repeat before-sign and before-send on each retry, and count attempts", async () => {
    const { session, transport } = stubSession(
      { statusCode: 503, body: "<Error><Code>SlowDown</Code></Error>" },
      {},
    );
    const seen = record(session);
    const attempts: number[] = [];
    session.events.register("before-sign.s3.HeadBucket", ({ context }) => {
      attempts.push(context.attempt);
    });
    await session.client("s3").headBucket({ Bucket: "b" });
    expect(transport.requests).to.have.length(2);
    expect(seen.filter((e) => e.startsWith("before-sign"))).to.have.length(2);
    expect(seen.filter((e) => e.startsWith("before-send"))).to.have.length(2);
    expect(seen.filter((e) => e.startsWith("before-call"))).to.have.length(1);
    expect(attempts).to.deep.equal([1, 2]);
  });

  it("fire after-call-error with the HTTP status when the server answers with an error", async () => {
    const { session } = stubSession({ statusCode: 404, body: "<Error><Code>NoSuchKey</Code></Error>" });
    const seen = record(session);
    let status: number | undefined;
    session.events.register("after-call-error.s3.GetObject", ({ httpStatusCode }) => {
      status = httpStatusCode;
    });
    let thrown: unknown;
    try {
      await session.client("s3").getObject({ Bucket: "b", Key: "k" });
    } catch (e) {
      thrown = e;
    }
    expect((thrown as Error).name).to.equal("NoSuchKey");
    expect(seen.at(-1)).to.equal("after-call-error.s3.GetObject");
    expect(seen).to.not.include("after-call.s3.GetObject");
    expect(status).to.equal(404);
  });

  it("fire after-call-error without a status on a transport error", async () => {
    const failure = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const { session } = stubSession(failure);
    const errors: Array<number | undefined> = [];
    session.events.register("after-call-error.s3", ({ httpStatusCode }) => {
      errors.push(httpStatusCode);
    });
    let thrown: unknown;
    try {
      await session.client("s3").headBucket({ Bucket: "b" });
    } catch (e) {
      thrown = e;
    }
    expect((thrown as Error).message).to.include("ECONNREFUSED");
    expect(errors).to.deep.equal([undefined]);
  });

  describe("provide-client-params", () => {
    it("replaces the params with a returned object", async () => {
      const { session, transport } = stubSession();
      session.events.register("provide-client-params.s3.HeadObject", ({ params }) => ({
        ...params,
        Key: "other",
      }));
      await session.client("s3").headObject({ Bucket: "b", Key: "k" });
      expect(transport.requests[0]?.path).to.equal("/b/other");
    });

    it("lets the first returned object win while every handler runs", async () => {
      const { session, transport } = stubSession();
      let ran = 0;
      session.events.register("provide-client-params.s3", ({ params }) => {
        ran++;
        return { ...params, Key: "from-generic" };
      });
      session.events.register("provide-client-params.s3.HeadObject", ({ params }) => {
        ran++;
        return { ...params, Key: "from-specific" };
      });
      await session.client("s3").headObject({ Bucket: "b", Key: "k" });
      expect(ran).to.equal(2);
      expect(transport.requests[0]?.path).to.equal("/b/from-specific");
    });

    it("awaits asynchronous handlers", async () => {
      const { session, transport } = stubSession();
      session.events.register("provide-client-params.s3.HeadObject", async ({ params }) => {
        await new Promise((r) => setTimeout(r, 5));
        params.Key = "late";
      });
      await session.client("s3").headObject({ Bucket: "b", Key: "k" });
      expect(transport.requests[0]?.path).to.equal("/b/late");
    });
  });

  it("before-parameter-build mutations reach the request", async () => {
    const { session, transport } = stubSession();
    session.events.register("before-parameter-build.s3.PutObject", ({ params }) => {
      params.Metadata = { origin: "hook" };
    });
    await session.client("s3").putObject({ Bucket: "b", Key: "k", Body: "x" });
    expect(transport.requests[0]?.headers["x-amz-meta-origin"]).to.equal("hook");
  });

  it("a before-call result short-circuits the call: nothing is sent, after-call sees it", async () => {
    const { session, transport } = stubSession();
    let after: unknown;
    session.events.register("before-call.s3.HeadObject", () => ({ $metadata: {}, ETag: '"cached"' }));
    session.events.register("after-call.s3.HeadObject", ({ output }) => {
      after = output.ETag;
    });
    const out = await session.client("s3").headObject({ Bucket: "b", Key: "k" });
    expect(out.ETag).to.equal('"cached"');
    expect(after).to.equal('"cached"');
    expect(transport.requests).to.have.length(0);
  });

  it("headers added in before-sign are signed", async () => {
    const { session, transport } = stubSession();
    session.events.register("before-sign.s3", ({ request }) => {
      request.headers["x-emc-namespace"] = "ns1";
    });
    await session.client("s3").headBucket({ Bucket: "b" });
    const seen = transport.requests[0]!;
    expect(seen.headers["x-emc-namespace"]).to.equal("ns1");
    expect(seen.headers["authorization"]).to.match(/SignedHeaders=[^,]*x-emc-namespace/);
  });

  it("a before-send response replaces the network and is parsed by the SDK", async () => {
    const { session, transport } = stubSession();
    session.events.register("before-send.s3.GetObject", ({ request }) => {
      expect(request.headers["authorization"]).to.be.a("string");
      return { statusCode: 200, headers: { "content-length": "5" }, body: "stub!" };
    });
    const out = await session.client("s3").getObject({ Bucket: "b", Key: "k" });
    expect(await out.Body?.transformToString()).to.equal("stub!");
    expect(transport.requests).to.have.length(0);
  });

  it("after-call handlers may mutate the output", async () => {
    const { session } = stubSession({ headers: { etag: '"e"' } });
    session.events.register("after-call.s3.HeadObject", ({ output }) => {
      output.Metadata = { added: "yes" };
    });
    const out = await session.client("s3").headObject({ Bucket: "b", Key: "k" });
    expect(out.Metadata).to.deep.equal({ added: "yes" });
  });

  it("a handler's exception propagates to the caller and nothing is sent", async () => {
    const { session, transport } = stubSession();
    session.events.register("before-call.s3.HeadObject", () => {
      throw new Error("refused by policy");
    });
    let thrown: unknown;
    try {
      await session.client("s3").headObject({ Bucket: "b", Key: "k" });
    } catch (e) {
      thrown = e;
    }
    expect((thrown as Error).message).to.equal("refused by policy");
    expect(transport.requests).to.have.length(0);
  });

  describe("scoping", () => {
    it("session handlers reach clients created before the handler was registered", async () => {
      const { session, transport } = stubSession();
      const client = session.client("s3");
      session.events.register("before-sign.s3", ({ request }) => {
        request.headers["x-late"] = "1";
      });
      await client.headBucket({ Bucket: "b" });
      expect(transport.requests[0]?.headers["x-late"]).to.equal("1");
    });

    it("client handlers stay local to that client", async () => {
      const { session, transport } = stubSession();
      const a = session.client("s3");
      const b = session.client("s3");
      a.meta.events.register("before-sign.s3", ({ request }) => {
        request.headers["x-only-a"] = "1";
      });
      await a.headBucket({ Bucket: "b" });
      await b.headBucket({ Bucket: "b" });
      expect(transport.requests.map((r) => r.headers["x-only-a"])).to.deep.equal(["1", undefined]);
    });

    it("a disposed registration stops firing", async () => {
      const { session } = stubSession();
      let calls = 0;
      const dispose = session.events.register("before-call.s3", () => {
        calls++;
      });
      const client = session.client("s3");
      await client.headBucket({ Bucket: "b" });
      dispose();
      await client.headBucket({ Bucket: "b" });
      expect(calls).to.equal(1);
    });
  });
});

import { expect } from "chai";
import { NoSuchKey, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import type { MetadataBearer } from "@smithy/types";
import { defineOperation } from "../../../lib/client/defineOperation.js";
import { objectScaleClient, WireRecorder, type CannedAnswer } from "../../support/objectScaleTransport.js";

interface FlagInput {
  Bucket: string;
  Key: string;
  Flag?: string;
}
interface FlagOutput extends MetadataBearer {
  Enabled?: boolean;
  Root?: string;
  Status: number;
}

const GetFlagCommand = defineOperation<FlagInput, FlagOutput>({
  name: "GetFlag",
  scope: "object",
  serialize: (input) => ({
    method: "GET",
    query: { flag: "", ...(input.Flag !== undefined ? { value: input.Flag } : {}) },
    headers: { "x-vendor-flag": "1" },
  }),
  deserialize: ({ statusCode, root, xml }) => ({
    Status: statusCode,
    ...(root !== undefined ? { Root: root } : {}),
    ...(xml?.["Enabled"] !== undefined ? { Enabled: xml["Enabled"] === "true" } : {}),
  }),
});

function sdkClient(
  answers: CannedAnswer[],
  config: { forcePathStyle?: boolean; endpoint?: string; maxAttempts?: number } = {},
) {
  const wire = new WireRecorder(...answers);
  const client = new S3Client({
    region: "eu-west-1",
    credentials: { accessKeyId: "AKID", secretAccessKey: "secret" },
    requestHandler: wire,
    requestChecksumCalculation: "WHEN_REQUIRED",
    maxAttempts: config.maxAttempts ?? 1,
    ...(config.endpoint !== undefined ? { endpoint: config.endpoint } : {}),
    ...(config.forcePathStyle !== undefined ? { forcePathStyle: config.forcePathStyle } : {}),
  });
  return { client, wire };
}

describe("defineOperation()", () => {
  it("makes a command class named after the operation", () => {
    expect(GetFlagCommand.name).to.equal("GetFlagCommand");
    expect(GetFlagCommand.operationName).to.equal("GetFlag");
    expect(GetFlagCommand.getEndpointParameterInstructions()).to.have.property("Key");
  });

  it("follows the SDK's endpoint rules: AWS virtual host, signed for the region", async () => {
    // The SDK reads AWS_ENDPOINT_URL when no endpoint is configured; CI exports one.
    const saved = process.env["AWS_ENDPOINT_URL"];
    delete process.env["AWS_ENDPOINT_URL"];
    try {
      const { client, wire } = sdkClient([{ body: "<Flag><Enabled>true</Enabled></Flag>" }]);
      const out = await client.send(new GetFlagCommand({ Bucket: "my-bucket", Key: "a b/c+d", Flag: "x&y=z" }));
      const sent = wire.only;
      expect(sent).to.deep.include({
        method: "GET",
        hostname: "my-bucket.s3.eu-west-1.amazonaws.com",
        path: "/a%20b/c%2Bd",
        queryString: "flag=&value=x%26y%3Dz",
      });
      expect(sent.headers["authorization"]).to.include("/eu-west-1/s3/aws4_request");
      expect(sent.signedHeaders).to.include.members(["host", "x-vendor-flag"]);
      expect(out).to.deep.include({ Enabled: true, Root: "Flag", Status: 200 });
      expect(out.$metadata).to.include({ httpStatusCode: 200, requestId: "req-1", attempts: 1 });
    } finally {
      if (saved !== undefined) process.env["AWS_ENDPOINT_URL"] = saved;
    }
  });

  it("falls back to path style for a dotted bucket, as modelled commands do", async () => {
    const { client, wire } = sdkClient([{}], { endpoint: "http://127.0.0.1:9020" });
    await client.send(new GetFlagCommand({ Bucket: "my.dotted.bucket", Key: "k" }));
    expect(wire.only).to.deep.include({ hostname: "127.0.0.1", path: "/my.dotted.bucket/k" });
  });

  it("reads namespaced XML by local names", async () => {
    const { client } = sdkClient([
      { body: '<s3:Flag xmlns:s3="urn:x"><s3:Enabled>false</s3:Enabled></s3:Flag>' },
    ]);
    const out = await client.send(new GetFlagCommand({ Bucket: "my-bucket", Key: "k" }));
    expect(out).to.deep.include({ Root: "Flag", Enabled: false });
  });

  it("maps an error code to the SDK's exception class, with the hidden raw response", async () => {
    const { client } = sdkClient([
      { statusCode: 404, body: "<Error><Code>NoSuchKey</Code><Message>gone</Message></Error>" },
    ]);
    const error = await client
      .send(new GetFlagCommand({ Bucket: "my-bucket", Key: "k" }))
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NoSuchKey);
    expect(error).to.deep.include({ name: "NoSuchKey", message: "gone", $fault: "client" });
    expect((error as { $response?: { statusCode: number } }).$response?.statusCode).to.equal(404);
  });

  it("names a bodiless error after its HTTP status, and marks 5xx as server faults after retries", async () => {
    const { client, wire } = sdkClient([{ statusCode: 500 }], { maxAttempts: 2 });
    const error = await client
      .send(new GetFlagCommand({ Bucket: "my-bucket", Key: "k" }))
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(S3ServiceException);
    expect(error).to.deep.include({ name: "InternalServerError", $fault: "server" });
    expect((error as S3ServiceException).$metadata.attempts).to.equal(2);
    expect(wire.requests).to.have.length(2);
  });

  it("passes the call's abort signal to the HTTP handler", async () => {
    const { client, wire } = sdkClient([{}]);
    const controller = new AbortController();
    await client.send(new GetFlagCommand({ Bucket: "my-bucket", Key: "k" }), {
      abortSignal: controller.signal,
    });
    expect(wire.abortSignals).to.deep.equal([controller.signal]);
  });

  it("leaves the client's other commands signed when an unsigned command ran", async () => {
    const Unsigned = defineOperation<Record<string, never>, MetadataBearer>({
      name: "Hello",
      scope: "service",
      unsigned: true,
      serialize: () => ({ method: "GET", query: { hello: null } }),
      deserialize: () => ({}),
    });
    const { client, wire } = sdkClient([{}], { endpoint: "http://127.0.0.1:9020", forcePathStyle: true });
    await client.send(new Unsigned({}));
    await client.send(new GetFlagCommand({ Bucket: "bkt", Key: "k" }));
    expect(wire.requests.map((r) => r.headers["authorization"] !== undefined)).to.deep.equal([false, true]);
    expect(wire.requests[0]?.queryString).to.equal("hello");
  });

  it("sends an unsigned operation without resolving credentials", async () => {
    const Unsigned = defineOperation<Record<string, never>, MetadataBearer>({
      name: "Hello",
      scope: "service",
      unsigned: true,
      serialize: () => ({ method: "GET", query: { hello: null } }),
      deserialize: () => ({}),
    });
    const wire = new WireRecorder({});
    const client = new S3Client({
      region: "us-east-1",
      endpoint: "http://10.0.0.1:9020",
      credentials: () => Promise.reject(new Error("no credentials here")),
      requestHandler: wire,
    });
    await client.send(new Unsigned({}));
    expect(wire.only.headers).to.not.have.property("authorization");
    const signed = await client
      .send(new GetFlagCommand({ Bucket: "bkt", Key: "k" }))
      .catch((e: unknown) => e);
    expect((signed as Error).message).to.equal("no credentials here");
  });

  it("refuses an empty Key before sending", async () => {
    const { client, wire } = sdkClient([{}]);
    const error = await client
      .send(new GetFlagCommand({ Bucket: "my-bucket", Key: "" }))
      .catch((e: unknown) => e);
    expect((error as Error).message).to.match(/Key must be a non-empty string/);
    expect(wire.requests).to.have.length(0);
  });

  it("runs through the client's events when registered as an operation", async () => {
    const { client, session, wire } = objectScaleClient("path", [{ body: "<BucketQueryResult/>" }]);
    const seen: string[] = [];
    session.events.register("before-call.s3.QueryObjects", ({ params, request }) => {
      seen.push(`before-call ${params.Bucket} ${request.method}`);
    });
    session.events.register("before-sign.s3.QueryObjects", ({ request }) => {
      request.headers["x-trace"] = "t1";
      seen.push("before-sign");
    });
    session.events.register("after-call.s3.QueryObjects", ({ output }) => {
      seen.push(`after-call ${output.IsTruncated}`);
    });
    await client.queryObjects({ Bucket: "bkt", Query: "Size>0" });
    expect(seen).to.deep.equal(["before-call bkt GET", "before-sign", "after-call false"]);
    expect(wire.only.signedHeaders).to.include("x-trace");
  });
});

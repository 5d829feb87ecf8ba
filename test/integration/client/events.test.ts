import { expect } from "chai";
import type { S3Client } from "@aws-sdk/client-s3";
import { Session, ValidationError } from "../../../index.js";
import { CountingHttpHandler } from "../../support/countingHandler.js";
import {
  emptyAndDeleteBucket,
  rawS3Client,
  uniqueBucketName,
  useS3Server,
  type S3ServerEnv,
} from "../../support/s3Server.js";

declare module "../../../index.js" {
  // The seed's example: a handler supplies ListObjectsV2's Bucket, so callers may leave it out.
  interface S3ProvidedParams {
    ListObjectsV2: "Bucket";
  }
}

describe("client and events against a real S3 server", function () {
  let env: S3ServerEnv;
  let raw: S3Client;
  let bucket: string;

  function session(overrides: { secretAccessKey?: string; handler?: CountingHttpHandler } = {}): Session {
    return new Session({
      endpoint: env.endpoint,
      region: env.region,
      forcePathStyle: env.forcePathStyle,
      credentials: {
        accessKeyId: env.credentials.accessKeyId,
        secretAccessKey: overrides.secretAccessKey ?? env.credentials.secretAccessKey,
      },
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      ...(overrides.handler ? { sdk: { requestHandler: overrides.handler } } : {}),
    });
  }

  before(async function () {
    this.timeout(180_000);
    env = await useS3Server();
    raw = rawS3Client(env);
    bucket = uniqueBucketName("events");
    await session().client("s3").createBucket({ Bucket: bucket });
  });

  after(async function () {
    this.timeout(60_000);
    if (raw) {
      await emptyAndDeleteBucket(raw, bucket);
      raw.destroy();
    }
  });

  it("fires the documented event order on a real PutObject and GetObject", async () => {
    const s = session();
    const seen: string[] = [];
    for (const kind of [
      "provide-client-params",
      "before-parameter-build",
      "before-call",
      "before-sign",
      "before-send",
      "after-call",
      "after-call-error",
    ] as const) {
      s.events.register(`${kind}.s3`, ({ eventName }) => {
        seen.push(eventName.split(".").slice(0, 1).concat(eventName.split(".").slice(2)).join(" "));
      });
    }
    const client = s.client("s3");
    await client.putObject({ Bucket: bucket, Key: "order.txt", Body: "hello" });
    const got = await client.getObject({ Bucket: bucket, Key: "order.txt" });
    expect(await got.Body?.transformToString()).to.equal("hello");
    const flow = (op: string) => [
      `provide-client-params ${op}`,
      `before-parameter-build ${op}`,
      `before-call ${op}`,
      `before-sign ${op}`,
      `before-send ${op}`,
      `after-call ${op}`,
    ];
    expect(seen).to.deep.equal([...flow("PutObject"), ...flow("GetObject")]);
  });

  it("runs the seed's example: a provide-client-params handler supplies the default bucket", async () => {
    const s = session();
    const client = s.client("s3");
    await client.putObject({ Bucket: bucket, Key: "seed/a.txt", Body: "a" });
    s.events.register("provide-client-params.s3.ListObjectsV2", ({ params }) => {
      if (params.Bucket === undefined) params.Bucket = bucket;
    });
    const page = await client.listObjectsV2({ Prefix: "seed/" });
    expect(page.Name).to.equal(bucket);
    expect(page.Contents?.map((o) => o.Key)).to.deep.equal(["seed/a.txt"]);
  });

  it("signs an x-emc-* header added in before-sign, and the server accepts it", async () => {
    const handler = new CountingHttpHandler();
    const s = session({ handler });
    s.events.register("before-sign.s3.PutObject", ({ request }) => {
      request.headers["x-emc-namespace"] = "ns1";
    });
    const out = await s.client("s3").putObject({ Bucket: bucket, Key: "emc.txt", Body: "x" });
    expect(out.$metadata.httpStatusCode).to.equal(200);
    const sent = handler.sent.at(-1)!;
    expect(sent.headers["x-emc-namespace"]).to.equal("ns1");
    expect(sent.headers["authorization"]).to.match(/SignedHeaders=[^,]*x-emc-namespace/);
  });

  it("surfaces a wrong secret as SignatureDoesNotMatch", async () => {
    let error: unknown;
    try {
      await session({ secretAccessKey: "not-the-secret" })
        .client("s3")
        .headObject({ Bucket: bucket, Key: "emc.txt" });
    } catch (e) {
      error = e;
    }
    // HEAD responses carry no body, so the code comes from a GET.
    expect((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).to.equal(403);
    let getError: unknown;
    try {
      await session({ secretAccessKey: "not-the-secret" })
        .client("s3")
        .getObject({ Bucket: bucket, Key: "emc.txt" });
    } catch (e) {
      getError = e;
    }
    expect((getError as Error).name).to.equal("SignatureDoesNotMatch");
  });

  it("rejects bad input with zero requests sent", async () => {
    const handler = new CountingHttpHandler();
    const client = session({ handler }).client("s3");
    const attempts: Array<() => Promise<unknown>> = [
      () => client.headObject({ Bucket: bucket, Key: "" }),
      () => client.createBucket({ Bucket: "Not_A_Valid_Bucket" }),
      () => client.putObject({ Bucket: bucket, Key: "k".repeat(1025), Body: "x" }),
      () => client.listObjectsV2({ Bucket: bucket, MaxKeys: -1 }),
    ];
    for (const attempt of attempts) {
      let error: unknown;
      try {
        await attempt();
      } catch (e) {
        error = e;
      }
      expect(ValidationError.is(error), String(error)).to.equal(true);
    }
    expect(handler.sent).to.have.length(0);
  });
});

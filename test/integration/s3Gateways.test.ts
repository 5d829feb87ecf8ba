import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { expect } from "chai";

import { gatewayClient, useS3Gateways, type S3GatewaysEnv } from "../support/s3Gateways.js";
import { emptyAndDeleteBucket, uniqueBucketName } from "../support/s3Server.js";

describe("the multi-gateway S3 cluster (test/support/s3Gateways)", function () {
  let env: S3GatewaysEnv;
  let bucket: string;
  const key = "through-gateway-1.txt";
  const body = "written through gateway 1";

  before(async function () {
    this.timeout(180_000);
    env = await useS3Gateways(3);
    bucket = uniqueBucketName("s3-gateways-fixture");
    const first = gatewayClient(env, 1);
    await first.send(new CreateBucketCommand({ Bucket: bucket }));
    await first.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
  });

  afterEach(async function () {
    this.timeout(60_000);
    // a test that stopped gateway 2 and failed before restarting it must not leave it down
    if (env) await env.startGateway(2);
  });

  after(async function () {
    if (env) await emptyAndDeleteBucket(gatewayClient(env, 1), bucket);
  });

  it("offers three distinct endpoints, and the same cluster to every caller", async function () {
    expect(env.endpoints).to.have.lengthOf(3);
    expect(new Set(env.endpoints).size).to.equal(3);
    for (const endpoint of env.endpoints) expect(endpoint).to.match(/^https?:\/\/[^/]+$/);
    expect(await useS3Gateways(3)).to.equal(env);
    expect((await useS3Gateways(2)).endpoints).to.deep.equal(env.endpoints.slice(0, 2));
  });

  it("reads through gateways 2 and 3 an object written through gateway 1", async function () {
    for (const gateway of [2, 3]) {
      expect(await read(gatewayClient(env, gateway)), `gateway ${gateway}`).to.equal(body);
    }
  });

  it("stopGateway(2) makes gateway 2 refuse connections while gateways 1 and 3 keep serving", async function () {
    this.timeout(60_000);

    await env.stopGateway(2);

    const error = await read(gatewayClient(env, 2, { maxAttempts: 1 })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(Error).with.property("code", "ECONNREFUSED");
    expect(await read(gatewayClient(env, 1))).to.equal(body);
    expect(await read(gatewayClient(env, 3))).to.equal(body);
  });

  it("startGateway(2) brings gateway 2 back on its endpoint, serving the same objects", async function () {
    this.timeout(60_000);
    await env.stopGateway(2);

    await env.startGateway(2);

    expect(await read(gatewayClient(env, 2, { maxAttempts: 1 }))).to.equal(body);
  });

  it("refuses a gateway number that does not exist", async function () {
    for (const gateway of [0, 4, 1.5]) {
      await env.stopGateway(gateway).then(
        () => expect.fail(`stopGateway(${gateway}) resolved`),
        (e: unknown) => expect(e).to.be.instanceOf(RangeError),
      );
    }
    expect(() => gatewayClient(env, 4)).to.throw(RangeError, "There is no gateway 4: use 1 to 3");
  });

  async function read(client: S3Client): Promise<string | undefined> {
    const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return got.Body?.transformToString("utf8");
  }
});

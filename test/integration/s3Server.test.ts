import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { expect } from "chai";

import {
  emptyAndDeleteBucket,
  rawS3Client,
  uniqueBucketName,
  useS3Server,
  type S3ServerEnv,
} from "../support/s3Server.js";

describe("the integration S3 server (test/support/s3Server)", function () {
  let env: S3ServerEnv;
  let bucket: string;

  before(async function () {
    this.timeout(180_000);
    env = await useS3Server();
    bucket = uniqueBucketName("s3-server-fixture");
    await rawS3Client(env).send(new CreateBucketCommand({ Bucket: bucket }));
  });

  after(async function () {
    if (env) await emptyAndDeleteBucket(rawS3Client(env), bucket);
  });

  it("exports its endpoint and keys into process.env for the SDK and the library", function () {
    expect(process.env["AWS_ENDPOINT_URL"]).to.equal(env.endpoint);
    expect(process.env["AWS_ACCESS_KEY_ID"]).to.equal(env.credentials.accessKeyId);
    expect(env.endpoint).to.match(/^https?:\/\//);
  });

  it("names buckets validly and never twice", function () {
    const names = Array.from({ length: 100 }, () => uniqueBucketName("Bucket.Delete_Test"));

    for (const name of names) expect(name).to.match(/^bucket-delete-test-[a-z0-9]+-[0-9a-f]{8}$/);
    expect(new Set(names).size).to.equal(names.length);
    expect(uniqueBucketName("x".repeat(80)).length).to.be.at.most(63);
  });

  it("returns the same server to every caller", async function () {
    expect(await useS3Server()).to.equal(env);
  });

  it("stores and returns an object byte for byte", async function () {
    const client = rawS3Client(env);
    const body = `fixture round trip ${bucket} \u00e9\u2713`;
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: "dir/hello.txt",
        Body: body,
        Metadata: { origin: "test" },
      }),
    );

    const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: "dir/hello.txt" }));

    expect(await got.Body?.transformToString("utf8")).to.equal(body);
    expect(got.Metadata).to.deep.equal({ origin: "test" });
  });

  it("refuses a request signed with the wrong secret (SignatureDoesNotMatch)", async function () {
    const forged = rawS3Client({
      ...env,
      credentials: { accessKeyId: env.credentials.accessKeyId, secretAccessKey: "not-the-secret" },
    });

    const error = await forged.send(new GetObjectCommand({ Bucket: bucket, Key: "dir/hello.txt" })).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).to.be.instanceOf(Error).with.property("name", "SignatureDoesNotMatch");
    expect(error).to.have.nested.property("$metadata.httpStatusCode", 403);
  });

  it("deletes a bucket with versions, delete markers and an unfinished upload, and tolerates a missing one", async function () {
    const client = rawS3Client(env);
    const scratch = uniqueBucketName("s3-server-cleanup");
    await client.send(new CreateBucketCommand({ Bucket: scratch }));
    await client.send(
      new PutBucketVersioningCommand({ Bucket: scratch, VersioningConfiguration: { Status: "Enabled" } }),
    );
    await client.send(new PutObjectCommand({ Bucket: scratch, Key: "a", Body: "1" }));
    await client.send(new PutObjectCommand({ Bucket: scratch, Key: "a", Body: "2" }));
    await client.send(new DeleteObjectCommand({ Bucket: scratch, Key: "a" }));
    await client.send(new CreateMultipartUploadCommand({ Bucket: scratch, Key: "big" }));

    await emptyAndDeleteBucket(client, scratch);

    const head = await client.send(new HeadBucketCommand({ Bucket: scratch })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(head).to.have.nested.property("$metadata.httpStatusCode", 404);
    await emptyAndDeleteBucket(client, scratch);
  });
});

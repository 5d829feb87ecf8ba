/**
 * The tour: the client and its events against the default S3 server (AWS_ENDPOINT_URL, or the
 * project's own Ceph RADOS Gateway that `npm start` starts when no endpoint is configured).
 *
 * Run: npm start
 */
import { Session, ValidationError, type S3ServiceClient } from "../index.js";

// The SDK warns on Node 20 that releases after January 2027 need Node 22; this project pins an
// earlier release (package-lock.json), so the warning does not apply to the tour.
process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";

declare module "../index.js" {
  // A provide-client-params handler below supplies ListObjectsV2's Bucket, so the type allows leaving it out.
  interface S3ProvidedParams {
    ListObjectsV2: "Bucket";
  }
}

const endpoint = process.env["AWS_ENDPOINT_URL"];
if (endpoint === undefined) {
  console.error(
    "AWS_ENDPOINT_URL is not set: run `npm start`, which starts a local S3 server, or export it.",
  );
  process.exit(2);
}

const session = new Session({
  endpoint,
  region: process.env["AWS_REGION"] ?? "us-east-1",
  forcePathStyle: process.env["AWS_S3_FORCE_PATH_STYLE"] !== "false",
});
const bucket = `tour-${Date.now().toString(36)}`;
const line = (label: string, value: unknown) => console.log(`  ${label.padEnd(34)} ${String(value)}`);

// 1. The seed's example: default a bucket for ListObjectsV2 calls that name none.
session.events.register("provide-client-params.s3.ListObjectsV2", ({ params }) => {
  params.Bucket ??= bucket;
});

// 2. Time every call: before-call stores a start time in the per-call context, after-call reads it.
const timings: string[] = [];
session.events.register("before-call.s3", ({ context }) => {
  context.custom["started"] = performance.now();
});
session.events.register("after-call.s3", ({ context }) => {
  const ms = performance.now() - (context.custom["started"] as number);
  timings.push(`${context.operation} ${ms.toFixed(1)} ms`);
});

// 3. Headers added in before-sign are signed: tag every PutObject with an ObjectScale-style header.
session.events.register("before-sign.s3.PutObject", ({ request }) => {
  request.headers["x-emc-tour"] = "1";
});

async function main(client: S3ServiceClient): Promise<void> {
  console.log(`objectscale-resources tour against ${endpoint}\n`);

  await client.createBucket({ Bucket: bucket });
  await client.waitFor("BucketExists", { Bucket: bucket }, { delayMs: 200, maxWaitMs: 10_000 });
  line("created bucket", bucket);

  for (let i = 0; i < 5; i++) {
    await client.putObject({
      Bucket: bucket,
      Key: `logs/2026/11/${i}.txt`,
      Body: `entry ${i}\n`,
      Metadata: { n: String(i) },
    });
  }
  line("put objects", 5);

  const page = await client.listObjectsV2({ Prefix: "logs/" }); // no Bucket: the handler supplies it
  line("listed without naming the bucket", page.Contents?.map((o) => o.Key).join(", "));

  let pages = 0;
  let keys = 0;
  for await (const p of client.paginate("ListObjectsV2", { Bucket: bucket }, { pageSize: 2 })) {
    pages++;
    keys += p.KeyCount ?? 0;
  }
  line("paginated (2 keys per page)", `${keys} keys in ${pages} pages`);

  const head = await client.headObject({ Bucket: bucket, Key: "logs/2026/11/3.txt" });
  line("headObject metadata", JSON.stringify(head.Metadata));

  try {
    await client.headObject({ Bucket: bucket, Key: "" });
  } catch (error) {
    if (!ValidationError.is(error)) throw error;
    line("rejected before sending", error.issues.map((i) => `${i.field}: expected ${i.expected}`).join("; "));
  }

  console.log(`\n  calls timed by the before-call/after-call handlers:`);
  for (const t of timings) console.log(`    ${t}`);
}

async function cleanUp(client: S3ServiceClient): Promise<void> {
  const listed = await client.listObjectsV2({ Bucket: bucket });
  const objects = (listed.Contents ?? []).map((o) => ({ Key: o.Key! }));
  if (objects.length > 0) await client.deleteObjects({ Bucket: bucket, Delete: { Objects: objects } });
  await client.deleteBucket({ Bucket: bucket });
  await client.waitFor("BucketNotExists", { Bucket: bucket }, { delayMs: 200, maxWaitMs: 10_000 });
  line("cleaned up", bucket);
}

const client = session.client("s3");
try {
  await main(client);
} finally {
  await cleanUp(client).catch((error: unknown) => console.error(`  clean-up failed: ${String(error)}`));
  client.destroy();
}

/**
 * The tour of objectscale-resources: sessions, events, resources, collections and ObjectScale's
 * extensions and managed transfers, printed as a report. It runs against the in-process ObjectScale emulator, or against
 * `AWS_ENDPOINT_URL` (with `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`) when that is set.
 *
 * Run: npm start
 */
import { Readable } from "node:stream";
import { Session, ValidationError, objectScale, searchKey } from "../index.js";
import { ObjectScaleEmulator } from "../lib/testing/index.js";

// The SDK warns on Node 20 that releases after January 2027 need Node 22; this project pins an
// earlier release (package-lock.json), so the warning does not apply to the tour.
process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true";

declare module "../index.js" {
  // A provide-client-params handler below supplies ListObjectsV2's Bucket.
  interface S3ProvidedParams {
    ListObjectsV2: "Bucket";
  }
}

const line = (label: string, value: unknown = "") => console.log(`  ${label.padEnd(38)} ${String(value)}`);
const heading = (title: string) => console.log(`\n${title}`);

const external = process.env["AWS_ENDPOINT_URL"];
const emulator = external === undefined ? await ObjectScaleEmulator.start() : undefined;
const session = new Session({
  endpoint: emulator?.endpoint ?? external,
  region: emulator?.region ?? process.env["AWS_REGION"] ?? "us-east-1",
  ...(emulator ? { credentials: emulator.credentials } : {}),
  forcePathStyle: emulator !== undefined || process.env["AWS_S3_FORCE_PATH_STYLE"] !== "false",
  plugins: [objectScale({ namespace: emulator?.namespace ?? process.env["OBJECTSCALE_NAMESPACE"] })],
});
const bucketName = `tour-${Date.now().toString(36)}`;

/** `size` bytes of generated content, as a stream of unknown origin. */
function* generated(size: number): Generator<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, "objectscale-resources ");
  for (let sent = 0; sent < size; sent += chunk.length)
    yield chunk.subarray(0, Math.min(chunk.length, size - sent));
}

/**
 * A progress bar on a terminal, redrawn at most every 50 ms (progress arrives per 64 KiB sent);
 * nothing when the output is not one (CI logs, pipes).
 */
function progressBar(label: string) {
  let drawn = 0;
  return ({ bytes, total, rate }: { bytes: number; total: number | undefined; rate: number }) => {
    if (!process.stdout.isTTY || total === undefined || total === 0) return;
    const now = performance.now();
    if (bytes < total && now - drawn < 50) return;
    drawn = now;
    const width = 30;
    const done = Math.round((bytes / total) * width);
    const mb = (n: number) => (n / 1e6).toFixed(1);
    process.stdout.write(
      `\r  ${label} [${"#".repeat(done)}${" ".repeat(width - done)}] ${mb(bytes)}/${mb(total)} MB ${mb(rate)} MB/s`,
    );
    if (bytes >= total) process.stdout.write("\n");
  };
}
const RETENTION_SECONDS = 3;
let retainedUntil = 0;

// Events: time every call (before-call stores a start time in the call's context, after-call reads it).
const calls = new Map<string, { count: number; ms: number }>();
session.events.register("before-call.s3", ({ context }) => {
  context.custom["started"] = performance.now();
});
session.events.register("after-call.s3", ({ context }) => {
  const entry = calls.get(context.operation) ?? { count: 0, ms: 0 };
  entry.count++;
  entry.ms += performance.now() - (context.custom["started"] as number);
  calls.set(context.operation, entry);
});
// The seed's example: default the bucket of ListObjectsV2 calls that name none.
session.events.register("provide-client-params.s3.ListObjectsV2", ({ params }) => {
  params.Bucket ??= bucketName;
});

const s3 = session.resource("s3");
console.log(
  `objectscale-resources tour against ${emulator ? `the ObjectScale emulator at ${emulator.endpoint}` : external}`,
);

try {
  heading("ObjectScale node");
  const ping = await s3.ping();
  line("ping: maintenance mode", ping.MaintenanceMode ?? "unknown");
  const nodes = await s3.dataNodes();
  line("data nodes", nodes.DataNodes?.join(", "));

  heading("A bucket with metadata-search keys");
  const bucket = await s3.createBucket({
    Bucket: bucketName,
    ObjectScale: {
      metadataSearch: [
        { key: "Size" },
        { key: "x-amz-meta-dept", type: "string" },
        { key: "x-amz-meta-pages", type: "integer" },
      ],
    },
  });
  await bucket.waitUntilExists({ delayMs: 100, maxWaitMs: 10_000 });
  line("created", bucket);
  const keys = await bucket.metadataSearchKeys();
  line("indexed keys", keys.IndexableKeys?.map((k) => `${k.Name}:${k.Datatype}`).join(", "));

  heading("Objects with metadata");
  const reports = [
    { key: "reports/q1.txt", dept: "sales", pages: 12 },
    { key: "reports/q2.txt", dept: "sales", pages: 30 },
    { key: "reports/q3.txt", dept: "legal", pages: 7 },
    { key: "notes/todo.txt", dept: "ops", pages: 1 },
  ];
  for (const r of reports) {
    await bucket.Object(r.key).put({
      Body: `${r.dept} report, ${r.pages} pages\n`.repeat(r.pages),
      ContentType: "text/plain",
      Metadata: { dept: r.dept, pages: String(r.pages) },
    });
  }
  line("put", reports.length);
  const q2 = await bucket.Object("reports/q2.txt").load();
  line(
    "reports/q2.txt after load()",
    `${q2.contentLength} bytes, ${q2.contentType}, dept=${q2.metadata?.["dept"]}`,
  );

  heading("Collections");
  const listed: string[] = [];
  for await (const obj of bucket.objects.filter({ Prefix: "reports/" }).pageSize(2)) listed.push(obj.key);
  line("objects under reports/ (2 per page)", listed.join(", "));
  for await (const page of bucket.objects.filter({ Delimiter: "/" }).pages()) {
    line("top-level prefixes", page.output.CommonPrefixes?.map((p) => p.Prefix).join(", "));
  }
  const client = s3.meta.client;
  const page = await client.listObjectsV2({ Prefix: "notes/" }); // no Bucket: the handler supplies it
  line("listObjectsV2 without a bucket", page.Contents?.map((o) => o.Key).join(", "));

  heading("Metadata search through the query builder");
  const query = searchKey("x-amz-meta-dept", "string")
    .eq("sales")
    .and(searchKey("x-amz-meta-pages", "integer").gt(10));
  line("query", query);
  for await (const obj of bucket.queryObjects(query, { Sorted: "x-amz-meta-pages" })) {
    line(`  match ${obj.key}`, `${obj.contentLength} bytes, pages=${obj.metadata?.["pages"]}`);
  }

  heading("Append and retention");
  const log = bucket.Object("logs/app.log");
  await log.put({ Body: "started\n" });
  const offsets = [await log.append("request 1\n"), await log.append("request 2\n")];
  line("append offsets", offsets.join(", "));
  const text = await (await log.get()).Body?.transformToString();
  line("log now reads", JSON.stringify(text));
  const kept = bucket.Object("contracts/2026.pdf");
  // Short periods, so the tour can clean up after itself: retention cannot be shortened.
  await kept.put({ Body: "signed", ObjectScale: { retentionPeriod: 1 } });
  await kept.extendRetention(RETENTION_SECONDS);
  retainedUntil = Date.now() + RETENTION_SECONDS * 1000;
  await kept.load();
  line("retention period (s)", kept.objectScale?.retentionPeriod ?? "not reported");
  try {
    await kept.delete();
    line("delete under retention", "allowed (this server does not enforce retention)");
  } catch (error) {
    line("delete under retention", `refused: ${(error as Error).name}`);
  }

  heading("A managed transfer (multipart, parts sent in parallel)");
  const size = 48 * 1024 * 1024;
  const big = bucket.Object("archive/big.bin");
  const upload = await big.uploadStream(Readable.from(generated(size)), { size, onProgress: progressBar("uploading") });
  line("uploaded archive/big.bin", `${(upload.size / 2 ** 20).toFixed(0)} MiB in ${upload.parts} parts`);
  await big.load();
  line("size after load()", `${big.contentLength} bytes, ETag ${big.eTag}`);
  await big.delete();

  heading("Validation before anything is sent");
  try {
    await s3.createBucket({ Bucket: "Not_A_Bucket" });
  } catch (error) {
    if (!ValidationError.is(error)) throw error;
    line("rejected", error.issues.map((i) => `${i.field}: expected ${i.expected}`).join("; "));
  }

  heading("Batch delete");
  const result = await bucket.objects.filter({ Prefix: "reports/" }).delete();
  line("deleted under reports/", `${result.items} objects in ${result.outputs.length} request(s)`);
  const left: string[] = [];
  for await (const obj of bucket.objects) left.push(obj.key);
  line("left in the bucket", left.join(", "));
} finally {
  heading("Clean-up");
  const bucket = s3.Bucket(bucketName);
  try {
    const wait = retainedUntil - Date.now();
    if (wait > 0) {
      line("waiting for retention to end", `${(wait / 1000).toFixed(1)} s`);
      await new Promise((r) => setTimeout(r, wait + 250));
    }
    await bucket.empty(); // ObjectScale deletes the objects, then the bucket, in the background
    await bucket.waitUntilNotExists({ delayMs: 200, maxWaitMs: 30_000 });
    line("bucket emptied and deleted", bucketName);
  } catch (error) {
    line("clean-up failed", `${(error as Error).name}: ${(error as Error).message}`);
  }
  heading("Calls, timed by before-call/after-call handlers");
  for (const [operation, { count, ms }] of [...calls].sort())
    line(operation, `${count} call(s), ${ms.toFixed(1)} ms`);
  s3.meta.client.destroy();
  await emulator?.stop();
}

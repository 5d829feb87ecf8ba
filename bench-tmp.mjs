import { ObjectScaleEmulator } from "/tmp/emu-build/lib/testing/index.js";
import { S3Client, CreateBucketCommand, PutObjectCommand, HeadObjectCommand, GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const starts = [];
for (let i = 0; i < 20; i++) { const t = performance.now(); const e = await ObjectScaleEmulator.start(); starts.push(performance.now() - t); await e.stop(); }
starts.sort((a, b) => a - b);
console.log("start ms: median", starts[10].toFixed(2), "max", starts[19].toFixed(2));
const emu = await ObjectScaleEmulator.start();
const s3 = new S3Client(emu.clientConfig());
await s3.send(new CreateBucketCommand({ Bucket: "bench" }));
for (let i = 0; i < 1000; i++) await s3.send(new PutObjectCommand({ Bucket: "bench", Key: `k${String(i).padStart(4, "0")}`, Body: Buffer.alloc(4096) }));
async function run(name, mk, N = 2000, C = 8) {
  emu.clearRequests();
  const t = performance.now(); let done = 0;
  await Promise.all(Array.from({ length: C }, async () => { while (done < N) { const i = done++; const r = await s3.send(mk(i)); if (r.Body) await r.Body.transformToByteArray(); } }));
  const secs = (performance.now() - t) / 1000;
  const d = emu.requests.map(r => r.durationMs);
  console.log(name.padEnd(24), "req/s", (N / secs).toFixed(0).padStart(6), " server ms/req", (d.reduce((a, b) => a + b, 0) / d.length).toFixed(3));
}
await run("HeadObject", () => new HeadObjectCommand({ Bucket: "bench", Key: "k0001" }));
await run("GetObject 4KiB", (i) => new GetObjectCommand({ Bucket: "bench", Key: `k${String(i % 1000).padStart(4, "0")}` }));
await run("PutObject 4KiB", (i) => new PutObjectCommand({ Bucket: "bench", Key: `p${i % 100}`, Body: Buffer.alloc(4096) }));
await run("ListObjectsV2 (1000)", () => new ListObjectsV2Command({ Bucket: "bench", Prefix: "k" }), 200);
await emu.stop(); s3.destroy();

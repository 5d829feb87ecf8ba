import { ObjectScaleEmulator } from "/tmp/emu-build/lib/testing/index.js";
import { S3Client, CreateBucketCommand, PutObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { request } from "node:http";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const emu = await ObjectScaleEmulator.start();
const s3 = new S3Client(emu.clientConfig());
await s3.send(new CreateBucketCommand({ Bucket: "bench" }));
await s3.send(new PutObjectCommand({ Bucket: "bench", Key: "k", Body: "hello" }));
emu.clearRequests();
let t = performance.now();
for (let i = 0; i < 200; i++) await s3.send(new HeadObjectCommand({ Bucket: "bench", Key: "k" }));
console.log("seq avg ms", (performance.now() - t) / 200);
const d = emu.requests.map(r => r.durationMs);
console.log("server avg ms", d.reduce((a, b) => a + b, 0) / d.length, "max", Math.max(...d));
// raw unsigned ping
t = performance.now();
for (let i = 0; i < 200; i++) await new Promise((res) => request({ host: "127.0.0.1", port: emu.port, path: "/?ping" }, (r) => { r.resume(); r.on("end", res); }).end());
console.log("ping seq avg ms", (performance.now() - t) / 200);
await emu.stop(); s3.destroy();

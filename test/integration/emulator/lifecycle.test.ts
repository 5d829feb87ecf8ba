import { createServer } from "node:net";
import { performance } from "node:perf_hooks";

import {
  CreateBucketCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { expect } from "chai";

import { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import { rawRequest, textsOf } from "./harness.js";

describe(ObjectScaleEmulator.name, function () {
  describe(".start() and .stop()", function () {
    it("starts on a free 127.0.0.1 port, logs how long that took, and frees the port on stop", async function () {
      const t0 = performance.now();
      const emu = await ObjectScaleEmulator.start();
      const startMs = performance.now() - t0;
      console.log(`      [emulator] started in ${startMs.toFixed(1)} ms on ${emu.endpoint}`);
      expect(emu.endpoint).to.equal(`http://127.0.0.1:${emu.port}`);
      expect(emu.port).to.be.greaterThan(0);
      await emu.stop();
      await emu.stop(); // idempotent

      const probe = createServer();
      await new Promise<void>((resolve, reject) => {
        probe.once("error", reject);
        probe.listen(emu.port, "127.0.0.1", resolve);
      });
      await new Promise<void>((resolve) => probe.close(() => resolve()));
    });

    it("listens on a given port, and closes kept-alive client connections when stopped", async function () {
      const first = await ObjectScaleEmulator.start();
      const port = first.port;
      const s3 = new S3Client(first.clientConfig());
      await s3.send(new ListBucketsCommand({}));
      await first.stop();
      const second = await ObjectScaleEmulator.start({ port });
      try {
        expect(second.port).to.equal(port);
        expect(second.requests).to.have.length(0);
      } finally {
        await second.stop();
        s3.destroy();
      }
    });

    it("stops at the end of an `await using` scope (Symbol.asyncDispose)", async function () {
      const emu = await ObjectScaleEmulator.start();
      await emu[Symbol.asyncDispose]();
      const s3 = new S3Client({ ...emu.clientConfig(), maxAttempts: 1 });
      try {
        await s3.send(new ListBucketsCommand({}));
        expect.fail("the stopped emulator answered");
      } catch (err) {
        expect((err as NodeJS.ErrnoException).code).to.equal("ECONNREFUSED");
      } finally {
        s3.destroy();
      }
    });

    it("forgets buckets on reset() but keeps serving", async function () {
      await using emu = await ObjectScaleEmulator.start();
      const s3 = new S3Client(emu.clientConfig());
      await s3.send(new CreateBucketCommand({ Bucket: "before-reset" }));
      emu.reset();
      expect(emu.describeBucket("before-reset")).to.equal(undefined);
      expect((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).to.have.length(0);
      s3.destroy();
    });
  });

  describe("addressing", function () {
    let emu: ObjectScaleEmulator;

    before(async function () {
      emu = await ObjectScaleEmulator.start({ namespaces: ["ns2"] });
    });
    after(async function () {
      await emu.stop();
    });

    it("serves path-style and virtual-host clients the same buckets", async function () {
      const path = new S3Client(emu.clientConfig());
      const vhost = new S3Client(emu.clientConfig({ virtualHost: true }));
      await path.send(new CreateBucketCommand({ Bucket: "shared-bucket" }));
      await vhost.send(new PutObjectCommand({ Bucket: "shared-bucket", Key: "from/vhost.txt", Body: "v" }));
      const [create, put] = emu.requests.slice(-2);
      expect(create?.addressing).to.equal("path");
      expect(put?.addressing).to.equal("virtual-host");
      expect(put?.headers["host"]).to.equal(`shared-bucket.localhost:${emu.port}`);
      expect(put?.path).to.equal("/from/vhost.txt");
      expect(put?.bucket).to.equal("shared-bucket");
      expect(put?.key).to.equal("from/vhost.txt");
      expect(emu.describeBucket("shared-bucket")?.keyCount).to.equal(1);
      path.destroy();
      vhost.destroy();
    });

    it("takes the namespace from a host label, from x-emc-namespace, or else the user's", async function () {
      const ns2 = new S3Client(emu.clientConfig({ virtualHost: true, namespaceInHost: "ns2" }));
      await ns2.send(new CreateBucketCommand({ Bucket: "ns2-bucket" }));
      expect(emu.requests.at(-1)?.headers["host"]).to.equal(`ns2-bucket.ns2.localhost:${emu.port}`);
      expect(emu.describeBucket("ns2-bucket", "ns2")?.namespace).to.equal("ns2");
      expect(emu.describeBucket("ns2-bucket")).to.equal(undefined);

      const viaHeader = await rawRequest(emu, {
        method: "PUT",
        path: "/ns3-bucket",
        headers: { "x-emc-namespace": "ns3" },
      });
      expect(viaHeader.status).to.equal(200);
      expect(emu.describeBucket("ns3-bucket", "ns3")).not.to.equal(undefined);

      const listed = await rawRequest(emu, {
        method: "GET",
        path: "/",
        headers: { "x-emc-namespace": "ns2" },
      });
      expect(textsOf(listed.xml(), "Name")).to.deep.equal(["ns2-bucket"]);
      const pathInNs2 = new S3Client(emu.clientConfig({ namespaceInHost: "ns2" }));
      await pathInNs2.send(new HeadBucketCommand({ Bucket: "ns2-bucket" }));
      expect(emu.requests.at(-1)?.namespace).to.equal("ns2");
      expect(emu.requests.at(-1)?.addressing).to.equal("path");
      ns2.destroy();
      pathInNs2.destroy();
    });
  });

  describe(".requests", function () {
    it("records method, path, query, headers, body, signature verdict, operation and status; clearRequests() empties it", async function () {
      await using emu = await ObjectScaleEmulator.start();
      const s3 = new S3Client(emu.clientConfig());
      await s3.send(new CreateBucketCommand({ Bucket: "recorded" }));
      await s3.send(
        new PutObjectCommand({
          Bucket: "recorded",
          Key: "a b.txt",
          Body: "12345",
          ContentType: "text/plain",
        }),
      );
      const put = emu.requests.at(-1);
      expect(put).to.include({
        method: "PUT",
        path: "/recorded/a%20b.txt",
        operation: "PutObject",
        status: 200,
        bodyLength: 5,
      });
      expect(put?.query).to.deep.equal({ "x-id": "PutObject" });
      expect(put?.headers["content-type"]).to.equal("text/plain");
      expect(put?.body?.toString()).to.equal("12345");
      expect(put?.signature).to.include({
        verdict: "valid",
        kind: "header",
        accessKeyId: emu.credentials.accessKeyId,
      });
      expect(put?.signature.signedHeaders).to.include("host");
      expect(put?.responseHeaders["etag"]).to.equal('"827ccb0eea8a706c4c34a16891f84e7b"');
      expect(put?.requestId).to.match(/^[0-9A-F]{16}$/);
      emu.clearRequests();
      expect(emu.requests).to.have.length(0);
      s3.destroy();
    });
  });
});

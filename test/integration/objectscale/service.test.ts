import { Readable } from "node:stream";
import { expect } from "chai";
import { Session } from "../../../lib/Session.js";
import { loopbackAgent, ObjectScaleEmulator } from "../../../lib/testing/index.js";
import { objectScale } from "../../../resources/objectscale/index.js";
import {
  emulatorSessionOptions,
  httpStatus,
  objectScaleSession,
  only,
  rejection,
  signedHeaders,
} from "../../support/emulatorSession.js";

const NAMESPACE = "finance";

describe("ObjectScale plugin against the emulator: nodes, signing and namespaces", function () {
  let emu: ObjectScaleEmulator;

  before(async function () {
    emu = await ObjectScaleEmulator.start({
      dataNodes: ["10.0.0.11", "10.0.0.12"],
      versionInfo: "3.8.1.0.12345.abcdef0",
      namespaces: [NAMESPACE],
    });
  });
  after(async function () {
    await emu?.stop();
  });
  beforeEach(function () {
    emu.clearRequests();
    emu.maintenanceMode = false;
  });

  describe(".ping()", function () {
    it("sends GET /?ping unsigned, with the namespace header, and reads the node's state", async function () {
      const s3 = objectScaleSession(emu, { namespace: NAMESPACE }).client("s3");
      const out = await s3.ping({});
      expect(out.MaintenanceMode).to.equal("OFF");
      expect(out.LoadFactor).to.be.a("number");
      expect(out.Items.map((i) => i.Name)).to.have.members(["LOAD_FACTOR", "MAINTENANCE_MODE"]);

      const sent = only(emu, "Ping");
      expect(sent.path).to.equal("/");
      expect(sent.query).to.deep.equal({ ping: "" });
      expect(sent.signature.kind).to.equal("none");
      expect(sent.headers).to.not.have.any.keys("authorization", "x-amz-date", "x-amz-content-sha256");
      expect(sent.headers["x-emc-namespace"]).to.equal(NAMESPACE);
    });

    it("asks a given node (Node: host:port), and reports maintenance mode", async function () {
      emu.maintenanceMode = true;
      const s3 = objectScaleSession(emu, {}, { endpoint: "http://192.0.2.1:9020" }).client("s3");
      const out = await s3.ping({ Node: `127.0.0.1:${emu.port}` });
      expect(out.MaintenanceMode).to.equal("ON");
      expect(only(emu, "Ping").headers["host"]).to.equal(`127.0.0.1:${emu.port}`);

      const refused = await rejection(objectScaleSession(emu).client("s3").listBuckets({}));
      expect(refused.name).to.equal("ServiceUnavailable");
      expect(httpStatus(refused)).to.equal(503);
    });
  });

  describe(".listDataNodes()", function () {
    it("lists the data nodes and the version from GET /?endpoint, signed", async function () {
      const s3 = objectScaleSession(emu, { namespace: NAMESPACE }).client("s3");
      const out = await s3.listDataNodes({});
      expect(out.DataNodes).to.deep.equal(["10.0.0.11", "10.0.0.12"]);
      expect(out.VersionInfo).to.equal("3.8.1.0.12345.abcdef0");
      const sent = only(emu, "ListDataNodes");
      expect(sent.query).to.deep.equal({ endpoint: "" });
      expect(sent.signature.verdict).to.equal("valid");
    });
  });

  describe("signing", function () {
    it("sends the namespace header on every signed request, covered by the signature", async function () {
      const s3 = objectScaleSession(emu, { namespace: NAMESPACE }).client("s3");
      await s3.createBucket({ Bucket: "signed" });
      await s3.putObject({ Bucket: "signed", Key: "k", Body: "v" });
      await s3.listObjectsV2({ Bucket: "signed" });
      await s3.listSystemMetadataSearchKeys({});
      await s3.deleteObjects({ Bucket: "signed", Delete: { Objects: [{ Key: "k" }] } });
      expect(emu.requests).to.have.length(5);
      for (const r of emu.requests) {
        expect(r.signature.verdict, r.operation).to.equal("valid");
        expect(r.headers["x-emc-namespace"], r.operation).to.equal(NAMESPACE);
        expect(signedHeaders(r), r.operation).to.include("x-emc-namespace");
        expect(r.namespace, r.operation).to.equal(NAMESPACE);
      }
    });

    it("gets SignatureDoesNotMatch (403) for a wrong secret, on a plugin operation and a modelled one", async function () {
      const s3 = objectScaleSession(
        emu,
        { namespace: NAMESPACE },
        { credentials: { ...emu.credentials, secretAccessKey: "not-the-secret" } },
      ).client("s3");
      for (const call of [() => s3.listDataNodes({}), () => s3.listBuckets({})]) {
        const error = await rejection(call());
        expect(error.name).to.equal("SignatureDoesNotMatch");
        expect(httpStatus(error)).to.equal(403);
      }
      expect(emu.requests.map((r) => [r.operation, r.signature.verdict, r.status])).to.deep.equal([
        ["ListDataNodes", "mismatch", 403],
        ["ListBuckets", "mismatch", 403],
      ]);
    });
  });

  describe("sessionDefaults (checksums WHEN_REQUIRED)", function () {
    it("sends a streamed putObject as a plain body, which the server takes; the SDK's default is refused", async function () {
      const s3 = objectScaleSession(emu, { namespace: NAMESPACE }).client("s3");
      await s3.createBucket({ Bucket: "checksums" });
      emu.clearRequests();
      await s3.putObject({
        Bucket: "checksums",
        Key: "k",
        Body: Readable.from([Buffer.from("data")]),
        ContentLength: 4,
      });
      const sent = only(emu, "PutObject");
      expect(sent.headers["x-amz-content-sha256"]).to.not.match(/^STREAMING-/);
      expect(sent.headers).to.not.have.any.keys("x-amz-trailer", "x-amz-checksum-crc32");

      // The caller's options win over the plugin's defaults: the SDK's own default is aws-chunked.
      const sdkDefault = objectScaleSession(
        emu,
        { namespace: NAMESPACE },
        // A logger of its own: the SDK warns on the console when a streamed request fails.
        {
          requestChecksumCalculation: "WHEN_SUPPORTED",
          sdk: { logger: { debug() {}, info() {}, warn() {}, error() {} } },
        },
      ).client("s3");
      const error = await rejection(
        sdkDefault.putObject({
          Bucket: "checksums",
          Key: "k2",
          Body: Readable.from([Buffer.from("data")]),
          ContentLength: 4,
        }),
      );
      expect(error.name).to.equal("XAmzContentSHA256Mismatch");
    });

    it("sends DeleteObjects with the SDK's CRC32 instead of Content-MD5 (reference §15.10, still open)", async function () {
      const s3 = objectScaleSession(emu, { namespace: NAMESPACE }).client("s3");
      await s3.createBucket({ Bucket: "digest" });
      await s3.putObject({ Bucket: "digest", Key: "k", Body: "v" });
      emu.clearRequests();
      await s3.deleteObjects({ Bucket: "digest", Delete: { Objects: [{ Key: "k" }] } });
      const sent = only(emu, "DeleteObjects");
      expect(sent.headers).to.have.property("x-amz-checksum-crc32");
      expect(sent.headers).to.not.have.property("content-md5");

      // A server that insists on Content-MD5 (the emulator's requireContentMd5) refuses it.
      const strict = await ObjectScaleEmulator.start({ requireContentMd5: true });
      try {
        const client = objectScaleSession(strict).client("s3");
        await client.createBucket({ Bucket: "digest" });
        const error = await rejection(
          client.deleteObjects({ Bucket: "digest", Delete: { Objects: [{ Key: "k" }] } }),
        );
        expect(error.name).to.equal("InvalidRequest");
      } finally {
        await strict.stop();
      }
    });
  });

  describe('namespaceAddressing: "host"', function () {
    const hostSession = (forcePathStyle: boolean) =>
      new Session({
        ...emulatorSessionOptions(emu, { endpoint: emu.virtualHostEndpoint, forcePathStyle }),
        sdk: { requestHandler: { httpAgent: loopbackAgent() } },
        plugins: [objectScale({ namespace: NAMESPACE, namespaceAddressing: "host" })],
      }).client("s3");

    it("puts the namespace in the host, after the bucket label, with virtual-host addressing", async function () {
      const s3 = hostSession(false);
      await s3.createBucket({ Bucket: "vhost" });
      await s3.putObject({ Bucket: "vhost", Key: "k", Body: "v" });
      const put = only(emu, "PutObject");
      expect(put.headers["host"]).to.equal(`vhost.${NAMESPACE}.localhost:${emu.port}`);
      expect(put.addressing).to.equal("virtual-host");
      expect(put.headers).to.not.have.property("x-emc-namespace");
      expect(put.signature.verdict).to.equal("valid");
      expect(emu.describeBucket("vhost", NAMESPACE)?.keyCount).to.equal(1);
    });

    it("puts the namespace first in the host with path-style addressing", async function () {
      const s3 = hostSession(true);
      await s3.createBucket({ Bucket: "pathhost" });
      const sent = only(emu, "CreateBucket");
      expect(sent.headers["host"]).to.equal(`${NAMESPACE}.localhost:${emu.port}`);
      expect(sent.path).to.match(/^\/pathhost\/?$/);
      expect(sent.namespace).to.equal(NAMESPACE);
      expect(emu.describeBucket("pathhost", NAMESPACE)).to.not.equal(undefined);
    });
  });
});

import { setTimeout as sleep } from "node:timers/promises";

import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { expect } from "chai";

import { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import { rawRequest, textsOf } from "./harness.js";

describe("emulator: ECS bucket extensions (raw signed requests)", function () {
  let emu: ObjectScaleEmulator;
  let s3: S3Client;

  before(async function () {
    emu = await ObjectScaleEmulator.start({
      dataNodes: ["10.0.0.11", "10.0.0.12"],
      versionInfo: "3.8.0.0.123456.abcdef0",
      emptyBucket: { stepDelayMs: 1, entriesPerStep: 2 },
    });
    s3 = new S3Client(emu.clientConfig());
  });
  after(async function () {
    s3.destroy();
    await emu.stop();
  });

  describe("CreateBucket with x-emc-* options", function () {
    it("records namespace, replication group, file-system access, encryption, retention and compliance", async function () {
      const response = await rawRequest(emu, {
        method: "PUT",
        path: "/invoices",
        headers: {
          "x-emc-namespace": "finance",
          "x-emc-dataservice-vpool": "urn:storageos:ReplicationGroupInfo:0123abcd:global",
          "x-emc-file-system-access-enabled": "true",
          "x-emc-server-side-encryption-enabled": "true",
          "x-emc-retention-period": "86400",
          "x-emc-compliance-enabled": "true",
        },
      });
      expect(response.status).to.equal(200);
      expect(emu.describeBucket("invoices", "finance")).to.include({
        namespace: "finance",
        replicationGroup: "urn:storageos:ReplicationGroupInfo:0123abcd:global",
        fileSystemEnabled: true,
        encryptionEnabled: true,
        retentionPeriodSeconds: 86400,
        complianceEnabled: true,
        staleReadAllowed: false,
      });
    });

    it("accepts the legacy x-emc-vpool header name", async function () {
      await rawRequest(emu, {
        method: "PUT",
        path: "/legacy-vpool",
        headers: { "x-emc-vpool": "rg-legacy" },
      });
      expect(emu.describeBucket("legacy-vpool")?.replicationGroup).to.equal("rg-legacy");
    });

    it("refuses stale reads on a file-system bucket, non-boolean flags, and encryption without the D@RE licence", async function () {
      const both = await rawRequest(emu, {
        method: "PUT",
        path: "/fs-stale",
        headers: { "x-emc-file-system-access-enabled": "true", "x-emc-is-stale-allowed": "true" },
      });
      expect(both.xml().textOf("Code")).to.equal("InvalidArgument");
      const notBoolean = await rawRequest(emu, {
        method: "PUT",
        path: "/yes-bucket",
        headers: { "x-emc-is-stale-allowed": "yes" },
      });
      expect(notBoolean.status).to.equal(400);
      await using unlicensed = await ObjectScaleEmulator.start({ encryptionLicensed: false });
      const dare = await rawRequest(unlicensed, {
        method: "PUT",
        path: "/sse",
        headers: { "x-emc-server-side-encryption-enabled": "true" },
      });
      expect(dare.status).to.equal(400);
      expect(dare.xml().textOf("Message")).to.contain("D@RE jar/license is unavailable");
    });

    it("creates an Object Lock bucket with x-amz-bucket-object-lock-enabled", async function () {
      await s3.send(new CreateBucketCommand({ Bucket: "locked-at-birth", ObjectLockEnabledForBucket: true }));
      const lock = await s3.send(new GetObjectLockConfigurationCommand({ Bucket: "locked-at-birth" }));
      expect(lock.ObjectLockConfiguration?.ObjectLockEnabled).to.equal("Enabled");
    });
  });

  it("sets the stale-read flag with PUT ?isstaleallowed (a missing header means false)", async function () {
    await rawRequest(emu, { method: "PUT", path: "/tso" });
    const on = await rawRequest(emu, {
      method: "PUT",
      path: "/tso",
      query: { isstaleallowed: "" },
      headers: { "x-emc-is-stale-allowed": "true" },
    });
    expect(on.status).to.equal(200);
    expect(emu.describeBucket("tso")?.staleReadAllowed).to.equal(true);
    await rawRequest(emu, { method: "PUT", path: "/tso", query: { isstaleallowed: "" } });
    expect(emu.describeBucket("tso")?.staleReadAllowed).to.equal(false);
    await rawRequest(emu, {
      method: "PUT",
      path: "/fs-bucket",
      headers: { "x-emc-file-system-access-enabled": "true" },
    });
    const fs = await rawRequest(emu, {
      method: "PUT",
      path: "/fs-bucket",
      query: { isstaleallowed: "" },
      headers: { "x-emc-is-stale-allowed": "true" },
    });
    expect(fs.status).to.equal(400);
  });

  describe("background emptying (x-emc-empty-bucket)", function () {
    const status = async (bucket: string) => {
      const response = await rawRequest(emu, {
        method: "GET",
        path: `/${bucket}`,
        query: { "empty-bucket-status": "" },
      });
      return {
        http: response.status,
        doc: response.status === 200 ? response.xml() : undefined,
        code: response.status === 200 ? undefined : response.xml().textOf("Code"),
      };
    };

    it("answers 202, makes the bucket read-only, reports progress, then the bucket is gone (404)", async function () {
      await s3.send(new CreateBucketCommand({ Bucket: "to-empty" }));
      for (let i = 0; i < 5; i++)
        await s3.send(new PutObjectCommand({ Bucket: "to-empty", Key: `k${i}`, Body: "x" }));
      const before = await status("to-empty");
      expect(before.doc?.textOf("Status")).to.equal("NOT_FOUND");

      const started = await rawRequest(emu, {
        method: "DELETE",
        path: "/to-empty",
        headers: { "x-emc-empty-bucket": "true" },
      });
      expect(started.status).to.equal(202);
      const running = await status("to-empty");
      expect(running.doc?.name).to.equal("EmptyBucketStatus");
      expect(["PENDING", "IN_PROGRESS"]).to.include(running.doc?.textOf("Status"));
      expect(running.doc?.textOf("ApproximateObjectCount")).to.equal("5");
      const write = await rawRequest(emu, { method: "PUT", path: "/to-empty/new", body: "x" });
      expect(write.status).to.equal(403);
      expect(write.xml().textOf("Code")).to.equal("EmptyBucketInProgress");

      let final = running;
      for (let i = 0; i < 200 && final.http === 200; i++) {
        await sleep(5);
        final = await status("to-empty");
      }
      expect(final).to.include({ http: 404, code: "NoSuchBucket" });
      expect(emu.describeBucket("to-empty")).to.equal(undefined);
    });

    it("ends FAILED when retained objects remain, counting them, and leaves the bucket writable", async function () {
      await s3.send(new CreateBucketCommand({ Bucket: "partly-retained" }));
      await s3.send(new PutObjectCommand({ Bucket: "partly-retained", Key: "free", Body: "x" }));
      await rawRequest(emu, {
        method: "PUT",
        path: "/partly-retained/kept",
        headers: { "x-emc-retention-period": "-1" },
        body: "x",
      });
      await rawRequest(emu, {
        method: "DELETE",
        path: "/partly-retained",
        headers: { "x-emc-empty-bucket": "true" },
      });
      let doc = (await status("partly-retained")).doc;
      for (let i = 0; i < 200 && doc?.textOf("Status") !== "FAILED"; i++) {
        await sleep(5);
        doc = (await status("partly-retained")).doc;
      }
      expect(doc?.textOf("Status")).to.equal("FAILED");
      expect(doc?.textOf("FailedToDeleteDueToRetention")).to.equal("1");
      expect(doc?.textOf("EntriesDeleted")).to.equal("1");
      expect(doc?.textOf("Created")).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(emu.describeBucket("partly-retained")?.keyCount).to.equal(1);
      expect(
        (await rawRequest(emu, { method: "PUT", path: "/partly-retained/after", body: "x" })).status,
      ).to.equal(200);
    });
  });

  describe("GET /?ping", function () {
    it("answers unsigned with LOAD_FACTOR and MAINTENANCE_MODE; in maintenance mode other requests get 503", async function () {
      const ping = await rawRequest(emu, {
        method: "GET",
        path: "/",
        query: { ping: "" },
        unsigned: true,
        headers: { "x-emc-namespace": "x" },
      });
      expect(ping.status).to.equal(200);
      const items = ping.xml().all("PingItem");
      expect(ping.xml().name).to.equal("PingList");
      expect(items.map((i) => i.textOf("Name"))).to.deep.equal(["LOAD_FACTOR", "MAINTENANCE_MODE"]);
      expect(items[1]?.textOf("Status")).to.equal("OFF");
      expect(emu.requests.at(-1)?.signature.verdict).to.equal("not-required");

      emu.maintenanceMode = true;
      try {
        const on = await rawRequest(emu, { method: "GET", path: "/", query: { ping: "" }, unsigned: true });
        expect(on.xml().all("PingItem")[1]?.textOf("Status")).to.equal("ON");
        const refused = await rawRequest(emu, { method: "GET", path: "/" });
        expect(refused.status).to.equal(503);
      } finally {
        emu.maintenanceMode = false;
      }
    });
  });

  it("lists data nodes and the version at GET /?endpoint (signed)", async function () {
    const response = await rawRequest(emu, { method: "GET", path: "/", query: { endpoint: "" } });
    expect(response.xml().name).to.equal("ListDataNode");
    expect(textsOf(response.xml(), "DataNodes")).to.deep.equal(["10.0.0.11", "10.0.0.12"]);
    expect(response.xml().textOf("VersionInfo")).to.equal("3.8.0.0.123456.abcdef0");
    expect(
      (await rawRequest(emu, { method: "GET", path: "/", query: { endpoint: "" }, unsigned: true })).status,
    ).to.equal(403);
  });

  it("pages the bucket list with ?marker=&limit= (MaxBuckets, Marker, NextMarker, IsTruncated)", async function () {
    await using paging = await ObjectScaleEmulator.start();
    for (const name of ["b-1", "b-2", "b-3", "b-4", "b-5"])
      await rawRequest(paging, { method: "PUT", path: `/${name}` });
    const names: string[] = [];
    let marker = "";
    for (let i = 0; i < 5; i++) {
      const doc = (
        await rawRequest(paging, { method: "GET", path: "/", query: { marker, limit: "2" } })
      ).xml();
      names.push(...textsOf(doc.first("Buckets")!, "Name"));
      expect(doc.textOf("MaxBuckets")).to.equal("2");
      expect(doc.textOf("Marker")).to.equal(marker);
      if (doc.textOf("IsTruncated") !== "true") {
        expect(doc.first("NextMarker")).to.equal(undefined);
        break;
      }
      marker = doc.textOf("NextMarker") ?? "";
    }
    expect(names).to.deep.equal(["b-1", "b-2", "b-3", "b-4", "b-5"]);
    const plain = (await rawRequest(paging, { method: "GET", path: "/" })).xml();
    expect(plain.first("IsTruncated")).to.equal(undefined);
  });

  describe("Object Lock on an existing bucket (PUT ?enable-object-lock)", function () {
    it("enables the lock and versioning; a legal hold then blocks deleting the version", async function () {
      await s3.send(new CreateBucketCommand({ Bucket: "lock-later" }));
      const enabled = await rawRequest(emu, {
        method: "PUT",
        path: "/lock-later",
        query: { "enable-object-lock": "" },
      });
      expect(enabled.status).to.equal(200);
      const lock = await s3.send(new GetObjectLockConfigurationCommand({ Bucket: "lock-later" }));
      expect(lock.ObjectLockConfiguration?.ObjectLockEnabled).to.equal("Enabled");
      expect((await s3.send(new GetBucketVersioningCommand({ Bucket: "lock-later" }))).Status).to.equal(
        "Enabled",
      );

      const { VersionId } = await s3.send(
        new PutObjectCommand({ Bucket: "lock-later", Key: "held", Body: "x" }),
      );
      await s3.send(
        new PutObjectLegalHoldCommand({ Bucket: "lock-later", Key: "held", LegalHold: { Status: "ON" } }),
      );
      try {
        await s3.send(new DeleteObjectCommand({ Bucket: "lock-later", Key: "held", VersionId }));
        expect.fail("a held version was deleted");
      } catch (err) {
        expect((err as S3ServiceException).name).to.equal("AccessDenied");
      }
    });

    it("reports a bucket without Object Lock as 404 ObjectLockConfigurationNotFoundError", async function () {
      await s3.send(new CreateBucketCommand({ Bucket: "no-lock" }));
      try {
        await s3.send(new GetObjectLockConfigurationCommand({ Bucket: "no-lock" }));
        expect.fail("a configuration was returned");
      } catch (err) {
        expect((err as S3ServiceException).name).to.equal("ObjectLockConfigurationNotFoundError");
        expect((err as S3ServiceException).$metadata.httpStatusCode).to.equal(404);
      }
    });
  });
});

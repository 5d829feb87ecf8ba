import { expect } from "chai";
import type { S3ServiceClient } from "../../../lib/client/ClientFactory.js";
import { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import type { GetEmptyBucketStatusOutput } from "../../../resources/objectscale/index.js";
import {
  httpStatus,
  objectScaleSession,
  only,
  recorded,
  rejection,
  signedHeaders,
} from "../../support/emulatorSession.js";

const NAMESPACE = "finance";

describe("ObjectScale plugin against the emulator: bucket extensions", function () {
  let emu: ObjectScaleEmulator;
  let s3: S3ServiceClient;

  before(async function () {
    emu = await ObjectScaleEmulator.start({ emptyBucket: { stepDelayMs: 20, entriesPerStep: 2 } });
    s3 = objectScaleSession(emu, { namespace: NAMESPACE }).client("s3");
  });
  after(async function () {
    await emu?.stop();
  });
  beforeEach(function () {
    emu.clearRequests();
  });

  describe("createBucket({ ObjectScale })", function () {
    it("sends every option as a signed x-emc-* header, and the bucket has them", async function () {
      await s3.createBucket({
        Bucket: "options",
        ObjectScale: {
          replicationGroup: "urn:storageos:ReplicationGroupInfo:0123abcd:global",
          fileSystemEnabled: false,
          staleReadAllowed: true,
          serverSideEncryption: true,
          retentionPeriod: 86_400,
          complianceEnabled: true,
        },
      });
      const sent = only(emu, "CreateBucket");
      const expected = {
        "x-emc-dataservice-vpool": "urn:storageos:ReplicationGroupInfo:0123abcd:global",
        "x-emc-file-system-access-enabled": "false",
        "x-emc-is-stale-allowed": "true",
        "x-emc-server-side-encryption-enabled": "true",
        "x-emc-retention-period": "86400",
        "x-emc-compliance-enabled": "true",
        "x-emc-namespace": NAMESPACE,
      };
      expect(sent.headers).to.include(expected);
      expect(signedHeaders(sent)).to.include.members(Object.keys(expected));
      expect(sent.signature.verdict).to.equal("valid");
      expect(emu.describeBucket("options", NAMESPACE)).to.include({
        replicationGroup: "urn:storageos:ReplicationGroupInfo:0123abcd:global",
        fileSystemEnabled: false,
        staleReadAllowed: true,
        encryptionEnabled: true,
        complianceEnabled: true,
        retentionPeriodSeconds: 86_400,
      });
    });

    it("reads the bucket's default retention back from headBucket as output.ObjectScale", async function () {
      const head = await s3.headBucket({ Bucket: "options" });
      expect(head.ObjectScale?.retentionPeriod).to.equal(86_400);
    });

    it("creates the bucket in ObjectScale.namespace instead of the plugin's", async function () {
      await s3.createBucket({ Bucket: "elsewhere", ObjectScale: { namespace: "other" } });
      expect(only(emu, "CreateBucket").headers["x-emc-namespace"]).to.equal("other");
      expect(emu.describeBucket("elsewhere", "other")).to.not.equal(undefined);
      expect(emu.describeBucket("elsewhere", NAMESPACE)).to.equal(undefined);
    });

    it("sends the replication group under the legacy header when configured (reference §15.2)", async function () {
      const legacy = objectScaleSession(emu, { namespace: NAMESPACE, replicationGroupHeader: "x-emc-vpool" });
      await legacy
        .client("s3")
        .createBucket({ Bucket: "legacy-rg", ObjectScale: { replicationGroup: "rg-7" } });
      const sent = only(emu, "CreateBucket");
      expect(sent.headers["x-emc-vpool"]).to.equal("rg-7");
      expect(sent.headers).to.not.have.property("x-emc-dataservice-vpool");
      expect(emu.describeBucket("legacy-rg", NAMESPACE)?.replicationGroup).to.equal("rg-7");
    });

    it("passes on the server's refusal of stale reads on a file-system bucket", async function () {
      const error = await rejection(
        s3.createBucket({
          Bucket: "fs-stale",
          ObjectScale: { fileSystemEnabled: true, staleReadAllowed: true },
        }),
      );
      expect(error.name).to.equal("InvalidArgument");
      expect(httpStatus(error)).to.equal(400);
      expect(emu.describeBucket("fs-stale", NAMESPACE)).to.equal(undefined);
    });
  });

  describe(".setStaleReadAllowed()", function () {
    it("sends PUT ?isstaleallowed with a signed x-emc-is-stale-allowed, both ways", async function () {
      await s3.createBucket({ Bucket: "stale" });
      emu.clearRequests();
      await s3.setStaleReadAllowed({ Bucket: "stale", StaleReadAllowed: true });
      expect(emu.describeBucket("stale", NAMESPACE)?.staleReadAllowed).to.equal(true);
      await s3.setStaleReadAllowed({ Bucket: "stale", StaleReadAllowed: false });
      expect(emu.describeBucket("stale", NAMESPACE)?.staleReadAllowed).to.equal(false);

      const sent = recorded(emu, "PutBucketIsStaleAllowed");
      expect(sent.map((r) => r.headers["x-emc-is-stale-allowed"])).to.deep.equal(["true", "false"]);
      for (const r of sent) {
        expect(r.method).to.equal("PUT");
        expect(r.query).to.deep.equal({ isstaleallowed: "" });
        expect(signedHeaders(r)).to.include.members(["x-emc-is-stale-allowed", "x-emc-namespace"]);
      }
    });
  });

  describe(".enableObjectLock()", function () {
    it("turns Object Lock on for an existing bucket with PUT ?enable-object-lock", async function () {
      await s3.createBucket({ Bucket: "lock-later" });
      expect((await rejection(s3.getObjectLockConfiguration({ Bucket: "lock-later" }))).name).to.equal(
        "ObjectLockConfigurationNotFoundError",
      );
      emu.clearRequests();
      await s3.enableObjectLock({ Bucket: "lock-later" });
      const sent = only(emu, "EnableObjectLock");
      expect(sent.method).to.equal("PUT");
      expect(sent.query).to.deep.equal({ "enable-object-lock": "" });
      expect(sent.bodyLength).to.equal(0);
      const config = await s3.getObjectLockConfiguration({ Bucket: "lock-later" });
      expect(config.ObjectLockConfiguration?.ObjectLockEnabled).to.equal("Enabled");
      expect((await s3.getBucketVersioning({ Bucket: "lock-later" })).Status).to.equal("Enabled");
    });
  });

  describe(".emptyBucket() and .getEmptyBucketStatus()", function () {
    async function statusesUntilGone(bucket: string): Promise<GetEmptyBucketStatusOutput[]> {
      const seen: GetEmptyBucketStatusOutput[] = [];
      for (let i = 0; i < 200; i++) {
        try {
          seen.push(await s3.getEmptyBucketStatus({ Bucket: bucket }));
        } catch (error) {
          if ((error as Error).name === "NoSuchBucket") return seen;
          throw error;
        }
        if (seen.at(-1)?.Status === "FAILED") return seen;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`the emptying of ${bucket} did not end: ${JSON.stringify(seen.at(-1))}`);
    }

    it("reports NOT_FOUND before any task", async function () {
      await s3.createBucket({ Bucket: "no-task" });
      expect((await s3.getEmptyBucketStatus({ Bucket: "no-task" })).Status).to.equal("NOT_FOUND");
      const sent = only(emu, "GetEmptyBucketStatus");
      expect(sent.query).to.deep.equal({ "empty-bucket-status": "" });
    });

    it("starts the background task (202), keeps the bucket read-only, then deletes it", async function () {
      await s3.createBucket({ Bucket: "to-empty" });
      for (let i = 0; i < 5; i++) await s3.putObject({ Bucket: "to-empty", Key: `k${i}`, Body: "x" });
      emu.clearRequests();

      const out = await s3.emptyBucket({ Bucket: "to-empty" });
      expect(out.$metadata.httpStatusCode).to.equal(202);
      const sent = only(emu, "DeleteBucket");
      expect(sent.headers["x-emc-empty-bucket"]).to.equal("true");
      expect(signedHeaders(sent)).to.include.members(["x-emc-empty-bucket", "x-emc-namespace"]);

      const write = await rejection(s3.putObject({ Bucket: "to-empty", Key: "late", Body: "x" }));
      expect(write.name).to.equal("EmptyBucketInProgress");
      expect(httpStatus(write)).to.equal(403);

      const seen = await statusesUntilGone("to-empty");
      expect(seen.length).to.be.greaterThan(0);
      for (const status of seen) {
        expect(status.Status).to.be.oneOf(["PENDING", "IN_PROGRESS", "POST_PROCESSING", "DONE"]);
        expect(status.Created).to.be.instanceOf(Date);
        expect(status.EntriesDeleted).to.be.a("number");
        expect(status.ApproximateObjectCount).to.equal(5);
      }
      expect((await rejection(s3.headBucket({ Bucket: "to-empty" }))).name).to.equal("NotFound");
    });

    it("ends FAILED, counting what retention kept, and leaves the bucket", async function () {
      await s3.createBucket({ Bucket: "kept" });
      await s3.putObject({ Bucket: "kept", Key: "free", Body: "x" });
      await s3.putObject({
        Bucket: "kept",
        Key: "retained",
        Body: "x",
        ObjectScale: { retentionPeriod: 3600 },
      });
      await s3.emptyBucket({ Bucket: "kept" });
      const last = (await statusesUntilGone("kept")).at(-1);
      expect(last).to.include({ Status: "FAILED", FailedToDeleteDueToRetention: 1, EntriesDeleted: 1 });
      expect(last?.Message).to.be.a("string");
      const left = await s3.listObjectsV2({ Bucket: "kept" });
      expect(left.Contents?.map((o) => o.Key)).to.deep.equal(["retained"]);
    });
  });

  describe(".listBucketsPaged()", function () {
    it("pages the bucket list with marker and limit, following NextMarker", async function () {
      const paging = objectScaleSession(emu, { namespace: "paging" }).client("s3");
      for (const name of ["b-1", "b-2", "b-3", "b-4", "b-5"]) await paging.createBucket({ Bucket: name });
      emu.clearRequests();

      const pages = [];
      let marker: string | undefined;
      do {
        const page = await paging.listBucketsPaged({
          Limit: 2,
          ...(marker !== undefined ? { Marker: marker } : {}),
        });
        pages.push(page);
        marker = page.IsTruncated ? page.NextMarker : undefined;
      } while (marker !== undefined);

      expect(pages.map((p) => p.Buckets.map((b) => b.Name))).to.deep.equal([
        ["b-1", "b-2"],
        ["b-3", "b-4"],
        ["b-5"],
      ]);
      expect(pages.map((p) => p.IsTruncated)).to.deep.equal([true, true, false]);
      expect(pages[0]!.MaxBuckets).to.equal(2);
      expect(pages[0]!.Buckets[0]!.CreationDate).to.be.instanceOf(Date);
      expect(pages[0]!.Owner?.ID).to.equal(emu.credentials.accessKeyId);
      expect(recorded(emu, "ListBuckets").map((r) => r.query)).to.deep.equal([
        { limit: "2" },
        { limit: "2", marker: "b-2" },
        { limit: "2", marker: "b-4" },
      ]);
    });
  });
});

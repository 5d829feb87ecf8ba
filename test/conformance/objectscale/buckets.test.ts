import { expect } from "chai";
import { NoSuchBucket } from "@aws-sdk/client-s3";
import { address, ADDRESSINGS, errorXml, objectScaleClient } from "../../support/objectScaleTransport.js";

/** Reference §7. */
const EMPTY_STATUS = `<?xml version="1.0" encoding="UTF-8"?>
<EmptyBucketStatus xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Status>IN_PROGRESS</Status>
  <Created>2024-05-01T10:00:00.000Z</Created>
  <LastUpdated>2024-05-01T10:01:00.000Z</LastUpdated>
  <EntriesDeleted>1200</EntriesDeleted>
  <FailedToDeleteDueToRetention>0</FailedToDeleteDueToRetention>
  <FailedToDeleteDueToPermission>0</FailedToDeleteDueToPermission>
  <FailedToDeleteDueToOther>0</FailedToDeleteDueToOther>
</EmptyBucketStatus>`;

for (const addressing of ADDRESSINGS) {
  describe(`ObjectScale bucket extensions (${addressing}-style)`, () => {
    it("createBucket sends every ObjectScale option as a signed x-emc-* header, and none reaches the SDK", async () => {
      const { client, wire } = objectScaleClient(addressing);
      const input = {
        Bucket: "invoices",
        ObjectScale: {
          namespace: "finance",
          replicationGroup: "urn:storageos:ReplicationGroupInfo:0123abcd:global",
          fileSystemEnabled: false,
          staleReadAllowed: true,
          serverSideEncryption: true,
          retentionPeriod: 86400,
          complianceEnabled: true,
        },
      };
      await client.createBucket(input);
      const sent = wire.only;
      const expected = {
        "x-emc-dataservice-vpool": "urn:storageos:ReplicationGroupInfo:0123abcd:global",
        "x-emc-file-system-access-enabled": "false",
        "x-emc-is-stale-allowed": "true",
        "x-emc-server-side-encryption-enabled": "true",
        "x-emc-retention-period": "86400",
        "x-emc-compliance-enabled": "true",
        "x-emc-namespace": "finance",
      };
      expect(sent.headers).to.include(expected);
      expect(sent.signedHeaders).to.include.members(Object.keys(expected));
      expect(sent.body).to.not.include("finance");
      expect(input.ObjectScale.namespace, "the caller's input is not modified").to.equal("finance");
    });

    it("createBucket sends the replication group under the configured header (reference §15.2)", async () => {
      const { client, wire } = objectScaleClient(addressing, [], { replicationGroupHeader: "x-emc-vpool" });
      await client.createBucket({ Bucket: "invoices", ObjectScale: { replicationGroup: "rg1" } });
      expect(wire.only.headers["x-emc-vpool"]).to.equal("rg1");
      expect(wire.only.headers).to.not.have.property("x-emc-dataservice-vpool");
    });

    it("putObject, copyObject and createMultipartUpload send retention headers, signed", async () => {
      const { client, wire } = objectScaleClient(addressing, [
        {},
        { body: "<CopyObjectResult><ETag>x</ETag></CopyObjectResult>" },
        { body: "<InitiateMultipartUploadResult><UploadId>u</UploadId></InitiateMultipartUploadResult>" },
      ]);
      const ObjectScale = { retentionPeriod: -1, retentionPolicy: "legal-7y" };
      await client.putObject({ Bucket: "bkt", Key: "k", Body: "x", ObjectScale });
      await client.copyObject({ Bucket: "bkt", Key: "k2", CopySource: "b/k", ObjectScale });
      await client.createMultipartUpload({ Bucket: "bkt", Key: "k3", ObjectScale });
      expect(wire.requests.map((r) => r.method)).to.deep.equal(["PUT", "PUT", "POST"]);
      for (const sent of wire.requests) {
        expect(sent.headers).to.include({
          "x-emc-retention-period": "-1",
          "x-emc-retention-policy": "legal-7y",
        });
        expect(sent.signedHeaders).to.include.members(["x-emc-retention-period", "x-emc-retention-policy"]);
      }
    });

    it("leaves other operations' requests without x-emc headers", async () => {
      const { client, wire } = objectScaleClient(addressing);
      await client.putObject({ Bucket: "bkt", Key: "k", Body: "x" });
      expect(Object.keys(wire.only.headers).filter((h) => h.startsWith("x-emc-"))).to.deep.equal([]);
    });

    it("extendRetentionPeriod sends PUT /{bucket}/{key}?retentionUpdate with x-emc-retention-period", async () => {
      const { client, wire } = objectScaleClient(addressing);
      await client.extendRetentionPeriod({ Bucket: "bkt", Key: "k", RetentionPeriod: 172800 });
      const sent = wire.only;
      expect(sent).to.deep.include({
        method: "PUT",
        ...address(addressing, "bkt", "k"),
        queryString: "retentionUpdate=",
      });
      expect(sent.headers).to.include({ "x-emc-retention-period": "172800", "content-length": "0" });
      expect(sent.signedHeaders).to.include("x-emc-retention-period");
    });

    it("setStaleReadAllowed sends PUT /{bucket}/?isstaleallowed with x-emc-is-stale-allowed", async () => {
      const { client, wire } = objectScaleClient(addressing);
      await client.setStaleReadAllowed({ Bucket: "bkt", StaleReadAllowed: false });
      expect(wire.only).to.deep.include({
        method: "PUT",
        ...address(addressing, "bkt"),
        queryString: "isstaleallowed=",
      });
      expect(wire.only.headers["x-emc-is-stale-allowed"]).to.equal("false");
      expect(wire.only.signedHeaders).to.include("x-emc-is-stale-allowed");
    });

    it("enableObjectLock sends PUT /{bucket}/?enable-object-lock without a body", async () => {
      const { client, wire } = objectScaleClient(addressing);
      await client.enableObjectLock({ Bucket: "bkt" });
      expect(wire.only).to.deep.include({
        method: "PUT",
        ...address(addressing, "bkt"),
        queryString: "enable-object-lock=",
        body: "",
      });
    });

    it("emptyBucket sends DELETE /{bucket} with x-emc-empty-bucket: true and accepts 202", async () => {
      const { client, wire } = objectScaleClient(addressing, [{ statusCode: 202 }]);
      const out = await client.emptyBucket({ Bucket: "old" });
      expect(wire.only).to.deep.include({ method: "DELETE", ...address(addressing, "old"), queryString: "" });
      expect(wire.only.headers["x-emc-empty-bucket"]).to.equal("true");
      expect(wire.only.signedHeaders).to.include("x-emc-empty-bucket");
      expect(out.$metadata.httpStatusCode).to.equal(202);
    });

    it("getEmptyBucketStatus sends GET /{bucket}/?empty-bucket-status and parses EmptyBucketStatus", async () => {
      const { client, wire } = objectScaleClient(addressing, [{ body: EMPTY_STATUS }]);
      const out = await client.getEmptyBucketStatus({ Bucket: "old" });
      expect(wire.only).to.deep.include({
        method: "GET",
        ...address(addressing, "old"),
        queryString: "empty-bucket-status=",
      });
      expect(out).to.deep.include({
        Status: "IN_PROGRESS",
        EntriesDeleted: 1200,
        FailedToDeleteDueToRetention: 0,
        FailedToDeleteDueToPermission: 0,
        FailedToDeleteDueToOther: 0,
      });
      expect(out.Created?.toISOString()).to.equal("2024-05-01T10:00:00.000Z");
      expect(out.LastUpdated?.toISOString()).to.equal("2024-05-01T10:01:00.000Z");
    });

    it("getEmptyBucketStatus raises NoSuchBucket once the bucket is gone", async () => {
      const { client } = objectScaleClient(addressing, [
        { statusCode: 404, body: errorXml("NoSuchBucket", "The specified bucket does not exist") },
      ]);
      const error = await client.getEmptyBucketStatus({ Bucket: "old" }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(NoSuchBucket);
    });
  });
}

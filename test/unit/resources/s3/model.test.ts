/**
 * The S3 resource model against boto3's (`boto3/data/s3/2006-03-01/resources-1.json`, as
 * tabulated in the project's boto3 reference): every resource type with its identifiers, load,
 * actions, batch actions, waiters, collections and sub-resources, camelCased. Read from what the
 * decorators recorded, so the classes themselves are what is checked.
 */
import { expect } from "chai";
import { getResourceMetadata, type ResourceMetadata } from "../../../../decorators/index.js";
import { readResourceModel } from "../../../../lib/resources/ResourceModel.js";
import { Session } from "../../../../index.js";
import { S3Object, S3ServiceResource, s3ResourceDefinitions } from "../../../../resources/s3/index.js";

interface Expected {
  identifiers: string[];
  load?: string;
  /** Action → operation. */
  actions?: Record<string, string>;
  batchActions?: Record<string, string>;
  /** Waiter method → client waiter. */
  waiters?: Record<string, string>;
  /** Collection → [operation, resource type]. */
  collections?: Record<string, [string, string]>;
  /** Sub-resource → resource type. */
  subresources: Record<string, string>;
}

const bucketConfig = (load: string, actions: Record<string, string>): Expected => ({
  identifiers: ["bucketName"],
  load,
  actions,
  subresources: { Bucket: "Bucket" },
});

const objectActions = {
  copyFrom: "CopyObject",
  delete: "DeleteObject",
  get: "GetObject",
  initiateMultipartUpload: "CreateMultipartUpload",
  put: "PutObject",
  restoreObject: "RestoreObject",
};
const objectWaiters = { waitUntilExists: "ObjectExists", waitUntilNotExists: "ObjectNotExists" };

/** boto3's table, camelCased; where ours differs on purpose, a comment says why. */
const boto3Model: Record<string, Expected> = {
  ServiceResource: {
    identifiers: [],
    actions: { createBucket: "CreateBucket" },
    collections: { buckets: ["ListBuckets", "Bucket"] },
    // boto3 models Bucket and adds the other 17 implicitly; ours writes all 18 down (typed).
    subresources: {
      Bucket: "Bucket",
      BucketAcl: "BucketAcl",
      BucketCors: "BucketCors",
      BucketLifecycle: "BucketLifecycle",
      BucketLifecycleConfiguration: "BucketLifecycleConfiguration",
      BucketLogging: "BucketLogging",
      BucketNotification: "BucketNotification",
      BucketPolicy: "BucketPolicy",
      BucketRequestPayment: "BucketRequestPayment",
      BucketTagging: "BucketTagging",
      BucketVersioning: "BucketVersioning",
      BucketWebsite: "BucketWebsite",
      MultipartUpload: "MultipartUpload",
      MultipartUploadPart: "MultipartUploadPart",
      Object: "Object",
      ObjectAcl: "ObjectAcl",
      ObjectSummary: "ObjectSummary",
      ObjectVersion: "ObjectVersion",
    },
  },
  Bucket: {
    identifiers: ["name"],
    load: "ListBuckets", // boto3 injects it
    actions: {
      create: "CreateBucket",
      delete: "DeleteBucket",
      deleteObjects: "DeleteObjects",
      putObject: "PutObject",
    },
    waiters: { waitUntilExists: "BucketExists", waitUntilNotExists: "BucketNotExists" },
    collections: {
      multipartUploads: ["ListMultipartUploads", "MultipartUpload"],
      objectVersions: ["ListObjectVersions", "ObjectVersion"],
      objects: ["ListObjectsV2", "ObjectSummary"], // boto3: ListObjects (v1)
    },
    subresources: {
      Acl: "BucketAcl",
      Cors: "BucketCors",
      Lifecycle: "BucketLifecycle",
      LifecycleConfiguration: "BucketLifecycleConfiguration",
      Logging: "BucketLogging",
      Notification: "BucketNotification",
      Object: "Object",
      Policy: "BucketPolicy",
      RequestPayment: "BucketRequestPayment",
      Tagging: "BucketTagging",
      Versioning: "BucketVersioning",
      Website: "BucketWebsite",
    },
  },
  BucketAcl: bucketConfig("GetBucketAcl", { put: "PutBucketAcl" }),
  BucketCors: bucketConfig("GetBucketCors", { delete: "DeleteBucketCors", put: "PutBucketCors" }),
  // boto3: GetBucketLifecycle / PutBucketLifecycle (v1), which @aws-sdk/client-s3 does not have;
  // the *Configuration operations read and write the same `?lifecycle` document.
  BucketLifecycle: bucketConfig("GetBucketLifecycleConfiguration", {
    delete: "DeleteBucketLifecycle",
    put: "PutBucketLifecycleConfiguration",
  }),
  BucketLifecycleConfiguration: bucketConfig("GetBucketLifecycleConfiguration", {
    delete: "DeleteBucketLifecycle",
    put: "PutBucketLifecycleConfiguration",
  }),
  BucketLogging: bucketConfig("GetBucketLogging", { put: "PutBucketLogging" }),
  BucketNotification: bucketConfig("GetBucketNotificationConfiguration", {
    put: "PutBucketNotificationConfiguration",
  }),
  BucketPolicy: bucketConfig("GetBucketPolicy", { delete: "DeleteBucketPolicy", put: "PutBucketPolicy" }),
  BucketRequestPayment: bucketConfig("GetBucketRequestPayment", { put: "PutBucketRequestPayment" }),
  BucketTagging: bucketConfig("GetBucketTagging", { delete: "DeleteBucketTagging", put: "PutBucketTagging" }),
  BucketVersioning: bucketConfig("GetBucketVersioning", {
    enable: "PutBucketVersioning",
    put: "PutBucketVersioning",
    suspend: "PutBucketVersioning",
  }),
  BucketWebsite: bucketConfig("GetBucketWebsite", { delete: "DeleteBucketWebsite", put: "PutBucketWebsite" }),
  MultipartUpload: {
    identifiers: ["bucketName", "objectKey", "id"],
    actions: { abort: "AbortMultipartUpload", complete: "CompleteMultipartUpload" },
    collections: { parts: ["ListParts", "MultipartUploadPart"] },
    subresources: { Object: "Object", Part: "MultipartUploadPart" },
  },
  MultipartUploadPart: {
    identifiers: ["bucketName", "objectKey", "multipartUploadId", "partNumber"],
    actions: { copyFrom: "UploadPartCopy", upload: "UploadPart" },
    subresources: { MultipartUpload: "MultipartUpload" },
  },
  Object: {
    identifiers: ["bucketName", "key"],
    load: "HeadObject",
    actions: objectActions,
    batchActions: { delete: "DeleteObjects" },
    waiters: objectWaiters,
    subresources: {
      Acl: "ObjectAcl",
      Bucket: "Bucket",
      MultipartUpload: "MultipartUpload",
      Version: "ObjectVersion",
    },
  },
  ObjectAcl: {
    identifiers: ["bucketName", "objectKey"],
    load: "GetObjectAcl",
    actions: { put: "PutObjectAcl" },
    subresources: { Object: "Object" },
  },
  ObjectSummary: {
    identifiers: ["bucketName", "key"],
    load: "HeadObject", // boto3 injects it
    actions: objectActions,
    batchActions: { delete: "DeleteObjects" },
    waiters: objectWaiters,
    subresources: {
      Acl: "ObjectAcl",
      Bucket: "Bucket",
      MultipartUpload: "MultipartUpload",
      Object: "Object",
      Version: "ObjectVersion",
    },
  },
  ObjectVersion: {
    identifiers: ["bucketName", "objectKey", "id"],
    actions: { delete: "DeleteObject", get: "GetObject", head: "HeadObject" },
    batchActions: { delete: "DeleteObjects" },
    subresources: { Object: "Object" },
  },
};

function metadataByName(): Map<string, ResourceMetadata> {
  const byName = new Map<string, ResourceMetadata>();
  for (const definition of s3ResourceDefinitions) {
    const metadata = getResourceMetadata(definition);
    expect(metadata, definition.name).to.not.equal(undefined);
    expect(metadata!.service, definition.name).to.equal("s3");
    byName.set(metadata!.name!, metadata!);
  }
  return byName;
}

const mapValues = <V, R>(
  record: Readonly<Record<string, V>> | undefined,
  f: (v: V) => R,
): Record<string, R> => Object.fromEntries(Object.entries(record ?? {}).map(([k, v]) => [k, f(v)]));

describe("S3 resource model", () => {
  const model = metadataByName();

  it("declares boto3's 18 resource types plus the service resource, each once", () => {
    expect(s3ResourceDefinitions).to.have.length(19);
    expect([...model.keys()].sort()).to.deep.equal(Object.keys(boto3Model).sort());
  });

  it("has boto3's totals: 44 actions, 15 loads, 3 batch actions, 6 waiters, 5 collections, 38 relations", () => {
    const count = (key: keyof ResourceMetadata) =>
      [...model.values()].reduce((n, m) => n + Object.keys(m[key] ?? {}).length, 0);
    expect(count("actions")).to.equal(44);
    expect([...model.values()].filter((m) => m.load !== undefined)).to.have.length(15);
    expect(count("batchActions")).to.equal(3);
    expect(count("waiters")).to.equal(6);
    expect(count("collections")).to.equal(5);
    // boto3's 38 `has` entries; the service resource's 17 implicit constructors are written down here.
    expect(count("subresources") - 17).to.equal(38);
    expect(count("references")).to.equal(0);
  });

  for (const [name, expected] of Object.entries(boto3Model)) {
    describe(name, () => {
      const metadata = () => model.get(name)!;

      it("has boto3's identifiers, in order", () => {
        expect((metadata().identifiers ?? []).map((id) => id.name)).to.deep.equal(expected.identifiers);
      });

      it(expected.load ? `loads with ${expected.load}` : "has no load, as in boto3", () => {
        expect(metadata().load?.operation).to.equal(expected.load);
      });

      it("has boto3's actions, waiters and batch actions", () => {
        expect(mapValues(metadata().actions, (a) => a.operation)).to.deep.equal(expected.actions ?? {});
        expect(mapValues(metadata().waiters, (w) => w.waiter)).to.deep.equal(expected.waiters ?? {});
        expect(mapValues(metadata().batchActions, (b) => b.operation)).to.deep.equal(
          expected.batchActions ?? {},
        );
      });

      it("has boto3's collections and sub-resources", () => {
        expect(mapValues(metadata().collections, (c) => [c.operation, c.resource.type])).to.deep.equal(
          expected.collections ?? {},
        );
        expect(mapValues(metadata().subresources, (s) => s.resource.type)).to.deep.equal(
          expected.subresources,
        );
      });

      it("fills every request from its own identifiers", () => {
        const known = new Set(expected.identifiers);
        const specs = [
          ...Object.values(metadata().actions ?? {}),
          ...Object.values(metadata().waiters ?? {}),
          ...Object.values(metadata().batchActions ?? {}),
          ...Object.values(metadata().collections ?? {}),
          ...(metadata().load ? [metadata().load!] : []),
        ];
        for (const spec of specs) {
          for (const source of Object.values(spec.params)) {
            if (source?.from === "identifier") expect(known.has(source.name), source.name).to.equal(true);
          }
        }
      });
    });
  }

  describe("parameter and identifier mappings", () => {
    it("lists objects with ListObjectsV2: bucket from the request, key from Contents[].Key", () => {
      const objects = model.get("Bucket")!.collections!["objects"]!;
      expect(objects.params).to.deep.equal({ Bucket: { from: "identifier", name: "name" } });
      expect(objects.resource).to.deep.equal({
        type: "ObjectSummary",
        identifiers: {
          bucketName: { from: "requestParameter", path: "Bucket" },
          key: { from: "response", path: "Contents[].Key" },
        },
        path: "Contents[]",
      });
    });

    it("lists versions and delete markers together", () => {
      const versions = model.get("Bucket")!.collections!["objectVersions"]!;
      expect(versions.resource.path).to.equal("Versions[]|DeleteMarkers[]");
      expect(versions.resource.identifiers["id"]).to.deep.equal({
        from: "response",
        path: "Versions[].VersionId|DeleteMarkers[].VersionId",
      });
    });

    it("loads a Bucket from its ListBuckets entry, and an ObjectSummary by HeadObject with Size", () => {
      expect(model.get("Bucket")!.load).to.deep.equal({
        kind: "load",
        operation: "ListBuckets",
        params: {},
        path: "Buckets",
        match: { Name: { from: "identifier", name: "name" } },
        checkAs: { operation: "HeadBucket", params: { Bucket: { from: "identifier", name: "name" } } },
      });
      expect(model.get("Bucket")!.shape).to.deep.equal({ operation: "ListBuckets", path: "Buckets" });
      expect(model.get("ObjectSummary")!.load?.rename).to.deep.equal({ ContentLength: "Size" });
      expect(model.get("ObjectSummary")!.shape).to.deep.equal({
        operation: "ListObjectsV2",
        path: "Contents",
      });
    });

    it("deletes versions in batches by Key and VersionId, raising on per-item Errors", () => {
      const batch = model.get("ObjectVersion")!.batchActions!["delete"]!;
      expect(batch.params).to.deep.equal({
        Bucket: { from: "identifier", name: "bucketName" },
        "Delete.Objects[].Key": { from: "identifier", name: "objectKey" },
        "Delete.Objects[].VersionId": { from: "identifier", name: "id" },
      });
      expect(batch.itemErrors).to.equal("Errors");
      for (const name of ["Object", "ObjectSummary"]) {
        expect(model.get(name)!.batchActions!["delete"]!.itemErrors, name).to.equal("Errors");
      }
    });

    it("enables and suspends versioning with constant statuses", () => {
      const { enable, suspend } = model.get("BucketVersioning")!.actions!;
      expect(enable!.params["VersioningConfiguration.Status" as never]).to.deep.equal({
        from: "constant",
        value: "Enabled",
      });
      expect(suspend!.params["VersioningConfiguration.Status" as never]).to.deep.equal({
        from: "constant",
        value: "Suspended",
      });
    });

    it("names each part by its number, mirrored by the PartNumber member", () => {
      const ids = model.get("MultipartUploadPart")!.identifiers!;
      expect(ids[3]).to.deep.equal({ name: "partNumber", memberName: "partNumber" });
      const parts = model.get("MultipartUpload")!.collections!["parts"]!;
      expect(parts.resource.identifiers["partNumber"]).to.deep.equal({
        from: "response",
        path: "Parts[].PartNumber",
      });
    });

    it("builds resources from action responses as boto3 does", () => {
      expect(model.get("Bucket")!.actions!["putObject"]!.resource!.identifiers).to.deep.equal({
        bucketName: { from: "identifier", name: "name" },
        key: { from: "requestParameter", path: "Key" },
      });
      expect(
        model.get("Object")!.actions!["initiateMultipartUpload"]!.resource!.identifiers["id"],
      ).to.deep.equal({
        from: "response",
        path: "UploadId",
      });
      expect(model.get("MultipartUpload")!.actions!["complete"]!.resource!.type).to.equal("Object");
      expect(model.get("ServiceResource")!.actions!["createBucket"]!.resource!.identifiers).to.deep.equal({
        name: { from: "requestParameter", path: "Bucket" },
      });
    });
  });

  describe("attributes, as the resource factory names them from the SDK's shapes", () => {
    const attributesOf = (name: string) => {
      const definition = s3ResourceDefinitions.find((d) => getResourceMetadata(d)?.name === name)!;
      return readResourceModel(definition).attributes.map((a) => a.property);
    };

    it("gives the list-item resources exactly boto3's attributes (the SDK's shapes decide)", () => {
      expect(attributesOf("ObjectSummary")).to.have.members([
        "lastModified",
        "eTag",
        "checksumAlgorithm",
        "checksumType",
        "size",
        "storageClass",
        "owner",
        "restoreStatus",
      ]);
      expect(attributesOf("ObjectVersion")).to.have.members([
        "eTag",
        "checksumAlgorithm",
        "checksumType",
        "size",
        "storageClass",
        "key",
        "versionId",
        "isLatest",
        "lastModified",
        "owner",
        "restoreStatus",
      ]);
      expect(attributesOf("MultipartUpload")).to.have.members([
        "uploadId",
        "key",
        "initiated",
        "storageClass",
        "owner",
        "initiator",
        "checksumAlgorithm",
        "checksumType",
        "versionId", // newer than boto3's snapshot: @aws-sdk/client-s3 3.1175 lists it
      ]);
    });

    it("leaves out shape members that are identifiers (Bucket.Name, ObjectSummary.Key, Part.PartNumber)", () => {
      expect(attributesOf("Bucket"))
        .to.include.members(["creationDate", "bucketRegion"])
        .and.not.include("name");
      expect(attributesOf("ObjectSummary")).to.not.include("key");
      expect(attributesOf("MultipartUploadPart")).to.include.members(["eTag", "size", "lastModified"]);
      expect(attributesOf("MultipartUploadPart")).to.not.include("partNumber");
    });

    it("reads the configuration resources' attributes from their Get operations", () => {
      expect(attributesOf("BucketAcl")).to.have.members(["owner", "grants"]);
      expect(attributesOf("BucketCors")).to.have.members(["cORSRules"]);
      expect(attributesOf("BucketLifecycle")).to.include("rules");
      expect(attributesOf("BucketLogging")).to.have.members(["loggingEnabled"]);
      expect(attributesOf("BucketNotification")).to.include.members([
        "topicConfigurations",
        "queueConfigurations",
        "lambdaFunctionConfigurations",
        "eventBridgeConfiguration",
      ]);
      expect(attributesOf("BucketPolicy")).to.have.members(["policy"]);
      expect(attributesOf("BucketRequestPayment")).to.have.members(["payer"]);
      expect(attributesOf("BucketTagging")).to.have.members(["tagSet"]);
      expect(attributesOf("BucketVersioning")).to.have.members(["status", "mFADelete"]);
      expect(attributesOf("BucketWebsite")).to.have.members([
        "redirectAllRequestsTo",
        "indexDocument",
        "errorDocument",
        "routingRules",
      ]);
      expect(attributesOf("ObjectAcl")).to.include.members(["owner", "grants", "requestCharged"]);
      expect(attributesOf("Object")).to.include.members([
        "contentLength",
        "contentType",
        "eTag",
        "lastModified",
        "metadata",
        "versionId",
        "storageClass",
        "deleteMarker",
      ]);
    });

    it("renames no attribute: no shape member clashes with an action, waiter or relation", () => {
      for (const definition of s3ResourceDefinitions) {
        const renamed = readResourceModel(definition).attributes.filter((a) =>
          a.property.endsWith("Attribute"),
        );
        expect(renamed, definition.name).to.deep.equal([]);
      }
    });

    it("builds every class in a default session, without a request", () => {
      const s3 = new Session({
        region: "us-east-1",
        credentials: { accessKeyId: "a", secretAccessKey: "b" },
      }).resource("s3");
      expect(s3).to.be.instanceOf(S3ServiceResource);
      const obj = s3.Object("b", "k");
      expect(obj).to.be.instanceOf(S3Object);
      expect(String(s3.MultipartUploadPart("b", "k", "u", "3"))).to.equal(
        "s3.MultipartUploadPart(bucketName='b', objectKey='k', multipartUploadId='u', partNumber='3')",
      );
      for (const [name, args] of Object.entries({
        BucketAcl: ["b"],
        BucketCors: ["b"],
        BucketLifecycle: ["b"],
        BucketLifecycleConfiguration: ["b"],
        BucketLogging: ["b"],
        BucketNotification: ["b"],
        BucketPolicy: ["b"],
        BucketRequestPayment: ["b"],
        BucketTagging: ["b"],
        BucketVersioning: ["b"],
        BucketWebsite: ["b"],
        MultipartUpload: ["b", "k", "u"],
        ObjectAcl: ["b", "k"],
        ObjectSummary: ["b", "k"],
        ObjectVersion: ["b", "k", "v"],
      })) {
        const make = (
          s3 as unknown as Record<string, (...a: string[]) => { meta: { resourceName: string } }>
        )[name]!;
        expect(make.call(s3, ...args).meta.resourceName).to.equal(name);
      }
    });
  });
});

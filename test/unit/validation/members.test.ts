import "reflect-metadata";
import {
  BucketCannedACL,
  BucketVersioningStatus,
  ChecksumAlgorithm,
  EncodingType,
  MetadataDirective,
  MFADelete,
  ObjectCannedACL,
  ObjectLockLegalHoldStatus,
  ObjectLockMode,
  RequestPayer,
  ServerSideEncryption,
  StorageClass,
  TaggingDirective,
} from "@aws-sdk/client-s3";
import { expect } from "chai";
import { expectIssue, expectValid, issuesOf } from "./helpers.js";

const oneOf = (values: Record<string, string>): string =>
  `one of ${Object.values(values)
    .map((v) => JSON.stringify(v))
    .join(", ")}`;

const object = { Bucket: "b", Key: "k" };

describe("validateParams: members", () => {
  describe("required members", () => {
    it("reports each missing required member of UploadPart", () => {
      expect(issuesOf("UploadPart", {}).map((i) => [i.field, i.expected, i.received])).to.deep.equal([
        [
          "Bucket",
          '1-255 letters, digits, dots, hyphens or underscores, or an ARN starting with "arn:"',
          "undefined",
        ],
        ["Key", "a non-empty string of at most 1024 UTF-8 bytes", "undefined"],
        ["UploadId", "a non-empty string", "undefined"],
        ["PartNumber", "an integer from 1 to 10000", "undefined"],
      ]);
    });

    it("reports required members of operations without a hand-written DTO", () => {
      expectIssue("GetBucketAnalyticsConfiguration", { Bucket: "b" }, "Id", "a non-empty string");
      expectIssue(
        "PutBucketEncryption",
        { Bucket: "b", ServerSideEncryptionConfiguration: [] },
        "ServerSideEncryptionConfiguration",
        "an object",
      );
      expectIssue("WriteGetObjectResponse", { RequestRoute: "r" }, "RequestToken", "a non-empty string");
    });

    it("treats null like a missing member", () => {
      expectIssue(
        "HeadObject",
        { Bucket: "b", Key: null },
        "Key",
        "a non-empty string of at most 1024 UTF-8 bytes",
      );
      expectValid("HeadObject", { ...object, VersionId: null });
    });
  });

  describe("types", () => {
    it("wants strings for string members", () => {
      expect(
        expectIssue("HeadObject", { ...object, VersionId: 5 }, "VersionId", "a string").received,
      ).to.equal("5");
    });

    it("wants integers for integer members", () => {
      for (const bad of ["abc", 1.5, Number.NaN, "10", 2 ** 53]) {
        expectIssue("ListObjectsV2", { Bucket: "b", MaxKeys: bad }, "MaxKeys", "an integer of at least 0");
      }
      expectValid("ListObjectsV2", { Bucket: "b", MaxKeys: 0 });
    });

    it("wants true or false for boolean members", () => {
      expectIssue("ListObjectsV2", { Bucket: "b", FetchOwner: "true" }, "FetchOwner", "true or false");
      expectValid("ListObjectsV2", { Bucket: "b", FetchOwner: false });
    });

    it("wants a valid Date for timestamps", () => {
      expect(
        expectIssue(
          "HeadObject",
          { ...object, IfModifiedSince: "2024-01-01" },
          "IfModifiedSince",
          "a valid Date",
        ).received,
      ).to.equal('"2024-01-01"');
      expect(
        expectIssue(
          "GetObject",
          { ...object, IfModifiedSince: new Date(Number.NaN) },
          "IfModifiedSince",
          "a valid Date",
        ).received,
      ).to.equal("an invalid Date");
      expectValid("GetObject", { ...object, IfModifiedSince: new Date("2024-01-01T00:00:00Z") });
    });

    it("wants a list of enum values for ObjectAttributes", () => {
      const expected =
        'a non-empty list of values among "Checksum", "ETag", "ObjectParts", "ObjectSize", "StorageClass"';
      expectIssue("GetObjectAttributes", { ...object, ObjectAttributes: [] }, "ObjectAttributes", expected);
      expectIssue(
        "GetObjectAttributes",
        { ...object, ObjectAttributes: ["ETag", "Nope"] },
        "ObjectAttributes",
        expected,
      );
      expectValid("GetObjectAttributes", { ...object, ObjectAttributes: ["ETag", "ObjectSize"] });
    });
  });

  describe("integer ranges", () => {
    const part = { ...object, UploadId: "u" };
    it("accepts part numbers 1 and 10000 and rejects 0 and 10001", () => {
      expectValid("UploadPart", { ...part, PartNumber: 1 });
      expectValid("UploadPart", { ...part, PartNumber: 10_000 });
      expectIssue("UploadPart", { ...part, PartNumber: 0 }, "PartNumber", "an integer from 1 to 10000");
      expectIssue("UploadPart", { ...part, PartNumber: 10_001 }, "PartNumber", "an integer from 1 to 10000");
      expectIssue("HeadObject", { ...object, PartNumber: 0 }, "PartNumber", "an integer from 1 to 10000");
    });

    const negatives: readonly (readonly [string, object, string])[] = [
      ["ListObjects", { Bucket: "b", MaxKeys: -1 }, "MaxKeys"],
      ["ListObjectVersions", { Bucket: "b", MaxKeys: -1 }, "MaxKeys"],
      ["ListParts", { ...part, MaxParts: -1 }, "MaxParts"],
      ["ListMultipartUploads", { Bucket: "b", MaxUploads: -1 }, "MaxUploads"],
      ["PutObject", { ...object, ContentLength: -1 }, "ContentLength"],
      ["UploadPart", { ...part, PartNumber: 1, ContentLength: -1 }, "ContentLength"],
    ];
    for (const [op, params, field] of negatives) {
      it(`rejects a negative ${field} on ${op}`, () =>
        expectIssue(op, params, field, "an integer of at least 0"));
    }

    it("wants at least one day where days count", () => {
      expectIssue(
        "RestoreObject",
        { ...object, RestoreRequest: { Days: 0 } },
        "RestoreRequest.Days",
        "an integer of at least 1",
      );
      expectValid("RestoreObject", { ...object, RestoreRequest: { Days: 1 } });
      expectIssue("ListBuckets", { MaxBuckets: 0 }, "MaxBuckets", "an integer from 1 to 10000");
    });
  });

  describe("enums (the SDK's exported const objects)", () => {
    type Case = readonly [
      op: string,
      base: object,
      field: string,
      values: Record<string, string>,
      valid: string,
    ];
    const cases: readonly Case[] = [
      ["PutObject", object, "ACL", ObjectCannedACL, "bucket-owner-full-control"],
      ["CreateBucket", {}, "ACL", BucketCannedACL, "public-read"],
      ["PutObject", object, "StorageClass", StorageClass, "STANDARD"],
      ["PutObject", object, "ServerSideEncryption", ServerSideEncryption, "AES256"],
      ["CopyObject", { ...object, CopySource: "s/k" }, "MetadataDirective", MetadataDirective, "REPLACE"],
      ["CopyObject", { ...object, CopySource: "s/k" }, "TaggingDirective", TaggingDirective, "COPY"],
      ["CreateMultipartUpload", object, "ObjectLockMode", ObjectLockMode, "GOVERNANCE"],
      ["PutObject", object, "ObjectLockLegalHoldStatus", ObjectLockLegalHoldStatus, "ON"],
      ["PutObject", object, "ChecksumAlgorithm", ChecksumAlgorithm, "CRC32"],
      ["ListObjectsV2", { Bucket: "b" }, "EncodingType", EncodingType, "url"],
      ["GetObject", object, "RequestPayer", RequestPayer, "requester"],
    ];
    for (const [op, base, field, values, valid] of cases) {
      it(`checks ${op}.${field} against the SDK's values`, () => {
        const params = { Bucket: "new-bucket", ...base };
        expectValid(op, { ...params, [field]: valid });
        const issue = expectIssue(op, { ...params, [field]: "nonsense" }, field, oneOf(values));
        expect(issue.received).to.equal('"nonsense"');
      });
    }

    it("keeps object-only canned ACLs off buckets", () => {
      expectIssue(
        "CreateBucket",
        { Bucket: "new-bucket", ACL: "bucket-owner-full-control" },
        "ACL",
        oneOf(BucketCannedACL),
      );
    });

    it("checks nested enums with their path", () => {
      expectIssue(
        "PutBucketVersioning",
        { Bucket: "b", VersioningConfiguration: { Status: "On" } },
        "VersioningConfiguration.Status",
        oneOf(BucketVersioningStatus),
      );
      expectIssue(
        "PutBucketVersioning",
        { Bucket: "b", VersioningConfiguration: { Status: "Enabled", MFADelete: "Yes" } },
        "VersioningConfiguration.MFADelete",
        oneOf(MFADelete),
      );
      expectIssue(
        "PutObjectLegalHold",
        { ...object, LegalHold: { Status: "on" } },
        "LegalHold.Status",
        oneOf(ObjectLockLegalHoldStatus),
      );
      expectIssue(
        "PutObjectRetention",
        { ...object, Retention: { Mode: "STRICT", RetainUntilDate: new Date() } },
        "Retention.Mode",
        'one of "COMPLIANCE", "GOVERNANCE"',
      );
    });
  });
});

import "reflect-metadata";
import { expect } from "chai";
import { expectIssue, expectValid, issuesOf } from "./helpers.js";

const object = { Bucket: "b", Key: "k" };
const KEY = "a non-empty string of at most 1024 UTF-8 bytes";
const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: `v${i}` }));
const keys = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `logs/${i}.txt` }));

describe("validateParams: nested structures and lists", () => {
  describe("tag sets", () => {
    it("allow at most 10 tags on an object and 50 on a bucket", () => {
      expectValid("PutObjectTagging", { ...object, Tagging: { TagSet: tags(10) } });
      expectIssue(
        "PutObjectTagging",
        { ...object, Tagging: { TagSet: tags(11) } },
        "Tagging.TagSet",
        "a list of at most 10 tags",
      );
      expectValid("PutBucketTagging", { Bucket: "b", Tagging: { TagSet: tags(50) } });
      expectIssue(
        "PutBucketTagging",
        { Bucket: "b", Tagging: { TagSet: tags(51) } },
        "Tagging.TagSet",
        "a list of at most 50 tags",
      );
    });

    it("want keys of 1-128 characters, counted as characters rather than UTF-16 units", () => {
      const set = (Key: string) => ({ ...object, Tagging: { TagSet: [{ Key, Value: "v" }] } });
      expectValid("PutObjectTagging", set("k".repeat(128)));
      expectValid("PutObjectTagging", set("😀".repeat(128)));
      expectIssue("PutObjectTagging", set(""), "Tagging.TagSet[0].Key", "a string of 1-128 characters");
      expectIssue(
        "PutObjectTagging",
        set("k".repeat(129)),
        "Tagging.TagSet[0].Key",
        "a string of 1-128 characters",
      );
      expectIssue(
        "PutObjectTagging",
        set("😀".repeat(129)),
        "Tagging.TagSet[0].Key",
        "a string of 1-128 characters",
      );
    });

    it("want values of 0-256 characters", () => {
      const set = (Value: unknown) => ({ ...object, Tagging: { TagSet: [{ Key: "k", Value }] } });
      expectValid("PutObjectTagging", set(""));
      expectValid("PutObjectTagging", set("v".repeat(256)));
      expectIssue(
        "PutObjectTagging",
        set("v".repeat(257)),
        "Tagging.TagSet[0].Value",
        "a string of at most 256 characters",
      );
      expectIssue(
        "PutObjectTagging",
        set(undefined),
        "Tagging.TagSet[0].Value",
        "a string of at most 256 characters",
      );
    });

    it("require the TagSet and the Tagging", () => {
      expectIssue(
        "PutObjectTagging",
        { ...object, Tagging: {} },
        "Tagging.TagSet",
        "a list of at most 10 tags",
      );
      expectIssue("PutObjectTagging", object, "Tagging", "an object");
    });
  });

  describe("DeleteObjects", () => {
    const deleting = (Objects: unknown) => ({ Bucket: "b", Delete: { Objects } });
    const LIST = "a list of 1 to 1000 objects with a Key";

    it("accepts 1 to 1000 keys", () => {
      expectValid("DeleteObjects", deleting(keys(1)));
      expectValid("DeleteObjects", deleting(keys(1000)));
    });

    it("rejects no keys, more than 1000 keys, and a missing list", () => {
      expectIssue("DeleteObjects", deleting([]), "Delete.Objects", LIST);
      expect(expectIssue("DeleteObjects", deleting(keys(1001)), "Delete.Objects", LIST).received).to.equal(
        "an array of 1001 items",
      );
      expectIssue("DeleteObjects", deleting(undefined), "Delete.Objects", LIST);
      expectIssue("DeleteObjects", { Bucket: "b" }, "Delete", "an object");
    });

    it("names each bad entry by its index", () => {
      const objects = [
        ...keys(3),
        { Key: "" },
        "plain-string",
        { Key: "ok", VersionId: 7 },
        { VersionId: "v" },
      ];
      expect(issuesOf("DeleteObjects", deleting(objects)).map((i) => [i.field, i.expected])).to.deep.equal([
        ["Delete.Objects[3].Key", KEY],
        ["Delete.Objects[4]", "an object with a Key"],
        ["Delete.Objects[5].VersionId", "a string"],
        ["Delete.Objects[6].Key", KEY],
      ]);
    });

    it("checks the entries of a list that is too long, too", () => {
      const objects = keys(1001);
      objects[1000] = { Key: "" };
      expect(issuesOf("DeleteObjects", deleting(objects)).map((i) => i.field)).to.deep.equal([
        "Delete.Objects",
        "Delete.Objects[1000].Key",
      ]);
    });

    it("does not descend into a structure that is not an object", () => {
      expect(
        issuesOf("DeleteObjects", { Bucket: "b", Delete: "everything" }).map((i) => i.field),
      ).to.deep.equal(["Delete"]);
      const issue = expectIssue("DeleteObjects", { Bucket: "b", Delete: new Date(0) }, "Delete", "an object");
      expect(issue.received).to.equal("Date 1970-01-01T00:00:00.000Z");
    });

    it("reports entries that are missing or not plain objects (class-validator would skip undefined)", () => {
      expect(
        issuesOf("DeleteObjects", deleting([undefined, new Date(0), new Map(), { Key: "ok" }])).map((i) => [
          i.field,
          i.expected,
          i.received,
        ]),
      ).to.deep.equal([
        ["Delete.Objects[0]", "an object with a Key", "undefined"],
        ["Delete.Objects[1]", "an object with a Key", "Date 1970-01-01T00:00:00.000Z"],
        ["Delete.Objects[2]", "an object with a Key", "a Map"],
      ]);
    });
  });

  describe("multipart completion", () => {
    it("checks part numbers and ETags of the parts", () => {
      const complete = (Parts: unknown) => ({ ...object, UploadId: "u", MultipartUpload: { Parts } });
      expectValid("CompleteMultipartUpload", complete([{ PartNumber: 1, ETag: '"e1"' }]));
      expectIssue(
        "CompleteMultipartUpload",
        complete([{ PartNumber: 0, ETag: "e" }]),
        "MultipartUpload.Parts[0].PartNumber",
        "an integer from 1 to 10000",
      );
      expectIssue(
        "CompleteMultipartUpload",
        complete([{ PartNumber: 1, ETag: 5 }]),
        "MultipartUpload.Parts[0].ETag",
        "a string",
      );
      expectIssue(
        "CompleteMultipartUpload",
        complete([]),
        "MultipartUpload.Parts",
        "a list of 1 to 10000 parts",
      );
    });
  });

  describe("bucket configuration documents", () => {
    it("checks CORS rules", () => {
      const cors = (rule: object) => ({ Bucket: "b", CORSConfiguration: { CORSRules: [rule] } });
      expectValid(
        "PutBucketCors",
        cors({ AllowedMethods: ["GET", "PUT"], AllowedOrigins: ["*"], MaxAgeSeconds: 600 }),
      );
      expect(
        issuesOf(
          "PutBucketCors",
          cors({ AllowedMethods: ["PATCH"], AllowedOrigins: [], MaxAgeSeconds: -1 }),
        ).map((i) => [i.field, i.expected]),
      ).to.deep.equal([
        [
          "CORSConfiguration.CORSRules[0].AllowedMethods",
          'a non-empty list of values among "GET", "PUT", "POST", "DELETE", "HEAD"',
        ],
        ["CORSConfiguration.CORSRules[0].AllowedOrigins", "a non-empty list of strings"],
        ["CORSConfiguration.CORSRules[0].MaxAgeSeconds", "an integer of at least 0"],
      ]);
      expectIssue(
        "PutBucketCors",
        { Bucket: "b", CORSConfiguration: { CORSRules: [] } },
        "CORSConfiguration.CORSRules",
        "a list of 1 to 100 CORS rules",
      );
    });

    it("checks lifecycle rules", () => {
      const lifecycle = (rule: object) => ({ Bucket: "b", LifecycleConfiguration: { Rules: [rule] } });
      expectValid(
        "PutBucketLifecycleConfiguration",
        lifecycle({ Status: "Enabled", Filter: { Prefix: "tmp/" }, Expiration: { Days: 7 } }),
      );
      expect(
        issuesOf(
          "PutBucketLifecycleConfiguration",
          lifecycle({
            Status: "On",
            Expiration: { Days: 0 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 0 },
            Transitions: [{ Days: -1, StorageClass: "COLD" }],
          }),
        ).map((i) => [i.field, i.expected]),
      ).to.deep.equal([
        ["LifecycleConfiguration.Rules[0].Status", 'one of "Disabled", "Enabled"'],
        ["LifecycleConfiguration.Rules[0].Expiration.Days", "an integer of at least 1"],
        ["LifecycleConfiguration.Rules[0].Transitions[0].Days", "an integer of at least 0"],
        [
          "LifecycleConfiguration.Rules[0].Transitions[0].StorageClass",
          'one of "DEEP_ARCHIVE", "GLACIER", "GLACIER_IR", "INTELLIGENT_TIERING", "ONEZONE_IA", "STANDARD_IA"',
        ],
        [
          "LifecycleConfiguration.Rules[0].AbortIncompleteMultipartUpload.DaysAfterInitiation",
          "an integer of at least 1",
        ],
      ]);
    });

    it("checks website documents", () => {
      const website = (WebsiteConfiguration: object) => ({ Bucket: "b", WebsiteConfiguration });
      expectValid(
        "PutBucketWebsite",
        website({ IndexDocument: { Suffix: "index.html" }, ErrorDocument: { Key: "error.html" } }),
      );
      expectIssue(
        "PutBucketWebsite",
        website({ IndexDocument: { Suffix: "dir/index.html" } }),
        "WebsiteConfiguration.IndexDocument.Suffix",
        "a non-empty string without slashes",
      );
      expectIssue(
        "PutBucketWebsite",
        website({ ErrorDocument: { Key: "" } }),
        "WebsiteConfiguration.ErrorDocument.Key",
        KEY,
      );
      expectIssue(
        "PutBucketWebsite",
        website({ RedirectAllRequestsTo: { HostName: "example.com", Protocol: "ftp" } }),
        "WebsiteConfiguration.RedirectAllRequestsTo.Protocol",
        'one of "http", "https"',
      );
      expectIssue(
        "PutBucketWebsite",
        website({ RoutingRules: [{ Condition: { KeyPrefixEquals: "docs/" } }] }),
        "WebsiteConfiguration.RoutingRules[0].Redirect",
        "an object",
      );
    });

    it("checks the tags of a new bucket", () => {
      const params = {
        Bucket: "new-bucket",
        CreateBucketConfiguration: { LocationConstraint: "us-west-2", Tags: [{ Key: "", Value: "v" }] },
      };
      expectIssue(
        "CreateBucket",
        params,
        "CreateBucketConfiguration.Tags[0].Key",
        "a string of 1-128 characters",
      );
    });
  });
});

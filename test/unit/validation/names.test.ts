import "reflect-metadata";
import { expect } from "chai";
import { ValidationError } from "../../../lib/errors.js";
import { renderValue, validateParams } from "../../../lib/validation/index.js";
import { expectIssue, expectValid, issuesOf } from "./helpers.js";

const STRICT = "3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit";
const NOT_IP = "a bucket name that is not formatted as an IP address";
const NEIGHBOURS = 'a bucket name without "..", ".-" or "-."';
const RESERVED =
  'a bucket name that does not start with "xn--", "sthree-", "amzn-s3-demo-" and does not end with ' +
  '"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"';
const LENIENT = '1-255 letters, digits, dots, hyphens or underscores, or an ARN starting with "arn:"';
const KEY = "a non-empty string of at most 1024 UTF-8 bytes";
const COPY_SOURCE = '"bucket/key" (key URL-encoded, not empty), optionally followed by "?versionId=..."';

describe("validateParams: names", () => {
  describe("bucket names on CreateBucket (strict S3 rules)", () => {
    for (const name of ["abc", "my.bucket-1", "a".repeat(63), "123", "a-b.c-d", "1.2.3.4a"]) {
      it(`accepts ${JSON.stringify(name)}`, () => expectValid("CreateBucket", { Bucket: name }));
    }

    const rejected: readonly (readonly [string, string])[] = [
      ["ab", STRICT],
      ["a".repeat(64), STRICT],
      ["A_B", STRICT],
      ["MyBucket", STRICT],
      ["my_bucket", STRICT],
      ["-abc", STRICT],
      ["abc-", STRICT],
      [".abc", STRICT],
      ["192.168.5.4", NOT_IP],
      ["a..b", NEIGHBOURS],
      ["a.-b", NEIGHBOURS],
      ["a-.b", NEIGHBOURS],
      ["xn--abc", RESERVED],
      ["sthree-abc", RESERVED],
      ["abc-s3alias", RESERVED],
      ["abc--ol-s3", RESERVED],
    ];
    for (const [name, expected] of rejected) {
      it(`rejects ${JSON.stringify(name)}, expecting ${expected.slice(0, 40)}…`, () => {
        const issue = expectIssue("CreateBucket", { Bucket: name }, "Bucket", expected);
        expect(issue.received).to.equal(renderValue(name));
      });
    }

    it("words the message as the style guide shows", () => {
      expect(() => validateParams("CreateBucket", { Bucket: "A_B" }))
        .to.throw(ValidationError)
        .with.property("message")
        .that.contains(`Bucket: expected ${STRICT}, received "A_B"`);
    });

    it("rejects a missing or non-string name", () => {
      expectIssue("CreateBucket", {}, "Bucket", STRICT);
      expect(expectIssue("CreateBucket", { Bucket: 42 }, "Bucket", STRICT).received).to.equal("42");
    });
  });

  describe("bucket names on other operations (lenient: legacy, ObjectScale, ARNs)", () => {
    const accepted = [
      "A_B",
      "Legacy_Bucket.Name",
      "a",
      "a".repeat(255),
      "192.168.5.4",
      "arn:aws:s3:us-east-1:123456789012:accesspoint/my-ap",
    ];
    for (const name of accepted) {
      it(`accepts ${JSON.stringify(name.slice(0, 50))}`, () => {
        expectValid("HeadBucket", { Bucket: name });
        expectValid("GetBucketCors", { Bucket: name }); // a generic DTO from the operation table
      });
    }

    for (const name of ["", "a/b", "a b", "a".repeat(256), "bücket", "arn:", "arn:x y"]) {
      it(`rejects ${JSON.stringify(name.slice(0, 50))}`, () => {
        expectIssue("HeadBucket", { Bucket: name }, "Bucket", LENIENT);
        expectIssue("GetBucketCors", { Bucket: name }, "Bucket", LENIENT);
      });
    }
  });

  describe("object keys", () => {
    const accepted = ["a", "dir/file.txt", " ", "ü".repeat(512), "😀".repeat(256), "€".repeat(341) + "a"];
    for (const key of accepted) {
      it(`accepts a key of ${Buffer.byteLength(key)} UTF-8 bytes`, () =>
        expectValid("HeadObject", { Bucket: "b", Key: key }));
    }

    const rejected: readonly (readonly [string, unknown])[] = [
      ["an empty key", ""],
      ["1025 ASCII bytes", "a".repeat(1025)],
      ["1026 bytes of 2-byte characters", "ü".repeat(513)],
      ["1025 bytes of mixed characters", "😀".repeat(255) + "€" + "aa"],
      ["a number", 42],
      ["a missing key", undefined],
    ];
    for (const [what, key] of rejected) {
      it(`rejects ${what}`, () => expectIssue("HeadObject", { Bucket: "b", Key: key }, "Key", KEY));
    }

    it("rejects an unpaired surrogate, which the SDK could not URL-encode", () => {
      expectIssue(
        "HeadObject",
        { Bucket: "b", Key: "a\uD800b" },
        "Key",
        `${KEY}, in well-formed Unicode (no unpaired surrogates)`,
      );
    });

    it("rejects HeadObject { Key: '' }, which the SDK would send as a bucket request", () => {
      expect(() => validateParams("HeadObject", { Bucket: "b", Key: "" }))
        .to.throw(ValidationError)
        .with.property("message", `HeadObject input is invalid:\n - Key: expected ${KEY}, received ""`);
    });

    it("checks the key of every operation that has one", () => {
      for (const op of [
        "GetObject",
        "PutObject",
        "DeleteObject",
        "GetObjectTorrent",
        "RenameObject",
        "SelectObjectContent",
      ]) {
        expect(issuesOf(op, { Bucket: "b", Key: "" }).find((i) => i.field === "Key")?.expected, op).to.equal(
          KEY,
        );
      }
    });
  });

  describe("copy sources", () => {
    const accepted = [
      "src/key",
      "/src/key",
      "src/dir%2Fkey.txt",
      "src/key?versionId=3sL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY",
      "Legacy_Bucket/a/b/c",
      "arn:aws:s3:us-west-2:123456789012:accesspoint/my-ap/object/reports/q1.csv",
    ];
    for (const source of accepted) {
      it(`accepts ${JSON.stringify(source)}`, () => {
        expectValid("CopyObject", { Bucket: "b", Key: "k", CopySource: source });
        expectValid("UploadPartCopy", {
          Bucket: "b",
          Key: "k",
          CopySource: source,
          PartNumber: 1,
          UploadId: "u",
        });
      });
    }

    for (const source of [
      "src",
      "src/",
      "/src/",
      "/key-only",
      "src/key?foo=bar",
      "src/key?versionId=",
      "bad bucket/key",
      5,
    ]) {
      it(`rejects ${JSON.stringify(source)}`, () => {
        expectIssue("CopyObject", { Bucket: "b", Key: "k", CopySource: source }, "CopySource", COPY_SOURCE);
      });
    }
  });
});

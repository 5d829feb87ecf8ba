import "reflect-metadata";
import { Readable } from "node:stream";
import { expect } from "chai";
import { expectIssue, expectValid, issuesOf } from "./helpers.js";

const object = { Bucket: "b", Key: "k" };
const RANGE =
  'a byte range "bytes=first-last" (first <= last), "bytes=first-" or "bytes=-length" (length >= 1)';
const CLOSED_RANGE = 'a byte range "bytes=first-last" with first <= last';
const NAME =
  "a header-safe metadata name (letters, digits and !#$%&'*+-.^_`|~; no spaces, colons or control characters)";
const VALUE =
  "a string of printable ASCII characters (no line breaks, control or non-ASCII characters: encode them, such as with encodeURIComponent)";
const BODY = "a string, Uint8Array, Buffer, Blob or readable stream";

describe("validateParams: header syntax and bodies", () => {
  describe("Range", () => {
    for (const range of ["bytes=0-99", "bytes=5-5", "bytes=100-", "bytes=-500"]) {
      it(`accepts ${range}`, () => expectValid("GetObject", { ...object, Range: range }));
    }
    for (const range of [
      "0-99",
      "bytes=5-1",
      "bytes=-0",
      "bytes=-",
      "bytes=1-2,4-5",
      "items=0-1",
      "bytes= 0-1",
      "",
    ]) {
      it(`rejects ${JSON.stringify(range)}`, () =>
        expectIssue("GetObject", { ...object, Range: range }, "Range", RANGE));
    }

    it("allows only first-last in CopySourceRange", () => {
      const part = { ...object, CopySource: "s/k", UploadId: "u", PartNumber: 1 };
      expectValid("UploadPartCopy", { ...part, CopySourceRange: "bytes=0-99" });
      expectIssue(
        "UploadPartCopy",
        { ...part, CopySourceRange: "bytes=100-" },
        "CopySourceRange",
        CLOSED_RANGE,
      );
      expectIssue(
        "UploadPartCopy",
        { ...part, CopySourceRange: "bytes=-100" },
        "CopySourceRange",
        CLOSED_RANGE,
      );
    });
  });

  describe("Metadata", () => {
    it("accepts header-safe names and values", () => {
      expectValid("PutObject", { ...object, Metadata: {} });
      expectValid("PutObject", {
        ...object,
        Metadata: { owner: "alice", "x-y_z.1": "a b\tc", "Content-SHA": "%C3%A9" },
      });
      expectValid("CopyObject", { ...object, CopySource: "s/k", Metadata: { owner: "bob" } });
      expectValid("CreateMultipartUpload", { ...object, Metadata: { owner: "carol" } });
    });

    for (const name of ["bad name", "a:b", "", "ä", "tab\tname", "new\nline", "(x)"]) {
      it(`rejects the name ${JSON.stringify(name)} and names the entry`, () => {
        const issue = expectIssue(
          "PutObject",
          { ...object, Metadata: { [name]: "v" } },
          `Metadata[${JSON.stringify(name)}]`,
          NAME,
        );
        expect(issue.received).to.equal(JSON.stringify(name));
      });
    }

    // Non-ASCII too: Node.js refuses characters above U+00FF in headers and sends the others as
    // single bytes, which break the signature (emulator) or come back garbled (Ceph RGW).
    for (const value of [
      "a\r\nb",
      "a\nb",
      "nul\u0000",
      "bell\u0007",
      "del\u007f",
      "é",
      "€",
      "😀",
      "\u0085",
    ]) {
      it(`rejects the value ${JSON.stringify(value)}`, () => {
        expectIssue("PutObject", { ...object, Metadata: { note: value } }, 'Metadata["note"]', VALUE);
      });
    }

    it("rejects a name given twice in different case (S3 names are case-insensitive)", () => {
      expectIssue(
        "PutObject",
        { ...object, Metadata: { Owner: "a", owner: "b" } },
        'Metadata["owner"]',
        "a name used once (metadata names are case-insensitive)",
      );
    });

    it("rejects non-string values and non-object maps", () => {
      expect(
        expectIssue("PutObject", { ...object, Metadata: { size: 5 } }, 'Metadata["size"]', VALUE).received,
      ).to.equal("5");
      expectIssue(
        "PutObject",
        { ...object, Metadata: "owner=alice" },
        "Metadata",
        "an object of string values with header-safe names",
      );
      expectIssue(
        "PutObject",
        { ...object, Metadata: [["a", "b"]] },
        "Metadata",
        "an object of string values with header-safe names",
      );
      expectIssue(
        "PutObject",
        { ...object, Metadata: new Map([["a", "b"]]) },
        "Metadata",
        "an object of string values with header-safe names",
      );
    });

    it("reports every bad entry at once", () => {
      const issues = issuesOf("PutObject", {
        ...object,
        Metadata: { "bad name": "x", ok: "fine", crlf: "a\r\nb" },
      });
      expect(issues.map((i) => i.field)).to.deep.equal(['Metadata["bad name"]', 'Metadata["crlf"]']);
    });
  });

  describe("bodies", () => {
    const bodies: readonly (readonly [string, unknown])[] = [
      ["a string", "hello"],
      ["a Buffer", Buffer.from("hello")],
      ["a Uint8Array", new Uint8Array(3)],
      ["a Readable", Readable.from(["a"])],
      ["a Blob", new Blob(["a"])],
      ["a web ReadableStream", new ReadableStream()],
    ];
    for (const [what, body] of bodies) {
      it(`accepts ${what}`, () => {
        expectValid("PutObject", { ...object, Body: body });
        expectValid("UploadPart", { ...object, UploadId: "u", PartNumber: 1, Body: body });
      });
    }

    it("rejects a number, which the SDK would fail on deep in its checksum code", () => {
      expect(expectIssue("PutObject", { ...object, Body: 12345 }, "Body", BODY).received).to.equal("12345");
      expect(expectIssue("PutObject", { ...object, Body: { text: "hi" } }, "Body", BODY).received).to.equal(
        "an object",
      );
    });
  });

  describe("Policy", () => {
    it("wants a string holding a JSON object", () => {
      const expected = "a string holding a JSON policy object";
      expectValid("PutBucketPolicy", {
        Bucket: "b",
        Policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }),
      });
      expectIssue("PutBucketPolicy", { Bucket: "b", Policy: "not json" }, "Policy", expected);
      expectIssue("PutBucketPolicy", { Bucket: "b", Policy: "[]" }, "Policy", expected);
      expectIssue("PutBucketPolicy", { Bucket: "b", Policy: { Version: "2012-10-17" } }, "Policy", expected);
    });
  });
});

import "reflect-metadata";
import { expect } from "chai";
import fc from "fast-check";
import { issuesOf } from "./helpers.js";

/*
 * Reference implementations, written rule by rule from the S3 documentation, sharing no code (and
 * no regular expression) with the validator.
 */
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";
const isLowerOrDigit = (c: string) => LOWER.includes(c) || DIGITS.includes(c);

function referenceStrictBucketName(name: string): boolean {
  if (name.length < 3 || name.length > 63) return false;
  for (const c of name) if (!isLowerOrDigit(c) && c !== "." && c !== "-") return false;
  if (!isLowerOrDigit(name[0]!) || !isLowerOrDigit(name[name.length - 1]!)) return false;
  const parts = name.split(".");
  const looksLikeIp =
    parts.length === 4 &&
    parts.every((p) => p.length >= 1 && p.length <= 3 && [...p].every((c) => DIGITS.includes(c)));
  if (looksLikeIp) return false;
  if (name.includes("..") || name.includes(".-") || name.includes("-.")) return false;
  for (const prefix of ["xn--", "sthree-", "amzn-s3-demo-"]) if (name.startsWith(prefix)) return false;
  for (const suffix of ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"])
    if (name.endsWith(suffix)) return false;
  return true;
}

function referenceExistingBucketName(name: string): boolean {
  const legacy =
    name.length >= 1 &&
    name.length <= 255 &&
    [...name].every((c) => isLowerOrDigit(c) || LOWER.toUpperCase().includes(c) || "._-".includes(c));
  const arn =
    name.startsWith("arn:") &&
    name.length > 4 &&
    name.length <= 2048 &&
    [...name].every((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) < 0x7f);
  return legacy || arn;
}

function referenceKey(key: string): boolean {
  if (key.length === 0 || new TextEncoder().encode(key).length > 1024) return false;
  try {
    encodeURIComponent(key); // throws URIError on an unpaired surrogate
    return true;
  } catch {
    return false;
  }
}

const bucketIssue = (op: string, name: string) =>
  issuesOf(op, { Bucket: name }).some((i) => i.field === "Bucket");
const keyIssue = (key: string) =>
  issuesOf("HeadObject", { Bucket: "b", Key: key }).some((i) => i.field === "Key");

/** Valid strict names by construction: dot-separated labels of [a-z0-9-] that start and end alphanumerically. */
const alnum = fc.constantFrom(...LOWER, ...DIGITS);
const label = fc
  .tuple(alnum, fc.string({ unit: fc.constantFrom(...LOWER, ...DIGITS, "-"), maxLength: 20 }), alnum)
  .map(([first, middle, last]) => first + middle + last);
const strictName = fc
  .array(fc.oneof(label, alnum), { minLength: 1, maxLength: 4 })
  .map((labels) => labels.join("."))
  .filter((name) => name.length >= 3 && name.length <= 63)
  .filter((name) => referenceStrictBucketName(name)); // drops the rare IP-like or reserved ones

/** Strings near the rules: the name alphabet, a few troublemakers, reserved affixes and ARNs. */
const nameChars = fc.constantFrom(
  ...LOWER.slice(0, 6),
  "0",
  "9",
  ".",
  "-",
  "_",
  "A",
  "Z",
  " ",
  "/",
  ":",
  "é",
);
const nearName = fc.oneof(
  fc.string({ unit: nameChars, maxLength: 70 }),
  fc
    .tuple(
      fc.constantFrom("xn--", "sthree-", "amzn-s3-demo-", "arn:", ""),
      fc.string({ unit: nameChars, maxLength: 20 }),
      fc.constantFrom("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3", ""),
    )
    .map((parts) => parts.join("")),
  fc.tuple(fc.nat(999), fc.nat(999), fc.nat(999), fc.nat(999)).map((n) => n.join(".")),
  fc.string({ unit: "binary", maxLength: 300 }),
);

describe("validateParams: property-based", () => {
  describe("bucket names", () => {
    it("accept every name built from the strict rules, on CreateBucket and elsewhere", () => {
      fc.assert(
        fc.property(strictName, (name) => {
          expect(bucketIssue("CreateBucket", name), name).to.be.false;
          expect(bucketIssue("HeadBucket", name), name).to.be.false;
        }),
        { numRuns: 500 },
      );
    });

    it("reject a new bucket's name exactly when it breaks a strict rule", () => {
      fc.assert(
        fc.property(
          nearName,
          (name) => bucketIssue("CreateBucket", name) === !referenceStrictBucketName(name),
        ),
        { numRuns: 2000 },
      );
    });

    it("reject an existing bucket's name exactly when it breaks the lenient rule", () => {
      fc.assert(
        fc.property(
          nearName,
          (name) => bucketIssue("HeadBucket", name) === !referenceExistingBucketName(name),
        ),
        { numRuns: 2000 },
      );
    });
  });

  describe("object keys", () => {
    /** Characters of 1, 2, 3 and 4 UTF-8 bytes. */
    const char = fc.constantFrom("a", "é", "€", "😀");

    it("accept up to 1024 UTF-8 bytes and reject more, whatever the characters", () => {
      fc.assert(
        fc.property(fc.array(char, { minLength: 250, maxLength: 1100 }), (chars) => {
          const key = chars.join("");
          const bytes = Buffer.byteLength(key);
          return keyIssue(key) === bytes > 1024;
        }),
        { numRuns: 1000 },
      );
    });

    it("put the boundary at exactly 1024 bytes for each character width", () => {
      fc.assert(
        fc.property(char, fc.integer({ min: 0, max: 3 }), (c, pad) => {
          const width = Buffer.byteLength(c);
          const fill = c.repeat(Math.floor((1024 - pad) / width));
          const exact = fill + "a".repeat(1024 - Buffer.byteLength(fill));
          expect(Buffer.byteLength(exact)).to.equal(1024);
          expect(keyIssue(exact)).to.be.false;
          expect(keyIssue(exact + "a")).to.be.true;
          expect(keyIssue(exact + c)).to.be.true;
          expect(keyIssue("a".repeat(1024 - width) + c)).to.be.false;
          expect(keyIssue("a".repeat(1025 - width) + c)).to.be.true;
        }),
        { numRuns: 200 },
      );
    });

    it("agree with the reference on arbitrary strings, unpaired surrogates included", () => {
      const anyKey = fc.oneof(
        fc.string({ unit: "binary", maxLength: 400 }),
        fc.string({ unit: fc.constantFrom("a", "\uD800", "\uDC00", "😀", "€"), maxLength: 500 }),
      );
      fc.assert(
        fc.property(anyKey, (key) => keyIssue(key) === !referenceKey(key)),
        { numRuns: 1500 },
      );
    });
  });
});

import "reflect-metadata";
import { Readable } from "node:stream";
import { expect } from "chai";
import { ObjectScaleResourcesError, ValidationError } from "../../../lib/errors.js";
import { getValidator, hasValidator, renderValue, validateParams } from "../../../lib/validation/index.js";
import { expectValid, issuesOf } from "./helpers.js";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

describe(validateParams.name, () => {
  it("throws a ValidationError, an ObjectScaleResourcesError with code VALIDATION_FAILED", () => {
    let caught: unknown;
    try {
      validateParams("HeadObject", { Bucket: "b", Key: "" });
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(ValidationError);
    expect(ObjectScaleResourcesError.is(caught)).to.be.true;
    expect((caught as ValidationError).code).to.equal("VALIDATION_FAILED");
    expect((caught as ValidationError).subject).to.equal("HeadObject");
  });

  it("collects every bad field, not just the first, in the order of the input's members", () => {
    const issues = issuesOf("PutObject", {
      StorageClass: "COLD",
      Key: "",
      Bucket: "a b",
      Metadata: { "bad name": "v" },
      ContentLength: -1,
    });
    expect(issues.map((i) => i.field)).to.deep.equal([
      "StorageClass",
      "Key",
      "Bucket",
      'Metadata["bad name"]',
      "ContentLength",
    ]);
  });

  it("lists missing members after the ones present, in the DTO's order", () => {
    const issues = issuesOf("UploadPartCopy", { PartNumber: 0 });
    expect(issues.map((i) => i.field)).to.deep.equal([
      "PartNumber",
      "Bucket",
      "Key",
      "UploadId",
      "CopySource",
    ]);
  });

  it("puts every issue in the message, one per line", () => {
    expect(() => validateParams("ListObjectsV2", { Bucket: "", MaxKeys: -5 }))
      .to.throw(ValidationError)
      .with.property(
        "message",
        "ListObjectsV2 input is invalid:\n" +
          ' - Bucket: expected 1-255 letters, digits, dots, hyphens or underscores, or an ARN starting with "arn:", received ""\n' +
          " - MaxKeys: expected an integer of at least 0, received -5",
      );
  });

  it("never modifies the caller's input", () => {
    const input = deepFreeze({
      Bucket: "b",
      Delete: { Objects: [{ Key: "a" }, { Key: "" }, { Key: "c", VersionId: 5 }], Quiet: "yes" },
      Unknown: { nested: ["x"] },
    });
    const before = structuredClone(input);
    expect(issuesOf("DeleteObjects", input)).to.have.length(3);
    expect(input).to.deep.equal(before);
    expectValid("DeleteObjects", deepFreeze({ Bucket: "b", Delete: { Objects: [{ Key: "a" }] } }));
  });

  it("leaves bodies alone: same object, same bytes, stream not read", () => {
    const bytes = Buffer.from("payload");
    const stream = Readable.from(["chunk"]);
    const input = { Bucket: "b", Key: "k", Body: bytes };
    validateParams("PutObject", input);
    validateParams("PutObject", { Bucket: "b", Key: "k", Body: stream });
    expect(input.Body).to.equal(bytes);
    expect(bytes.toString()).to.equal("payload");
    expect(stream.readableFlowing).to.equal(null);
  });

  it("lets members it does not know pass untouched", () => {
    expectValid("HeadObject", { Bucket: "b", Key: "k", Foo: 1, Custom: { deep: [null] } });
    expectValid("GetBucketCors", { Bucket: "b", Whatever: Symbol("x") });
  });

  it("passes operations that have no validator", () => {
    expect(hasValidator("NoSuchOperation")).to.be.false;
    expect(() => validateParams("NoSuchOperation", { Bucket: 42 })).not.to.throw();
  });

  it("treats a missing input like an empty one, and rejects an input that is not an object", () => {
    expectValid("ListBuckets", undefined as unknown as object);
    expect(issuesOf("HeadBucket", undefined as unknown as object).map((i) => i.field)).to.deep.equal([
      "Bucket",
    ]);
    expect(issuesOf("HeadBucket", "b" as unknown as object)).to.deep.equal([
      { field: "(input)", expected: "an object of parameters", received: '"b"' },
    ]);
  });

  it("has a validator for every S3 operation, hand-written or built from the table", () => {
    expect(hasValidator("HeadObject")).to.be.true;
    expect(getValidator("HeadObject")?.name).to.equal("HeadObjectParams");
    expect(getValidator("GetBucketCors")?.name).to.equal("GetBucketCorsParams");
    expect(getValidator("GetBucketCors")).to.equal(getValidator("GetBucketCors"));
  });
});

describe(renderValue.name, () => {
  it("renders primitives as JSON and cuts long strings", () => {
    expect(renderValue("A_B")).to.equal('"A_B"');
    expect(renderValue(-1)).to.equal("-1");
    expect(renderValue(true)).to.equal("true");
    expect(renderValue(null)).to.equal("null");
    expect(renderValue(undefined)).to.equal("undefined");
    expect(renderValue(10n)).to.equal("10n");
    expect(renderValue("x".repeat(500))).to.equal(`"${"x".repeat(60)}"…`);
  });

  it("renders containers and bodies by kind only, never their content", () => {
    expect(renderValue(Buffer.from("secret"))).to.equal("a Buffer");
    expect(renderValue(new Uint8Array(4))).to.equal("a Uint8Array");
    expect(renderValue(Readable.from(["secret"]))).to.equal("a Readable");
    expect(renderValue({ secret: 1 })).to.equal("an object");
    expect(renderValue([1, 2, 3])).to.equal("an array of 3 items");
    expect(renderValue(new Date("2024-01-02T03:04:05Z"))).to.equal("Date 2024-01-02T03:04:05.000Z");
  });

  it("keeps secrets out of issues about bodies", () => {
    const [issue] = issuesOf("PutObject", { Bucket: "b", Key: "k", Body: { secret: "hunter2" } });
    expect(issue?.received).to.equal("an object");
    expect(JSON.stringify(issue)).not.to.contain("hunter2");
  });
});

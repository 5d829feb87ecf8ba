import { expect } from "chai";
import { InvalidIdentifierError, MissingIdentifierError } from "../../../index.js";
import { stubSession } from "./fixtures.js";

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  return expect.fail("expected an error");
}

describe("resource identifiers", () => {
  it("are set by position, in declaration order", () => {
    const { s3 } = stubSession();
    const version = s3.Ver("bkt", "a/b.txt", "v1");
    expect(version.meta.identifiers).to.deep.equal({ bucketName: "bkt", objectKey: "a/b.txt", id: "v1" });
    expect([version.bucketName, version.objectKey, version.id]).to.deep.equal(["bkt", "a/b.txt", "v1"]);
  });

  it("are set by name, in one object, and kept in declaration order", () => {
    const { s3 } = stubSession();
    const version = s3.Ver({ id: "v1", objectKey: "k", bucketName: "bkt" });
    expect(Object.keys(version.meta.identifiers)).to.deep.equal(["bucketName", "objectKey", "id"]);
    expect(version.equals(s3.Ver("bkt", "k", "v1"))).to.equal(true);
  });

  it("combine the parent's identifiers with the caller's", () => {
    const { s3 } = stubSession();
    const object = s3.Bucket("bkt").Obj({ key: "k" });
    expect(object.meta.identifiers).to.deep.equal({ bucketName: "bkt", key: "k" });
    expect(s3.Bucket("bkt").Obj("k").Ver("v9").meta.identifiers).to.deep.equal({
      bucketName: "bkt",
      objectKey: "k",
      id: "v9",
    });
  });

  it("are read-only", () => {
    const bucket = stubSession().s3.Bucket("logs");
    expect(() => ((bucket as unknown as { name: string }).name = "other")).to.throw(TypeError);
    expect(bucket.name).to.equal("logs");
  });

  it("are all required: MissingIdentifierError names the type, the identifier and the method", () => {
    const { s3 } = stubSession();
    const positional = errorOf(() => s3.Ver("bkt", "k"));
    expect(MissingIdentifierError.is(positional)).to.equal(true);
    expect(positional).to.include({ resourceType: "s3.Ver", identifier: "id" });
    expect(positional.message).to.include("s3.ServiceResource.Ver()");
    const named = errorOf(() => s3.Ver({ bucketName: "bkt", id: "v1" }));
    expect(named).to.include({ resourceType: "s3.Ver", identifier: "objectKey" });
    expect(MissingIdentifierError.is(errorOf(() => s3.Bucket("b").Obj()))).to.equal(true);
  });

  it("must be non-empty strings", () => {
    const { s3 } = stubSession();
    for (const bad of ["", 42, null]) {
      const error = errorOf(() => s3.Bucket("bkt").Obj(bad));
      expect(InvalidIdentifierError.is(error), String(bad)).to.equal(true);
      expect(error).to.include({ resourceType: "s3.Obj", identifier: "key" });
      expect(error.message).to.include("s3.Bucket.Obj() needs a non-empty string");
    }
  });

  it("refuse unknown names, and names the parent fills", () => {
    const { s3 } = stubSession();
    const unknown = errorOf(() => s3.Bucket({ nmae: "logs" } as never));
    expect(InvalidIdentifierError.is(unknown)).to.equal(true);
    expect(unknown).to.include({ resourceType: "s3.Bucket", identifier: "nmae" });
    expect(unknown.message).to.include(
      "s3.Bucket has no such identifier; s3.ServiceResource.Bucket() takes name",
    );
    const filled = errorOf(() => s3.Bucket("b").Obj({ key: "k", bucketName: "other" }));
    expect(filled).to.include({ resourceType: "s3.Obj", identifier: "bucketName" });
    expect(filled.message).to.include("fills it from s3.Bucket; pass only key");
  });

  it("refuse extra positional arguments", () => {
    const { s3 } = stubSession();
    const error = errorOf(() => s3.Bucket("bkt").Obj("k", "extra"));
    expect(InvalidIdentifierError.is(error)).to.equal(true);
    expect(error.message).to.include("s3.Bucket.Obj() takes 1 identifier(s) (key), got 2");
  });
});

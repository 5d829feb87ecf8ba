import { expect } from "chai";
import { inspect } from "node:util";
import {
  InvalidIdentifierError,
  MissingIdentifierError,
  Resource,
  UnknownResourceError,
  UnknownServiceError,
  type ResourceJSON,
} from "../../../index.js";
import { stubSession, TObj } from "./fixtures.js";

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  return expect.fail("expected an error");
}

describe(Resource.name, () => {
  describe(".equals()", () => {
    it("compares service, type and identifiers; not data, client or session", () => {
      const { s3 } = stubSession();
      const other = stubSession().s3;
      const a = s3.Bucket("b").Obj("k");
      a.meta.data = { ContentLength: 1 };
      expect(a.equals(other.Obj("b", "k"))).to.equal(true);
      expect(a.equals(s3.Obj("b", "k2"))).to.equal(false);
      expect(a.equals(s3.Bucket("b"))).to.equal(false);
      expect(s3.Bucket("k").equals(s3.Bucket("k"))).to.equal(true);
    });

    it("is false for non-resources and for other types with the same identifiers", () => {
      const { s3 } = stubSession();
      const object = s3.Obj("b", "k");
      expect(object.equals({ meta: object.meta })).to.equal(false);
      expect(object.equals(undefined)).to.equal(false);
      const summary = (s3 as unknown as { Summary(b: string, k: string): Resource }).Summary("b", "k");
      expect(object.equals(summary)).to.equal(false);
    });
  });

  describe(".toJSON()", () => {
    it("gives service, type and identifiers only", async () => {
      const { s3 } = stubSession({ headers: { "content-length": "5" } });
      const object = await s3.Obj("b", "k").load();
      expect(JSON.parse(JSON.stringify(object))).to.deep.equal({
        service: "s3",
        type: "Obj",
        identifiers: { bucketName: "b", key: "k" },
      });
    });
  });

  describe("inspect and toString()", () => {
    it("print like boto3, identifiers in declaration order and quoted", () => {
      const { s3 } = stubSession();
      expect(inspect(s3.Obj({ key: "a'b", bucketName: "bkt" }))).to.equal(
        "s3.Obj(bucketName='bkt', key='a\\'b')",
      );
      expect(String(s3.Bucket("logs"))).to.equal("s3.Bucket(name='logs')");
      expect(String(s3)).to.equal("s3.ServiceResource()");
    });
  });
});

describe("Session.resourceFromJSON()", () => {
  it("rebuilds an equal resource of the same class, without data", () => {
    const { s3, session } = stubSession();
    const object = s3.Bucket("b").Obj("k");
    const again = session.resourceFromJSON(JSON.parse(JSON.stringify(object)) as ResourceJSON);
    expect(again.equals(object)).to.equal(true);
    expect(Object.getPrototypeOf(again)).to.equal(Object.getPrototypeOf(object));
    expect(again).to.be.instanceOf(TObj);
    expect(again.meta.data).to.equal(undefined);
  });

  it("shares a client when one is given", () => {
    const { s3, session } = stubSession();
    const bucket = s3.Bucket("b");
    const again = session.resourceFromJSON(bucket.toJSON(), { client: bucket.meta.client });
    expect(again.meta.client).to.equal(bucket.meta.client);
  });

  it("refuses unknown services and types", () => {
    const { session } = stubSession();
    const service = errorOf(() => session.resourceFromJSON({ service: "ec2", type: "Obj", identifiers: {} }));
    expect(UnknownServiceError.is(service)).to.equal(true);
    const type = errorOf(() => session.resourceFromJSON({ service: "s3", type: "Nope", identifiers: {} }));
    expect(UnknownResourceError.is(type)).to.equal(true);
    expect(type.message).to.include('"Nope"');
  });

  it("refuses missing, unknown and non-string identifiers, naming the type and the identifier", () => {
    const { session } = stubSession();
    const missing = errorOf(() =>
      session.resourceFromJSON({ service: "s3", type: "Obj", identifiers: { bucketName: "b" } }),
    );
    expect(MissingIdentifierError.is(missing)).to.equal(true);
    expect(missing).to.include({ resourceType: "s3.Obj", identifier: "key" });
    const unknown = errorOf(() =>
      session.resourceFromJSON({
        service: "s3",
        type: "Obj",
        identifiers: { bucketName: "b", key: "k", x: "y" },
      }),
    );
    expect(unknown).to.include({ resourceType: "s3.Obj", identifier: "x" });
    const wrong = errorOf(() =>
      session.resourceFromJSON({
        service: "s3",
        type: "Obj",
        identifiers: { bucketName: "b", key: 7 as never },
      }),
    );
    expect(InvalidIdentifierError.is(wrong)).to.equal(true);
    expect(wrong).to.include({ resourceType: "s3.Obj", identifier: "key" });
    const none = errorOf(() => session.resourceFromJSON({ service: "s3", type: "Obj" } as never));
    expect(InvalidIdentifierError.is(none)).to.equal(true);
  });
});

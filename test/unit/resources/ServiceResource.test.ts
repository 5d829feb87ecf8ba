import { expect } from "chai";
import { identifiers, resource, subresource, subresources, input } from "../../../decorators/index.js";
import { Resource, Session, UnknownResourceError, UnknownServiceError } from "../../../index.js";
import { StubTransport, stubSessionOptions } from "../../support/stubTransport.js";
import { answer, stubSession, TBucket, testDefinitions, TObj, TService, TVer } from "./fixtures.js";

@resource("s3", "Late")
@identifiers("bucketName", "name")
class Late extends Resource {}

describe("the service resource", () => {
  it("is what session.resource() returns, an instance of its definition", () => {
    const { s3 } = stubSession();
    expect(s3).to.be.instanceOf(TService);
    expect(s3.meta).to.include({ service: "s3", resourceName: "ServiceResource" });
    expect(s3.meta.identifiers).to.deep.equal({});
  });

  it("has an implicit constructor for every registered type, all identifiers from the caller", () => {
    const { s3, transport } = stubSession();
    expect(s3.Obj("b", "k")).to.be.instanceOf(TObj);
    expect(s3.Obj("b", "k").meta.identifiers).to.deep.equal({ bucketName: "b", key: "k" });
    expect(s3.Ver({ bucketName: "b", objectKey: "k", id: "v" })).to.be.instanceOf(TVer);
    expect(transport.requests).to.have.length(0);
  });

  it("keeps its declared sub-resource over the implicit one", () => {
    @resource("s3", "ServiceResource")
    @subresources({
      Bucket: subresource("Bucket", { name: input() }),
      Obj: subresource("Bucket", { name: input() }),
    })
    class Custom extends Resource {}
    const session = new Session({ resourceDefinitions: [Custom, TBucket, TObj] });
    const s3 = session.resource("s3", { region: "us-east-1" }) as unknown as { Obj(name: string): Resource };
    expect(s3.Obj("x")).to.be.instanceOf(TBucket);
  });

  it("gets constructors for types registered later, in later resource() calls", () => {
    const { session, s3 } = stubSession();
    session.registerResources(Late);
    const later = session.resource("s3") as unknown as { Late(b: string, n: string): Late };
    expect(later.Late("b", "n")).to.be.instanceOf(Late);
    expect((s3 as unknown as Record<string, unknown>)["Late"]).to.equal(undefined);
  });

  it("builds resources from actions and gives them the tree's client", async () => {
    const { s3, session } = stubSession();
    answer(session, "CreateBucket", {});
    const bucket = await s3.createBucket({ Bucket: "new" });
    expect(bucket).to.be.instanceOf(TBucket);
    expect(bucket.name).to.equal("new");
    expect(bucket.meta.client).to.equal(s3.meta.client);
  });

  it("gets one client per resource() call, shared by the whole tree, or the client given", () => {
    const { session, s3 } = stubSession();
    const other = session.resource("s3") as unknown as TService;
    expect(other.meta.client).not.to.equal(s3.meta.client);
    expect(s3.Bucket("b").Obj("k").Bucket().meta.client).to.equal(s3.meta.client);
    const shared = session.resource("s3", { client: s3.meta.client });
    expect(shared.meta.client).to.equal(s3.meta.client);
    expect(s3.meta.session).to.equal(session);
  });

  it("refuses a service without resources, or without a ServiceResource type", () => {
    const session = new Session({ resourceDefinitions: [TBucket] });
    expect(() => session.resource("ec2" as "s3")).to.throw(UnknownServiceError);
    expect(() => session.resource("s3")).to.throw(UnknownResourceError, '"ServiceResource"');
  });

  it("registers the built-in S3 definitions by default", () => {
    const session = new Session(stubSessionOptions(new StubTransport()));
    const s3 = session.resource("s3");
    expect(String(s3.Bucket("logs").Object("k"))).to.equal("s3.Object(bucketName='logs', key='k')");
    expect(() => session.registerResources(...testDefinitions)).to.throw(/already registered/);
  });
});

import { inspect } from "node:util";
import { expect } from "chai";
import { listObjectsV2Xml } from "../../support/stubTransport.js";
import { recordParams, stubSession, TObj } from "./fixtures.js";

describe("collection properties", () => {
  it("make no request until iterated, then list with the parent's parameters", async () => {
    const { s3, session, transport } = stubSession({ body: listObjectsV2Xml(["a", "b"]) });
    const seen = recordParams(session);
    const objects = s3.Bucket("logs").objects;
    expect(transport.requests).to.have.length(0);
    const items: TObj[] = [];
    for await (const object of objects) items.push(object);
    expect(seen.map((s) => s.params["Bucket"])).to.deep.equal(["logs"]);
    expect(items.map(String)).to.deep.equal([
      "s3.Obj(bucketName='logs', key='a')",
      "s3.Obj(bucketName='logs', key='b')",
    ]);
  });

  it("build items of the cached class, with their item data and the parent's client", async () => {
    const { s3 } = stubSession({ body: listObjectsV2Xml(["a"]) });
    const bucket = s3.Bucket("logs");
    const items: TObj[] = [];
    for await (const object of bucket.objects) items.push(object);
    const [item] = items;
    expect(Object.getPrototypeOf(item)).to.equal(Object.getPrototypeOf(bucket.Obj("x")));
    expect(item!.meta.data).to.include({ Key: "a", Size: 1 });
    expect(item!.meta.client).to.equal(bucket.meta.client);
  });

  it("return a new collection on each read, described after the parent", () => {
    const bucket = stubSession().s3.Bucket("logs");
    expect(bucket.objects).not.to.equal(bucket.objects);
    expect(inspect(bucket.objects)).to.include("s3.Bucket(name='logs').objects");
  });

  it("carry the batch actions of the item type", () => {
    const bucket = stubSession().s3.Bucket("logs");
    expect((bucket.objects as unknown as Record<string, unknown>)["delete"]).to.be.a("function");
  });
});

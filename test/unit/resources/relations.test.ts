import { expect } from "chai";
import { ResourceNotLoadedError } from "../../../index.js";
import { answer, recordParams, stubSession, TBucket, TObj } from "./fixtures.js";

describe("sub-resources", () => {
  it("make no request and share the parent's client", () => {
    const { s3, transport } = stubSession();
    const bucket = s3.Bucket("b");
    const object = bucket.Obj("k");
    const version = object.Ver("v1");
    const back = version.meta.client === object.meta.client && object.meta.client === bucket.meta.client;
    expect(back).to.equal(true);
    expect(object.Bucket()).to.be.instanceOf(TBucket);
    expect(object.Bucket().equals(bucket)).to.equal(true);
    expect(transport.requests).to.have.length(0);
  });

  it("carry no data, even when the parent has some", async () => {
    const { s3 } = stubSession({ headers: { "content-length": "5" } });
    const object = await s3.Bucket("b").Obj("k").load();
    expect(object.Bucket().meta.data).to.equal(undefined);
    expect(object.Ver("v1").meta.data).to.equal(undefined);
  });
});

describe("references", () => {
  it("build the resource named by the loaded data, without a request", async () => {
    const { s3, session } = stubSession();
    answer(session, "ListObjectVersions", {
      Versions: [{ Key: "a.txt", VersionId: "v1", Size: 3, IsLatest: true }],
    });
    const seen = recordParams(session);
    const [version] = await s3.Bucket("b").listVersions();
    expect(version!.size).to.equal(3);
    const object = version!.object;
    expect(object).to.be.instanceOf(TObj);
    expect(object!.meta.identifiers).to.deep.equal({ bucketName: "b", key: "a.txt" });
    expect(object!.meta.client).to.equal(version!.meta.client);
    expect(seen.map((s) => s.operation)).to.deep.equal(["ListObjectVersions"]);
  });

  it("are undefined when the data lacks an identifier", () => {
    const version = stubSession().s3.Ver("b", "a.txt", "v1");
    version.meta.data = { VersionId: "v1" };
    expect(version.object).to.equal(undefined);
  });

  it("throw ResourceNotLoadedError when the data is not there", () => {
    const version = stubSession().s3.Ver("b", "a.txt", "v1");
    expect(() => version.object).to.throw(
      ResourceNotLoadedError,
      "s3.Ver(bucketName='b', objectKey='a.txt', id='v1').object is not available: this resource has no load operation",
    );
  });
});

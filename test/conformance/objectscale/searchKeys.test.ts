import { expect } from "chai";
import { address, ADDRESSINGS, objectScaleClient } from "../../support/objectScaleTransport.js";

/** Reference §3.3. */
const SYSTEM_KEYS = `<?xml version="1.0" encoding="UTF-8"?>
<MetadataSearchList xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <IndexableKeys>
    <Key><Name>CreateTime</Name><Datatype>datetime</Datatype></Key>
    <Key><Name>Size</Name><Datatype>integer</Datatype></Key>
  </IndexableKeys>
  <OptionalAttributes>
    <Attribute><Name>ContentType</Name><Datatype>string</Datatype></Attribute>
    <Attribute><Name>Retention</Name><Datatype>integer</Datatype></Attribute>
  </OptionalAttributes>
</MetadataSearchList>`;

/** Reference §3.4: one key only, so the parser meets a single (not repeated) element. */
const BUCKET_KEYS = `<MetadataSearchList xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <MetadataSearchEnabled>true</MetadataSearchEnabled>
  <IndexableKeys>
    <Key><Name>x-amz-meta-dept</Name><Datatype>string</Datatype></Key>
  </IndexableKeys>
</MetadataSearchList>`;

for (const addressing of ADDRESSINGS) {
  describe(`ObjectScale metadata-search keys (${addressing}-style)`, () => {
    it("listSystemMetadataSearchKeys sends GET /?searchmetadata and parses both lists", async () => {
      const { client, wire } = objectScaleClient(addressing, [{ body: SYSTEM_KEYS }]);
      const out = await client.listSystemMetadataSearchKeys();
      const sent = wire.only;
      expect(sent).to.deep.include({ method: "GET", ...address(addressing), queryString: "searchmetadata=" });
      expect(sent.signedHeaders).to.include("host");
      expect(out.IndexableKeys).to.deep.equal([
        { Name: "CreateTime", Datatype: "datetime" },
        { Name: "Size", Datatype: "integer" },
      ]);
      expect(out.OptionalAttributes).to.deep.equal([
        { Name: "ContentType", Datatype: "string" },
        { Name: "Retention", Datatype: "integer" },
      ]);
    });

    it("listBucketMetadataSearchKeys sends GET /{bucket}/?searchmetadata and reads MetadataSearchEnabled", async () => {
      const { client, wire } = objectScaleClient(addressing, [{ body: BUCKET_KEYS }]);
      const out = await client.listBucketMetadataSearchKeys({ Bucket: "invoices" });
      expect(wire.only).to.deep.include({
        method: "GET",
        ...address(addressing, "invoices"),
        queryString: "searchmetadata=",
      });
      expect(out.MetadataSearchEnabled).to.equal(true);
      expect(out.IndexableKeys).to.deep.equal([{ Name: "x-amz-meta-dept", Datatype: "string" }]);
      expect(out.OptionalAttributes).to.deep.equal([]);
    });

    it("disableMetadataSearch sends DELETE /{bucket}/?searchmetadata and accepts 204", async () => {
      const { client, wire } = objectScaleClient(addressing, [{ statusCode: 204 }]);
      const out = await client.disableMetadataSearch({ Bucket: "invoices" });
      expect(wire.only).to.deep.include({
        method: "DELETE",
        ...address(addressing, "invoices"),
        queryString: "searchmetadata=",
      });
      expect(out.$metadata.httpStatusCode).to.equal(204);
    });

    it("createBucket sends the indexed keys as a signed x-emc-metadata-search header", async () => {
      const { client, wire } = objectScaleClient(addressing);
      await client.createBucket({
        Bucket: "invoices",
        ObjectScale: {
          metadataSearch: [
            { key: "Size" },
            { key: "LastModified", type: "datetime" },
            { key: "x-amz-meta-dept", type: "string" },
            { key: "x-amz-meta-amount", type: "decimal" },
          ],
        },
      });
      const sent = wire.only;
      expect(sent).to.deep.include({ method: "PUT", ...address(addressing, "invoices") });
      expect(sent.headers["x-emc-metadata-search"]).to.equal(
        "Size;integer,LastModified;datetime,x-amz-meta-dept;string,x-amz-meta-amount;decimal",
      );
      expect(sent.signedHeaders).to.include("x-emc-metadata-search");
    });
  });
}

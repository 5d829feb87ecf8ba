import { expect } from "chai";
import { NoSuchBucket, S3ServiceException } from "@aws-sdk/client-s3";
import { searchKey } from "../../../resources/objectscale/index.js";
import { address, ADDRESSINGS, errorXml, objectScaleClient } from "../../support/objectScaleTransport.js";

/** The reference's constructed `BucketQueryResult` (§3.6), unqualified elements. */
const RESULT = `<?xml version="1.0" encoding="UTF-8"?>
<BucketQueryResult xmlns:ns2="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>invoices</Name>
  <Marker/>
  <NextMarker>opaque-token-123</NextMarker>
  <IsTruncated>true</IsTruncated>
  <MaxKeys>2</MaxKeys>
  <ObjectMatches>
    <object>
      <objectName>2024/q1/acme.pdf</objectName>
      <objectId>3b7c0ee91</objectId>
      <versionId>0</versionId>
      <queryMds>
        <type>SYSMD</type>
        <mdMap>
          <entry><key>size</key><value>2048</value></entry>
          <entry><key>mtime</key><value>1714557600000</value></entry>
          <entry><key>ctype</key><value>application/pdf</value></entry>
        </mdMap>
      </queryMds>
      <queryMds>
        <type>USERMD</type>
        <mdMap>
          <entry><key>x-amz-meta-dept</key><value>sales</value></entry>
        </mdMap>
      </queryMds>
      <indexKey/>
    </object>
    <object>
      <objectName>2024/q1/b.pdf</objectName>
      <objectId>ff</objectId>
      <versionId>0</versionId>
      <queryMds><type>SYSMD</type><mdMap><entry><key>size</key><value>7</value></entry></mdMap></queryMds>
      <indexKey/>
    </object>
  </ObjectMatches>
  <CommonPrefixMatches>
    <PrefixGroups>2024/q2/</PrefixGroups>
  </CommonPrefixMatches>
</BucketQueryResult>`;

const lastPage = (marker: string | null) =>
  `<BucketQueryResult><Name>invoices</Name>${marker === null ? "" : `<NextMarker>${marker}</NextMarker>`}<MaxKeys>1</MaxKeys>` +
  `<ObjectMatches><object><objectName>last</objectName><versionId>0</versionId></object></ObjectMatches></BucketQueryResult>`;

for (const addressing of ADDRESSINGS) {
  describe(`ObjectScale queryObjects (${addressing}-style)`, () => {
    it("sends GET /{bucket}/?query=... with every documented parameter, signed", async () => {
      const { client, wire } = objectScaleClient(addressing, [{ body: RESULT }]);
      await client.queryObjects({
        Bucket: "invoices",
        Query: "Size>1024 and x-amz-meta-dept=='sales'",
        Attributes: ["ContentType", "Retention"],
        Sorted: "Size",
        IncludeOlderVersions: true,
        MaxKeys: 2,
        Marker: "m-1",
        Prefix: "2024/",
        Delimiter: "/",
        EncodingType: "url",
      });
      const sent = wire.only;
      expect(sent.method).to.equal("GET");
      expect({ hostname: sent.hostname, path: sent.path }).to.deep.equal(address(addressing, "invoices"));
      expect(sent.query).to.deep.equal({
        query: "Size>1024 and x-amz-meta-dept=='sales'",
        attributes: "ContentType,Retention",
        sorted: "Size",
        "include-older-versions": "true",
        "max-keys": "2",
        marker: "m-1",
        prefix: "2024/",
        delimiter: "/",
        "encoding-type": "url",
      });
      expect(sent.queryString).to.include("query=Size%3E1024%20and%20x-amz-meta-dept%3D%3D%27sales%27");
      expect(sent.headers["authorization"]).to.match(/^AWS4-HMAC-SHA256 /);
    });

    it("sends only the query when nothing else is given", async () => {
      const { client, wire } = objectScaleClient(addressing, [{ body: RESULT }]);
      await client.queryObjects({ Bucket: "invoices", Query: "Size>0" });
      expect(wire.only.query).to.deep.equal({ query: "Size>0" });
    });

    it("cannot be made to send extra query parameters through the expression", async () => {
      const { client, wire } = objectScaleClient(addressing, [{ body: RESULT }]);
      const evil = "x&max-keys=1&marker=zz#frag";
      await client.queryObjects({
        Bucket: "invoices",
        Query: searchKey("x-amz-meta-dept", "string").eq(evil),
      });
      expect(Object.keys(wire.only.query)).to.deep.equal(["query"]);
      expect(wire.only.query["query"]).to.equal(`x-amz-meta-dept=='${evil}'`);
      expect(wire.only.queryString).to.not.match(/[&?]max-keys=/);
      expect(wire.only.queryString).to.include("%26max-keys%3D1%26marker%3Dzz%23frag");
    });

    it("writes a built expression with the configured quote and its datatypes", async () => {
      const { client, wire } = objectScaleClient(addressing, [{ body: RESULT }], { queryQuote: '"' });
      const query = searchKey("LastModified")
        .gt(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))
        .and(searchKey("x-amz-meta-dept", "string").eq("sales").or(searchKey("Size").le(10)));
      await client.queryObjects({ Bucket: "invoices", Query: query, Sorted: "LastModified" });
      expect(wire.only.query["query"]).to.equal(
        'LastModified>2024-01-02T03:04:05Z and (x-amz-meta-dept=="sales" or Size<=10)',
      );
    });

    it("spells the older-versions parameter as configured (reference §15.1)", async () => {
      const { client, wire } = objectScaleClient(addressing, [{ body: RESULT }], {
        includeOlderVersionsParameter: "include_older_version",
      });
      await client.queryObjects({ Bucket: "invoices", Query: "Size>0", IncludeOlderVersions: false });
      expect(wire.only.query).to.deep.equal({ query: "Size>0", include_older_version: "false" });
    });

    it("parses BucketQueryResult: matches, metadata maps, friendly fields and common prefixes", async () => {
      const { client } = objectScaleClient(addressing, [{ body: RESULT }]);
      const page = await client.queryObjects({ Bucket: "invoices", Query: "Size>0" });
      expect(page.Name).to.equal("invoices");
      expect(page.Marker).to.equal(undefined);
      expect(page.NextMarker).to.equal("opaque-token-123");
      expect(page.IsTruncated).to.equal(true);
      expect(page.MaxKeys).to.equal(2);
      expect(page.CommonPrefixes).to.deep.equal(["2024/q2/"]);
      expect(page.Objects).to.have.length(2);
      const [first, second] = page.Objects;
      expect(first).to.deep.include({
        ObjectName: "2024/q1/acme.pdf",
        ObjectId: "3b7c0ee91",
        VersionId: "0",
        Size: 2048,
        ContentType: "application/pdf",
        SystemMetadata: { size: "2048", mtime: "1714557600000", ctype: "application/pdf" },
        UserMetadata: { "x-amz-meta-dept": "sales" },
      });
      expect(first?.LastModified?.toISOString()).to.equal("2024-05-01T10:00:00.000Z");
      expect(second).to.deep.include({ ObjectName: "2024/q1/b.pdf", Size: 7, UserMetadata: {} });
      expect(page.$metadata).to.include({ httpStatusCode: 200, requestId: "req-1" });
    });

    it("treats the legacy NO MORE PAGES marker as the last page", async () => {
      const { client } = objectScaleClient(addressing, [{ body: lastPage("NO MORE PAGES") }]);
      const page = await client.queryObjects({ Bucket: "invoices", Query: "Size>0" });
      expect(page.NextMarker).to.equal(undefined);
      expect(page.IsTruncated).to.equal(false);
    });

    it("paginates by NextMarker until it is absent, repeating the query", async () => {
      const { client, wire } = objectScaleClient(addressing, [
        { body: lastPage("t1") },
        { body: lastPage("t2") },
        { body: lastPage(null) },
      ]);
      const pages = [];
      for await (const page of client.paginateQueryObjects(
        { Bucket: "invoices", Query: "Size>0" },
        { pageSize: 1 },
      )) {
        pages.push(page);
      }
      expect(pages).to.have.length(3);
      expect(wire.requests.map((r) => r.query)).to.deep.equal([
        { query: "Size>0", "max-keys": "1" },
        { query: "Size>0", "max-keys": "1", marker: "t1" },
        { query: "Size>0", "max-keys": "1", marker: "t2" },
      ]);
    });

    it("stops paginating at the legacy NO MORE PAGES marker", async () => {
      const { client, wire } = objectScaleClient(addressing, [
        { body: lastPage("t1") },
        { body: lastPage("NO MORE PAGES") },
      ]);
      let count = 0;
      for await (const _page of client.paginateQueryObjects({ Bucket: "invoices", Query: "Size>0" })) count++;
      expect(count).to.equal(2);
      expect(wire.requests).to.have.length(2);
    });

    it("raises the SDK's NoSuchBucket for a missing bucket", async () => {
      const { client } = objectScaleClient(addressing, [
        {
          statusCode: 404,
          body: errorXml(
            "NoSuchBucket",
            "The specified bucket does not exist",
            "<BucketName>nope</BucketName>",
          ),
        },
      ]);
      const error = await client.queryObjects({ Bucket: "nope", Query: "Size>0" }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(NoSuchBucket);
      expect(error).to.deep.include({
        name: "NoSuchBucket",
        $fault: "client",
        message: "The specified bucket does not exist",
      });
      expect((error as NoSuchBucket).$metadata).to.include({ httpStatusCode: 404, requestId: "req-1" });
      expect((error as { BucketName?: string }).BucketName).to.equal("nope");
    });

    it("raises an S3ServiceException named after an ECS error code that is a sentence", async () => {
      const code = "Invalid metadata search list entered";
      const { client } = objectScaleClient(addressing, [
        { statusCode: 400, body: errorXml(code, "A keyname on the request is not a valid indexable key") },
      ]);
      const error = await client.queryObjects({ Bucket: "invoices", Query: "Nope>1" }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(S3ServiceException);
      expect(error).to.deep.include({ name: code, $fault: "client" });
      expect((error as S3ServiceException).$metadata.httpStatusCode).to.equal(400);
    });
  });
}

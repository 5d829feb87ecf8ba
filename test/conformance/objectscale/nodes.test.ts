import { expect } from "chai";
import { address, ADDRESSINGS, objectScaleClient } from "../../support/objectScaleTransport.js";

/** Reference §8. */
const PING = `<?xml version="1.0" encoding="UTF-8"?>
<PingList xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <PingItem><Name>LOAD_FACTOR</Name><Value>2</Value></PingItem>
  <PingItem><Name>MAINTENANCE_MODE</Name><Status>OFF</Status><Text>Data Node is Available</Text></PingItem>
</PingList>`;

/** Reference §9. */
const DATA_NODES = `<ListDataNode xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <DataNodes>10.0.0.11</DataNodes>
  <DataNodes>10.0.0.12</DataNodes>
  <VersionInfo>3.8.0.0.123456.abcdef0</VersionInfo>
</ListDataNode>`;

/** Reference §10: ListAllMyBucketsResult with ObjectScale's paging elements. */
const BUCKETS_PAGE = `<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Owner><ID>user1</ID><DisplayName>user1</DisplayName></Owner>
  <Buckets>
    <Bucket><Name>a</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket>
    <Bucket><Name>b</Name><CreationDate>2024-01-02T00:00:00.000Z</CreationDate></Bucket>
  </Buckets>
  <MaxBuckets>2</MaxBuckets>
  <Marker>0</Marker>
  <NextMarker>b</NextMarker>
  <IsTruncated>true</IsTruncated>
</ListAllMyBucketsResult>`;

for (const addressing of ADDRESSINGS) {
  describe(`ObjectScale data-node calls (${addressing}-style)`, () => {
    it("ping sends GET /?ping unsigned and parses PingList", async () => {
      const { client, wire } = objectScaleClient(addressing, [{ body: PING }]);
      const out = await client.ping();
      const sent = wire.only;
      expect(sent).to.deep.include({ method: "GET", ...address(addressing), queryString: "ping" });
      expect(sent.headers).to.not.have.property("authorization");
      expect(sent.headers).to.not.have.property("x-amz-date");
      expect(sent.signedHeaders).to.deep.equal([]);
      expect(out.MaintenanceMode).to.equal("OFF");
      expect(out.LoadFactor).to.equal(2);
      expect(out.Items).to.deep.equal([
        { Name: "LOAD_FACTOR", Value: "2" },
        { Name: "MAINTENANCE_MODE", Status: "OFF", Text: "Data Node is Available" },
      ]);
    });

    it("ping goes to the given data node, and other calls of the client stay signed", async () => {
      const { client, wire } = objectScaleClient(addressing, [{ body: PING }, { body: DATA_NODES }]);
      await client.ping({ Node: "10.0.0.12:9021" });
      await client.listDataNodes();
      const [ping, list] = wire.requests;
      expect(ping).to.deep.include({ hostname: "10.0.0.12", port: 9021, path: "/" });
      expect(ping?.headers["host"]).to.equal("10.0.0.12:9021");
      expect(list?.headers["authorization"]).to.match(/^AWS4-HMAC-SHA256 /);
    });

    it("listDataNodes sends GET /?endpoint, signed, and parses ListDataNode", async () => {
      const { client, wire } = objectScaleClient(addressing, [{ body: DATA_NODES }]);
      const out = await client.listDataNodes();
      expect(wire.only).to.deep.include({ method: "GET", ...address(addressing), queryString: "endpoint=" });
      expect(wire.only.signedHeaders).to.include("host");
      expect(out.DataNodes).to.deep.equal(["10.0.0.11", "10.0.0.12"]);
      expect(out.VersionInfo).to.equal("3.8.0.0.123456.abcdef0");
    });

    it("listBucketsPaged sends GET /?limit=&marker= and parses the paging elements", async () => {
      const { client, wire } = objectScaleClient(addressing, [{ body: BUCKETS_PAGE }]);
      const out = await client.listBucketsPaged({ Marker: "0", Limit: 2 });
      expect(wire.only).to.deep.include({ method: "GET", ...address(addressing) });
      expect(wire.only.query).to.deep.equal({ marker: "0", limit: "2" });
      expect(out.Buckets.map((b) => b.Name)).to.deep.equal(["a", "b"]);
      expect(out.Buckets[0]?.CreationDate?.toISOString()).to.equal("2024-01-01T00:00:00.000Z");
      expect(out).to.deep.include({ NextMarker: "b", IsTruncated: true, MaxBuckets: 2, Marker: "0" });
      expect(out.Owner).to.deep.equal({ ID: "user1", DisplayName: "user1" });
    });
  });
}

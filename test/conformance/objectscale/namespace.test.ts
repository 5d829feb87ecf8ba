import { expect } from "chai";
import { ENDPOINT_HOST, objectScaleClient } from "../../support/objectScaleTransport.js";

describe("ObjectScale namespace (reference §1.1)", () => {
  describe('namespaceAddressing "header" (the default)', () => {
    for (const addressing of ["path", "virtual"] as const) {
      it(`sends a signed x-emc-namespace on modelled and added operations (${addressing}-style)`, async () => {
        const { client, wire } = objectScaleClient(addressing, [{}, { body: "<BucketQueryResult/>" }], {
          namespace: "ns1",
        });
        await client.headObject({ Bucket: "bkt", Key: "k" });
        await client.queryObjects({ Bucket: "bkt", Query: "Size>0" });
        for (const sent of wire.requests) {
          expect(sent.headers["x-emc-namespace"]).to.equal("ns1");
          expect(sent.signedHeaders).to.include("x-emc-namespace");
          expect(sent.hostname).to.not.include("ns1");
        }
      });
    }

    it("lets CreateBucket's ObjectScale.namespace override the plugin's for that call only", async () => {
      const { client, wire } = objectScaleClient("path", [], { namespace: "ns1" });
      await client.createBucket({ Bucket: "bkt", ObjectScale: { namespace: "finance" } });
      await client.headBucket({ Bucket: "bkt" });
      expect(wire.requests.map((r) => r.headers["x-emc-namespace"])).to.deep.equal(["finance", "ns1"]);
    });

    it("sends no namespace when none is configured", async () => {
      const { client, wire } = objectScaleClient("path");
      await client.headBucket({ Bucket: "bkt" });
      expect(wire.only.headers).to.not.have.property("x-emc-namespace");
    });
  });

  describe('namespaceAddressing "host"', () => {
    it("puts the namespace after the bucket label of a virtual host, signed through Host", async () => {
      const { client, wire } = objectScaleClient("virtual", [], {
        namespace: "ns1",
        namespaceAddressing: "host",
      });
      await client.headObject({ Bucket: "bkt", Key: "k" });
      const sent = wire.only;
      expect(sent.hostname).to.equal(`bkt.ns1.${ENDPOINT_HOST}`);
      expect(sent.headers["host"]).to.equal(`bkt.ns1.${ENDPOINT_HOST}:9020`);
      expect(sent.signedHeaders).to.include("host");
      expect(sent.headers).to.not.have.property("x-emc-namespace");
    });

    it("puts the namespace first in path style and for service calls", async () => {
      const { client, wire } = objectScaleClient("path", [{}, { body: "<ListDataNode/>" }], {
        namespace: "ns1",
        namespaceAddressing: "host",
      });
      await client.headObject({ Bucket: "bkt", Key: "k" });
      await client.listDataNodes();
      expect(wire.requests.map((r) => `${r.hostname}${r.path}`)).to.deep.equal([
        `ns1.${ENDPOINT_HOST}/bkt/k`,
        `ns1.${ENDPOINT_HOST}/`,
      ]);
    });

    it("keeps ping on the node's own address, with the namespace as a header", async () => {
      const { client, wire } = objectScaleClient("virtual", [{ body: "<PingList/>" }], {
        namespace: "ns1",
        namespaceAddressing: "host",
      });
      await client.ping();
      expect(wire.only.hostname).to.equal(ENDPOINT_HOST);
      expect(wire.only.headers["x-emc-namespace"]).to.equal("ns1");
    });
  });

  it("re-sends the same signed x-emc headers on a retried attempt", async () => {
    const { wire, session } = objectScaleClient(
      "path",
      [{ statusCode: 503, body: "<Error><Code>SlowDown</Code></Error>" }, {}],
      {
        namespace: "ns1",
        namespaceAddressing: "host",
      },
    );
    const retrying = session.client("s3", { maxAttempts: 2 });
    await retrying.putObject({ Bucket: "bkt", Key: "k", Body: "x", ObjectScale: { retentionPeriod: 5 } });
    expect(wire.requests).to.have.length(2);
    for (const sent of wire.requests) {
      expect(sent.hostname).to.equal(`ns1.${ENDPOINT_HOST}`);
      expect(sent.headers["x-emc-retention-period"]).to.equal("5");
      expect(sent.signedHeaders).to.include.members(["x-emc-retention-period", "host"]);
    }
  });
});

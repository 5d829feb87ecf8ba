import { expect } from "chai";
import { objectScaleResource } from "./fixtures.js";

const XMLNS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';

describe("Bucket with the ObjectScale plugin", () => {
  it(".metadataSearchKeys() sends GET /{bucket}?searchmetadata and reads the keys", async () => {
    const { s3, wire } = objectScaleResource({
      body:
        `<MetadataSearchList ${XMLNS}><MetadataSearchEnabled>true</MetadataSearchEnabled><IndexableKeys>` +
        `<Key><Name>Size</Name><Datatype>integer</Datatype></Key>` +
        `<Key><Name>x-amz-meta-dept</Name><Datatype>string</Datatype></Key></IndexableKeys></MetadataSearchList>`,
    });
    const out = await s3.Bucket("b").metadataSearchKeys();
    expect([wire.only.method, wire.only.path]).to.deep.equal(["GET", "/b/"]);
    expect(wire.only.query).to.deep.equal({ searchmetadata: "" });
    expect(out.MetadataSearchEnabled).to.equal(true);
    expect(out.IndexableKeys).to.deep.equal([
      { Name: "Size", Datatype: "integer" },
      { Name: "x-amz-meta-dept", Datatype: "string" },
    ]);
  });

  it(".setStaleReadAllowed() sends PUT ?isstaleallowed with x-emc-is-stale-allowed and marks the data stale", async () => {
    const { s3, wire } = objectScaleResource({});
    const bucket = s3.Bucket("b");
    await bucket.setStaleReadAllowed(false);
    expect([wire.only.method, wire.only.path]).to.deep.equal(["PUT", "/b/"]);
    expect(wire.only.query).to.deep.equal({ isstaleallowed: "" });
    expect(wire.only.headers["x-emc-is-stale-allowed"]).to.equal("false");
    expect(wire.only.signedHeaders).to.include("x-emc-is-stale-allowed");
    expect(bucket.meta.stale).to.equal(true);
  });

  it(".empty() sends DELETE /{bucket} with x-emc-empty-bucket: true", async () => {
    const { s3, wire } = objectScaleResource({ statusCode: 202 });
    const out = await s3.Bucket("b").empty();
    expect([wire.only.method, wire.only.path]).to.deep.equal(["DELETE", "/b/"]);
    expect(wire.only.headers["x-emc-empty-bucket"]).to.equal("true");
    expect(out.$metadata.httpStatusCode).to.equal(202);
  });

  it(".emptyStatus() sends GET ?empty-bucket-status and reads the task's progress", async () => {
    const { s3, wire } = objectScaleResource({
      body:
        `<EmptyBucketStatus ${XMLNS}><Status>IN_PROGRESS</Status><Created>2024-05-01T10:00:00.000Z</Created>` +
        `<EntriesDeleted>1200</EntriesDeleted><FailedToDeleteDueToRetention>1</FailedToDeleteDueToRetention></EmptyBucketStatus>`,
    });
    const out = await s3.Bucket("b").emptyStatus();
    expect(wire.only.query).to.deep.equal({ "empty-bucket-status": "" });
    expect(out).to.deep.include({
      Status: "IN_PROGRESS",
      Created: new Date("2024-05-01T10:00:00.000Z"),
      EntriesDeleted: 1200,
      FailedToDeleteDueToRetention: 1,
    });
  });

  it(".disableMetadataSearch() sends DELETE ?searchmetadata", async () => {
    const { s3, wire } = objectScaleResource({ statusCode: 204 });
    await s3.Bucket("b").disableMetadataSearch();
    expect([wire.only.method, wire.only.path]).to.deep.equal(["DELETE", "/b/"]);
    expect(wire.only.query).to.deep.equal({ searchmetadata: "" });
  });

  it(".create() and s3.createBucket() send the ObjectScale options as x-emc-* headers", async () => {
    const { s3, wire } = objectScaleResource({});
    const bucket = await s3.createBucket({
      Bucket: "indexed",
      ObjectScale: { metadataSearch: [{ key: "Size" }, { key: "x-amz-meta-dept", type: "string" }] },
    });
    await s3.Bucket("other").create({ ObjectScale: { staleReadAllowed: true, retentionPeriod: 60 } });
    expect(bucket.name).to.equal("indexed");
    expect(wire.requests[0]!.headers["x-emc-metadata-search"]).to.equal(
      "Size;integer,x-amz-meta-dept;string",
    );
    expect(wire.requests[1]!.headers).to.include({
      "x-emc-is-stale-allowed": "true",
      "x-emc-retention-period": "60",
    });
  });
});

describe("S3ServiceResource with the ObjectScale plugin", () => {
  it(".ping() sends an unsigned GET /?ping, to another node when given", async () => {
    const { s3, wire } = objectScaleResource({
      body:
        `<PingList ${XMLNS}><PingItem><Name>LOAD_FACTOR</Name><Value>2</Value></PingItem>` +
        `<PingItem><Name>MAINTENANCE_MODE</Name><Status>OFF</Status><Text>Data Node is Available</Text></PingItem></PingList>`,
    });
    const out = await s3.ping("10.0.0.11:9021");
    const sent = wire.only;
    expect([sent.method, sent.path, sent.hostname, sent.port]).to.deep.equal(["GET", "/", "10.0.0.11", 9021]);
    expect(sent.query).to.deep.equal({ ping: null });
    expect(sent.headers).to.not.have.property("authorization");
    expect(out.MaintenanceMode).to.equal("OFF");
    expect(out.LoadFactor).to.equal(2);
  });

  it(".ping() without a node asks the endpoint", async () => {
    const { s3, wire } = objectScaleResource({ body: `<PingList ${XMLNS}/>` });
    await s3.ping();
    expect(wire.only.hostname).to.equal("ecs.example.com");
  });

  it(".dataNodes() sends GET /?endpoint and lists the nodes and the version", async () => {
    const { s3, wire } = objectScaleResource({
      body: `<ListDataNode ${XMLNS}><DataNodes>10.0.0.11</DataNodes><DataNodes>10.0.0.12</DataNodes><VersionInfo>3.8.0</VersionInfo></ListDataNode>`,
    });
    const out = await s3.dataNodes();
    expect(wire.only.query).to.deep.equal({ endpoint: "" });
    expect(out.DataNodes).to.deep.equal(["10.0.0.11", "10.0.0.12"]);
    expect(out.VersionInfo).to.equal("3.8.0");
  });

  it(".systemMetadataSearchKeys() sends GET /?searchmetadata", async () => {
    const { s3, wire } = objectScaleResource({
      body:
        `<MetadataSearchList ${XMLNS}><IndexableKeys><Key><Name>Size</Name><Datatype>integer</Datatype></Key></IndexableKeys>` +
        `<OptionalAttributes><Attribute><Name>ContentType</Name><Datatype>string</Datatype></Attribute></OptionalAttributes></MetadataSearchList>`,
    });
    const out = await s3.systemMetadataSearchKeys();
    expect([wire.only.path, wire.only.query]).to.deep.equal(["/", { searchmetadata: "" }]);
    expect(out.IndexableKeys).to.deep.equal([{ Name: "Size", Datatype: "integer" }]);
    expect(out.OptionalAttributes).to.deep.equal([{ Name: "ContentType", Datatype: "string" }]);
  });
});

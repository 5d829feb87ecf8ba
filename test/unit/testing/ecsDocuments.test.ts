import { expect } from "chai";

import {
  bucketQueryResultXml,
  emptyBucketStatusXml,
  listDataNodeXml,
  metadataSearchListXml,
  pingListXml,
} from "../../../lib/testing/documents/ecsDocuments.js";
import { parseXml, type XmlElement } from "../../../lib/testing/xml/XmlReader.js";
import { escapeXml } from "../../../lib/testing/xml/XmlWriter.js";

interface Tree {
  name: string;
  attributes: Readonly<Record<string, string>>;
  text: string;
  children: Tree[];
}

/** A document as a comparable tree: local names, attributes, trimmed text, children. */
function tree(xml: string): Tree {
  const walk = (e: XmlElement): Tree => ({
    name: e.name,
    attributes: e.attributes,
    text: e.text.trim(),
    children: e.children.map(walk),
  });
  return walk(parseXml(xml));
}

// The examples of the reference (objectscale-extensions.md), verbatim.
const REFERENCE = {
  systemKeys: `<MetadataSearchList xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <IndexableKeys>
    <Key><Name>CreateTime</Name><Datatype>datetime</Datatype></Key>
    <Key><Name>Size</Name><Datatype>integer</Datatype></Key>
  </IndexableKeys>
  <OptionalAttributes>
    <Attribute><Name>ContentType</Name><Datatype>string</Datatype></Attribute>
    <Attribute><Name>Retention</Name><Datatype>integer</Datatype></Attribute>
  </OptionalAttributes>
</MetadataSearchList>`,
  bucketKeys: `<MetadataSearchList xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <MetadataSearchEnabled>true</MetadataSearchEnabled>
  <IndexableKeys>
    <Key><Name>LastModified</Name><Datatype>datetime</Datatype></Key>
    <Key><Name>x-amz-meta-dept</Name><Datatype>string</Datatype></Key>
  </IndexableKeys>
</MetadataSearchList>`,
  query: `<BucketQueryResult>
  <Name>invoices</Name>
  <Marker/>
  <NextMarker>opaque-token-123</NextMarker>
  <IsTruncated>true</IsTruncated>
  <MaxKeys>2</MaxKeys>
  <ObjectMatches>
    <object>
      <objectName>2024/q1/acme.pdf</objectName>
      <objectId>3b7c0e...e91</objectId>
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
  </ObjectMatches>
  <CommonPrefixMatches>
    <PrefixGroups>2024/q2/</PrefixGroups>
  </CommonPrefixMatches>
</BucketQueryResult>`,
  emptyBucket: `<EmptyBucketStatus xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Status>IN_PROGRESS</Status>
  <Created>2024-05-01T10:00:00.000Z</Created>
  <LastUpdated>2024-05-01T10:01:00.000Z</LastUpdated>
  <EntriesDeleted>1200</EntriesDeleted>
  <FailedToDeleteDueToRetention>0</FailedToDeleteDueToRetention>
  <FailedToDeleteDueToPermission>0</FailedToDeleteDueToPermission>
  <FailedToDeleteDueToOther>0</FailedToDeleteDueToOther>
</EmptyBucketStatus>`,
  ping: `<PingList xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <PingItem><Name>LOAD_FACTOR</Name><Value>2</Value></PingItem>
  <PingItem><Name>MAINTENANCE_MODE</Name><Status>OFF</Status><Text>Data Node is Available</Text></PingItem>
</PingList>`,
  dataNodes: `<ListDataNode xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <DataNodes>10.0.0.11</DataNodes>
  <DataNodes>10.0.0.12</DataNodes>
  <VersionInfo>3.8.0.0.123456.abcdef0</VersionInfo>
</ListDataNode>`,
};

describe("ECS documents", function () {
  it("MetadataSearchList of GET /?searchmetadata matches the reference", function () {
    const xml = metadataSearchListXml({
      indexableKeys: [
        { name: "CreateTime", datatype: "datetime", system: true },
        { name: "Size", datatype: "integer", system: true },
      ],
      optionalAttributes: [
        { name: "ContentType", datatype: "string", system: true },
        { name: "Retention", datatype: "integer", system: true },
      ],
    });
    expect(tree(xml)).to.deep.equal(tree(REFERENCE.systemKeys));
    expect(xml).to.match(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
  });

  it("MetadataSearchList of GET /{bucket}?searchmetadata matches the reference", function () {
    const xml = metadataSearchListXml({
      enabled: true,
      indexableKeys: [
        { name: "LastModified", datatype: "datetime", system: true },
        { name: "x-amz-meta-dept", datatype: "string", system: false },
      ],
    });
    expect(tree(xml)).to.deep.equal(tree(REFERENCE.bucketKeys));
  });

  it("BucketQueryResult matches the reference, with unqualified elements", function () {
    const xml = bucketQueryResultXml({
      name: "invoices",
      marker: undefined,
      nextMarker: "opaque-token-123",
      isTruncated: true,
      maxKeys: 2,
      objects: [
        {
          objectName: "2024/q1/acme.pdf",
          objectId: "3b7c0e...e91",
          versionId: "0",
          queryMds: [
            {
              type: "SYSMD",
              entries: [
                ["size", "2048"],
                ["mtime", "1714557600000"],
                ["ctype", "application/pdf"],
              ],
            },
            { type: "USERMD", entries: [["x-amz-meta-dept", "sales"]] },
          ],
        },
      ],
      prefixGroups: ["2024/q2/"],
    });
    expect(tree(xml)).to.deep.equal(tree(REFERENCE.query));
    expect(xml).not.to.contain("xmlns");
  });

  it("BucketQueryResult leaves NextMarker and CommonPrefixMatches out when there are none", function () {
    const doc = tree(
      bucketQueryResultXml({
        name: "b",
        marker: "m",
        nextMarker: undefined,
        isTruncated: false,
        maxKeys: 1000,
        objects: [],
        prefixGroups: [],
      }),
    );
    expect(doc.children.map((c) => c.name)).to.deep.equal([
      "Name",
      "Marker",
      "IsTruncated",
      "MaxKeys",
      "ObjectMatches",
    ]);
  });

  it("EmptyBucketStatus matches the reference (ISO-8601 times)", function () {
    const xml = emptyBucketStatusXml({
      status: "IN_PROGRESS",
      created: Date.parse("2024-05-01T10:00:00.000Z"),
      lastUpdated: Date.parse("2024-05-01T10:01:00.000Z"),
      entriesDeleted: 1200,
      failedToDeleteDueToRetention: 0,
      failedToDeleteDueToPermission: 0,
      failedToDeleteDueToOther: 0,
    });
    expect(tree(xml)).to.deep.equal(tree(REFERENCE.emptyBucket));
  });

  it("PingList matches the reference", function () {
    const xml = pingListXml([
      { name: "LOAD_FACTOR", value: "2" },
      { name: "MAINTENANCE_MODE", status: "OFF", text: "Data Node is Available" },
    ]);
    expect(tree(xml)).to.deep.equal(tree(REFERENCE.ping));
  });

  it("ListDataNode matches the reference (repeated DataNodes, no wrapper)", function () {
    expect(tree(listDataNodeXml(["10.0.0.11", "10.0.0.12"], "3.8.0.0.123456.abcdef0"))).to.deep.equal(
      tree(REFERENCE.dataNodes),
    );
  });

  it("escapes markup and XML-invalid characters so any key survives a round trip", function () {
    const name = `a<b>&"c'\u001d\r`;
    const xml = bucketQueryResultXml({
      name: "b",
      marker: undefined,
      nextMarker: undefined,
      isTruncated: false,
      maxKeys: 1,
      objects: [{ objectName: name, objectId: "i", versionId: "0", queryMds: [] }],
      prefixGroups: [],
    });
    expect(escapeXml("\u001d")).to.equal("&#x1D;");
    expect(parseXml(xml).first("ObjectMatches")?.first("object")?.textOf("objectName")).to.equal(name);
  });
});

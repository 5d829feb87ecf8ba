import { expect } from "chai";

import { resolveAddress } from "../../../lib/testing/http/addressing.js";
import { parseXml, XmlSyntaxError } from "../../../lib/testing/xml/XmlReader.js";

describe("resolveAddress", function () {
  const namespaces = new Set(["ns1", "finance"]);
  const resolve = (host: string, path: string) =>
    resolveAddress(host, path, ["localhost", "s3.example.test"], namespaces);

  it("reads bucket and key from the path for IP hosts and the bare base domain", function () {
    expect(resolve("127.0.0.1:9020", "/bucket/dir/a%20b.txt")).to.deep.equal({
      style: "path",
      hostNamespace: undefined,
      bucket: "bucket",
      key: "dir/a b.txt",
    });
    expect(resolve("localhost:9020", "/bucket/")).to.include({ bucket: "bucket", key: undefined });
    expect(resolve("localhost", "/")).to.include({ bucket: undefined, key: undefined });
  });

  it("reads the bucket from the host for virtual-host requests, dots included", function () {
    expect(resolve("my.bucket.localhost:9020", "/k")).to.deep.equal({
      style: "virtual-host",
      hostNamespace: undefined,
      bucket: "my.bucket",
      key: "k",
    });
    expect(resolve("Bucket.S3.Example.Test", "/")).to.include({
      style: "virtual-host",
      bucket: "bucket",
      key: undefined,
    });
  });

  it("takes a known namespace label before the base domain (bucket.ns.base, or ns.base/bucket)", function () {
    expect(resolve("invoices.finance.localhost:9020", "/2024/a.pdf")).to.deep.equal({
      style: "virtual-host",
      hostNamespace: "finance",
      bucket: "invoices",
      key: "2024/a.pdf",
    });
    expect(resolve("finance.localhost:9020", "/invoices/a.pdf")).to.deep.equal({
      style: "path",
      hostNamespace: "finance",
      bucket: "invoices",
      key: "a.pdf",
    });
    expect(resolve("unknown.localhost", "/")).to.include({ bucket: "unknown", hostNamespace: undefined });
  });

  it("treats host names outside the base domains as path style", function () {
    expect(resolve("ecs.example.com:9021", "/b/k")).to.include({ style: "path", bucket: "b", key: "k" });
    expect(resolve("[::1]:9020", "/b")).to.include({ style: "path", bucket: "b" });
  });
});

describe("parseXml", function () {
  it("reduces names to local names, decodes entities and CDATA, and keeps attributes", function () {
    const root = parseXml(
      '<?xml version="1.0"?><s3:Delete xmlns:s3="urn:x"><!-- c --><Object><Key>a&amp;b &#x1D;&#65;</Key></Object>' +
        '<Object><Key><![CDATA[<raw>]]></Key><VersionId v="1"/></Object><Quiet>true</Quiet></s3:Delete>',
    );
    expect(root.name).to.equal("Delete");
    expect(root.attributes).to.deep.equal({ "xmlns:s3": "urn:x" });
    expect(root.all("Object").map((o) => o.textOf("Key"))).to.deep.equal(["a&b \u001dA", "<raw>"]);
    expect(root.all("Object")[1]?.first("VersionId")?.attributes).to.deep.equal({ v: "1" });
    expect(root.textOf("Quiet")).to.equal("true");
  });

  it("refuses malformed documents and DTDs", function () {
    for (const bad of [
      "",
      "<a>",
      "<a></b>",
      "<a/><b/>",
      "text",
      '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
      "<a>&bogus;</a>",
      "<a>&#x110000;</a>",
    ]) {
      expect(() => parseXml(bad), bad).to.throw(XmlSyntaxError);
    }
  });
});

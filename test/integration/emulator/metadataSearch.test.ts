import { PutBucketVersioningCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { expect } from "chai";

import { ObjectScaleEmulator } from "../../../lib/testing/index.js";
import type { XmlElement } from "../../../lib/testing/xml/XmlReader.js";
import { rawRequest, textsOf } from "./harness.js";

/** `{ name: { SYSMD: {...}, USERMD: {...} } }` of a BucketQueryResult. */
function matchesOf(result: XmlElement): Record<string, Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, Record<string, string>>> = {};
  for (const object of result.first("ObjectMatches")?.all("object") ?? []) {
    const maps: Record<string, Record<string, string>> = {};
    for (const md of object.all("queryMds")) {
      maps[md.textOf("type") ?? ""] = Object.fromEntries(
        (md.first("mdMap")?.all("entry") ?? []).map((e) => [e.textOf("key") ?? "", e.textOf("value") ?? ""]),
      );
    }
    out[object.textOf("objectName") ?? ""] = maps;
  }
  return out;
}

describe("emulator: ECS metadata search (raw signed requests)", function () {
  let emu: ObjectScaleEmulator;
  let s3: S3Client;
  const query = (q: Record<string, string>, bucket = "indexed") =>
    rawRequest(emu, { method: "GET", path: `/${bucket}`, query: q });

  before(async function () {
    emu = await ObjectScaleEmulator.start();
    s3 = new S3Client(emu.clientConfig());
    const created = await rawRequest(emu, {
      method: "PUT",
      path: "/indexed",
      headers: {
        "x-emc-metadata-search":
          "Size,CreateTime,LastModified,ObjectName,x-amz-meta-dept;String,x-amz-meta-amount;decimal",
      },
    });
    expect(created.status).to.equal(200);
    const objects: [string, string, Record<string, string>][] = [
      ["2024/q1/acme.pdf", "a".repeat(2048), { Dept: "sales", amount: "120.50" }],
      ["2024/q1/globex.pdf", "g".repeat(100), { dept: "ops", amount: "7" }],
      ["2024/q2/initech.pdf", "i".repeat(5000), { dept: "sales", amount: "99.9" }],
      ["notes.txt", "n", {}],
    ];
    for (const [key, body, meta] of objects) {
      await s3.send(
        new PutObjectCommand({
          Bucket: "indexed",
          Key: key,
          Body: body,
          Metadata: meta,
          ContentType: "application/pdf",
        }),
      );
    }
  });
  after(async function () {
    s3.destroy();
    await emu.stop();
  });

  it("lists the system keys and optional attributes at GET /?searchmetadata", async function () {
    const response = await rawRequest(emu, { method: "GET", path: "/", query: { searchmetadata: "" } });
    expect(response.status).to.equal(200);
    const doc = response.xml();
    expect(doc.name).to.equal("MetadataSearchList");
    expect(doc.attributes["xmlns"]).to.equal("http://s3.amazonaws.com/doc/2006-03-01/");
    expect(textsOf(doc.first("IndexableKeys")!, "Name")).to.deep.equal([
      "CreateTime",
      "LastModified",
      "ObjectName",
      "Owner",
      "Size",
    ]);
    expect(textsOf(doc.first("OptionalAttributes")!, "Name")).to.include.members([
      "ContentType",
      "Retention",
      "Etag",
    ]);
    expect(emu.requests.at(-1)?.operation).to.equal("ListSystemMetadataSearchKeys");
  });

  it("lists a bucket's keys at GET /{bucket}?searchmetadata, user keys and datatypes lower-cased", async function () {
    const doc = (await query({ searchmetadata: "" })).xml();
    expect(doc.textOf("MetadataSearchEnabled")).to.equal("true");
    const keys = doc
      .first("IndexableKeys")!
      .all("Key")
      .map((k) => `${k.textOf("Name")};${k.textOf("Datatype")}`);
    expect(keys).to.deep.equal([
      "Size;integer",
      "CreateTime;datetime",
      "LastModified;datetime",
      "ObjectName;string",
      "x-amz-meta-dept;string",
      "x-amz-meta-amount;decimal",
    ]);
  });

  it("refuses a bad key list at creation with the sentence-like ECS code", async function () {
    const response = await rawRequest(emu, {
      method: "PUT",
      path: "/badkeys",
      headers: { "x-emc-metadata-search": "x-amz-meta-dept" },
    });
    expect(response.status).to.equal(400);
    expect(response.xml().textOf("Code")).to.equal("Invalid metadata search list entered");
    expect(emu.describeBucket("badkeys")).to.equal(undefined);
  });

  it("answers a query with BucketQueryResult: unqualified, SYSMD in epoch ms, USERMD lower-cased", async function () {
    const response = await query({ query: "x-amz-meta-dept=='sales'", attributes: "ContentType" });
    expect(response.status).to.equal(200);
    const doc = response.xml();
    expect(doc.name).to.equal("BucketQueryResult");
    expect(doc.attributes).to.deep.equal({});
    expect(doc.textOf("Name")).to.equal("indexed");
    expect(doc.first("NextMarker")).to.equal(undefined);
    expect(doc.textOf("IsTruncated")).to.equal("false");
    const found = matchesOf(doc);
    expect(Object.keys(found)).to.deep.equal(["2024/q1/acme.pdf", "2024/q2/initech.pdf"]);
    const acme = found["2024/q1/acme.pdf"];
    expect(acme?.["USERMD"]).to.deep.equal({ "x-amz-meta-dept": "sales", "x-amz-meta-amount": "120.50" });
    expect(acme?.["SYSMD"]?.["size"]).to.equal("2048");
    expect(acme?.["SYSMD"]?.["ctype"]).to.equal("application/pdf");
    const put = emu.requests.find((r) => r.key === "2024/q1/acme.pdf");
    expect(acme?.["SYSMD"]?.["mtime"]).to.equal(put?.responseHeaders["x-emc-mtime"]);
    expect(acme?.["SYSMD"]?.["createtime"]).to.match(/^\d{13}$/);
    expect(doc.first("ObjectMatches")?.first("object")?.textOf("versionId")).to.equal("0");
    expect(doc.first("ObjectMatches")?.first("object")?.textOf("objectId")).to.match(/^[0-9a-f]{64}$/);
  });

  it("pages with max-keys and NextMarker, repeating the query, until NextMarker is absent", async function () {
    const names: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const doc = (
        await query({ query: "Size>0", sorted: "Size", "max-keys": "2", ...(marker ? { marker } : {}) })
      ).xml();
      names.push(...textsOf(doc.first("ObjectMatches")!, "objectName"));
      marker = doc.textOf("NextMarker");
      expect(doc.textOf("IsTruncated")).to.equal(String(marker !== undefined));
      pages += 1;
    } while (marker !== undefined);
    expect(pages).to.equal(2);
    expect(names).to.deep.equal([
      "notes.txt",
      "2024/q1/globex.pdf",
      "2024/q1/acme.pdf",
      "2024/q2/initech.pdf",
    ]);
  });

  it("combines and/or with parentheses, compares decimals and datetimes, and filters by prefix and delimiter", async function () {
    const mixed = matchesOf(
      (await query({ query: "(x-amz-meta-amount>=99.9 and Size>3000) or x-amz-meta-dept=='ops'" })).xml(),
    );
    expect(Object.keys(mixed).sort()).to.deep.equal(["2024/q1/globex.pdf", "2024/q2/initech.pdf"]);
    const recent = matchesOf(
      (await query({ query: "LastModified>2015-01-01T00:00:00Z and ObjectName>''" })).xml(),
    );
    expect(Object.keys(recent)).to.have.length(4);
    const grouped = (await query({ query: "Size>0", prefix: "2024/", delimiter: "/" })).xml();
    expect(textsOf(grouped, "PrefixGroups")).to.deep.equal(["2024/q1/", "2024/q2/"]);
    expect(textsOf(grouped, "objectName")).to.deep.equal([]);
  });

  it("refuses queries the grammar cannot express, naming the problem", async function () {
    for (const [q, detail] of [
      ["Size!=3", "!= is not supported"],
      ["x-amz-meta-dept==sales", "quote the value"],
      ["x-amz-meta-other=='x'", "not an indexed key"],
      ["Size>3 AND Size<9", "lower-case"],
    ]) {
      const response = await query({ query: q ?? "" });
      expect(response.status, q).to.equal(400);
      expect(response.xml().textOf("Code")).to.equal("Invalid metadata search list entered");
      expect(response.xml().textOf("Message")).to.contain(detail);
    }
  });

  it("returns older versions with include-older-versions (and its two other spellings)", async function () {
    await rawRequest(emu, {
      method: "PUT",
      path: "/versioned-index",
      headers: { "x-emc-metadata-search": "x-amz-meta-rev;integer" },
    });
    await s3.send(
      new PutBucketVersioningCommand({
        Bucket: "versioned-index",
        VersioningConfiguration: { Status: "Enabled" },
      }),
    );
    for (const rev of ["1", "2"])
      await s3.send(
        new PutObjectCommand({ Bucket: "versioned-index", Key: "doc", Body: rev, Metadata: { rev } }),
      );
    const current = (await query({ query: "x-amz-meta-rev>0" }, "versioned-index")).xml();
    expect(textsOf(current, "value")).to.deep.equal(["2"]);
    for (const name of ["include-older-versions", "include_older_version", "include-older-version"]) {
      const all = (await query({ query: "x-amz-meta-rev>0", [name]: "true" }, "versioned-index")).xml();
      expect(textsOf(all, "value"), name).to.deep.equal(["1", "2"]);
      expect(textsOf(all, "versionId").every((v) => v !== "0" && v !== "null")).to.equal(true);
    }
  });

  it("URL-encodes names and values with encoding-type=url", async function () {
    await s3.send(
      new PutObjectCommand({ Bucket: "indexed", Key: "odd name&.txt", Body: "x", Metadata: { dept: "r&d" } }),
    );
    const doc = (await query({ query: "x-amz-meta-dept=='r&d'", "encoding-type": "url" })).xml();
    expect(textsOf(doc, "objectName")).to.deep.equal(["odd%20name%26.txt"]);
    expect(textsOf(doc, "value")).to.include("r%26d");
  });

  it("disables search with DELETE ?searchmetadata (204); keys stay listed, queries are refused", async function () {
    await rawRequest(emu, {
      method: "PUT",
      path: "/to-disable",
      headers: { "x-emc-metadata-search": "Size" },
    });
    const disabled = await rawRequest(emu, {
      method: "DELETE",
      path: "/to-disable",
      query: { searchmetadata: "" },
    });
    expect(disabled.status).to.equal(204);
    const keys = (await query({ searchmetadata: "" }, "to-disable")).xml();
    expect(keys.textOf("MetadataSearchEnabled")).to.equal("false");
    expect(textsOf(keys, "Name")).to.deep.equal(["Size"]);
    expect((await query({ query: "Size>0" }, "to-disable")).status).to.equal(400);
  });
});

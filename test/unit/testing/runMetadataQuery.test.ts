import { expect } from "chai";

import { MetadataQueryError } from "../../../lib/testing/search/parseMetadataQuery.js";
import {
  NO_MORE_PAGES,
  runMetadataQuery,
  type MetadataQueryParams,
} from "../../../lib/testing/search/runMetadataQuery.js";
import { parseSearchKeyList } from "../../../lib/testing/search/searchKeys.js";
import { BucketState } from "../../../lib/testing/store/BucketState.js";
import { StoredObject } from "../../../lib/testing/store/StoredObject.js";

const T0 = Date.UTC(2024, 4, 1, 10);

function bucketWith(header: string): BucketState {
  return new BucketState("invoices", "ns1", T0, "owner", {
    replicationGroup: undefined,
    fileSystemEnabled: false,
    staleReadAllowed: false,
    encryptionEnabled: false,
    complianceEnabled: false,
    retentionPeriodSeconds: undefined,
    searchKeys: parseSearchKeyList(header),
    metadataSearchEnabled: true,
  });
}

function put(
  bucket: BucketState,
  key: string,
  size: number,
  meta: Record<string, string>,
  versionId = "null",
  at = T0,
): StoredObject {
  const object = new StoredObject(
    key,
    versionId,
    false,
    at,
    "owner",
    Buffer.alloc(size),
    "application/pdf",
    `id-${key}`,
  );
  object.userMetadata = new Map(Object.entries(meta));
  bucket.put(object);
  return object;
}

const params = (query: string, extra: Partial<MetadataQueryParams> = {}): MetadataQueryParams => ({
  query,
  attributes: [],
  sorted: undefined,
  includeOlderVersions: false,
  maxKeys: 1000,
  marker: undefined,
  prefix: undefined,
  delimiter: undefined,
  encodeUrl: false,
  legacyEndMarker: false,
  ...extra,
});

describe("runMetadataQuery", function () {
  let bucket: BucketState;

  beforeEach(function () {
    bucket = bucketWith("Size,CreateTime,LastModified,x-amz-meta-dept;string,x-amz-meta-amount;decimal");
    put(bucket, "2024/q1/acme.pdf", 2048, { dept: "sales", amount: "120.5", other: "x" });
    put(bucket, "2024/q1/globex.pdf", 100, { dept: "ops", amount: "7" });
    put(bucket, "2024/q2/initech.pdf", 5000, { dept: "sales", amount: "99" });
    put(bucket, "readme.txt", 10, {});
  });

  it("returns the matches sorted by the first key of the query, with SYSMD in epoch ms and USERMD lower-cased", function () {
    const result = runMetadataQuery(bucket, params("x-amz-meta-dept=='sales'"));
    expect(result.objects.map((o) => o.objectName)).to.deep.equal([
      "2024/q1/acme.pdf",
      "2024/q2/initech.pdf",
    ]);
    const acme = result.objects[0];
    expect(acme?.versionId).to.equal("0");
    expect(acme?.queryMds).to.deep.equal([
      {
        type: "SYSMD",
        entries: [
          ["size", "2048"],
          ["createtime", String(T0)],
          ["mtime", String(T0)],
        ],
      },
      {
        type: "USERMD",
        entries: [
          ["x-amz-meta-dept", "sales"],
          ["x-amz-meta-amount", "120.5"],
        ],
      },
    ]);
    expect(result.isTruncated).to.equal(false);
    expect(result.nextMarker).to.equal(undefined);
  });

  it("sorts by the `sorted` key numerically, and refuses a key the query does not use", function () {
    const result = runMetadataQuery(bucket, params("x-amz-meta-amount>0 and Size>0", { sorted: "Size" }));
    expect(result.objects.map((o) => o.objectName)).to.deep.equal([
      "2024/q1/globex.pdf",
      "2024/q1/acme.pdf",
      "2024/q2/initech.pdf",
    ]);
    const byAmount = runMetadataQuery(bucket, params("x-amz-meta-amount>0"));
    expect(byAmount.objects.map((o) => o.objectName)).to.deep.equal([
      "2024/q1/globex.pdf",
      "2024/q2/initech.pdf",
      "2024/q1/acme.pdf",
    ]);
    expect(() => runMetadataQuery(bucket, params("Size>0", { sorted: "LastModified" }))).to.throw(
      MetadataQueryError,
      /sorted/,
    );
  });

  it("pages with an opaque NextMarker until it is absent (ECS ≥ 3.4)", function () {
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = runMetadataQuery(bucket, params("Size>=0", { maxKeys: 3, marker }));
      seen.push(...page.objects.map((o) => o.objectName));
      expect(page.isTruncated).to.equal(page.nextMarker !== undefined);
      marker = page.nextMarker;
      pages += 1;
    } while (marker !== undefined);
    expect(pages).to.equal(2);
    expect(seen).to.deep.equal([
      "readme.txt",
      "2024/q1/globex.pdf",
      "2024/q1/acme.pdf",
      "2024/q2/initech.pdf",
    ]);
  });

  it("ends with NO MORE PAGES when emulating ECS before 3.4", function () {
    expect(runMetadataQuery(bucket, params("Size>=0", { legacyEndMarker: true })).nextMarker).to.equal(
      NO_MORE_PAGES,
    );
  });

  it("rejects a marker it did not issue", function () {
    expect(() => runMetadataQuery(bucket, params("Size>0", { marker: "bogus" }))).to.throw(
      MetadataQueryError,
      /marker/,
    );
  });

  it("filters by prefix and groups by delimiter into prefix groups", function () {
    const result = runMetadataQuery(bucket, params("Size>=0", { prefix: "2024/", delimiter: "/" }));
    expect(result.objects).to.deep.equal([]);
    expect(result.prefixGroups).to.deep.equal(["2024/q1/", "2024/q2/"]);
    const q1 = runMetadataQuery(bucket, params("Size>=0", { prefix: "2024/q1/", delimiter: "/" }));
    expect(q1.objects.map((o) => o.objectName)).to.deep.equal(["2024/q1/globex.pdf", "2024/q1/acme.pdf"]);
  });

  it("adds requested attributes to SYSMD under ECS's short names", function () {
    const [match] = runMetadataQuery(
      bucket,
      params("Size==100", { attributes: ["ContentType", "Etag", "Owner"] }),
    ).objects;
    const sys = new Map(match?.queryMds.find((m) => m.type === "SYSMD")?.entries);
    expect(sys.get("ctype")).to.equal("application/pdf");
    expect(sys.get("etag")).to.match(/^[0-9a-f]{32}$/);
    expect(sys.get("owner")).to.equal("owner");
    expect(() => runMetadataQuery(bucket, params("Size>0", { attributes: ["Colour"] }))).to.throw(
      MetadataQueryError,
      /optional attribute/,
    );
  });

  it("returns older versions, newest first, only with include-older-versions", function () {
    bucket.versioning = "Enabled";
    put(bucket, "v.txt", 1, { dept: "a" }, "v1", T0);
    put(bucket, "v.txt", 2, { dept: "b" }, "v2", T0 + 1000);
    const current = runMetadataQuery(
      bucket,
      params("(x-amz-meta-dept<='') or (x-amz-meta-dept>='')", { prefix: "v" }),
    );
    expect(current.objects.map((o) => o.versionId)).to.deep.equal(["v2"]);
    const all = runMetadataQuery(bucket, params("Size>0", { prefix: "v", includeOlderVersions: true }));
    expect(all.objects.map((o) => o.versionId)).to.deep.equal(["v1", "v2"]);
  });

  it("URL-encodes names and values with encoding-type=url", function () {
    put(bucket, "bad\u001dkey", 1, { dept: "a&b c" });
    const [match] = runMetadataQuery(bucket, params("x-amz-meta-dept=='a&b c'", { encodeUrl: true })).objects;
    expect(match?.objectName).to.equal("bad%1Dkey");
    expect(match?.queryMds[1]?.entries).to.deep.equal([["x-amz-meta-dept", "a%26b%20c"]]);
  });
});

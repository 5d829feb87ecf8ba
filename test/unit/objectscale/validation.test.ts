import { Readable } from "node:stream";
import { expect } from "chai";
import { ValidationError } from "../../../lib/errors.js";
import { searchKey, type MetadataSearchKeySpec } from "../../../resources/objectscale/index.js";
import { objectScaleClient } from "../../support/objectScaleTransport.js";

async function refusedWith(call: Promise<unknown>): Promise<ValidationError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected a ValidationError").to.be.instanceOf(ValidationError);
  return error as ValidationError;
}

describe("ObjectScale input validation (nothing is sent)", () => {
  it("names each bad ObjectScale member of createBucket", async () => {
    const { client, wire } = objectScaleClient("path");
    const keys = [
      { key: "Size", type: "string" },
      { key: "x-amz-meta-dept" },
      { key: "x-amz-meta-bad key", type: "string" },
      { key: "x-amz-meta-amount", type: "money" },
    ] as unknown as MetadataSearchKeySpec[];
    const error = await refusedWith(
      client.createBucket({
        Bucket: "bkt",
        ObjectScale: {
          retentionPeriod: -2,
          staleReadAllowed: "yes" as unknown as boolean,
          metadataSearch: keys,
        },
      }),
    );
    expect(error.subject).to.equal("CreateBucket");
    expect(error.issues.map((i) => i.field)).to.deep.equal([
      "ObjectScale.staleReadAllowed",
      "ObjectScale.retentionPeriod",
      "ObjectScale.metadataSearch[0].type",
      "ObjectScale.metadataSearch[1].type",
      "ObjectScale.metadataSearch[2].key",
      "ObjectScale.metadataSearch[3].type",
    ]);
    expect(wire.requests).to.have.length(0);
  });

  it("refuses more than 30 search keys, and a key named twice", async () => {
    const { client, wire } = objectScaleClient("path");
    const many = Array.from({ length: 31 }, (_, n) => ({
      key: `x-amz-meta-k${n}` as const,
      type: "string" as const,
    }));
    const tooMany = await refusedWith(
      client.createBucket({ Bucket: "bkt", ObjectScale: { metadataSearch: many } }),
    );
    expect(tooMany.issues[0]).to.include({ field: "ObjectScale.metadataSearch" });
    const twice = await refusedWith(
      client.createBucket({
        Bucket: "bkt",
        ObjectScale: {
          metadataSearch: [
            { key: "x-amz-meta-A", type: "string" },
            { key: "x-amz-meta-a", type: "integer" },
          ],
        },
      }),
    );
    expect(twice.issues[0]?.expected).to.match(/each named once/);
    expect(wire.requests).to.have.length(0);
  });

  it("refuses a misspelt ObjectScale member instead of ignoring it", async () => {
    const { client, wire } = objectScaleClient("path");
    const error = await refusedWith(
      client.putObject({ Bucket: "bkt", Key: "k", Body: "x", ObjectScale: { retentionPeriods: 5 } as never }),
    );
    expect(error.issues.map((i) => i.field)).to.deep.equal(["ObjectScale.retentionPeriods"]);
    expect(wire.requests).to.have.length(0);
  });

  it("refuses a header value with a line break", async () => {
    const { client, wire } = objectScaleClient("path");
    const error = await refusedWith(
      client.copyObject({
        Bucket: "bkt",
        Key: "k",
        CopySource: "bkt/a",
        ObjectScale: { retentionPolicy: "a\r\nx-evil: 1" },
      }),
    );
    expect(error.issues[0]?.field).to.equal("ObjectScale.retentionPolicy");
    expect(wire.requests).to.have.length(0);
  });

  it("checks the added operations' inputs before sending", async () => {
    const { client, wire } = objectScaleClient("path");
    const cases: Array<[Promise<unknown>, string[]]> = [
      [client.queryObjects({ Bucket: "bkt", Query: "" }), ["Query"]],
      [client.queryObjects({ Bucket: "bkt", Query: searchKey("Size").gt(1), Sorted: "Owner" }), ["Sorted"]],
      [
        client.queryObjects({ Bucket: "bkt", Query: "Size>1", MaxKeys: 0, Attributes: ["a,b"] }),
        ["MaxKeys", "Attributes"],
      ],
      [client.updateObjectRange({ Bucket: "bkt", Key: "k", Offset: -1, Body: "" }), ["Offset", "Body"]],
      [client.appendObject({ Bucket: "bkt", Key: "k", Body: Readable.from(["x"]) }), ["Body"]],
      [client.appendObject({ Bucket: "bkt", Key: "k", Body: "abc", ContentLength: 2 }), ["Body"]],
      [
        client.extendRetentionPeriod({ Bucket: "bkt", Key: "", RetentionPeriod: 1.5 }),
        ["Key", "RetentionPeriod"],
      ],
      [client.ping({ Node: "http://node/" }), ["Node"]],
      [
        client.copyRange({
          Bucket: "bkt",
          Key: "k",
          Segments: [{ Bucket: "s", Key: "a", Range: "bytes=0-9" }],
        }),
        ["Segments[0].Range"],
      ],
      [client.copyRange({ Bucket: "bkt", Key: "k", Segments: [] }), ["Segments"]],
      [
        client.setStaleReadAllowed({ Bucket: "bkt", StaleReadAllowed: "true" as unknown as boolean }),
        ["StaleReadAllowed"],
      ],
    ];
    for (const [call, fields] of cases) {
      const error = await refusedWith(call);
      expect(error.issues.map((i) => i.field)).to.deep.equal(fields);
    }
    expect(wire.requests).to.have.length(0);
  });

  it("accepts Sorted on a user key in another case, as ObjectScale does", async () => {
    const { client, wire } = objectScaleClient("path", [{ body: "<BucketQueryResult/>" }]);
    await client.queryObjects({
      Bucket: "bkt",
      Query: searchKey("x-amz-meta-Dept", "string").eq("x"),
      Sorted: "x-amz-meta-dept",
    });
    expect(wire.requests).to.have.length(1);
  });
});

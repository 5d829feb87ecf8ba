import { expect } from "chai";

import { INVALID_SEARCH_LIST, S3Error } from "../../../lib/testing/http/S3Error.js";
import { findSearchKey, parseSearchKeyList } from "../../../lib/testing/search/searchKeys.js";

function rejection(header: string): S3Error {
  try {
    parseSearchKeyList(header);
  } catch (err) {
    if (err instanceof S3Error) return err;
    throw err;
  }
  return expect.fail(`"${header}" was accepted`);
}

describe("parseSearchKeyList (x-emc-metadata-search)", function () {
  it("parses the reference's example: bare system keys, typed user keys", function () {
    const keys = parseSearchKeyList("Size,LastModified,x-amz-meta-dept;string,x-amz-meta-amount;decimal");
    expect(keys).to.deep.equal([
      { name: "Size", datatype: "integer", system: true },
      { name: "LastModified", datatype: "datetime", system: true },
      { name: "x-amz-meta-dept", datatype: "string", system: false },
      { name: "x-amz-meta-amount", datatype: "decimal", system: false },
    ]);
  });

  it("accepts datatypes in any case and lower-cases user key names (PY tests' spelling)", function () {
    const keys = parseSearchKeyList(
      "Size,CreateTime,LastModified,x-amz-meta-STR;String,x-amz-meta-INT;Integer",
    );
    expect(keys.map((k) => `${k.name};${k.datatype}`)).to.deep.equal([
      "Size;integer",
      "CreateTime;datetime",
      "LastModified;datetime",
      "x-amz-meta-str;string",
      "x-amz-meta-int;integer",
    ]);
  });

  it("accepts JAVA's every-key-typed form", function () {
    expect(parseSearchKeyList("ObjectName;string,Owner;string").map((k) => k.name)).to.deep.equal([
      "ObjectName",
      "Owner",
    ]);
  });

  it("finds system keys by exact name and user keys regardless of case", function () {
    const keys = parseSearchKeyList("Size,x-amz-meta-dept;string");
    expect(findSearchKey(keys, "X-Amz-Meta-Dept")?.name).to.equal("x-amz-meta-dept");
    expect(findSearchKey(keys, "size")).to.equal(undefined);
  });

  describe("rejects with ECS's sentence-like code", function () {
    const cases: [string, RegExp][] = [
      ["Colour", /neither a system key/],
      ["x-amz-meta-dept", /need ;datatype/],
      ["x-amz-meta-dept;text", /datatype must be one of/],
      ["Size;string", /Size is a integer key/],
      ["Size,Size", /listed twice/],
      ["Size,,LastModified", /empty item/],
      ["x-amz-meta-;string", /not a valid user metadata name/],
      [Array.from({ length: 31 }, (_, i) => `x-amz-meta-k${i};string`).join(","), /at most 30/],
    ];
    for (const [header, message] of cases) {
      it(header.length > 40 ? `${header.slice(0, 40)}…` : header, function () {
        const error = rejection(header);
        expect(error.status).to.equal(400);
        expect(error.code).to.equal(INVALID_SEARCH_LIST);
        expect(error.message).to.match(message);
      });
    }
  });
});

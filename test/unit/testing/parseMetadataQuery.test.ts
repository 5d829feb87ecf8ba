import { expect } from "chai";

import { bindMetadataQuery, matches } from "../../../lib/testing/search/bindMetadataQuery.js";
import {
  MetadataQueryError,
  parseMetadataQuery,
  selectorsOf,
  type QueryExpression,
} from "../../../lib/testing/search/parseMetadataQuery.js";
import { parseSearchKeyList } from "../../../lib/testing/search/searchKeys.js";
import { StoredObject } from "../../../lib/testing/store/StoredObject.js";

/** A compact rendering of a tree: `(or a==1 (and b>2 c<3))`. */
function show(e: QueryExpression): string {
  if (e.kind === "condition") {
    const value = e.argument.kind === "quoted" ? `'${e.argument.value}'` : e.argument.value;
    return `${e.selector}${e.operator}${value}`;
  }
  return `(${e.kind} ${show(e.left)} ${show(e.right)})`;
}

function rejection(query: string): MetadataQueryError {
  try {
    parseMetadataQuery(query);
  } catch (err) {
    if (err instanceof MetadataQueryError) return err;
    throw err;
  }
  expect.fail(`"${query}" was accepted`);
}

describe("parseMetadataQuery", function () {
  describe("accepts the reference's examples", function () {
    const examples: [string, string][] = [
      ["x-amz-meta-field-valid=='true'", "x-amz-meta-field-valid=='true'"],
      ["ObjectName>''", "ObjectName>''"],
      ['x-amz-meta-stringvalue=="sample-4"', "x-amz-meta-stringvalue=='sample-4'"],
      ["Size>3", "Size>3"],
      ["x-amz-meta-decimalvalue>=6", "x-amz-meta-decimalvalue>=6"],
      ["LastModified>2015-01-01T00:00:00Z", "LastModified>2015-01-01T00:00:00Z"],
      ["LastModified > 2018-03-01T11:22:00Z", "LastModified>2018-03-01T11:22:00Z"],
      ["(x-amz-meta-s<='') or (x-amz-meta-s>='')", "(or x-amz-meta-s<='' x-amz-meta-s>='')"],
      [
        'x-amz-meta-size>100 and (Name=="a b*" or Size<=5)',
        "(and x-amz-meta-size>100 (or Name=='a b*' Size<=5))",
      ],
    ];
    for (const [query, tree] of examples) {
      it(query, function () {
        expect(show(parseMetadataQuery(query))).to.equal(tree);
      });
    }
  });

  it("binds and tighter than or, and groups left to right", function () {
    expect(show(parseMetadataQuery("a==1 or b==2 and c==3"))).to.equal("(or a==1 (and b==2 c==3))");
    expect(show(parseMetadataQuery("a==1 and b==2 or c==3"))).to.equal("(or (and a==1 b==2) c==3)");
    expect(show(parseMetadataQuery("a==1 or b==2 or c==3"))).to.equal("(or (or a==1 b==2) c==3)");
  });

  it("tolerates spaces inside parentheses and around operators", function () {
    expect(show(parseMetadataQuery(" ( Size >= 3 ) "))).to.equal("Size>=3");
  });

  it("keeps spaces and operator characters inside quoted values", function () {
    expect(show(parseMetadataQuery("x-amz-meta-s=='a and b==c'"))).to.equal("x-amz-meta-s=='a and b==c'");
  });

  it("lists the selectors in order of appearance, each once", function () {
    expect(selectorsOf(parseMetadataQuery("b==1 and (a==2 or b==3)"))).to.deep.equal(["b", "a"]);
  });

  describe("rejects what the grammar cannot express", function () {
    const cases: [string, RegExp][] = [
      ["", /empty/],
      ["Size!=3", /!= is not supported/],
      ["Size=3", /use == for equality/],
      ["Size>3 AND Size<5", /lower-case/],
      ["Size>3 Or Size<5", /lower-case/],
      ["(Size>3)and(Size<5)", /space on both sides/],
      ["(Size>3", /expected "\)"/],
      ["Size>3)", /unexpected/],
      ["Size>", /expected a value/],
      ["Size 3", /expected an operator/],
      ["Size like 'a%'", /expected an operator/],
      ["x-amz-meta-s=='abc", /unterminated/],
      ["Size>3 and", /expected a key/],
      ["not Size>3", /expected an operator/],
      ["'Size'>3", /expected a key/],
      ["3>Size", /not a key name/],
    ];
    for (const [query, message] of cases) {
      it(JSON.stringify(query), function () {
        const error = rejection(query);
        expect(error.message).to.match(message);
        expect(error.offset).to.be.at.least(0).and.at.most(query.length);
      });
    }
  });
});

describe("bindMetadataQuery", function () {
  const keys = parseSearchKeyList(
    "ObjectName,Size,LastModified,x-amz-meta-dept;string,x-amz-meta-amount;decimal,x-amz-meta-count;integer,x-amz-meta-when;datetime",
  );
  const bind = (query: string) => bindMetadataQuery(parseMetadataQuery(query), keys);
  const bindError = (query: string): string => {
    try {
      bind(query);
    } catch (err) {
      if (err instanceof MetadataQueryError) return err.message;
      throw err;
    }
    return expect.fail(`"${query}" was bound`);
  };

  function object(key: string, size: number, metadata: Record<string, string>): StoredObject {
    const o = new StoredObject(
      key,
      "null",
      false,
      Date.UTC(2024, 0, 1),
      "owner",
      Buffer.alloc(size),
      "text/plain",
      "id",
    );
    o.userMetadata = new Map(Object.entries(metadata));
    return o;
  }
  const invoice = object("2024/acme.pdf", 2048, {
    dept: "sales",
    amount: "12.50",
    count: "3",
    when: "2024-05-01T10:00:00Z",
  });

  it("evaluates typed comparisons", function () {
    expect(matches(bind("Size>1000"), invoice)).to.equal(true);
    expect(matches(bind("Size<1000"), invoice)).to.equal(false);
    expect(matches(bind("x-amz-meta-amount>=12.5 and x-amz-meta-count==3"), invoice)).to.equal(true);
    expect(matches(bind("x-amz-meta-when>2024-05-01T09:59:59Z"), invoice)).to.equal(true);
    expect(matches(bind("LastModified<2023-12-31T23:59:59Z"), invoice)).to.equal(false);
    expect(matches(bind("x-amz-meta-dept=='sales' or Size<1"), invoice)).to.equal(true);
    expect(matches(bind("ObjectName>'2024/' and ObjectName<'2025'"), invoice)).to.equal(true);
  });

  it("matches user keys case-insensitively", function () {
    expect(matches(bind("x-amz-meta-DEPT=='sales'"), invoice)).to.equal(true);
  });

  it("treats a missing or unparsable value as no match, which makes (k<='') or (k>='') an existence test", function () {
    const bare = object("bare", 0, { count: "many" });
    const exists = bind("(x-amz-meta-dept<='') or (x-amz-meta-dept>='')");
    expect(matches(exists, invoice)).to.equal(true);
    expect(matches(exists, bare)).to.equal(false);
    expect(matches(bind("x-amz-meta-count>=0"), bare)).to.equal(false);
  });

  it("rejects keys the bucket does not index, naming the indexed ones", function () {
    expect(bindError("x-amz-meta-other=='x'")).to.match(/not an indexed key.*x-amz-meta-dept/);
    expect(bindError("size>3")).to.match(/not an indexed key/);
  });

  it("rejects literals written against their key's datatype", function () {
    expect(bindError("x-amz-meta-dept==sales")).to.match(/string key: quote the value/);
    expect(bindError("Size>'3'")).to.match(/integer key: write the value without quotes/);
    expect(bindError("Size>3.5")).to.match(/not a valid integer/);
    expect(bindError("x-amz-meta-amount>1e3")).to.match(/not a valid decimal/);
    expect(bindError("LastModified>2015-01-01")).to.match(/not a valid datetime/);
  });
});

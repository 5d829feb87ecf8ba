import { expect } from "chai";
import { ValidationError } from "../../../lib/errors.js";
import {
  and,
  MetadataQuery,
  or,
  searchKey,
  SearchKey,
  type SearchOperator,
} from "../../../resources/objectscale/query/index.js";
import { plainNumber } from "../../../resources/objectscale/query/literals.js";

function refusal(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (ValidationError.is(error)) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("metadata-search expression builder", () => {
  describe("conditions", () => {
    it("writes every operator of the grammar without spaces, as Dell's Java tests do", () => {
      const size = searchKey("Size");
      expect([size.eq(1), size.gt(2), size.ge(3), size.lt(4), size.le(5)].map(String)).to.deep.equal([
        "Size==1",
        "Size>2",
        "Size>=3",
        "Size<4",
        "Size<=5",
      ]);
    });

    it("quotes strings with single quotes, switching to double quotes for a value holding one", () => {
      expect(searchKey("ObjectName").eq("a b").toString()).to.equal("ObjectName=='a b'");
      expect(searchKey("ObjectName").eq("it's").toString()).to.equal(`ObjectName=="it's"`);
      expect(searchKey("ObjectName").eq('say "hi"').format({ quote: '"' })).to.equal(
        `ObjectName=='say "hi"'`,
      );
      expect(searchKey("ObjectName").gt("").toString()).to.equal("ObjectName>''");
    });

    it("writes integers, bigints and decimals in plain digits", () => {
      expect(searchKey("Size").gt(9007199254740993n).toString()).to.equal("Size>9007199254740993");
      const amount = searchKey("x-amz-meta-amount", "decimal");
      expect(amount.ge(6).toString()).to.equal("x-amz-meta-amount>=6");
      expect(amount.ge(-0.000001).toString()).to.equal("x-amz-meta-amount>=-0.000001");
      expect(amount.lt(1.5e21).toString()).to.equal("x-amz-meta-amount<1500000000000000000000");
      expect(amount.eq("12.50").toString()).to.equal("x-amz-meta-amount==12.50");
    });

    it("writes datetimes as ISO-8601 UTC, with milliseconds only when there are some", () => {
      const at = searchKey("LastModified");
      expect(at.gt(new Date(Date.UTC(2015, 0, 1))).toString()).to.equal("LastModified>2015-01-01T00:00:00Z");
      expect(at.gt(new Date(Date.UTC(2015, 0, 1, 0, 0, 0, 250))).toString()).to.equal(
        "LastModified>2015-01-01T00:00:00.250Z",
      );
      expect(at.le("2024-05-01T10:00:00Z").toString()).to.equal("LastModified<=2024-05-01T10:00:00Z");
    });

    it("offers the key-exists idiom for string keys", () => {
      expect(searchKey("x-amz-meta-s", "string").exists().toString()).to.equal(
        "x-amz-meta-s<='' or x-amz-meta-s>=''",
      );
    });
  });

  describe("junctions", () => {
    it("flattens one conjunction and parenthesises the other one when nested", () => {
      const a = searchKey("Size").gt(1);
      const b = searchKey("Owner").eq("ann");
      const c = searchKey("Owner").eq("bob");
      expect(a.and(b).and(c).toString()).to.equal("Size>1 and Owner=='ann' and Owner=='bob'");
      expect(a.and(b.or(c)).toString()).to.equal("Size>1 and (Owner=='ann' or Owner=='bob')");
      expect(or(a.and(b), c).toString()).to.equal("(Size>1 and Owner=='ann') or Owner=='bob'");
      expect(and(a).toString()).to.equal("Size>1");
    });

    it("lists the keys it compares, once each, in order", () => {
      const q = searchKey("Size")
        .gt(1)
        .and(searchKey("Owner").eq("a").or(searchKey("Size").lt(9)));
      expect(q.keys).to.deep.equal(["Size", "Owner"]);
    });
  });

  describe("refusals (typed ValidationError naming the key)", () => {
    it("refuses != and other operators the grammar does not have", () => {
      const error = refusal(() => searchKey("Size").compare("!=" as SearchOperator, 1));
      expect(error.subject).to.equal("MetadataQuery");
      expect(error.issues[0]).to.include({ field: "Size", received: '"!="' });
      expect(
        () =>
          new MetadataQuery({
            kind: "condition",
            key: "Size",
            datatype: "integer",
            operator: "<>" as SearchOperator,
            value: 1,
          }),
      ).to.throw(ValidationError);
    });

    it("refuses values their datatype cannot express", () => {
      const cases: Array<[() => unknown, string]> = [
        [() => searchKey("Size").gt(Number.NaN), "NaN"],
        [() => searchKey("Size").gt(1.5), "1.5"],
        [() => searchKey("Size").gt(2 ** 53), String(2 ** 53)],
        [() => searchKey("x-amz-meta-d", "decimal").gt(Infinity), "Infinity"],
        [() => searchKey("x-amz-meta-d", "decimal").gt("1e5"), '"1e5"'],
        [() => searchKey("CreateTime").gt(new Date(Number.NaN)), "an invalid Date"],
        [
          () => searchKey("CreateTime").gt(new Date(Date.UTC(10000, 0, 1))),
          "Date +010000-01-01T00:00:00.000Z",
        ],
        [() => searchKey("CreateTime").gt("2024-05-01 10:00"), '"2024-05-01 10:00"'],
        [() => searchKey("ObjectName").eq(`both ' and "`), `"both ' and \\""`],
        [() => searchKey("ObjectName").eq(5 as unknown as string), "5"],
      ];
      for (const [make, received] of cases)
        expect(refusal(make).issues[0]?.received, received).to.equal(received);
    });

    it("refuses bad key names and datatypes", () => {
      expect(refusal(() => searchKey("x-amz-meta-a b" as "x-amz-meta-x", "string")).issues[0]).to.include({
        field: "key",
      });
      expect(refusal(() => searchKey("x-amz-meta-" as "x-amz-meta-x", "string")).issues[0]?.field).to.equal(
        "key",
      );
      expect(refusal(() => searchKey("size" as "Size")).issues[0]?.field).to.equal("key");
      expect(refusal(() => new SearchKey("Size", "string")).issues[0]).to.include({ field: "Size" });
      expect(refusal(() => searchKey("x-amz-meta-a", "text" as "string")).issues[0]?.field).to.equal(
        "x-amz-meta-a",
      );
      expect(refusal(() => searchKey("Size").exists()).issues[0]?.field).to.equal("Size");
    });

    it("refuses an empty junction", () => {
      expect(refusal(() => and()).issues[0]?.field).to.equal("and");
      expect(refusal(() => or("Size>1" as unknown as MetadataQuery)).issues[0]?.field).to.equal("or");
    });
  });

  describe("plainNumber()", () => {
    it("expands exponents exactly", () => {
      expect([1e21, 1.25e-7, -3e-10, 123.456, 0, -0, 5e-324].map(plainNumber)).to.deep.equal([
        "1000000000000000000000",
        "0.000000125",
        "-0.0000000003",
        "123.456",
        "0",
        "0",
        `0.${"0".repeat(323)}5`,
      ]);
    });
  });
});

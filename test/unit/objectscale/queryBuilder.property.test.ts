import { expect } from "chai";
import fc from "fast-check";
import { ValidationError } from "../../../lib/errors.js";
import {
  and,
  MetadataQuery,
  or,
  searchKey,
  SEARCH_OPERATORS,
  type SearchDatatype,
  type SearchOperator,
  type UserSearchKeyName,
} from "../../../resources/objectscale/query/index.js";

/** A generated expression: the tree the builder should produce, in its canonical (flattened) form. */
type Ast =
  | { kind: "condition"; key: string; datatype: SearchDatatype; op: SearchOperator; value: unknown }
  | { kind: "and" | "or"; terms: Ast[] };

const SYSTEM: Record<string, SearchDatatype> = {
  ObjectName: "string",
  Size: "integer",
  CreateTime: "datetime",
  Owner: "string",
};

const datatype = fc.constantFrom<SearchDatatype>("string", "integer", "decimal", "datetime");
const userName = fc
  .stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/)
  .map((n): UserSearchKeyName => `x-amz-meta-${n}`);
const stringValue = fc
  .string({ unit: "grapheme", maxLength: 12 })
  .filter((s) => !(s.includes("'") && s.includes('"')));
const decimalString = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.stringMatching(/^\d{1,6}$/))
  .map(([neg, whole, fraction]) => `${neg ? "-" : ""}${whole}.${fraction}`);
const valueOf: { [T in SearchDatatype]: fc.Arbitrary<unknown> } = {
  string: stringValue,
  integer: fc.oneof(fc.maxSafeInteger(), fc.bigInt()),
  decimal: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.bigInt(), decimalString),
  datetime: fc.date({
    min: new Date("0000-01-01T00:00:00Z"),
    max: new Date("9999-12-31T23:59:59.999Z"),
    noInvalidDate: true,
  }),
};

const condition: fc.Arbitrary<Ast> = fc
  .oneof(
    fc.constantFrom(...Object.entries(SYSTEM)).map(([key, type]) => ({ key, type })),
    fc.tuple(userName, datatype).map(([key, type]) => ({ key, type })),
  )
  .chain(({ key, type }) =>
    fc.record({
      kind: fc.constant("condition" as const),
      key: fc.constant(key),
      datatype: fc.constant(type),
      op: fc.constantFrom(...SEARCH_OPERATORS),
      value: valueOf[type],
    }),
  );

/** Junction terms are conditions or junctions of the other kind, which is what flattening leaves. */
const tree = fc.letrec<{ and: Ast; or: Ast; node: Ast }>((tie) => ({
  and: fc
    .array(fc.oneof({ depthSize: "small" }, condition, tie("or")), { minLength: 2, maxLength: 3 })
    .map((terms) => ({ kind: "and" as const, terms })),
  or: fc
    .array(fc.oneof({ depthSize: "small" }, condition, tie("and")), { minLength: 2, maxLength: 3 })
    .map((terms) => ({ kind: "or" as const, terms })),
  node: fc.oneof({ depthSize: "small" }, condition, tie("and"), tie("or")),
})).node;

function build(ast: Ast): MetadataQuery {
  if (ast.kind !== "condition") return (ast.kind === "and" ? and : or)(...ast.terms.map(build));
  const key =
    ast.key in SYSTEM ? searchKey(ast.key as "Size") : searchKey(ast.key as UserSearchKeyName, ast.datatype);
  return key.compare(ast.op, ast.value as never);
}

/** The tiny reference reader: the grammar of reference §3.6, with quoted strings (no escapes). */
function parse(text: string): Array<unknown> {
  let i = 0;
  const expression = (): unknown[] => {
    const terms: unknown[] = [term()];
    while (text.startsWith(" and ", i) || text.startsWith(" or ", i)) {
      const word = text.startsWith(" and ", i) ? "and" : "or";
      i += word.length + 2;
      terms.push(word, term());
    }
    return terms;
  };
  const term = (): unknown => {
    if (text[i] === "(") {
      i++;
      const inner = expression();
      if (text[i++] !== ")") throw new Error(`expected ) at ${i}`);
      return inner;
    }
    const key = /^[A-Za-z0-9._-]+/.exec(text.slice(i))![0];
    i += key.length;
    const op = /^(==|>=|<=|>|<)/.exec(text.slice(i))![0];
    i += op.length;
    let literal: string;
    if (text[i] === "'" || text[i] === '"') {
      const end = text.indexOf(text[i]!, i + 1);
      literal = text.slice(i, end + 1);
      i = end + 1;
    } else {
      literal = /^[^ )]+/.exec(text.slice(i))![0];
      i += literal.length;
    }
    return { key, op, literal };
  };
  const result = expression();
  if (i !== text.length) throw new Error(`trailing text at ${i}: ${text.slice(i)}`);
  return result;
}

/** What the reader should find for a generated tree, with each literal decoded back to its value. */
function matches(parsed: unknown, ast: Ast): boolean {
  if (ast.kind !== "condition") {
    const list = parsed as unknown[];
    return (
      Array.isArray(list) &&
      list.length === ast.terms.length * 2 - 1 &&
      ast.terms.every((t, n) => matches(list[n * 2], t) && (n === 0 || list[n * 2 - 1] === ast.kind))
    );
  }
  const flat: unknown = Array.isArray(parsed) && parsed.length === 1 ? (parsed as unknown[])[0] : parsed;
  const { key, op, literal } = flat as { key: string; op: string; literal: string };
  return key === ast.key && op === ast.op && decodes(literal, ast.datatype, ast.value);
}

function decodes(literal: string, type: SearchDatatype, value: unknown): boolean {
  switch (type) {
    case "string":
      return /^(['"]).*\1$/s.test(literal) && literal.slice(1, -1) === value;
    case "integer":
      return /^-?\d+$/.test(literal) && BigInt(literal) === BigInt(value as number | bigint);
    case "decimal":
      if (!/^-?\d+(\.\d+)?$/.test(literal)) return false;
      if (typeof value === "string") return literal === value;
      return typeof value === "bigint"
        ? BigInt(literal) === value
        : Number(literal) === (value === 0 ? 0 : value);
    case "datetime":
      return (
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/.test(literal) &&
        Date.parse(literal) === (value as Date).getTime()
      );
  }
}

describe("metadata-search expression builder (properties)", () => {
  it("writes every generated expression so that the reference reader gets the same tree and values back", () => {
    fc.assert(
      fc.property(tree, fc.constantFrom<"'" | '"'>("'", '"'), (ast, quote) => {
        const text = build(ast).format({ quote });
        expect(matches(parse(text), ast), text).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses every value its datatype cannot express", () => {
    const bad = fc.oneof(
      fc.record({
        type: fc.constant<SearchDatatype>("integer"),
        value: fc.oneof(
          fc.constantFrom(Number.NaN, Infinity, -Infinity),
          fc.double({ min: 0.001, max: 1e6, noNaN: true }).filter((d) => !Number.isInteger(d)),
          fc.string(),
        ),
      }),
      fc.record({
        type: fc.constant<SearchDatatype>("decimal"),
        value: fc.oneof(
          fc.constantFrom(Number.NaN, Infinity, -Infinity, "1e3", "", ".5", "1."),
          fc.constant(null),
        ),
      }),
      fc.record({
        type: fc.constant<SearchDatatype>("datetime"),
        value: fc.oneof(fc.constant(new Date(Number.NaN)), fc.string(), fc.integer()),
      }),
      fc.record({
        type: fc.constant<SearchDatatype>("string"),
        value: fc.oneof(
          fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}'${b}"`),
          fc.integer(),
        ),
      }),
    );
    fc.assert(
      fc.property(bad, ({ type, value }) => {
        expect(() => searchKey("x-amz-meta-k", type).eq(value as never)).to.throw(ValidationError);
      }),
    );
  });

  it("refuses every key name outside the grammar", () => {
    const badName = fc.oneof(
      fc
        .string()
        .filter((s) => !/^x-amz-meta-[A-Za-z0-9][A-Za-z0-9._-]*$/.test(`x-amz-meta-${s}`))
        .map((s) => `x-amz-meta-${s}`),
      fc
        .string()
        .filter(
          (s) =>
            !/^(ObjectName|Owner|Size|CreateTime|LastModified|ReplicationStatus)$/.test(s) &&
            !s.startsWith("x-amz-meta-"),
        ),
    );
    fc.assert(
      fc.property(badName, (name) => {
        expect(() => searchKey(name as UserSearchKeyName, "string")).to.throw(ValidationError);
      }),
    );
  });
});

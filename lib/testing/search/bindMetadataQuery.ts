/**
 * Binds a parsed metadata query to a bucket's indexed keys: every selector must be indexed, and every
 * argument must be written the way its key's datatype requires (strings quoted; integers, decimals
 * and datetimes bare). The result evaluates against stored objects.
 *
 * @module
 */
import type { StoredObject } from "../store/StoredObject.js";
import type { ComparisonOperator, QueryExpression } from "./parseMetadataQuery.js";
import { MetadataQueryError } from "./parseMetadataQuery.js";
import { findSearchKey, type SearchDatatype, type SearchKey } from "./searchKeys.js";

/** A comparable value: strings compare by UTF-16 code units, numbers (and datetimes, in epoch ms) numerically. */
export type SearchValue = string | number;

/** An expression whose selectors are indexed keys and whose arguments are typed values. */
export type BoundQuery =
  | {
      readonly kind: "condition";
      readonly key: SearchKey;
      readonly operator: ComparisonOperator;
      readonly value: SearchValue;
    }
  | { readonly kind: "and" | "or"; readonly left: BoundQuery; readonly right: BoundQuery };

const INTEGER = /^[-+]?\d+$/;
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/**
 * Resolves the selectors of `expression` among `keys` and types its arguments.
 *
 * @throws {@link MetadataQueryError} for a selector that is not indexed, or an argument that does not
 * fit its key's datatype.
 */
export function bindMetadataQuery(expression: QueryExpression, keys: readonly SearchKey[]): BoundQuery {
  if (expression.kind !== "condition") {
    return {
      kind: expression.kind,
      left: bindMetadataQuery(expression.left, keys),
      right: bindMetadataQuery(expression.right, keys),
    };
  }
  const key = findSearchKey(keys, expression.selector);
  if (!key) {
    const indexed = keys.map((k) => k.name).join(", ") || "none";
    throw new MetadataQueryError(
      `"${expression.selector}" is not an indexed key of this bucket (indexed: ${indexed})`,
      expression.offset,
    );
  }
  const { kind, value } = expression.argument;
  if (key.datatype === "string") {
    if (kind !== "quoted") {
      throw new MetadataQueryError(
        `${key.name} is a string key: quote the value ('${value}' or "${value}")`,
        expression.offset,
      );
    }
    return { kind: "condition", key, operator: expression.operator, value };
  }
  if (kind === "quoted") {
    throw new MetadataQueryError(
      `${key.name} is a ${key.datatype} key: write the value without quotes`,
      expression.offset,
    );
  }
  const typed = parseTyped(value, key.datatype);
  if (typed === undefined) {
    throw new MetadataQueryError(
      `"${value}" is not a valid ${key.datatype}${key.datatype === "datetime" ? " (use yyyy-MM-ddTHH:mm:ssZ)" : ""}`,
      expression.offset,
    );
  }
  return { kind: "condition", key, operator: expression.operator, value: typed };
}

/** The keys a bound query refers to, left to right, each once. */
export function keysOf(query: BoundQuery): SearchKey[] {
  if (query.kind === "condition") return [query.key];
  const all = [...keysOf(query.left), ...keysOf(query.right)];
  return all.filter((k, i) => all.indexOf(k) === i);
}

/** The typed value of `text` for `datatype`, or `undefined` when it does not parse. */
export function parseTyped(text: string, datatype: SearchDatatype): SearchValue | undefined {
  switch (datatype) {
    case "string":
      return text;
    case "integer":
      return INTEGER.test(text) ? Number(text) : undefined;
    case "decimal":
      return DECIMAL.test(text) ? Number(text) : undefined;
    case "datetime": {
      if (!DATETIME.test(text)) return undefined;
      const ms = Date.parse(text);
      return Number.isNaN(ms) ? undefined : ms;
    }
  }
}

/** What a key holds for one object version, as a typed value; `undefined` when the object lacks it. */
export function valueOf(object: StoredObject, key: SearchKey): SearchValue | undefined {
  if (!key.system) {
    const raw = object.userMetadata.get(key.name.slice("x-amz-meta-".length));
    return raw === undefined ? undefined : parseTyped(raw, key.datatype);
  }
  switch (key.name) {
    case "ObjectName":
      return object.key;
    case "Owner":
      return object.owner;
    case "Size":
      return object.size;
    case "CreateTime":
      return object.createdMs;
    case "LastModified":
      return object.lastModifiedMs;
    default:
      return undefined;
  }
}

/** True when `object` satisfies `query`. A condition on a key the object lacks is false. */
export function matches(query: BoundQuery, object: StoredObject): boolean {
  switch (query.kind) {
    case "and":
      return matches(query.left, object) && matches(query.right, object);
    case "or":
      return matches(query.left, object) || matches(query.right, object);
    case "condition": {
      const actual = valueOf(object, query.key);
      if (actual === undefined || typeof actual !== typeof query.value) return false;
      return compare(actual, query.operator, query.value);
    }
  }
}

function compare(a: SearchValue, operator: ComparisonOperator, b: SearchValue): boolean {
  switch (operator) {
    case "==":
      return a === b;
    case ">":
      return a > b;
    case "<":
      return a < b;
    case ">=":
      return a >= b;
    case "<=":
      return a <= b;
  }
}

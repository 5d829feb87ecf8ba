/**
 * Validation rules for ObjectScale's inputs that the S3 rules do not cover: header values,
 * metadata-search keys and expressions, byte ranges of copy-range, data-node addresses.
 *
 * @module
 */
import { Readable } from "node:stream";
import { defineRule, ruleDecorator, type Rule } from "../../../lib/validation/index.js";
import { SEARCH_DATATYPES } from "../query/literals.js";
import { MetadataQuery } from "../query/MetadataQuery.js";
import { isSearchKeyName, SYSTEM_SEARCH_KEYS, type SystemSearchKeyName } from "../query/searchKey.js";
import { byteLength } from "../operations/objectWrites.js";

// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A non-empty header value without control characters (which would split or break the header). */
export const headerText: Rule = defineRule({
  name: "isHeaderText",
  expected: "a non-empty string without control characters",
  test: (v) => typeof v === "string" && v !== "" && !CONTROL.test(v),
});

/** A metadata-search expression: a non-empty string or a built `MetadataQuery`. */
export const searchExpression: Rule = defineRule({
  name: "isSearchExpression",
  expected: "a non-empty expression string or a MetadataQuery built with searchKey()",
  test: (v) => v instanceof MetadataQuery || (typeof v === "string" && v.trim() !== ""),
});

/** `Sorted`: a key name; when `Query` is a built expression, one of the keys it compares. */
export const sortKey: Rule = defineRule({
  name: "isSortKey",
  expected: "a key that appears in Query (the server sorts only by a key of the expression)",
  test: (v, object) => {
    if (typeof v !== "string" || v === "") return false;
    const query = (object as { Query?: unknown }).Query;
    if (!(query instanceof MetadataQuery)) return true;
    return query.keys.some(
      (k) => k === v || (k.startsWith("x-amz-meta-") && k.toLowerCase() === v.toLowerCase()),
    );
  },
});

/** Optional-attribute names for `Attributes` (they are joined with commas). */
export const attributeNames: Rule = defineRule({
  name: "isAttributeNameList",
  expected: "a list of attribute names (letters, digits, '-', '_'), such as ContentType",
  test: (v) => Array.isArray(v) && v.every((a) => typeof a === "string" && /^[A-Za-z0-9_-]+$/.test(a)),
});

/**
 * A body whose length is known: a string or bytes, or a stream with `ContentLength` beside it; a
 * given `ContentLength` must match a string or bytes body. With `nonEmpty`, at least one byte.
 *
 * @example
 * ```ts
 * class P { @Is(sizedBody(true)) Body!: unknown }
 * ```
 */
export function sizedBody(nonEmpty = false): Rule {
  return defineRule({
    name: "isSizedBody",
    expected:
      `a ${nonEmpty ? "non-empty " : ""}string or Uint8Array, or a readable stream together with ContentLength ` +
      "(matching the body's length)",
    test: (v, object) => {
      const declared = (object as { ContentLength?: unknown }).ContentLength;
      if (v instanceof Readable) return declared !== undefined;
      if (typeof v !== "string" && !(v instanceof Uint8Array)) return false;
      const length = byteLength(v);
      return (declared === undefined || declared === length) && (!nonEmpty || length! > 0);
    },
  });
}

/** Byte ranges of a copy-range segment: `start-end` or `start-`, comma-separated, at most 250. */
export const copyRanges: Rule = defineRule({
  name: "isCopyRanges",
  expected:
    'byte ranges without "bytes=": "start-end" (start <= end) or "start-", comma-separated, at most 250',
  test: (v) => {
    if (typeof v !== "string") return false;
    const parts = v.split(",");
    return (
      parts.length <= 250 &&
      parts.every((p) => {
        const m = /^(\d{1,16})-(\d{0,16})$/.exec(p);
        return m !== null && (m[2] === "" || Number(m[1]) <= Number(m[2]));
      })
    );
  },
});

/** A data-node address: `host` or `host:port`. */
export const nodeAddress: Rule = defineRule({
  name: "isNodeAddress",
  expected: 'a host or "host:port", such as 10.0.0.11:9021',
  test: (v) => {
    if (typeof v !== "string" || v === "" || /[/?#@\s]/.test(v)) return false;
    try {
      return new URL(`http://${v}`).hostname !== "";
    } catch {
      return false;
    }
  },
});

/** The name of a key to index: a system key or `x-amz-meta-<name>`. */
export const searchKeyName: Rule = defineRule({
  name: "isSearchKeyName",
  expected: `a system key (${Object.keys(SYSTEM_SEARCH_KEYS).join(", ")}) or x-amz-meta- followed by letters, digits, ".", "_" or "-"`,
  test: isSearchKeyName,
});

/** A key's datatype: required for user keys; for system keys optional, and then their own. */
export const searchKeyType: Rule = defineRule({
  name: "isSearchKeyType",
  expected: `one of ${SEARCH_DATATYPES.join(", ")} (required for x-amz-meta- keys; a system key's own type if given)`,
  test: (v, object) => {
    const key = (object as { key?: unknown }).key;
    const fixed =
      typeof key === "string" && Object.hasOwn(SYSTEM_SEARCH_KEYS, key)
        ? SYSTEM_SEARCH_KEYS[key as SystemSearchKeyName]
        : undefined;
    if (fixed !== undefined) return v === undefined || v === fixed;
    return SEARCH_DATATYPES.includes(v as never);
  },
});

/** Keys to index at creation: no name twice (names are case-insensitive). */
export const distinctSearchKeys: Rule = defineRule({
  name: "isDistinctSearchKeyList",
  expected: "at most 30 keys, each named once (names are case-insensitive)",
  test: (v) => {
    if (!Array.isArray(v) || v.length > 30) return false;
    const names = v.map((k) => String((k as { key?: unknown } | null)?.key).toLowerCase());
    return new Set(names).size === names.length;
  },
});

/**
 * Only the members `allowed` (catches typos such as `namepsace` that would otherwise be ignored).
 *
 * @example
 * ```ts
 * class P { @Is(onlyMembers(["retentionPeriod"])) ObjectScale?: object }
 * ```
 */
export function onlyMembers(allowed: readonly string[]): Rule {
  return defineRule({
    name: "hasOnlyKnownMembers",
    expected: `an object with only ${allowed.join(", ")}`,
    test: (v) => typeof v === "object" && v !== null && Object.keys(v).every((k) => allowed.includes(k)),
    explain: (v) =>
      typeof v === "object" && v !== null
        ? Object.keys(v)
            .filter((k) => !allowed.includes(k))
            .map((k) => ({ path: `.${k}`, expected: `one of ${allowed.join(", ")}`, value: k }))
        : [{ path: "", expected: "an object", value: v }],
  });
}

/**
 * Applies a rule as a class-validator decorator.
 *
 * @example
 * ```ts
 * class P { @Is(headerText) ContentType?: string }
 * ```
 */
export function Is(rule: Rule): PropertyDecorator {
  return ruleDecorator(rule);
}

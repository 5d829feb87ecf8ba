/**
 * Indexed metadata keys: ObjectScale's system keys with their fixed datatypes, user keys
 * (`x-amz-meta-*`) with declared ones, and the comparisons a key offers.
 *
 * @module
 */
import { ValidationError } from "../../../lib/errors.js";
import { renderValue } from "../../../lib/validation/index.js";
import { checkLiteral, SEARCH_DATATYPES, type SearchDatatype, type SearchValueTypes } from "./literals.js";
import { MetadataQuery, SEARCH_OPERATORS, type SearchOperator } from "./MetadataQuery.js";

/**
 * The indexable system keys and their datatypes (reference §3.2; `ReplicationStatus` was listed
 * by ECS 3.7).
 */
export const SYSTEM_SEARCH_KEYS = {
  ObjectName: "string",
  Owner: "string",
  Size: "integer",
  CreateTime: "datetime",
  LastModified: "datetime",
  ReplicationStatus: "string",
} as const satisfies Record<string, SearchDatatype>;

/** The name of a system key, such as `Size`. */
export type SystemSearchKeyName = keyof typeof SYSTEM_SEARCH_KEYS;

/** The name of a user metadata key: `x-amz-meta-` and a name. */
export type UserSearchKeyName = `x-amz-meta-${string}`;

/**
 * What a user key's name may contain after `x-amz-meta-`: letters, digits, `-`, `_` and `.`,
 * starting with a letter or digit. Anything else (spaces, quotes, parentheses, `=<>&`) would
 * change the meaning of an expression or of the `x-emc-metadata-search` header.
 */
export const USER_KEY_NAME = /^x-amz-meta-[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * True for a system key name (exact case) or a well-formed user key name.
 *
 * @example
 * ```ts
 * isSearchKeyName("Size");              // true
 * isSearchKeyName("x-amz-meta-dept");   // true
 * isSearchKeyName("x-amz-meta-a b");    // false
 * ```
 */
export function isSearchKeyName(name: unknown): name is SystemSearchKeyName | UserSearchKeyName {
  return typeof name === "string" && (Object.hasOwn(SYSTEM_SEARCH_KEYS, name) || USER_KEY_NAME.test(name));
}

/**
 * One indexed key of a bucket, whose comparisons build {@link MetadataQuery} conditions. Values
 * are checked against the key's datatype when the condition is made.
 *
 * @example
 * ```ts
 * const amount = searchKey("x-amz-meta-amount", "decimal");
 * amount.ge(99.5).toString(); // "x-amz-meta-amount>=99.5"
 * ```
 */
export class SearchKey<T extends SearchDatatype = SearchDatatype> {
  /** The key's name, such as `Size` or `x-amz-meta-dept`. */
  readonly name: string;
  /** The datatype the key is indexed with; values are checked against it. */
  readonly datatype: T;

  /** @throws {@link ValidationError} for a bad name or datatype; prefer {@link searchKey}. */
  constructor(name: string, datatype: T) {
    checkKey(name, datatype);
    this.name = name;
    this.datatype = datatype;
  }

  /**
   * `key op value` for any operator of the grammar.
   *
   * @throws {@link ValidationError} for an operator outside the grammar (`!=`) or a value the
   *   datatype cannot express (NaN, an invalid Date, a string holding both quote characters).
   *
   * @example
   * ```ts
   * const op: SearchOperator = wantAtLeast ? ">=" : "<";
   * searchKey("Size").compare(op, 1024).toString(); // "Size>=1024" or "Size<1024"
   * searchKey("Size").compare("!=" as SearchOperator, 0); // throws ValidationError
   * ```
   */
  compare(operator: SearchOperator, value: SearchValueTypes[T]): MetadataQuery {
    if (!SEARCH_OPERATORS.includes(operator)) {
      throw new ValidationError("MetadataQuery", [
        {
          field: this.name,
          expected: `one of the operators ${SEARCH_OPERATORS.join(" ")} (the grammar has no others)`,
          received: renderValue(operator),
        },
      ]);
    }
    checkLiteral(this.name, this.datatype, value);
    return new MetadataQuery({ kind: "condition", key: this.name, datatype: this.datatype, operator, value });
  }

  /**
   * `key==value`: objects whose value of this key equals `value`.
   *
   * @example
   * ```ts
   * searchKey("x-amz-meta-dept", "string").eq("sales").toString(); // "x-amz-meta-dept=='sales'"
   * ```
   * @throws {@link ValidationError} as {@link SearchKey.compare}.
   */
  eq(value: SearchValueTypes[T]): MetadataQuery {
    return this.compare("==", value);
  }

  /**
   * `key>value`: objects whose value of this key is greater than `value`.
   *
   * @example
   * ```ts
   * searchKey("Size").gt(1_000_000).toString(); // "Size>1000000"
   * ```
   * @throws {@link ValidationError} as {@link SearchKey.compare}.
   */
  gt(value: SearchValueTypes[T]): MetadataQuery {
    return this.compare(">", value);
  }

  /**
   * `key>=value`: objects whose value of this key is at least `value`.
   *
   * @example
   * ```ts
   * searchKey("x-amz-meta-amount", "decimal").ge("99.50").toString(); // "x-amz-meta-amount>=99.50"
   * ```
   * @throws {@link ValidationError} as {@link SearchKey.compare}.
   */
  ge(value: SearchValueTypes[T]): MetadataQuery {
    return this.compare(">=", value);
  }

  /**
   * `key<value`: objects whose value of this key is less than `value`.
   *
   * @example
   * ```ts
   * searchKey("CreateTime").lt(new Date("2024-01-01T00:00:00Z")).toString(); // "CreateTime<2024-01-01T00:00:00Z"
   * ```
   * @throws {@link ValidationError} as {@link SearchKey.compare}.
   */
  lt(value: SearchValueTypes[T]): MetadataQuery {
    return this.compare("<", value);
  }

  /**
   * `key<=value`: objects whose value of this key is at most `value`.
   *
   * @example
   * ```ts
   * searchKey("x-amz-meta-retries", "integer").le(3).toString(); // "x-amz-meta-retries<=3"
   * ```
   * @throws {@link ValidationError} as {@link SearchKey.compare}.
   */
  le(value: SearchValueTypes[T]): MetadataQuery {
    return this.compare("<=", value);
  }

  /**
   * Objects that have a value for this string key: the grammar has no "exists", so this is the
   * idiom from Dell's tests, `key<='' or key>=''`.
   *
   * @throws {@link ValidationError} for a key that is not a string key.
   *
   * @example
   * ```ts
   * searchKey("x-amz-meta-dept", "string").exists().toString();
   * // "x-amz-meta-dept<='' or x-amz-meta-dept>=''"
   * for await (const summary of bucket.queryObjects(searchKey("x-amz-meta-dept", "string").exists())) {
   *   console.log(summary.key);
   * }
   * ```
   */
  exists(): MetadataQuery {
    if (this.datatype !== "string") {
      throw new ValidationError("MetadataQuery", [
        { field: this.name, expected: "a string key for exists()", received: `a ${this.datatype} key` },
      ]);
    }
    const key = this as unknown as SearchKey<"string">;
    return key.le("").or(key.ge(""));
  }
}

/**
 * A key to build conditions on: a system key by name (its datatype is known), or a user key with
 * the datatype it was indexed with at bucket creation.
 *
 * @example
 * ```ts
 * searchKey("LastModified").gt(new Date("2024-01-01T00:00:00Z")).toString();
 * // "LastModified>2024-01-01T00:00:00Z"
 * searchKey("x-amz-meta-dept", "string").eq("sales").toString(); // "x-amz-meta-dept=='sales'"
 * ```
 * @throws {@link ValidationError} for a malformed name, an unknown datatype, or a system key
 *   given another datatype than its own.
 */
export function searchKey<N extends SystemSearchKeyName>(name: N): SearchKey<(typeof SYSTEM_SEARCH_KEYS)[N]>;
export function searchKey<T extends SearchDatatype>(name: UserSearchKeyName, datatype: T): SearchKey<T>;
export function searchKey(name: string, datatype?: SearchDatatype): SearchKey {
  const fixed = Object.hasOwn(SYSTEM_SEARCH_KEYS, name)
    ? SYSTEM_SEARCH_KEYS[name as SystemSearchKeyName]
    : undefined;
  return new SearchKey(name, datatype ?? fixed ?? (undefined as unknown as SearchDatatype));
}

function checkKey(name: unknown, datatype: unknown): void {
  if (!isSearchKeyName(name)) {
    throw new ValidationError("MetadataQuery", [
      {
        field: "key",
        expected: `a system key (${Object.keys(SYSTEM_SEARCH_KEYS).join(", ")}) or x-amz-meta- followed by letters, digits, ".", "_" or "-"`,
        received: renderValue(name),
      },
    ]);
  }
  const fixed = Object.hasOwn(SYSTEM_SEARCH_KEYS, name)
    ? SYSTEM_SEARCH_KEYS[name as SystemSearchKeyName]
    : undefined;
  if (!SEARCH_DATATYPES.includes(datatype as SearchDatatype) || (fixed !== undefined && datatype !== fixed)) {
    throw new ValidationError("MetadataQuery", [
      {
        field: name,
        expected:
          fixed !== undefined
            ? `datatype "${fixed}" (fixed for this system key)`
            : `one of ${SEARCH_DATATYPES.join(", ")}`,
        received: renderValue(datatype),
      },
    ]);
  }
}

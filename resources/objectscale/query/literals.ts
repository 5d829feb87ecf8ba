/**
 * Literals of ObjectScale's metadata-search grammar, per datatype: which values each datatype
 * accepts and how they are written into an expression.
 *
 * @module
 */
import { ValidationError } from "../../../lib/errors.js";
import { renderValue } from "../../../lib/validation/index.js";

/**
 * The datatypes of indexed metadata keys (reference §3.2). The header that declares them and the
 * listings that return them use these lower-case names.
 */
export type SearchDatatype = "string" | "integer" | "datetime" | "decimal";

/** Every datatype, in the order of the reference. */
export const SEARCH_DATATYPES: readonly SearchDatatype[] = ["string", "integer", "datetime", "decimal"];

/**
 * The values a literal of each datatype accepts: integers as safe integers or bigints, decimals
 * as finite numbers, bigints or plain decimal strings (`"12.50"`), datetimes as valid `Date`s or
 * ISO-8601 UTC strings (`2024-05-01T10:00:00Z`).
 */
export interface SearchValueTypes {
  string: string;
  integer: number | bigint;
  decimal: number | bigint | string;
  datetime: Date | string;
}

/** The quote character of string literals. */
export type QuoteStyle = "'" | '"';

const DECIMAL = /^-?\d+(\.\d+)?$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

const EXPECTED: { readonly [T in SearchDatatype]: string } = {
  string: "a string that does not contain both ' and \" (the grammar has no escape for quotes)",
  integer: "a safe integer or a bigint",
  decimal: 'a finite number, a bigint or a decimal string such as "-12.50"',
  datetime: "a valid Date of the years 0000-9999 or an ISO-8601 UTC string such as 2024-05-01T10:00:00Z",
};

/**
 * Checks that `value` can be written as a literal of `datatype`.
 *
 * @example
 * ```ts
 * checkLiteral("Size", "integer", Number.NaN); // throws ValidationError naming Size
 * ```
 * @param key - The key being compared, named in the error.
 * @throws {@link ValidationError} (subject `MetadataQuery`, field `key`) when it cannot.
 */
export function checkLiteral(key: string, datatype: SearchDatatype, value: unknown): void {
  if (isLiteral(datatype, value)) return;
  throw new ValidationError("MetadataQuery", [
    {
      field: key,
      expected: `${EXPECTED[datatype]} (${key} is a ${datatype} key)`,
      received: renderValue(value),
    },
  ]);
}

function isLiteral(datatype: SearchDatatype, value: unknown): boolean {
  switch (datatype) {
    case "string":
      return typeof value === "string" && !(value.includes("'") && value.includes('"'));
    case "integer":
      return typeof value === "bigint" || Number.isSafeInteger(value);
    case "decimal":
      return (
        typeof value === "bigint" ||
        (typeof value === "number" && Number.isFinite(value)) ||
        (typeof value === "string" && DECIMAL.test(value))
      );
    case "datetime":
      return (
        (value instanceof Date && isFourDigitYear(value)) ||
        (typeof value === "string" && ISO_UTC.test(value) && isRealTime(value))
      );
  }
}

/**
 * True when an ISO-8601 UTC string names a time that exists: `Date.parse` rolls
 * `2024-02-30T00:00:00Z` over to March 1st and `24:00:00` to the next day, which would search
 * for another time than the one written.
 */
function isRealTime(text: string): boolean {
  const time = Date.parse(text);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === text.slice(0, 19);
}

/** A valid date whose year has four digits, so ISO-8601 needs no expanded year (`+010000-...`). */
function isFourDigitYear(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(year) && year >= 0 && year <= 9999;
}

/**
 * Writes a checked value as a literal: strings quoted (with `quote`, or the other quote when the
 * value contains it), integers and decimals as plain digits without exponent, datetimes as
 * ISO-8601 UTC with seconds (milliseconds only when not zero).
 *
 * @example
 * ```ts
 * formatLiteral("decimal", 1e21);                     // "1000000000000000000000"
 * formatLiteral("datetime", new Date(Date.UTC(2024, 0, 2))); // "2024-01-02T00:00:00Z"
 * formatLiteral("string", "it's", "'");               // "\"it's\""
 * ```
 */
export function formatLiteral(datatype: SearchDatatype, value: unknown, quote: QuoteStyle = "'"): string {
  switch (datatype) {
    case "string": {
      const text = value as string;
      const q = text.includes(quote) ? (quote === "'" ? '"' : "'") : quote;
      return `${q}${text}${q}`;
    }
    case "integer":
      return typeof value === "bigint" ? value.toString() : plainNumber(value as number);
    case "decimal":
      if (typeof value === "string") return value;
      return typeof value === "bigint" ? value.toString() : plainNumber(value as number);
    case "datetime": {
      const iso = (typeof value === "string" ? new Date(value) : (value as Date)).toISOString();
      return iso.endsWith(".000Z") ? `${iso.slice(0, -5)}Z` : iso;
    }
  }
}

/**
 * A finite number in positional notation, exactly as JavaScript's shortest round-trip form
 * gives its digits (`1e-7` → `0.0000001`, `1.5e21` → `1500000000000000000000`).
 */
export function plainNumber(n: number): string {
  const text = Object.is(n, -0) ? "0" : String(n);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign = "", whole = "", fraction = "", exp = "0"] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exp);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

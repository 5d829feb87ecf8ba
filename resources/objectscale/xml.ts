/**
 * Readers for the XML trees `defineOperation` hands to deserializers: one child gives a value,
 * repeated children give a list, so every reader accepts both.
 *
 * @module
 */
import type { XmlObject, XmlValue } from "../../lib/client/defineOperation.js";

/**
 * The elements of a possibly repeated child: none, one or many.
 *
 * @example
 * ```ts
 * xmlList(xml["Key"]).length; // 0, 1 or more, whatever the document had
 * ```
 */
export function xmlList(value: XmlValue | undefined): XmlValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * The children of an element, or `{}` for a text element.
 *
 * @example
 * ```ts
 * xmlObject(xml["Owner"])["ID"];
 * ```
 */
export function xmlObject(value: XmlValue | undefined): XmlObject {
  return typeof value === "object" && !Array.isArray(value) ? value : {};
}

/**
 * The text of an element (of the first, when repeated); `undefined` when absent.
 *
 * @example
 * ```ts
 * xmlText("abc"); // "abc"
 * ```
 */
export function xmlText(value: XmlValue | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return first;
  if (first === undefined || Array.isArray(first)) return undefined;
  const text = first["#text"];
  return typeof text === "string" ? text : undefined;
}

/**
 * The text of an element, or `undefined` when absent or empty.
 *
 * @example
 * ```ts
 * xmlNonEmpty(""); // undefined
 * ```
 */
export function xmlNonEmpty(value: XmlValue | undefined): string | undefined {
  const text = xmlText(value);
  return text === undefined || text === "" ? undefined : text;
}

/**
 * An element as a number; `undefined` when absent, empty or not a number.
 *
 * @example
 * ```ts
 * xmlNumber("1200"); // 1200
 * ```
 */
export function xmlNumber(value: XmlValue | undefined): number | undefined {
  return toNumber(xmlNonEmpty(value));
}

/**
 * An element as a boolean (`true`, case-insensitive); `undefined` when absent or empty.
 *
 * @example
 * ```ts
 * xmlBoolean("TRUE"); // true
 * ```
 */
export function xmlBoolean(value: XmlValue | undefined): boolean | undefined {
  const text = xmlNonEmpty(value);
  return text === undefined ? undefined : text.trim().toLowerCase() === "true";
}

/**
 * An element holding an ISO-8601 date as a `Date`; `undefined` when absent or unparseable.
 *
 * @example
 * ```ts
 * xmlDate("2024-05-01T10:00:00.000Z")?.getTime(); // 1714557600000
 * ```
 */
export function xmlDate(value: XmlValue | undefined): Date | undefined {
  return toDate(xmlNonEmpty(value));
}

/**
 * A header or element text as a number; `undefined` when absent, empty or not a number.
 *
 * @example
 * ```ts
 * toNumber("abc"); // undefined
 * ```
 */
export function toNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isNaN(n) ? undefined : n;
}

/**
 * An ISO-8601 text as a `Date`; `undefined` when absent or unparseable.
 *
 * @example
 * ```ts
 * toDate("not a date"); // undefined
 * ```
 */
export function toDate(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * Epoch milliseconds (as ObjectScale writes `x-emc-mtime` and query system metadata) as a `Date`.
 *
 * @example
 * ```ts
 * epochMillisToDate("1714557600000")?.toISOString(); // "2024-05-01T10:00:00.000Z"
 * ```
 */
export function epochMillisToDate(text: string | undefined): Date | undefined {
  const n = toNumber(text);
  return n === undefined ? undefined : new Date(n);
}

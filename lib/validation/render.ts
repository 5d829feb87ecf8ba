/**
 * Short, safe renderings of rejected values and of field paths, for `ValidationIssue`s.
 *
 * @module
 */

/** Longest rendering of a string value, in characters, before it is cut with `…`. */
export const MAX_RENDERED_CHARS = 60;

/**
 * Renders a rejected value for `ValidationIssue.received`: JSON for primitives (strings cut to
 * about 60 characters), and only the kind of anything larger, so a body,
 * a Buffer or a stream is never printed.
 *
 * @example
 * ```ts
 * renderValue("A_B");              // '"A_B"'
 * renderValue(Buffer.alloc(9));    // "a Buffer"
 * renderValue([1, 2, 3]);          // "an array of 3 items"
 * ```
 */
export function renderValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value.length > MAX_RENDERED_CHARS
        ? `${JSON.stringify(value.slice(0, MAX_RENDERED_CHARS))}…`
        : JSON.stringify(value);
    case "number":
    case "boolean":
      return String(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
      return "undefined";
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    case "object":
      return renderObject(value);
  }
}

function renderObject(value: object | null): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "an invalid Date" : `Date ${value.toISOString()}`;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === null || proto === Object.prototype) return "an object";
  const name = (proto.constructor as { name?: unknown } | undefined)?.name;
  return typeof name === "string" && name !== ""
    ? `${/^[AEIO]/.test(name) ? "an" : "a"} ${name}`
    : "an object";
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Appends a member to a field path: `Delete` + `Objects` → `Delete.Objects`. Names that are not
 * identifiers are quoted: `Metadata` + `bad name` → `Metadata["bad name"]`.
 */
export function memberPath(parent: string, name: string): string {
  if (!IDENTIFIER.test(name)) return `${parent}[${JSON.stringify(name)}]`;
  return parent === "" ? name : `${parent}.${name}`;
}

/**
 * What {@link memberPath} appends to a non-empty parent path for `name`: `.name`, or `["name"]`
 * when it is not an identifier. Precomputed by the validator so that paths cost one concatenation.
 */
export function memberSuffix(name: string): string {
  return IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** Appends a list index to a field path: `Delete.Objects` + 3 → `Delete.Objects[3]`. */
export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** Appends a map key to a field path, always quoted: `Metadata` + `a` → `Metadata["a"]`. */
export function keyPath(parent: string, key: string): string {
  return `${parent}[${JSON.stringify(key)}]`;
}

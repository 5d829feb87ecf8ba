/**
 * Copying and merging request parameters without touching the caller's objects: collections keep
 * their own copy of every filter, and batch requests get fresh objects each time.
 *
 * @module
 */

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Deep-copies plain objects and arrays; anything else (strings, dates, byte arrays) is kept as is.
 * Unlike `structuredClone`, it never throws on values it cannot clone.
 *
 * @internal
 */
export function copyPlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => copyPlain(v)) as T;
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyPlain(value[key]);
  return copy as T;
}

/**
 * Merges a copy of `input` into `into`, member by member, where `into` already has no value:
 * what a batch spec filled stays, and nested objects are merged (`Delete: { Quiet: true }` joins
 * the `Delete.Objects` the spec filled). Returns `into`.
 *
 * @internal
 */
export function mergeUnder(
  into: Record<string, unknown>,
  input: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  for (const key of Object.keys(input)) {
    const value = input[key];
    if (value === undefined) continue;
    const current = into[key];
    if (current === undefined) into[key] = copyPlain(value);
    else if (isPlainObject(current) && isPlainObject(value)) mergeUnder(current, value);
  }
  return into;
}

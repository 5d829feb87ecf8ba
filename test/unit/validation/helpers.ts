import "reflect-metadata";
import { expect } from "chai";
import { ValidationError, type ValidationIssue } from "../../../lib/errors.js";
import { validateParams } from "../../../lib/validation/index.js";

/** The issues `validateParams` reports for the input, or `[]` when it passes. */
export function issuesOf(operation: string, params: object): readonly ValidationIssue[] {
  try {
    validateParams(operation, params);
    return [];
  } catch (error) {
    if (!ValidationError.is(error)) throw error;
    expect(error.subject).to.equal(operation);
    return error.issues;
  }
}

/** Asserts that the input passes. */
export function expectValid(operation: string, params: object): void {
  expect(issuesOf(operation, params)).to.deep.equal([]);
}

/** Asserts that the input is rejected with exactly one issue, on `field`, expecting `expected`. */
export function expectIssue(
  operation: string,
  params: object,
  field: string,
  expected: string,
): ValidationIssue {
  const issues = issuesOf(operation, params);
  expect(issues.map((i) => [i.field, i.expected])).to.deep.equal([[field, expected]]);
  return issues[0]!;
}

// ---- The SDK's operation schemas (static tuples from @smithy/types `StaticSchema`) ----

/** A schema reference as the SDK stores it: a numeric code, a thunk or a static schema tuple. */
export type SchemaRef = number | (() => unknown) | readonly unknown[];

/** A structure (or union) schema: member names, member schemas and the count of required ones. */
export interface StructSchema {
  readonly name: string;
  readonly members: ReadonlyMap<string, SchemaRef>;
  readonly required: readonly string[];
}

/** Resolves thunks. */
export function deref(ref: SchemaRef): number | readonly unknown[] {
  let value: unknown = ref;
  while (typeof value === "function") value = (value as () => unknown)();
  return value as number | readonly unknown[];
}

/** The schema of a member entry: `ref` or `[ref, traits]`. */
function memberRef(entry: unknown): SchemaRef {
  return (Array.isArray(entry) && entry.length === 2 ? entry[0] : entry) as SchemaRef;
}

/** A structure schema, or `undefined` when `ref` is not a structure or union. */
export function structOf(ref: SchemaRef): StructSchema | undefined {
  const schema = deref(ref);
  if (typeof schema === "number" || (schema[0] !== 3 && schema[0] !== 4)) return undefined;
  const names = schema[4] as readonly string[];
  const refs = schema[5] as readonly unknown[];
  const requiredCount = (schema[6] as number | undefined) ?? 0;
  return {
    name: schema[2] as string,
    members: new Map(names.map((n, i) => [n, memberRef(refs[i])])),
    required: names.slice(0, requiredCount),
  };
}

/** What a schema holds, coarsely: the categories the validator's rules distinguish. */
export type SchemaCategory =
  "string" | "number" | "boolean" | "timestamp" | "blob" | "structure" | "list" | "map" | "other";

/** The category of a member schema. */
export function categoryOf(ref: SchemaRef): SchemaCategory {
  const schema = deref(ref);
  if (typeof schema === "number") {
    if (schema & 64) return "list";
    if (schema & 128) return "map";
    if (schema === 0) return "string";
    if (schema === 1) return "number";
    if (schema === 2) return "boolean";
    if (schema >= 4 && schema <= 7) return "timestamp";
    if (schema === 21 || schema === 42) return "blob";
    return "other";
  }
  switch (schema[0]) {
    case 0:
      return categoryOf(schema[4] as SchemaRef); // a named simple shape such as SSECustomerKey
    case 1:
      return "list";
    case 2:
      return "map";
    case 3:
    case 4:
      return "structure";
    default:
      return "other";
  }
}

/** The element schema of a list schema. */
export function elementOf(ref: SchemaRef): SchemaRef | undefined {
  const schema = deref(ref);
  if (typeof schema === "number") return schema & 64 ? schema & ~64 : undefined;
  return schema[0] === 1 ? memberRef(schema[4]) : undefined;
}

/** The input schema of an operation, from a command built with `{}` (the command exposes `schema`). */
export function inputSchemaOf(Command: new (input: never) => object): StructSchema {
  const operation = (new Command({} as never) as { schema?: readonly unknown[] }).schema;
  if (operation === undefined || operation[0] !== 9)
    throw new Error(`${Command.name} has no operation schema`);
  const struct = structOf(operation[4] as SchemaRef);
  if (struct === undefined) throw new Error(`${Command.name} input is not a structure`);
  return struct;
}

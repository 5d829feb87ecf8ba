/**
 * Runs a compiled DTO plan over a plain input object and collects the issues.
 *
 * @module
 */
import type { ValidationIssue } from "../errors.js";
import type { Check, DtoPlan, NestedPlan } from "./compile.js";
import { indexPath, renderValue } from "./render.js";
import { isStructureValue } from "./rules/scalars.js";

/**
 * Checks `value` against a compiled plan and appends one issue per bad field to `issues`, with
 * field paths below `prefix` (or below `prefix[index]` when `index` is given: list elements pass
 * it that way so that no path string is built for an element without issues). Never modifies
 * `value`.
 *
 * A field reports at most one issue of its own (its first failing constraint); the members of a
 * nested structure are checked only when the structure itself passed, while every element of a
 * list is checked even when the list as a whole failed (too long, for example).
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * collectIssues(compileDto(DeleteObjectsParams), { Bucket: "b", Delete: { Objects: [{ Key: "" }] } }, "", issues);
 * issues[0]?.field; // "Delete.Objects[0].Key"
 * ```
 */
export function collectIssues(
  plan: DtoPlan,
  value: object,
  prefix: string,
  issues: ValidationIssue[],
  index = -1,
): void {
  const record = value as Record<string, unknown>;
  let here = index < 0 ? prefix : undefined;
  for (const property of plan.properties) {
    const member = record[property.name];
    if (property.optional && (member === undefined || member === null)) continue;
    if (property.conditions.length > 0 && !property.conditions.every((holds) => holds(value, member)))
      continue;
    let failed: Check | undefined;
    for (const check of property.checks) {
      if (!check.test(member, value)) {
        failed = check;
        break;
      }
    }
    const nested = property.nested;
    if (failed === undefined && (nested === undefined || member === undefined)) continue;
    here ??= indexPath(prefix, index);
    const field = here === "" ? property.field : here + property.suffix;
    if (failed !== undefined) failed.report(member, value, field, issues);
    if (nested === undefined || member === undefined) continue;
    if (Array.isArray(member)) collectElements(nested, member, field, issues);
    else if (failed === undefined) collectNested(nested, member, field, issues, -1);
  }
}

function collectNested(
  nested: NestedPlan,
  member: unknown,
  field: string,
  issues: ValidationIssue[],
  index: number,
): void {
  if (Array.isArray(member))
    collectElements(nested, member, index < 0 ? field : indexPath(field, index), issues);
  else if (isStructureValue(member)) collectIssues(nested.plan, member, field, issues, index);
  else
    issues.push({
      field: index < 0 ? field : indexPath(field, index),
      expected: nested.expected,
      received: renderValue(member),
    });
}

function collectElements(
  nested: NestedPlan,
  list: readonly unknown[],
  field: string,
  issues: ValidationIssue[],
): void {
  for (let i = 0; i < list.length; i++) collectNested(nested, list[i], field, issues, i);
}

/**
 * Reading the per-item failures that a successful batch response carries (DeleteObjects answers
 * 200 with `Errors: [{ Key, VersionId, Code, Message }]`), naming each failed item.
 *
 * @module
 */
import type { BatchActionSpec } from "../../../decorators/specs.js";
import type { BatchItemFailure } from "../../errors.js";
import { getPath } from "../paths.js";

const memberCache = new WeakMap<BatchActionSpec, readonly string[]>();

/** The members one item fills, from the spec's `[]` targets: `Delete.Objects[].Key` → `Key`. */
function itemMembersOf(spec: BatchActionSpec): readonly string[] {
  let members = memberCache.get(spec);
  if (members === undefined) {
    members = Object.keys(spec.params)
      .filter((target) => target.includes("[]."))
      .map((target) => target.slice(target.indexOf("[].") + 3));
    memberCache.set(spec, members);
  }
  return members;
}

/**
 * The failures `output` reports at `spec.itemErrors`, each naming its item by the members each
 * item fills in the request (`Key`, `VersionId`), as the server echoes them.
 *
 * @internal
 */
export function itemFailures(spec: BatchActionSpec, output: unknown): BatchItemFailure[] {
  if (spec.itemErrors === undefined) return [];
  const found = getPath(output, spec.itemErrors);
  const errors = Array.isArray(found) ? (found as unknown[]) : found === undefined ? [] : [found];
  if (errors.length === 0) return [];
  const members = itemMembersOf(spec);
  return errors.map((error) => {
    const entry = (error ?? {}) as Record<string, unknown>;
    // Without a `[]` target, the entry minus its error fields names the item.
    const names =
      members.length > 0 ? members : Object.keys(entry).filter((k) => k !== "Code" && k !== "Message");
    const item: Record<string, unknown> = {};
    for (const member of names) {
      const value = getPath(entry, member);
      if (value !== undefined) item[member] = value;
    }
    return {
      item,
      code: typeof entry["Code"] === "string" ? entry["Code"] : undefined,
      message: typeof entry["Message"] === "string" ? entry["Message"] : undefined,
    };
  });
}

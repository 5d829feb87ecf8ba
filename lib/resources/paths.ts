/**
 * The small path language of resource specs: dot-separated member names, `[]` for "every element
 * of this list" (plural), `@` for the whole document, and `a[]|b[]` to concatenate two plural
 * paths (ListObjectVersions' `Versions[]|DeleteMarkers[]`). Deliberately not JMESPath: S3's model needs
 * only this, and it is easy to read and to write into.
 *
 * @module
 */

type Step = { readonly member: string; readonly each: boolean };

const parsed = new Map<string, readonly Step[]>();

/** Splits a path into steps, cached: specs are few and used on every call. */
export function parsePath(path: string): readonly Step[] {
  let steps = parsed.get(path);
  if (steps === undefined) {
    steps =
      path === "@" || path === ""
        ? []
        : path.split(".").map((segment) =>
            segment.endsWith("[]") ? { member: segment.slice(0, -2), each: true } : { member: segment, each: false },
          );
    parsed.set(path, steps);
  }
  return steps;
}

/** True when the path has a `[]` step, so it yields one value per list element. */
export function isPlural(path: string): boolean {
  return path.split("|").some((alternative) => parsePath(alternative).some((s) => s.each));
}

/**
 * Reads `path` from `document`. A plural path returns an array (flattened across `[]` steps,
 * missing members skipped); a singular one returns the value or `undefined`.
 */
export function getPath(document: unknown, path: string): unknown {
  if (path.includes("|")) {
    return path.split("|").flatMap((alternative) => {
      const v = getPath(document, alternative);
      return Array.isArray(v) ? (v as unknown[]) : v === undefined ? [] : [v];
    });
  }
  let values: unknown[] = [document];
  let plural = false;
  for (const step of parsePath(path)) {
    const next: unknown[] = [];
    for (const v of values) {
      if (v === null || typeof v !== "object") continue;
      const member = step.member === "" ? v : (v as Record<string, unknown>)[step.member];
      if (step.each) {
        if (Array.isArray(member)) next.push(...(member as unknown[]));
      } else if (member !== undefined) {
        next.push(member);
      }
    }
    plural ||= step.each;
    values = next;
  }
  return plural ? values : values[0];
}

/**
 * Writes `value` at `path` inside `target`, creating objects and lists on the way. At a `[]`
 * step, `index` chooses the element (so a batch writes `Key` and `VersionId` of item 3 into the
 * same element); without an index a new element is appended.
 */
export function setPath(target: Record<string, unknown>, path: string, value: unknown, index?: number): void {
  const steps = parsePath(path);
  let node: Record<string, unknown> = target;
  for (let i = 0; i < steps.length; i++) {
    const { member, each } = steps[i]!;
    const last = i === steps.length - 1;
    if (!each) {
      if (last) {
        node[member] = value;
        return;
      }
      const child = node[member];
      node = (child !== null && typeof child === "object" ? child : (node[member] = {})) as Record<string, unknown>;
      continue;
    }
    const list = (Array.isArray(node[member]) ? node[member] : (node[member] = [])) as unknown[];
    const at = index ?? list.length;
    if (last) {
      list[at] = value;
      return;
    }
    const element = list[at];
    node = (element !== null && typeof element === "object" ? element : (list[at] = {})) as Record<string, unknown>;
  }
}

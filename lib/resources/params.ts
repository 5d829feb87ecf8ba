/**
 * Fills request parameters from a resource: identifiers, loaded data and constants, written at
 * their target paths. Caller input is merged on top by the action (caller wins, except for the
 * members the resource fills, which the action's type does not let the caller pass).
 *
 * @module
 */
import type { ParamSource } from "../../decorators/sources.js";
import { setPath, getPath } from "./paths.js";

/** What a parameter source can read from. */
export interface ParamContext {
  /** The resource's identifiers by name. */
  readonly identifiers: Readonly<Record<string, string>>;
  /** The loaded data, loading it first when needed (only called for `data()` sources). */
  loadData(): Promise<Readonly<Record<string, unknown>>>;
}

/** Resolves one source against a resource. */
export async function resolveParam(source: ParamSource, context: ParamContext): Promise<unknown> {
  switch (source.from) {
    case "identifier":
      return context.identifiers[source.name];
    case "constant":
      return source.value;
    case "data":
      return getPath(await context.loadData(), source.path);
  }
}

/**
 * Writes every parameter of `params` into `into` (a fresh object is the caller's job). With
 * `index`, `[]` steps write into element `index` (batch actions: one element per item).
 */
export async function fillParams(
  params: Readonly<Record<string, ParamSource | undefined>>,
  context: ParamContext,
  into: Record<string, unknown>,
  index?: number,
): Promise<Record<string, unknown>> {
  for (const target of Object.keys(params)) {
    const source = params[target];
    if (source === undefined) continue;
    const value = await resolveParam(source, context);
    if (value !== undefined) setPath(into, target, value, index);
  }
  return into;
}

/** True when any parameter needs the loaded data (so callers can load once up front). */
export function needsData(params: Readonly<Record<string, ParamSource | undefined>>): boolean {
  return Object.values(params).some((s) => s?.from === "data");
}

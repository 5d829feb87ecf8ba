/**
 * Turns what an action, a collection page or a relation got back into the identifiers (and data)
 * of the resources to build, following a {@link ResourceTarget}.
 *
 * Plural: when any identifier comes from a path with `[]`, one resource is built per element,
 * the lists consumed in parallel (boto3's rule). Item data: with `target.path`, the element at the
 * same index of that list becomes the new resource's loaded data.
 *
 * @module
 */
import type { IdentifierValueSource } from "../../decorators/sources.js";
import type { ResourceTarget } from "../../decorators/specs.js";
import { getPath, isPlural } from "./paths.js";

/** Everything an identifier source can read from. */
export interface ResponseContext {
  /** Identifiers of the resource the call ran on. */
  readonly identifiers: Readonly<Record<string, string>>;
  /** Its loaded data, if any. */
  readonly data: Readonly<Record<string, unknown>> | undefined;
  /** The parameters sent. */
  readonly request: Readonly<Record<string, unknown>>;
  /** The response (SDK output), or the data for references. */
  readonly response: unknown;
  /** Caller input for `input()` identifiers, in order (sub-resources). */
  readonly inputs?: readonly unknown[];
}

/** The identifiers and data of one resource to build. */
export interface ResourceSeed {
  readonly identifiers: Record<string, string>;
  readonly data: Record<string, unknown> | undefined;
}

/** The outcome: one seed, several (plural), or none when an identifier is missing. */
export type Seeds =
  | { readonly plural: false; readonly seed: ResourceSeed | undefined }
  | { readonly plural: true; readonly seeds: ResourceSeed[] };

function resolve(source: IdentifierValueSource, context: ResponseContext, inputIndex: { next: number }): unknown {
  switch (source.from) {
    case "identifier":
      return context.identifiers[source.name];
    case "constant":
      return source.value;
    case "data":
      return getPath(context.data, source.path);
    case "requestParameter":
      return getPath(context.request, source.path);
    case "response":
      return getPath(context.response, source.path);
    case "input":
      return context.inputs?.[inputIndex.next++];
  }
}

/** Identifiers are strings; numbers (`PartNumber`) and booleans are written out. */
function toIdentifier(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

function pathOf(source: IdentifierValueSource): string | undefined {
  return "path" in source ? source.path : undefined;
}

/** Computes the seeds of the resources `target` describes. */
export function seedsFor(target: ResourceTarget, context: ResponseContext): Seeds {
  const names = Object.keys(target.identifiers);
  const inputIndex = { next: 0 };
  const values = names.map((name) => resolve(target.identifiers[name]!, context, inputIndex));
  const plural = names.some((name, i) => {
    const p = pathOf(target.identifiers[name]!);
    return p !== undefined && isPlural(p) && Array.isArray(values[i]);
  });
  const itemData = target.path !== undefined ? getPath(context.response, target.path) : undefined;

  if (!plural) {
    if (values.some((v) => v === undefined || v === null)) return { plural: false, seed: undefined };
    const identifiers: Record<string, string> = {};
    names.forEach((name, i) => (identifiers[name] = toIdentifier(values[i])));
    const data = itemData !== null && typeof itemData === "object" && !Array.isArray(itemData) ? itemData : undefined;
    return { plural: false, seed: { identifiers, data: data as Record<string, unknown> | undefined } };
  }

  const length = Math.max(...values.map((v) => (Array.isArray(v) ? v.length : 0)));
  const items = Array.isArray(itemData) ? (itemData as unknown[]) : undefined;
  const seeds: ResourceSeed[] = [];
  for (let i = 0; i < length; i++) {
    const identifiers: Record<string, string> = {};
    let complete = true;
    names.forEach((name, j) => {
      const v = Array.isArray(values[j]) ? (values[j] as unknown[])[i] : values[j];
      if (v === undefined || v === null) complete = false;
      else identifiers[name] = toIdentifier(v);
    });
    if (!complete) continue;
    const item = items?.[i];
    seeds.push({
      identifiers,
      data: item !== null && typeof item === "object" ? (item as Record<string, unknown>) : undefined,
    });
  }
  return { plural: true, seeds };
}

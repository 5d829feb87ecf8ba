/**
 * Action and waiter methods: parameters filled from the resource, the caller's input merged, one
 * call through the resource's client, then the SDK output or the resources the action builds.
 *
 * @module
 */
import type { ParamSource } from "../../../decorators/sources.js";
import type { ActionSpec, WaiterSpec } from "../../../decorators/specs.js";
import type { S3ServiceClient } from "../../client/ClientFactory.js";
import type { CallOptions, S3OperationName } from "../../client/s3/types.js";
import type { WaitOptions } from "../../client/s3/waiters.js";
import { s3Commands } from "../../client/s3/operations.js";
import { fillParams, type ParamContext } from "../params.js";
import { numericInputMembers, type SchemaCommand } from "../shapeMembers.js";
import { parsePath } from "../paths.js";
import type { Resource } from "../Resource.js";
import { seedsFor } from "../responses.js";
import { fromSeed, named, type MemberContext, type ResourceClass } from "./context.js";

/** Operations that only read: every other operation marks the resource's data stale. */
const READ_ONLY = /^(Get|Head|List)/;

/**
 * The method of an action spec: `(input?, options?) => Promise<output | resource(s)>`.
 *
 * Parameters: the caller's input is copied, then the resource fills its parameters on top of it,
 * so where both give a value the resource wins (`Bucket` of `bucket.delete({ Bucket: "other" })`
 * stays the bucket's name). Where the resource fills a member inside an object
 * (`VersioningConfiguration.Status`), the caller's object is deep-copied and kept around it.
 * After a successful call of a mutating operation `meta.stale` is set; `meta.data` is kept.
 *
 * @internal
 */
export function actionMethod(context: MemberContext, member: string, spec: ActionSpec) {
  const mutates = !READ_ONLY.test(spec.operation);
  const filled = topLevelMembers(spec.params);
  const numeric = numericTargets(spec.operation, spec.params);
  let target: ResourceClass | undefined;
  return named(
    member,
    async function (this: Resource, input?: object, options?: CallOptions): Promise<unknown> {
      const params = await requestParams(this, spec.params, input, filled, options);
      for (const name of numeric) params[name] = toNumber(params[name]);
      const output = await call(this.meta.client, spec.operation, params, options);
      if (mutates) this.meta.stale = true;
      if (spec.resource === undefined) return output;
      target ??= context.target(member, "action", spec.resource);
      const { identifiers, data, client } = this.meta;
      const seeds = seedsFor(spec.resource, { identifiers, data, request: params, response: output });
      if (seeds.plural) return seeds.seeds.map((seed) => fromSeed(target!, client, seed));
      return seeds.seed === undefined ? undefined : fromSeed(target, client, seeds.seed);
    },
  );
}

/**
 * The method of a waiter spec: `(options?) => client.waitFor(waiter, params, options)`, with the
 * waiter's `abortSignal`, `maxWaitMs` and `delayMs`.
 *
 * @internal
 */
export function waiterMethod(member: string, spec: WaiterSpec) {
  return named(member, async function (this: Resource, options?: WaitOptions): Promise<unknown> {
    const params = await requestParams(this, spec.params, undefined, NONE, options);
    return this.meta.client.waitFor(spec.waiter, params as never, options);
  });
}

/**
 * The request parameters of a resource's call: the caller's input (copied), then the resource's
 * own parameters written over it. `data()` sources load the resource first when it has no data.
 *
 * @internal
 */
export async function requestParams(
  resource: Resource,
  params: Readonly<Record<string, ParamSource | undefined>>,
  input: object | undefined,
  filled: ReadonlySet<string>,
  options: CallOptions | undefined,
): Promise<Record<string, unknown>> {
  const request: Record<string, unknown> = {};
  if (input !== undefined && input !== null) {
    const given = input as Record<string, unknown>;
    for (const key of Object.keys(given)) {
      if (given[key] !== undefined) request[key] = filled.has(key) ? deepCopy(given[key]) : given[key];
    }
  }
  return fillParams(params, paramContext(resource, options), request);
}

/** What `fillParams` reads from a resource; `data()` loads it first when needed. */
export function paramContext(resource: Resource, options: CallOptions | undefined): ParamContext {
  const { meta } = resource;
  return {
    identifiers: meta.identifiers,
    loadData: async () => meta.data ?? (await resource.load(options)).meta.data ?? {},
  };
}

/** The top-level members that target paths write to (`Delete.Objects[].Key` → `Delete`). */
export function topLevelMembers(params: Readonly<Record<string, unknown>>): ReadonlySet<string> {
  return new Set(Object.keys(params).map((target) => parsePath(target)[0]?.member ?? target));
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Top-level targets that an identifier fills but the operation takes as a number
 * (`PartNumber: identifier("partNumber")`): identifiers are strings, the SDK wants numbers.
 */
function numericTargets(
  operation: S3OperationName,
  params: Readonly<Record<string, ParamSource | undefined>>,
) {
  const Command = (s3Commands as unknown as Record<string, SchemaCommand | undefined>)[operation];
  if (Command === undefined) return [];
  const numeric = numericInputMembers(Command);
  return Object.keys(params).filter((target) => params[target]?.from === "identifier" && numeric.has(target));
}

function toNumber(value: unknown): unknown {
  return typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
}

function call(
  client: S3ServiceClient,
  operation: S3OperationName,
  params: object,
  options: CallOptions | undefined,
): Promise<object> {
  return (client.call as (op: S3OperationName, input: object, options?: CallOptions) => Promise<object>).call(
    client,
    operation,
    params,
    options,
  );
}

/** Copies plain objects and arrays; other values (Dates, buffers, streams) are kept as they are. */
function deepCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deepCopy);
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype)
    return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = deepCopy((value as Record<string, unknown>)[key]);
  return copy;
}

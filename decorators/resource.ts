/**
 * Class decorators that record what a resource class is: its service and name, identifiers,
 * attributes, load, actions, batch actions, waiters, collections, sub-resources and references.
 *
 * They only record typed metadata (with reflect-metadata) on the class; nothing is built here.
 * The resource factory (`lib/resources`) reads the metadata, checks it and builds the concrete
 * class once per session.
 *
 * @example
 * ```ts
 * @resource("s3", "Object")
 * @identifiers("bucketName", "key")
 * @attributes("HeadObject")
 * @loadWith(load("HeadObject", { Bucket: identifier("bucketName"), Key: identifier("key") }))
 * @actions(objectActions)
 * export class S3Object extends Resource {
 *   declare readonly bucketName: string;
 *   declare readonly key: string;
 * }
 * export interface S3Object extends Attributes<HeadObjectCommandOutput>, ActionMethods<typeof objectActions> {}
 * ```
 * @module
 */
import "reflect-metadata";
import type { S3OperationName } from "../lib/client/s3/types.js";
import type {
  ActionSpec,
  BatchActionSpec,
  CollectionSpec,
  LoadSpec,
  RelationSpec,
  WaiterSpec,
} from "./specs.js";

/** One identifier of a resource. */
export interface IdentifierDefinition {
  /** The identifier's name on the resource (`bucketName`). */
  readonly name: string;
  /** The attribute (camelCase shape member) that mirrors it, such as `partNumber` for `PartNumber`. */
  readonly memberName?: string;
}

/** Where a resource's attributes come from: an operation's output, or a list item inside it. */
export interface ShapeDefinition {
  readonly operation: S3OperationName;
  /** Path of a list of items in the output (`Contents`, `Versions`); the output itself when absent. */
  readonly path?: string;
}

/** Everything the decorators recorded about one class. */
export interface ResourceMetadata {
  readonly service?: string;
  readonly name?: string;
  readonly identifiers?: readonly IdentifierDefinition[];
  readonly shape?: ShapeDefinition;
  readonly load?: LoadSpec;
  readonly actions?: Readonly<Record<string, ActionSpec>>;
  readonly batchActions?: Readonly<Record<string, BatchActionSpec>>;
  readonly waiters?: Readonly<Record<string, WaiterSpec>>;
  readonly collections?: Readonly<Record<string, CollectionSpec>>;
  readonly subresources?: Readonly<Record<string, RelationSpec>>;
  readonly references?: Readonly<Record<string, RelationSpec>>;
}

/** The reflect-metadata key under which the decorators record a class's {@link ResourceMetadata}. */
export const RESOURCE_METADATA = Symbol.for("objectscale-resources:resource");

type Decorated = abstract new (...args: never[]) => object;

function record<K extends keyof ResourceMetadata>(key: K, value: ResourceMetadata[K]) {
  return <C extends Decorated>(target: C): void => {
    const current = (Reflect.getOwnMetadata(RESOURCE_METADATA, target) as ResourceMetadata | undefined) ?? {};
    const previous = current[key];
    const merged =
      previous !== undefined && typeof previous === "object" && !Array.isArray(previous) && typeof value === "object"
        ? { ...previous, ...value }
        : value;
    Reflect.defineMetadata(RESOURCE_METADATA, { ...current, [key]: merged }, target);
  };
}

/** Reads what the decorators recorded on `target` (its own class only, not its parents). */
export function getResourceMetadata(target: Decorated): ResourceMetadata | undefined {
  return Reflect.getOwnMetadata(RESOURCE_METADATA, target) as ResourceMetadata | undefined;
}

/**
 * Names the resource: its service and its type name, which events use
 * (`creating-resource-class.s3.Bucket`), JSON carries and targets of other specs refer to.
 *
 * @example
 * ```ts
 * @resource("s3", "LogFile")
 * @identifiers("bucketName", "key")
 * @attributes("HeadObject")
 * @loadWith(load("HeadObject", { Bucket: identifier("bucketName"), Key: identifier("key") }))
 * export class LogFile extends Resource {
 *   declare readonly bucketName: string;
 *   declare readonly key: string;
 * }
 * session.registerResources(LogFile);
 * ```
 */
export function resource(service: string, name: string) {
  return <C extends Decorated>(target: C): void => {
    record("service", service)(target);
    record("name", name)(target);
  };
}

/** The identifiers, in order: positional arguments fill them in this order. */
export function identifiers(...ids: ReadonlyArray<string | IdentifierDefinition>) {
  return record(
    "identifiers",
    ids.map((id) => (typeof id === "string" ? { name: id } : id)),
  );
}

/** Attributes: one synchronous getter per member of `operation`'s output (or of the items at `path`). */
export function attributes(operation: S3OperationName, path?: string) {
  return record("shape", path === undefined ? { operation } : { operation, path });
}

/** How the resource loads its data (`load()` / `reload()`). */
export function loadWith(spec: LoadSpec) {
  return record("load", spec);
}

/** Actions, by method name. */
export function actions(specs: Readonly<Record<string, ActionSpec>>) {
  return record("actions", specs);
}

/** Batch actions, by method name: they appear on collections of this resource. */
export function batchActions(specs: Readonly<Record<string, BatchActionSpec>>) {
  return record("batchActions", specs);
}

/** Waiters, by method name (`waitUntilExists`). */
export function waiters(specs: Readonly<Record<string, WaiterSpec>>) {
  return record("waiters", specs);
}

/** Collections (has-many), by property name. */
export function collections(specs: Readonly<Record<string, CollectionSpec>>) {
  return record("collections", specs);
}

/** Sub-resources, by method name (`Object`, `Acl`); they make no request. */
export function subresources(specs: Readonly<Record<string, RelationSpec>>) {
  return record("subresources", specs);
}

/** References, by property name: resources named by this resource's loaded data. */
export function references(specs: Readonly<Record<string, RelationSpec>>) {
  return record("references", specs);
}

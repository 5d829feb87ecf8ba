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

/**
 * Reads what the decorators recorded on `target` (its own class only, not its parents): what the
 * resource factory builds from, and what a plugin or test can inspect.
 *
 * @example
 * ```ts
 * getResourceMetadata(S3Object)?.name; // "Object"
 * getResourceMetadata(S3Object)?.identifiers; // [{ name: "bucketName" }, { name: "key" }]
 * Object.keys(getResourceMetadata(Bucket)?.collections ?? {}); // ["multipartUploads", "objectVersions", "objects"]
 * ```
 */
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

/**
 * The identifiers, in order: positional arguments fill them in this order. Give an
 * {@link IdentifierDefinition} instead of a name when an attribute of the same name mirrors it.
 *
 * @example
 * ```ts
 * @resource("s3", "Object")
 * @identifiers("bucketName", "key")
 * export class S3Object extends Resource {}
 * s3.Object("logs", "app.log"); // bucketName "logs", key "app.log"
 *
 * // MultipartUploadPart: PartNumber is in ListParts' items too; it stays one `partNumber`
 * @identifiers("bucketName", "objectKey", "multipartUploadId", { name: "partNumber", memberName: "partNumber" })
 * ```
 */
export function identifiers(...ids: ReadonlyArray<string | IdentifierDefinition>) {
  return record(
    "identifiers",
    ids.map((id) => (typeof id === "string" ? { name: id } : id)),
  );
}

/**
 * Attributes: one synchronous getter per member of `operation`'s output (or of the items at
 * `path`), named in camelCase. They read the loaded data and throw {@link ResourceNotLoadedError}
 * before it is loaded.
 *
 * @example
 * ```ts
 * @resource("s3", "Object")
 * @attributes("HeadObject") // obj.contentLength, obj.eTag, obj.metadata, ...
 * export class S3Object extends Resource {}
 *
 * @resource("s3", "ObjectSummary")
 * @attributes("ListObjectsV2", "Contents") // summary.key, summary.size, summary.lastModified, ...
 * export class ObjectSummary extends Resource {}
 * ```
 */
export function attributes(operation: S3OperationName, path?: string) {
  return record("shape", path === undefined ? { operation } : { operation, path });
}

/**
 * How the resource loads its data (`load()` / `reload()`). Without it the resource only has data
 * when it comes from a collection or an action's response.
 *
 * @example
 * ```ts
 * export const bucketLoad = load("ListBuckets", {}, { path: "Buckets", match: { Name: identifier("name") } });
 *
 * @resource("s3", "Bucket")
 * @identifiers("name")
 * @attributes("ListBuckets", "Buckets")
 * @loadWith(bucketLoad)
 * export class Bucket extends Resource {}
 *
 * await s3.Bucket("logs").load();
 * ```
 */
export function loadWith(spec: LoadSpec) {
  return record("load", spec);
}

/**
 * Actions, by method name: each becomes an async method that calls one operation with the
 * members the spec fills, plus the caller's input.
 *
 * @example
 * ```ts
 * export const bucketVersioningActions = {
 *   enable: action("PutBucketVersioning", {
 *     Bucket: identifier("bucketName"),
 *     "VersioningConfiguration.Status": constant("Enabled"),
 *   }),
 *   put: action("PutBucketVersioning", { Bucket: identifier("bucketName") }),
 * };
 *
 * @resource("s3", "BucketVersioning")
 * @identifiers("bucketName")
 * @actions(bucketVersioningActions)
 * export class BucketVersioning extends Resource {}
 *
 * await s3.Bucket("logs").Versioning().enable();
 * ```
 */
export function actions(specs: Readonly<Record<string, ActionSpec>>) {
  return record("actions", specs);
}

/**
 * Batch actions, by method name: they appear on collections of this resource, not on the
 * resource itself, and send one request per page of the collection.
 *
 * @example
 * ```ts
 * @resource("s3", "Object")
 * @identifiers("bucketName", "key")
 * @batchActions(objectBatchActions) // { delete: batchAction("DeleteObjects", ...) }
 * export class S3Object extends Resource {}
 *
 * await bucket.objects.filter({ Prefix: "tmp/" }).delete(); // throws BatchError naming refused keys
 * ```
 */
export function batchActions(specs: Readonly<Record<string, BatchActionSpec>>) {
  return record("batchActions", specs);
}

/**
 * Waiters, by method name (`waitUntilExists`): each polls a waiter of the client with the
 * parameters filled from the resource.
 *
 * @example
 * ```ts
 * export const objectWaiters = {
 *   waitUntilExists: waiter("ObjectExists", { Bucket: identifier("bucketName"), Key: identifier("key") }),
 *   waitUntilNotExists: waiter("ObjectNotExists", { Bucket: identifier("bucketName"), Key: identifier("key") }),
 * };
 *
 * @resource("s3", "Object")
 * @identifiers("bucketName", "key")
 * @waiters(objectWaiters)
 * export class S3Object extends Resource {}
 *
 * await s3.Object("logs", "app.log").waitUntilExists({ maxWaitMs: 30_000 });
 * ```
 */
export function waiters(specs: Readonly<Record<string, WaiterSpec>>) {
  return record("waiters", specs);
}

/**
 * Collections (has-many), by property name: lazy, paginated listings whose items become
 * resources.
 *
 * @example
 * ```ts
 * @resource("s3", "Bucket")
 * @identifiers("name")
 * @collections(bucketCollections) // { objects: collection("ListObjectsV2", ...), objectVersions: ..., multipartUploads: ... }
 * export class Bucket extends Resource {}
 *
 * for await (const summary of s3.Bucket("logs").objects.filter({ Prefix: "2026/" })) {
 *   console.log(summary.key, summary.size);
 * }
 * ```
 */
export function collections(specs: Readonly<Record<string, CollectionSpec>>) {
  return record("collections", specs);
}

/**
 * Sub-resources, by method name (`Object`, `Acl`); they make no request. Identifiers marked
 * {@link input | input()} become the method's arguments.
 *
 * @example
 * ```ts
 * export const bucketSubresources = {
 *   Object: subresource("Object", { bucketName: identifier("name"), key: input() }),
 *   Versioning: subresource("BucketVersioning", { bucketName: identifier("name") }),
 * };
 *
 * @resource("s3", "Bucket")
 * @identifiers("name")
 * @subresources(bucketSubresources)
 * export class Bucket extends Resource {}
 *
 * const obj = s3.Bucket("logs").Object("app.log"); // s3.Object(bucketName='logs', key='app.log')
 * ```
 */
export function subresources(specs: Readonly<Record<string, RelationSpec>>) {
  return record("subresources", specs);
}

/**
 * References, by property name: resources named by this resource's loaded data. Reading one
 * before the data is loaded throws {@link ResourceNotLoadedError}.
 *
 * @example
 * ```ts
 * // An index entry whose data names the object it describes (the built-in S3 model has none)
 * @resource("s3", "IndexEntry")
 * @identifiers("bucketName", "id")
 * @attributes("ListObjectsV2", "Contents")
 * @references({ object: reference("Object", { bucketName: identifier("bucketName"), key: data("Key") }) })
 * export class IndexEntry extends Resource {}
 *
 * // entry came from a collection or an action's response, so it has data
 * await entry.object.get(); // GetObject of the S3Object named by the entry's Key
 * ```
 */
export function references(specs: Readonly<Record<string, RelationSpec>>) {
  return record("references", specs);
}

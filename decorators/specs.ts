/**
 * Typed descriptions of what a resource can do: its load, actions, batch actions, waiters,
 * collections, sub-resources and references. Each builder returns a plain record (kept as
 * metadata by the class decorators) whose type parameters also carry enough to type the methods
 * the factory will add (see `lib/resources/types.ts`).
 *
 * @module
 */
import type { S3Input, S3OperationName } from "../lib/client/s3/types.js";
import type { WaiterName } from "../lib/client/s3/waiters.js";
import type { IdentifierValueSource, ParamSource } from "./sources.js";

/** Request parameters filled by the resource, keyed by target path (`Bucket`, `Delete.Objects[].Key`). */
export type ParamMap<Op extends S3OperationName = S3OperationName> = {
  readonly [
    Target in
      | Extract<keyof S3Input<Op>, string>
      | `${Extract<keyof S3Input<Op>, string>}.${string}`
      | `${Extract<keyof S3Input<Op>, string>}[${string}`
  ]?: ParamSource;
};

/** The resources an action, a collection or a relation builds from what it gets back. */
export interface ResourceTarget<T extends string = string> {
  /** The resource type, by name (`"Object"`), resolved in the same service. */
  readonly type: T;
  /** How each identifier of the new resource gets its value. */
  readonly identifiers: Readonly<Record<string, IdentifierValueSource>>;
  /** Where each resource's data is in the response (`Contents[]`); it becomes the resource's loaded data. */
  readonly path?: string;
}

/** An action: one operation, parameters pre-filled from the resource, the rest from the caller. */
export interface ActionSpec<
  Op extends S3OperationName = S3OperationName,
  Filled extends string = string,
  Target extends ResourceTarget | undefined = ResourceTarget | undefined,
> {
  readonly kind: "action";
  readonly operation: Op;
  readonly params: ParamMap<Op>;
  /** Build resources from the result instead of returning the SDK output. */
  readonly resource: Target;
  /** Phantom: the top-level input members the resource fills. */
  readonly filled?: Filled;
}

/** A batch action: one request per page of a collection, each item adding its parameters. */
export interface BatchActionSpec<
  Op extends S3OperationName = S3OperationName,
  Filled extends string = string,
> {
  readonly kind: "batchAction";
  readonly operation: Op;
  readonly params: ParamMap<Op>;
  /**
   * Path of the per-item failures a successful response may carry (DeleteObjects' `Errors`).
   * They are never swallowed: the batch raises an error listing every one.
   */
  readonly itemErrors?: string;
  readonly filled?: Filled;
}

/** A waiter of the client, with parameters from the resource. */
export interface WaiterSpec<W extends WaiterName = WaiterName, Filled extends string = string> {
  readonly kind: "waiter";
  readonly waiter: W;
  readonly params: Readonly<Record<string, ParamSource>>;
  readonly filled?: Filled;
}

/** A collection (has-many): a paginated operation whose items become resources. */
export interface CollectionSpec<
  Op extends S3OperationName = S3OperationName,
  Filled extends string = string,
  T extends string = string,
> {
  readonly kind: "collection";
  readonly operation: Op;
  readonly params: ParamMap<Op>;
  readonly resource: ResourceTarget<T> & { readonly path: string };
  readonly filled?: Filled;
}

/** A sub-resource (no request) or a reference (identifiers from the loaded data). */
export interface RelationSpec<T extends string = string, Inputs extends number = number> {
  readonly kind: "subresource" | "reference";
  readonly resource: ResourceTarget<T>;
  /** Phantom: how many `input()` identifiers the caller passes. */
  readonly inputs?: Inputs;
}

/** How a resource loads its data. */
export interface LoadSpec<Op extends S3OperationName = S3OperationName> {
  readonly kind: "load";
  readonly operation: Op;
  readonly params: ParamMap<Op>;
  /** Where the data is in the response; the whole response (`@`) when absent. */
  readonly path?: string;
  /**
   * When `path` names a list: the element whose members equal these values is the data
   * (a Bucket loads from ListBuckets' `Buckets` by `Name`).
   */
  readonly match?: Readonly<Record<string, ParamSource>>;
  /** Members renamed on the way in (`{ ContentLength: "Size" }` for an ObjectSummary loaded by HeadObject). */
  readonly rename?: Readonly<Record<string, string>>;
  /**
   * Identifiers that `match` compares but the request does not carry (a Bucket's name, for
   * ListBuckets), checked before the request as these members of `operation`'s input would be:
   * bad input fails with a `ValidationError` naming the identifier, and nothing is sent.
   */
  readonly checkAs?: { readonly operation: S3OperationName; readonly params: ParamMap };
}

/** The top-level member a target path writes to: `Delete.Objects[].Key` → `Delete`. */
export type TopLevel<T> = T extends `${infer H}.${string}`
  ? TopLevel<H>
  : T extends `${infer H}[${string}`
    ? H
    : Extract<T, string>;

type CountInputs<R extends Readonly<Record<string, IdentifierValueSource>>> = {
  [K in keyof R]: R[K] extends { from: "input" } ? K : never;
}[keyof R];

/**
 * Describes an action: one call of `operation`, with the members of `params` filled from the
 * resource and the rest of the input from the caller. `options.resource` makes the action return
 * the resource(s) it created instead of the SDK output.
 *
 * @example
 * ```ts
 * const objectActions = {
 *   get: action("GetObject", { Bucket: identifier("bucketName"), Key: identifier("key") }),
 *   initiateMultipartUpload: action("CreateMultipartUpload", { Bucket: identifier("bucketName"), Key: identifier("key") }, {
 *     resource: {
 *       type: "MultipartUpload",
 *       identifiers: { bucketName: identifier("bucketName"), objectKey: identifier("key"), id: response("UploadId") },
 *     },
 *   }),
 * };
 * ```
 */
export function action<
  Op extends S3OperationName,
  const P extends ParamMap<Op>,
  const T extends ResourceTarget | undefined = undefined,
>(operation: Op, params: P, options: { resource?: T } = {}): ActionSpec<Op, TopLevel<keyof P>, T> {
  return { kind: "action", operation, params, resource: options.resource as T };
}

/**
 * Describes a batch action: one request of `operation` per page of a collection, each item
 * filling its element of the `[]` targets. `options.itemErrors` names the per-item failures of a
 * successful response; the batch action then throws a {@link BatchError} listing every one.
 *
 * @example
 * ```ts
 * export const objectBatchActions = {
 *   delete: batchAction(
 *     "DeleteObjects",
 *     { Bucket: identifier("bucketName"), "Delete.Objects[].Key": identifier("key") },
 *     { itemErrors: "Errors" },
 *   ),
 * };
 * // on a collection of objects: await bucket.objects.filter({ Prefix: "tmp/" }).delete();
 * ```
 */
export function batchAction<Op extends S3OperationName, const P extends ParamMap<Op>>(
  operation: Op,
  params: P,
  options: { itemErrors?: string } = {},
): BatchActionSpec<Op, TopLevel<keyof P>> {
  return { kind: "batchAction", operation, params, ...options };
}

/**
 * Describes a waiter: a waiter of the client (`BucketExists`, `ObjectNotExists`, ...) with the
 * parameters filled from the resource.
 *
 * @example
 * ```ts
 * export const bucketWaiters = {
 *   waitUntilExists: waiter("BucketExists", { Bucket: identifier("name") }),
 *   waitUntilNotExists: waiter("BucketNotExists", { Bucket: identifier("name") }),
 * };
 * // await s3.Bucket("logs").waitUntilExists(); // throws WaiterTimeoutError after maxWaitMs
 * ```
 */
export function waiter<W extends WaiterName, const P extends Readonly<Record<string, ParamSource>>>(
  name: W,
  params: P,
): WaiterSpec<W, TopLevel<keyof P>> {
  return { kind: "waiter", waiter: name, params };
}

/**
 * Describes a collection: a paginated `operation` whose items at `resource.path` become resources
 * of `resource.type`.
 *
 * @example
 * ```ts
 * const bucketCollections = {
 *   objects: collection("ListObjectsV2", { Bucket: identifier("name") }, {
 *     type: "ObjectSummary",
 *     identifiers: { bucketName: requestParameter("Bucket"), key: response("Contents[].Key") },
 *     path: "Contents[]",
 *   }),
 * };
 * ```
 */
export function collection<Op extends S3OperationName, const P extends ParamMap<Op>, const T extends string>(
  operation: Op,
  params: P,
  resource: ResourceTarget<T> & { readonly path: string },
): CollectionSpec<Op, TopLevel<keyof P>, T> {
  return { kind: "collection", operation, params, resource };
}

/**
 * Describes a sub-resource: built from identifiers and caller input, without a request.
 *
 * @example
 * ```ts
 * const bucketSubresources = {
 *   Versioning: subresource("BucketVersioning", { bucketName: identifier("name") }), // bucket.Versioning()
 *   Object: subresource("Object", { bucketName: identifier("name"), key: input() }),  // bucket.Object("a.txt")
 * };
 * ```
 */
export function subresource<
  const T extends string,
  const I extends Readonly<Record<string, IdentifierValueSource>>,
>(type: T, identifiers: I): RelationSpec<T, CountInputs<I> extends never ? 0 : number> {
  return { kind: "subresource", resource: { type, identifiers } };
}

/**
 * Describes a reference: a resource whose identifiers come from this resource's loaded data
 * ({@link data | data()}), or its own identifiers. It takes no {@link input | input()}.
 *
 * @example
 * ```ts
 * @references({
 *   object: reference("Object", { bucketName: identifier("bucketName"), key: data("Key") }),
 * })
 * ```
 */
export function reference<const T extends string>(
  type: T,
  identifiers: Readonly<Record<string, IdentifierValueSource>>,
): RelationSpec<T, 0> {
  return { kind: "reference", resource: { type, identifiers } };
}

/**
 * Describes how a resource loads its data: one call of `operation`, then `options.path` (and
 * `options.match` for a list) picks the data out of the response, and `options.rename` renames
 * members on the way in.
 *
 * @example
 * ```ts
 * // The whole HeadObject output is the object's data
 * export const objectLoad = load("HeadObject", { Bucket: identifier("bucketName"), Key: identifier("key") });
 * // The element of ListBuckets' Buckets whose Name is this bucket's name
 * export const bucketLoad = load("ListBuckets", {}, { path: "Buckets", match: { Name: identifier("name") } });
 * // HeadObject for a summary, with ContentLength renamed to the listing's Size
 * export const objectSummaryLoad = load(
 *   "HeadObject",
 *   { Bucket: identifier("bucketName"), Key: identifier("key") },
 *   { rename: { ContentLength: "Size" } },
 * );
 * ```
 */
export function load<Op extends S3OperationName, const P extends ParamMap<Op>>(
  operation: Op,
  params: P,
  options: Pick<LoadSpec, "path" | "match" | "rename" | "checkAs"> = {},
): LoadSpec<Op> {
  return { kind: "load", operation, params, ...options };
}

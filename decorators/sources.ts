/**
 * Where a value comes from, for request parameters and for the identifiers of resources built
 * from a response. These are plain, typed records; the resource factory in `lib/resources`
 * interprets them.
 *
 * Paths are dot-separated member names; `[]` marks a list and makes the value plural, one per
 * element (`Contents[].Key`); `@` is the whole document.
 *
 * @module
 */

/** An identifier of the resource the action runs on (`identifier("bucketName")`). */
export interface IdentifierSource<N extends string = string> {
  readonly from: "identifier";
  readonly name: N;
}
/** A member of the resource's loaded data; the resource is loaded first when it is not. */
export interface DataSource<P extends string = string> {
  readonly from: "data";
  readonly path: P;
}
/** A constant. */
export interface ConstantSource<V extends string | number | boolean = string | number | boolean> {
  readonly from: "constant";
  readonly value: V;
}
/** A member of the parameters that were sent (after every event handler ran). */
export interface RequestParameterSource<P extends string = string> {
  readonly from: "requestParameter";
  readonly path: P;
}
/** A member of the response. */
export interface ResponseSource<P extends string = string> {
  readonly from: "response";
  readonly path: P;
}
/** A value the caller passes (sub-resources: `bucket.Object("key")`). */
export interface InputSource {
  readonly from: "input";
}

/** What can fill a request parameter. */
export type ParamSource = IdentifierSource | DataSource | ConstantSource;

/** What can fill an identifier of a resource built by an action, a collection or a relation. */
export type IdentifierValueSource =
  | IdentifierSource
  | DataSource
  | ConstantSource
  | RequestParameterSource
  | ResponseSource
  | InputSource;

/**
 * The value of the identifier `name` of the resource the action runs on.
 *
 * @example
 * ```ts
 * export const objectActions = {
 *   get: action("GetObject", { Bucket: identifier("bucketName"), Key: identifier("key") }),
 * };
 * ```
 */
export function identifier<const N extends string>(name: N): IdentifierSource<N> {
  return { from: "identifier", name };
}
/**
 * The member at `path` of the loaded data (the resource is loaded first when needed). Not
 * allowed in a load spec (there is no data yet) or in a sub-resource (it makes no request).
 *
 * @example
 * ```ts
 * // GetObject of exactly the version that was loaded (HeadObject's VersionId)
 * const pinnedObjectActions = {
 *   getLoaded: action("GetObject", {
 *     Bucket: identifier("bucketName"),
 *     Key: identifier("key"),
 *     VersionId: data("VersionId"),
 *   }),
 * };
 * ```
 */
export function data<const P extends string>(path: P): DataSource<P> {
  return { from: "data", path };
}
/**
 * A constant value.
 *
 * @example
 * ```ts
 * export const bucketVersioningActions = {
 *   enable: action("PutBucketVersioning", {
 *     Bucket: identifier("bucketName"),
 *     "VersioningConfiguration.Status": constant("Enabled"),
 *   }),
 * };
 * ```
 */
export function constant<const V extends string | number | boolean>(value: V): ConstantSource<V> {
  return { from: "constant", value };
}
/**
 * The member at `path` of the parameters sent (after every event handler ran).
 *
 * @example
 * ```ts
 * export const bucketActions = {
 *   putObject: action("PutObject", { Bucket: identifier("name") }, {
 *     resource: {
 *       type: "Object",
 *       identifiers: { bucketName: identifier("name"), key: requestParameter("Key") },
 *     },
 *   }),
 * };
 * ```
 */
export function requestParameter<const P extends string>(path: P): RequestParameterSource<P> {
  return { from: "requestParameter", path };
}
/**
 * The member at `path` of the response; a path with `[]` yields one value per list element.
 *
 * @example
 * ```ts
 * export const bucketCollections = {
 *   objects: collection("ListObjectsV2", { Bucket: identifier("name") }, {
 *     type: "ObjectSummary",
 *     identifiers: { bucketName: requestParameter("Bucket"), key: response("Contents[].Key") },
 *     path: "Contents[]",
 *   }),
 * };
 * ```
 */
export function response<const P extends string>(path: P): ResponseSource<P> {
  return { from: "response", path };
}
/**
 * A value the caller passes, in identifier order: each `input()` becomes a positional argument
 * of the sub-resource method.
 *
 * @example
 * ```ts
 * export const objectSubresources = {
 *   Version: subresource("ObjectVersion", {
 *     bucketName: identifier("bucketName"),
 *     objectKey: identifier("key"),
 *     id: input(),
 *   }),
 * };
 * // s3.Object("logs", "app.log").Version("3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY")
 * ```
 */
export function input(): InputSource {
  return { from: "input" };
}

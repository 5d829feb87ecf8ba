/**
 * The S3 `ObjectSummary` resource: an object as a listing describes it.
 *
 * @module
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- the interface of each class types the
   members the resource factory adds at run time, from the same specs the decorators record. */
import type { _Object as ObjectSummaryShape } from "@aws-sdk/client-s3";
import {
  actions,
  attributes,
  batchActions,
  identifier,
  identifiers,
  input,
  load,
  loadWith,
  resource,
  subresource,
  subresources,
  waiters,
} from "../../decorators/index.js";
import { Resource } from "../../lib/resources/Resource.js";
import type {
  ActionMethods,
  Attributes,
  BATCH_ACTIONS,
  SubresourceMethods,
  WaiterMethods,
} from "../../lib/resources/types.js";
import { objectActions, objectBatchActions, objectWaiters } from "./Object.js";

/**
 * How an {@link ObjectSummary} loads when it did not come from a listing (or on `reload()`):
 * HeadObject, with `ContentLength` renamed to the listing's `Size`, as boto3's injected load does.
 * HeadObject has no `Owner`, so a reloaded summary has no `owner`.
 */
export const objectSummaryLoad = load(
  "HeadObject",
  { Bucket: identifier("bucketName"), Key: identifier("key") },
  { rename: { ContentLength: "Size" } },
);

/** The sub-resources of an {@link ObjectSummary}. */
export const objectSummarySubresources = {
  Acl: subresource("ObjectAcl", { bucketName: identifier("bucketName"), objectKey: identifier("key") }),
  Bucket: subresource("Bucket", { name: identifier("bucketName") }),
  MultipartUpload: subresource("MultipartUpload", {
    bucketName: identifier("bucketName"),
    objectKey: identifier("key"),
    id: input(),
  }),
  Object: subresource("Object", { bucketName: identifier("bucketName"), key: identifier("key") }),
  Version: subresource("ObjectVersion", {
    bucketName: identifier("bucketName"),
    objectKey: identifier("key"),
    id: input(),
  }),
};

/**
 * An object as ListObjectsV2 describes it (`bucket.objects`): `size`, `eTag`, `lastModified`,
 * `storageClass`, `owner` come with the listing, with no extra request. It has the actions,
 * waiters and batch actions of {@link S3Object}; `Object()` gives the full object (HeadObject
 * attributes such as `metadata` and `contentType`).
 *
 * @example
 * ```ts
 * for await (const summary of bucket.objects.filter({ Prefix: "logs/" })) {
 *   if (summary.size === 0) await summary.delete();
 * }
 * ```
 */
@resource("s3", "ObjectSummary")
@identifiers("bucketName", "key")
@attributes("ListObjectsV2", "Contents")
@loadWith(objectSummaryLoad)
@actions(objectActions)
@batchActions(objectBatchActions)
@waiters(objectWaiters)
@subresources(objectSummarySubresources)
export class ObjectSummary extends Resource {
  /** The name of the object's bucket. */
  declare readonly bucketName: string;
  /** The object's key. */
  declare readonly key: string;
}

export interface ObjectSummary
  extends
    Attributes<Omit<ObjectSummaryShape, "Key">>,
    ActionMethods<typeof objectActions>,
    WaiterMethods<typeof objectWaiters>,
    SubresourceMethods<typeof objectSummarySubresources> {
  /** @internal Types the batch actions of collections of object summaries. */
  readonly [BATCH_ACTIONS]?: typeof objectBatchActions;
}

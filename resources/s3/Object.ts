/**
 * The S3 `Object` resource (class {@link S3Object}, so that it does not shadow the global `Object`).
 *
 * @module
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- the interface of each class types the
   members the resource factory adds at run time, from the same specs the decorators record. */
import {
  action,
  actions,
  attributes,
  batchAction,
  batchActions,
  identifier,
  identifiers,
  input,
  load,
  loadWith,
  resource,
  response,
  subresource,
  subresources,
  waiter,
  waiters,
} from "../../decorators/index.js";
import type { S3Output } from "../../lib/client/s3/types.js";
import { Resource } from "../../lib/resources/Resource.js";
import type {
  ActionMethods,
  Attributes,
  BATCH_ACTIONS,
  SubresourceMethods,
  WaiterMethods,
} from "../../lib/resources/types.js";

const thisObject = { Bucket: identifier("bucketName"), Key: identifier("key") } as const;

/** How an {@link S3Object} loads: HeadObject, whose whole output becomes its attributes. */
export const objectLoad = load("HeadObject", thisObject);

/** The actions of an {@link S3Object} (and of an {@link ObjectSummary}, which has the same six). */
export const objectActions = {
  /** CopyObject into this object, from the caller's `CopySource`. */
  copyFrom: action("CopyObject", thisObject),
  /** DeleteObject. */
  delete: action("DeleteObject", thisObject),
  /** GetObject: read the content from the output's `Body`. */
  get: action("GetObject", thisObject),
  /** CreateMultipartUpload, returning the {@link MultipartUpload} it started. */
  initiateMultipartUpload: action("CreateMultipartUpload", thisObject, {
    resource: {
      type: "MultipartUpload",
      identifiers: {
        bucketName: identifier("bucketName"),
        objectKey: identifier("key"),
        id: response("UploadId"),
      },
    },
  }),
  /** PutObject. */
  put: action("PutObject", thisObject),
  /** RestoreObject (archived storage classes). */
  restoreObject: action("RestoreObject", thisObject),
};

/**
 * The batch actions of objects: `delete` on a collection of objects sends one DeleteObjects per
 * page (at most 1,000 keys, the listing's page size) and raises a `BatchError` listing every key
 * the server reported in `Errors`.
 */
export const objectBatchActions = {
  delete: batchAction(
    "DeleteObjects",
    { Bucket: identifier("bucketName"), "Delete.Objects[].Key": identifier("key") },
    { itemErrors: "Errors" },
  ),
};

/** The waiters of an {@link S3Object}. */
export const objectWaiters = {
  waitUntilExists: waiter("ObjectExists", thisObject),
  waitUntilNotExists: waiter("ObjectNotExists", thisObject),
};

/** The sub-resources of an {@link S3Object}. */
export const objectSubresources = {
  Acl: subresource("ObjectAcl", { bucketName: identifier("bucketName"), objectKey: identifier("key") }),
  Bucket: subresource("Bucket", { name: identifier("bucketName") }),
  MultipartUpload: subresource("MultipartUpload", {
    bucketName: identifier("bucketName"),
    objectKey: identifier("key"),
    id: input(),
  }),
  Version: subresource("ObjectVersion", {
    bucketName: identifier("bucketName"),
    objectKey: identifier("key"),
    id: input(),
  }),
};

/**
 * An S3 object, identified by its bucket's name and its key. Its attributes are HeadObject's
 * output (`contentLength`, `contentType`, `eTag`, `lastModified`, `metadata`, `versionId`, ...).
 *
 * @example
 * ```ts
 * const obj = s3.Object("logs", "2026/11/26.txt");
 * await obj.put({ Body: "hello", Metadata: { source: "tour" } });
 * await obj.load();
 * console.log(obj.contentLength, obj.metadata); // 5 { source: "tour" }
 * const { Body } = await obj.get();
 * console.log(await Body?.transformToString()); // "hello"
 * await s3.Object("logs", "copy.txt").copyFrom({ CopySource: "logs/2026/11/26.txt" });
 * ```
 */
@resource("s3", "Object")
@identifiers("bucketName", "key")
@attributes("HeadObject")
@loadWith(objectLoad)
@actions(objectActions)
@batchActions(objectBatchActions)
@waiters(objectWaiters)
@subresources(objectSubresources)
export class S3Object extends Resource {
  /** The name of the object's bucket. */
  declare readonly bucketName: string;
  /** The object's key. */
  declare readonly key: string;
}

export interface S3Object
  extends
    Attributes<S3Output<"HeadObject">>,
    ActionMethods<typeof objectActions>,
    WaiterMethods<typeof objectWaiters>,
    SubresourceMethods<typeof objectSubresources> {
  /** @internal Types the batch actions of collections of objects. */
  readonly [BATCH_ACTIONS]?: typeof objectBatchActions;
}

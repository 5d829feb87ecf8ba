/**
 * The S3 `ObjectVersion` resource.
 *
 * @module
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- the interface of each class types the
   members the resource factory adds at run time, from the same specs the decorators record. */
import type { ObjectVersion as ObjectVersionShape } from "@aws-sdk/client-s3";
import {
  action,
  actions,
  attributes,
  batchAction,
  batchActions,
  identifier,
  identifiers,
  resource,
  subresource,
  subresources,
} from "../../decorators/index.js";
import { Resource } from "../../lib/resources/Resource.js";
import type {
  ActionMethods,
  Attributes,
  BATCH_ACTIONS,
  SubresourceMethods,
} from "../../lib/resources/types.js";

const thisVersion = {
  Bucket: identifier("bucketName"),
  Key: identifier("objectKey"),
  VersionId: identifier("id"),
} as const;

/** The actions of an {@link ObjectVersion}: each addresses this version by `VersionId`. */
export const objectVersionActions = {
  /** DeleteObject of this version (permanently; deleting a delete marker undeletes the object). */
  delete: action("DeleteObject", thisVersion),
  /** GetObject of this version. */
  get: action("GetObject", thisVersion),
  /** HeadObject of this version. */
  head: action("HeadObject", thisVersion),
};

/**
 * The batch actions of object versions: `delete` sends one DeleteObjects per page with each
 * item's `Key` and `VersionId`, and raises a `BatchError` listing every version that failed.
 */
export const objectVersionBatchActions = {
  delete: batchAction(
    "DeleteObjects",
    {
      Bucket: identifier("bucketName"),
      "Delete.Objects[].Key": identifier("objectKey"),
      "Delete.Objects[].VersionId": identifier("id"),
    },
    { itemErrors: "Errors" },
  ),
};

/** The sub-resources of an {@link ObjectVersion}: the object (its current version). */
export const objectVersionSubresources = {
  Object: subresource("Object", { bucketName: identifier("bucketName"), key: identifier("objectKey") }),
};

/**
 * One version of an object, or a delete marker, identified by bucket, key and version id. It has
 * no load (S3 has no call that describes a version as ListObjectVersions does): its attributes
 * (`size`, `eTag`, `isLatest`, `lastModified`, ...) are there when it comes from
 * `bucket.objectVersions`; use `head()` for the version's HeadObject output.
 *
 * @example
 * ```ts
 * await bucket.Versioning().enable();
 * for await (const version of bucket.objectVersions.filter({ Prefix: "report.csv" })) {
 *   console.log(version.id, version.isLatest, version.size);
 * }
 * await bucket.objectVersions.filter({ Prefix: "tmp/" }).delete();
 * ```
 */
@resource("s3", "ObjectVersion")
@identifiers("bucketName", "objectKey", "id")
@attributes("ListObjectVersions", "Versions")
@actions(objectVersionActions)
@batchActions(objectVersionBatchActions)
@subresources(objectVersionSubresources)
export class ObjectVersion extends Resource {
  /** The name of the object's bucket. */
  declare readonly bucketName: string;
  /** The object's key. */
  declare readonly objectKey: string;
  /** The version id (`"null"` for the version written while versioning was never enabled). */
  declare readonly id: string;
}

export interface ObjectVersion
  extends
    Attributes<ObjectVersionShape>,
    ActionMethods<typeof objectVersionActions>,
    SubresourceMethods<typeof objectVersionSubresources> {
  /** @internal Types the batch actions of collections of object versions. */
  readonly [BATCH_ACTIONS]?: typeof objectVersionBatchActions;
}

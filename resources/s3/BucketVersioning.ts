/**
 * The S3 `BucketVersioning` resource.
 *
 * @module
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- the interface of each class types the
   members the resource factory adds at run time, from the same specs the decorators record. */
import {
  action,
  actions,
  attributes,
  constant,
  identifier,
  identifiers,
  load,
  loadWith,
  resource,
  subresource,
  subresources,
} from "../../decorators/index.js";
import type { S3Output } from "../../lib/client/s3/types.js";
import { Resource } from "../../lib/resources/Resource.js";
import type { ActionMethods, Attributes, SubresourceMethods } from "../../lib/resources/types.js";

/** How a {@link BucketVersioning} loads: GetBucketVersioning. */
export const bucketVersioningLoad = load("GetBucketVersioning", { Bucket: identifier("bucketName") });

/** The actions of a {@link BucketVersioning}. */
export const bucketVersioningActions = {
  /** PutBucketVersioning with `Status: "Enabled"`. */
  enable: action("PutBucketVersioning", {
    Bucket: identifier("bucketName"),
    "VersioningConfiguration.Status": constant("Enabled"),
  }),
  /** PutBucketVersioning with the caller's `VersioningConfiguration`. */
  put: action("PutBucketVersioning", { Bucket: identifier("bucketName") }),
  /** PutBucketVersioning with `Status: "Suspended"`. */
  suspend: action("PutBucketVersioning", {
    Bucket: identifier("bucketName"),
    "VersioningConfiguration.Status": constant("Suspended"),
  }),
};

/** The sub-resources of a {@link BucketVersioning}: its bucket. */
export const bucketVersioningSubresources = {
  Bucket: subresource("Bucket", { name: identifier("bucketName") }),
};

/**
 * A bucket's versioning state: `status` (`Enabled`, `Suspended`, or absent when never enabled) and `mFADelete`.
 *
 * @example
 * ```ts
 * const versioning = bucket.Versioning();
 * await versioning.enable();
 * await versioning.load();
 * console.log(versioning.status); // "Enabled"
 * ```
 */
@resource("s3", "BucketVersioning")
@identifiers("bucketName")
@attributes("GetBucketVersioning")
@loadWith(bucketVersioningLoad)
@actions(bucketVersioningActions)
@subresources(bucketVersioningSubresources)
export class BucketVersioning extends Resource {
  /** The name of the bucket. */
  declare readonly bucketName: string;
}

export interface BucketVersioning
  extends
    Attributes<S3Output<"GetBucketVersioning">>,
    ActionMethods<typeof bucketVersioningActions>,
    SubresourceMethods<typeof bucketVersioningSubresources> {}

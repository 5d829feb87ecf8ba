/**
 * The S3 `BucketTagging` resource.
 *
 * @module
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- the interface of each class types the
   members the resource factory adds at run time, from the same specs the decorators record. */
import {
  action,
  actions,
  attributes,
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

/** How a {@link BucketTagging} loads: GetBucketTagging. */
export const bucketTaggingLoad = load("GetBucketTagging", { Bucket: identifier("bucketName") });

/** The actions of a {@link BucketTagging}. */
export const bucketTaggingActions = {
  /** DeleteBucketTagging. */
  delete: action("DeleteBucketTagging", { Bucket: identifier("bucketName") }),
  /** PutBucketTagging: replaces the whole `Tagging.TagSet`. */
  put: action("PutBucketTagging", { Bucket: identifier("bucketName") }),
};

/** The sub-resources of a {@link BucketTagging}: its bucket. */
export const bucketTaggingSubresources = {
  Bucket: subresource("Bucket", { name: identifier("bucketName") }),
};

/**
 * A bucket's tags: `tagSet`.
 *
 * @example
 * ```ts
 * await bucket.Tagging().put({ Tagging: { TagSet: [{ Key: "team", Value: "storage" }] } });
 * ```
 */
@resource("s3", "BucketTagging")
@identifiers("bucketName")
@attributes("GetBucketTagging")
@loadWith(bucketTaggingLoad)
@actions(bucketTaggingActions)
@subresources(bucketTaggingSubresources)
export class BucketTagging extends Resource {
  /** The name of the bucket. */
  declare readonly bucketName: string;
}

export interface BucketTagging
  extends
    Attributes<S3Output<"GetBucketTagging">>,
    ActionMethods<typeof bucketTaggingActions>,
    SubresourceMethods<typeof bucketTaggingSubresources> {}

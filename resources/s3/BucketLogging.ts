/**
 * The S3 `BucketLogging` resource.
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

/** How a {@link BucketLogging} loads: GetBucketLogging. */
export const bucketLoggingLoad = load("GetBucketLogging", { Bucket: identifier("bucketName") });

/** The actions of a {@link BucketLogging}. */
export const bucketLoggingActions = {
  /** PutBucketLogging: the target in `BucketLoggingStatus`. */
  put: action("PutBucketLogging", { Bucket: identifier("bucketName") }),
};

/** The sub-resources of a {@link BucketLogging}: its bucket. */
export const bucketLoggingSubresources = {
  Bucket: subresource("Bucket", { name: identifier("bucketName") }),
};

/**
 * A bucket's server access logging: `loggingEnabled` names the target bucket and prefix.
 *
 * @example
 * ```ts
 * const logging = bucket.Logging();
 * await logging.load();
 * console.log(logging.loggingEnabled?.TargetBucket);
 * ```
 */
@resource("s3", "BucketLogging")
@identifiers("bucketName")
@attributes("GetBucketLogging")
@loadWith(bucketLoggingLoad)
@actions(bucketLoggingActions)
@subresources(bucketLoggingSubresources)
export class BucketLogging extends Resource {
  /** The name of the bucket. */
  declare readonly bucketName: string;
}

export interface BucketLogging
  extends
    Attributes<S3Output<"GetBucketLogging">>,
    ActionMethods<typeof bucketLoggingActions>,
    SubresourceMethods<typeof bucketLoggingSubresources> {}

/**
 * The S3 `BucketLifecycle` resource.
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

/**
 * How a {@link BucketLifecycle} loads. boto3 uses the deprecated v1 GetBucketLifecycle, which
 * `@aws-sdk/client-s3` no longer has; GetBucketLifecycleConfiguration reads the same
 * `GET /?lifecycle` document, and its rules still carry the v1 rule-level `Prefix`.
 */
export const bucketLifecycleLoad = load("GetBucketLifecycleConfiguration", {
  Bucket: identifier("bucketName"),
});

/** The actions of a {@link BucketLifecycle}. */
export const bucketLifecycleActions = {
  /** DeleteBucketLifecycle. */
  delete: action("DeleteBucketLifecycle", { Bucket: identifier("bucketName") }),
  /**
   * PutBucketLifecycleConfiguration (boto3: the v1 PutBucketLifecycle, absent from the v3 SDK; it
   * writes the same `PUT /?lifecycle` document, and a rule may still use the v1 `Prefix`).
   */
  put: action("PutBucketLifecycleConfiguration", { Bucket: identifier("bucketName") }),
};

/** The sub-resources of a {@link BucketLifecycle}: its bucket. */
export const bucketLifecycleSubresources = {
  Bucket: subresource("Bucket", { name: identifier("bucketName") }),
};

/**
 * A bucket's lifecycle rules, as boto3's `BucketLifecycle` (the v1 lifecycle API) names them: the
 * same `rules` as {@link BucketLifecycleConfiguration}, through the same operations, since the v1
 * operations are not in `@aws-sdk/client-s3`. Kept so code ported from boto3 finds
 * `bucket.Lifecycle()`; new code should use `bucket.LifecycleConfiguration()`.
 *
 * @example
 * ```ts
 * const lifecycle = bucket.Lifecycle();
 * await lifecycle.load();
 * console.log(lifecycle.rules);
 * ```
 */
@resource("s3", "BucketLifecycle")
@identifiers("bucketName")
@attributes("GetBucketLifecycleConfiguration")
@loadWith(bucketLifecycleLoad)
@actions(bucketLifecycleActions)
@subresources(bucketLifecycleSubresources)
export class BucketLifecycle extends Resource {
  /** The name of the bucket. */
  declare readonly bucketName: string;
}

export interface BucketLifecycle
  extends
    Attributes<S3Output<"GetBucketLifecycleConfiguration">>,
    ActionMethods<typeof bucketLifecycleActions>,
    SubresourceMethods<typeof bucketLifecycleSubresources> {}

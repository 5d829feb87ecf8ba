/**
 * The S3 `BucketLifecycleConfiguration` resource.
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

/** How a {@link BucketLifecycleConfiguration} loads: GetBucketLifecycleConfiguration. */
export const bucketLifecycleConfigurationLoad = load("GetBucketLifecycleConfiguration", {
  Bucket: identifier("bucketName"),
});

/** The actions of a {@link BucketLifecycleConfiguration}. */
export const bucketLifecycleConfigurationActions = {
  /** DeleteBucketLifecycle (S3 has one delete for both lifecycle APIs). */
  delete: action("DeleteBucketLifecycle", { Bucket: identifier("bucketName") }),
  /** PutBucketLifecycleConfiguration: the rules in `LifecycleConfiguration`. */
  put: action("PutBucketLifecycleConfiguration", { Bucket: identifier("bucketName") }),
};

/** The sub-resources of a {@link BucketLifecycleConfiguration}: its bucket. */
export const bucketLifecycleConfigurationSubresources = {
  Bucket: subresource("Bucket", { name: identifier("bucketName") }),
};

/**
 * A bucket's lifecycle configuration: its `rules`.
 *
 * @example
 * ```ts
 * await bucket.LifecycleConfiguration().put({
 *   LifecycleConfiguration: { Rules: [{ ID: "tmp", Status: "Enabled", Filter: { Prefix: "tmp/" }, Expiration: { Days: 1 } }] },
 * });
 * ```
 */
@resource("s3", "BucketLifecycleConfiguration")
@identifiers("bucketName")
@attributes("GetBucketLifecycleConfiguration")
@loadWith(bucketLifecycleConfigurationLoad)
@actions(bucketLifecycleConfigurationActions)
@subresources(bucketLifecycleConfigurationSubresources)
export class BucketLifecycleConfiguration extends Resource {
  /** The name of the bucket. */
  declare readonly bucketName: string;
}

export interface BucketLifecycleConfiguration
  extends
    Attributes<S3Output<"GetBucketLifecycleConfiguration">>,
    ActionMethods<typeof bucketLifecycleConfigurationActions>,
    SubresourceMethods<typeof bucketLifecycleConfigurationSubresources> {}

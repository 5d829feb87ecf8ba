/**
 * The S3 `BucketPolicy` resource.
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

/** How a {@link BucketPolicy} loads: GetBucketPolicy. */
export const bucketPolicyLoad = load("GetBucketPolicy", { Bucket: identifier("bucketName") });

/** The actions of a {@link BucketPolicy}. */
export const bucketPolicyActions = {
  /** DeleteBucketPolicy. */
  delete: action("DeleteBucketPolicy", { Bucket: identifier("bucketName") }),
  /** PutBucketPolicy: `Policy` is the JSON document as a string. */
  put: action("PutBucketPolicy", { Bucket: identifier("bucketName") }),
};

/** The sub-resources of a {@link BucketPolicy}: its bucket. */
export const bucketPolicySubresources = {
  Bucket: subresource("Bucket", { name: identifier("bucketName") }),
};

/**
 * A bucket's policy: `policy` is the JSON document, as a string.
 *
 * @example
 * ```ts
 * await bucket.Policy().put({ Policy: JSON.stringify(policyDocument) });
 * ```
 */
@resource("s3", "BucketPolicy")
@identifiers("bucketName")
@attributes("GetBucketPolicy")
@loadWith(bucketPolicyLoad)
@actions(bucketPolicyActions)
@subresources(bucketPolicySubresources)
export class BucketPolicy extends Resource {
  /** The name of the bucket. */
  declare readonly bucketName: string;
}

export interface BucketPolicy
  extends
    Attributes<S3Output<"GetBucketPolicy">>,
    ActionMethods<typeof bucketPolicyActions>,
    SubresourceMethods<typeof bucketPolicySubresources> {}

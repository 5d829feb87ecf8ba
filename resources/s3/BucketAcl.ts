/**
 * The S3 `BucketAcl` resource.
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

/** How a {@link BucketAcl} loads: GetBucketAcl. */
export const bucketAclLoad = load("GetBucketAcl", { Bucket: identifier("bucketName") });

/** The actions of a {@link BucketAcl}. */
export const bucketAclActions = {
  /** PutBucketAcl: a canned `ACL` or an `AccessControlPolicy`. */
  put: action("PutBucketAcl", { Bucket: identifier("bucketName") }),
};

/** The sub-resources of a {@link BucketAcl}: its bucket. */
export const bucketAclSubresources = {
  Bucket: subresource("Bucket", { name: identifier("bucketName") }),
};

/**
 * A bucket's access control list: its `owner` and `grants`.
 *
 * @example
 * ```ts
 * const acl = bucket.Acl();
 * await acl.put({ ACL: "public-read" });
 * await acl.load();
 * console.log(acl.grants);
 * ```
 */
@resource("s3", "BucketAcl")
@identifiers("bucketName")
@attributes("GetBucketAcl")
@loadWith(bucketAclLoad)
@actions(bucketAclActions)
@subresources(bucketAclSubresources)
export class BucketAcl extends Resource {
  /** The name of the bucket. */
  declare readonly bucketName: string;
}

export interface BucketAcl
  extends
    Attributes<S3Output<"GetBucketAcl">>,
    ActionMethods<typeof bucketAclActions>,
    SubresourceMethods<typeof bucketAclSubresources> {}

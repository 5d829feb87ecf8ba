/**
 * The S3 `BucketCors` resource.
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

/** How a {@link BucketCors} loads: GetBucketCors. */
export const bucketCorsLoad = load("GetBucketCors", { Bucket: identifier("bucketName") });

/** The actions of a {@link BucketCors}. */
export const bucketCorsActions = {
  /** DeleteBucketCors. */
  delete: action("DeleteBucketCors", { Bucket: identifier("bucketName") }),
  /** PutBucketCors: the rules in `CORSConfiguration`. */
  put: action("PutBucketCors", { Bucket: identifier("bucketName") }),
};

/** The sub-resources of a {@link BucketCors}: its bucket. */
export const bucketCorsSubresources = {
  Bucket: subresource("Bucket", { name: identifier("bucketName") }),
};

/**
 * A bucket's CORS configuration: its `cORSRules` (the SDK's `CORSRules`, camelCased by lowering the first letter).
 *
 * @example
 * ```ts
 * await bucket.Cors().put({ CORSConfiguration: { CORSRules: [{ AllowedMethods: ["GET"], AllowedOrigins: ["*"] }] } });
 * ```
 */
@resource("s3", "BucketCors")
@identifiers("bucketName")
@attributes("GetBucketCors")
@loadWith(bucketCorsLoad)
@actions(bucketCorsActions)
@subresources(bucketCorsSubresources)
export class BucketCors extends Resource {
  /** The name of the bucket. */
  declare readonly bucketName: string;
}

export interface BucketCors
  extends
    Attributes<S3Output<"GetBucketCors">>,
    ActionMethods<typeof bucketCorsActions>,
    SubresourceMethods<typeof bucketCorsSubresources> {}

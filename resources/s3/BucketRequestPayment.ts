/**
 * The S3 `BucketRequestPayment` resource.
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

/** How a {@link BucketRequestPayment} loads: GetBucketRequestPayment. */
export const bucketRequestPaymentLoad = load("GetBucketRequestPayment", { Bucket: identifier("bucketName") });

/** The actions of a {@link BucketRequestPayment}. */
export const bucketRequestPaymentActions = {
  /** PutBucketRequestPayment. */
  put: action("PutBucketRequestPayment", { Bucket: identifier("bucketName") }),
};

/** The sub-resources of a {@link BucketRequestPayment}: its bucket. */
export const bucketRequestPaymentSubresources = {
  Bucket: subresource("Bucket", { name: identifier("bucketName") }),
};

/**
 * Who pays for requests to a bucket: `payer` is `BucketOwner` or `Requester`.
 *
 * @example
 * ```ts
 * await bucket.RequestPayment().put({ RequestPaymentConfiguration: { Payer: "Requester" } });
 * ```
 */
@resource("s3", "BucketRequestPayment")
@identifiers("bucketName")
@attributes("GetBucketRequestPayment")
@loadWith(bucketRequestPaymentLoad)
@actions(bucketRequestPaymentActions)
@subresources(bucketRequestPaymentSubresources)
export class BucketRequestPayment extends Resource {
  /** The name of the bucket. */
  declare readonly bucketName: string;
}

export interface BucketRequestPayment
  extends
    Attributes<S3Output<"GetBucketRequestPayment">>,
    ActionMethods<typeof bucketRequestPaymentActions>,
    SubresourceMethods<typeof bucketRequestPaymentSubresources> {}

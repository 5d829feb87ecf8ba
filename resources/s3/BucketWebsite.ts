/**
 * The S3 `BucketWebsite` resource.
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

/** How a {@link BucketWebsite} loads: GetBucketWebsite. */
export const bucketWebsiteLoad = load("GetBucketWebsite", { Bucket: identifier("bucketName") });

/** The actions of a {@link BucketWebsite}. */
export const bucketWebsiteActions = {
  /** DeleteBucketWebsite. */
  delete: action("DeleteBucketWebsite", { Bucket: identifier("bucketName") }),
  /** PutBucketWebsite: the `WebsiteConfiguration`. */
  put: action("PutBucketWebsite", { Bucket: identifier("bucketName") }),
};

/** The sub-resources of a {@link BucketWebsite}: its bucket. */
export const bucketWebsiteSubresources = {
  Bucket: subresource("Bucket", { name: identifier("bucketName") }),
};

/**
 * A bucket's static website configuration: index and error documents, redirects and routing rules.
 *
 * @example
 * ```ts
 * await bucket.Website().put({ WebsiteConfiguration: { IndexDocument: { Suffix: "index.html" } } });
 * ```
 */
@resource("s3", "BucketWebsite")
@identifiers("bucketName")
@attributes("GetBucketWebsite")
@loadWith(bucketWebsiteLoad)
@actions(bucketWebsiteActions)
@subresources(bucketWebsiteSubresources)
export class BucketWebsite extends Resource {
  /** The name of the bucket. */
  declare readonly bucketName: string;
}

export interface BucketWebsite
  extends
    Attributes<S3Output<"GetBucketWebsite">>,
    ActionMethods<typeof bucketWebsiteActions>,
    SubresourceMethods<typeof bucketWebsiteSubresources> {}

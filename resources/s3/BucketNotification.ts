/**
 * The S3 `BucketNotification` resource.
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

/** How a {@link BucketNotification} loads: GetBucketNotificationConfiguration. */
export const bucketNotificationLoad = load("GetBucketNotificationConfiguration", {
  Bucket: identifier("bucketName"),
});

/** The actions of a {@link BucketNotification}. */
export const bucketNotificationActions = {
  /** PutBucketNotificationConfiguration. */
  put: action("PutBucketNotificationConfiguration", { Bucket: identifier("bucketName") }),
};

/** The sub-resources of a {@link BucketNotification}: its bucket. */
export const bucketNotificationSubresources = {
  Bucket: subresource("Bucket", { name: identifier("bucketName") }),
};

/**
 * A bucket's event notifications: topic, queue and Lambda configurations and EventBridge.
 *
 * @example
 * ```ts
 * const notification = bucket.Notification();
 * await notification.load();
 * console.log(notification.topicConfigurations);
 * ```
 */
@resource("s3", "BucketNotification")
@identifiers("bucketName")
@attributes("GetBucketNotificationConfiguration")
@loadWith(bucketNotificationLoad)
@actions(bucketNotificationActions)
@subresources(bucketNotificationSubresources)
export class BucketNotification extends Resource {
  /** The name of the bucket. */
  declare readonly bucketName: string;
}

export interface BucketNotification
  extends
    Attributes<S3Output<"GetBucketNotificationConfiguration">>,
    ActionMethods<typeof bucketNotificationActions>,
    SubresourceMethods<typeof bucketNotificationSubresources> {}

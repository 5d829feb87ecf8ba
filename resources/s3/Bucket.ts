/**
 * The S3 `Bucket` resource.
 *
 * @module
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- the interface of each class types the
   members the resource factory adds at run time, from the same specs the decorators record. */
import type { Bucket as BucketShape } from "@aws-sdk/client-s3";
import {
  action,
  actions,
  attributes,
  collection,
  collections,
  identifier,
  identifiers,
  input,
  load,
  loadWith,
  requestParameter,
  resource,
  response,
  subresource,
  subresources,
  waiter,
  waiters,
} from "../../decorators/index.js";
import { Resource } from "../../lib/resources/Resource.js";
import type {
  ActionMethods,
  Attributes,
  CollectionProperties,
  SubresourceMethods,
  WaiterMethods,
} from "../../lib/resources/types.js";

/**
 * How a {@link Bucket} loads: S3 has no "describe bucket" call, so, like boto3's injected
 * `Bucket.load`, it lists the buckets and keeps the entry whose `Name` is this bucket's name.
 */
export const bucketLoad = load(
  "ListBuckets",
  {},
  {
    path: "Buckets",
    match: { Name: identifier("name") },
    // ListBuckets carries no name: check it as the bucket of a HeadBucket, before the request.
    checkAs: { operation: "HeadBucket", params: { Bucket: identifier("name") } },
  },
);

/** The actions of a {@link Bucket}. */
export const bucketActions = {
  /** CreateBucket. */
  create: action("CreateBucket", { Bucket: identifier("name") }),
  /** DeleteBucket (the bucket must be empty). */
  delete: action("DeleteBucket", { Bucket: identifier("name") }),
  /** DeleteObjects: up to 1,000 keys given in `Delete.Objects`. */
  deleteObjects: action("DeleteObjects", { Bucket: identifier("name") }),
  /** PutObject, returning the {@link S3Object} it wrote. */
  putObject: action(
    "PutObject",
    { Bucket: identifier("name") },
    {
      resource: {
        type: "Object",
        identifiers: { bucketName: identifier("name"), key: requestParameter("Key") },
      },
    },
  ),
};

/** The waiters of a {@link Bucket}. */
export const bucketWaiters = {
  waitUntilExists: waiter("BucketExists", { Bucket: identifier("name") }),
  waitUntilNotExists: waiter("BucketNotExists", { Bucket: identifier("name") }),
};

/**
 * The collections of a {@link Bucket}. `objects` lists with ListObjectsV2 (boto3 still uses
 * ListObjects v1); `objectVersions` yields versions and delete markers, in that order per page.
 */
export const bucketCollections = {
  multipartUploads: collection(
    "ListMultipartUploads",
    { Bucket: identifier("name") },
    {
      type: "MultipartUpload",
      identifiers: {
        bucketName: identifier("name"),
        objectKey: response("Uploads[].Key"),
        id: response("Uploads[].UploadId"),
      },
      path: "Uploads[]",
    },
  ),
  objectVersions: collection(
    "ListObjectVersions",
    { Bucket: identifier("name") },
    {
      type: "ObjectVersion",
      identifiers: {
        bucketName: identifier("name"),
        objectKey: response("Versions[].Key|DeleteMarkers[].Key"),
        id: response("Versions[].VersionId|DeleteMarkers[].VersionId"),
      },
      path: "Versions[]|DeleteMarkers[]",
    },
  ),
  objects: collection(
    "ListObjectsV2",
    { Bucket: identifier("name") },
    {
      type: "ObjectSummary",
      identifiers: { bucketName: requestParameter("Bucket"), key: response("Contents[].Key") },
      path: "Contents[]",
    },
  ),
};

const ofThisBucket = { bucketName: identifier("name") } as const;

/** The sub-resources of a {@link Bucket}: its configuration resources and its objects. */
export const bucketSubresources = {
  Acl: subresource("BucketAcl", ofThisBucket),
  Cors: subresource("BucketCors", ofThisBucket),
  Lifecycle: subresource("BucketLifecycle", ofThisBucket),
  LifecycleConfiguration: subresource("BucketLifecycleConfiguration", ofThisBucket),
  Logging: subresource("BucketLogging", ofThisBucket),
  Notification: subresource("BucketNotification", ofThisBucket),
  Object: subresource("Object", { bucketName: identifier("name"), key: input() }),
  Policy: subresource("BucketPolicy", ofThisBucket),
  RequestPayment: subresource("BucketRequestPayment", ofThisBucket),
  Tagging: subresource("BucketTagging", ofThisBucket),
  Versioning: subresource("BucketVersioning", ofThisBucket),
  Website: subresource("BucketWebsite", ofThisBucket),
};

/**
 * An S3 bucket, identified by its name.
 *
 * Its attributes (`creationDate`, `bucketRegion`, ...) are the bucket's entry in ListBuckets; the
 * shape's `Name` is the identifier `name` itself, so there is no separate `name` attribute.
 *
 * @example
 * ```ts
 * const s3 = session.resource("s3");
 * const bucket = await s3.createBucket({ Bucket: "logs" });
 * await bucket.waitUntilExists();
 * const obj = await bucket.putObject({ Key: "a.txt", Body: "hello" });
 * for await (const summary of bucket.objects.filter({ Prefix: "a" })) console.log(summary.key, summary.size);
 * await bucket.objects.delete();
 * await bucket.delete();
 * ```
 */
@resource("s3", "Bucket")
@identifiers("name")
@attributes("ListBuckets", "Buckets")
@loadWith(bucketLoad)
@actions(bucketActions)
@waiters(bucketWaiters)
@collections(bucketCollections)
@subresources(bucketSubresources)
export class Bucket extends Resource {
  /** The bucket's name. */
  declare readonly name: string;
}

export interface Bucket
  extends
    Attributes<Omit<BucketShape, "Name">>,
    ActionMethods<typeof bucketActions>,
    WaiterMethods<typeof bucketWaiters>,
    CollectionProperties<typeof bucketCollections>,
    SubresourceMethods<typeof bucketSubresources> {}

/**
 * The S3 service resource: the entry point, `session.resource("s3")`.
 *
 * @module
 */
/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging -- the interface of each class types the
   members the resource factory adds at run time, from the same specs the decorators record. */
import {
  action,
  actions,
  collection,
  collections,
  input,
  requestParameter,
  resource,
  response,
  subresource,
  subresources,
} from "../../decorators/index.js";
import { Resource } from "../../lib/resources/Resource.js";
import type { ActionMethods, CollectionProperties, SubresourceMethods } from "../../lib/resources/types.js";

/** The actions of the {@link S3ServiceResource}. */
export const s3ServiceActions = {
  /** CreateBucket, returning the {@link Bucket} it created (named from the request's `Bucket`). */
  createBucket: action(
    "CreateBucket",
    {},
    { resource: { type: "Bucket", identifiers: { name: requestParameter("Bucket") } } },
  ),
};

/** The collections of the {@link S3ServiceResource}: `buckets` (ListBuckets). */
export const s3ServiceCollections = {
  buckets: collection(
    "ListBuckets",
    {},
    {
      type: "Bucket",
      identifiers: { name: response("Buckets[].Name") },
      path: "Buckets[]",
    },
  ),
};

/**
 * The sub-resources of the {@link S3ServiceResource}: one constructor per resource type, every
 * identifier given by the caller in order. boto3 models only `Bucket` and adds the others
 * implicitly; here all of them are written down, so they are typed.
 */
export const s3ServiceSubresources = {
  Bucket: subresource("Bucket", { name: input() }),
  BucketAcl: subresource("BucketAcl", { bucketName: input() }),
  BucketCors: subresource("BucketCors", { bucketName: input() }),
  BucketLifecycle: subresource("BucketLifecycle", { bucketName: input() }),
  BucketLifecycleConfiguration: subresource("BucketLifecycleConfiguration", { bucketName: input() }),
  BucketLogging: subresource("BucketLogging", { bucketName: input() }),
  BucketNotification: subresource("BucketNotification", { bucketName: input() }),
  BucketPolicy: subresource("BucketPolicy", { bucketName: input() }),
  BucketRequestPayment: subresource("BucketRequestPayment", { bucketName: input() }),
  BucketTagging: subresource("BucketTagging", { bucketName: input() }),
  BucketVersioning: subresource("BucketVersioning", { bucketName: input() }),
  BucketWebsite: subresource("BucketWebsite", { bucketName: input() }),
  MultipartUpload: subresource("MultipartUpload", { bucketName: input(), objectKey: input(), id: input() }),
  MultipartUploadPart: subresource("MultipartUploadPart", {
    bucketName: input(),
    objectKey: input(),
    multipartUploadId: input(),
    partNumber: input(),
  }),
  Object: subresource("Object", { bucketName: input(), key: input() }),
  ObjectAcl: subresource("ObjectAcl", { bucketName: input(), objectKey: input() }),
  ObjectSummary: subresource("ObjectSummary", { bucketName: input(), key: input() }),
  ObjectVersion: subresource("ObjectVersion", { bucketName: input(), objectKey: input(), id: input() }),
};

/**
 * The S3 service resource: creates and lists buckets, and builds any S3 resource from its
 * identifiers without a request.
 *
 * @example
 * ```ts
 * const s3 = session.resource("s3");
 * const bucket = await s3.createBucket({ Bucket: "reports" });
 * for await (const b of s3.buckets) console.log(b.name, b.creationDate);
 * const obj = s3.Object("reports", "2026/q4.csv");
 * ```
 */
@resource("s3", "ServiceResource")
@actions(s3ServiceActions)
@collections(s3ServiceCollections)
@subresources(s3ServiceSubresources)
export class S3ServiceResource extends Resource {}

export interface S3ServiceResource
  extends
    ActionMethods<typeof s3ServiceActions>,
    CollectionProperties<typeof s3ServiceCollections>,
    SubresourceMethods<typeof s3ServiceSubresources> {}

/**
 * The S3 resource model: boto3's 18 S3 resources and the service resource, declared with the
 * decorators of `decorators/`. A session registers {@link s3ResourceDefinitions} by default.
 *
 * @module
 */
import { Bucket } from "./Bucket.js";
import { BucketAcl } from "./BucketAcl.js";
import { BucketCors } from "./BucketCors.js";
import { BucketLifecycle } from "./BucketLifecycle.js";
import { BucketLifecycleConfiguration } from "./BucketLifecycleConfiguration.js";
import { BucketLogging } from "./BucketLogging.js";
import { BucketNotification } from "./BucketNotification.js";
import { BucketPolicy } from "./BucketPolicy.js";
import { BucketRequestPayment } from "./BucketRequestPayment.js";
import { BucketTagging } from "./BucketTagging.js";
import { BucketVersioning } from "./BucketVersioning.js";
import { BucketWebsite } from "./BucketWebsite.js";
import { MultipartUpload } from "./MultipartUpload.js";
import { MultipartUploadPart } from "./MultipartUploadPart.js";
import { S3Object } from "./Object.js";
import { ObjectAcl } from "./ObjectAcl.js";
import { ObjectSummary } from "./ObjectSummary.js";
import { ObjectVersion } from "./ObjectVersion.js";
import { S3ServiceResource } from "./ServiceResource.js";

export {
  Bucket,
  BucketAcl,
  BucketCors,
  BucketLifecycle,
  BucketLifecycleConfiguration,
  BucketLogging,
  BucketNotification,
  BucketPolicy,
  BucketRequestPayment,
  BucketTagging,
  BucketVersioning,
  BucketWebsite,
  MultipartUpload,
  MultipartUploadPart,
  S3Object,
  ObjectAcl,
  ObjectSummary,
  ObjectVersion,
  S3ServiceResource,
};

/** Every S3 resource class: the service resource and boto3's 18 resource types. */
export const s3ResourceDefinitions = [
  S3ServiceResource,
  Bucket,
  BucketAcl,
  BucketCors,
  BucketLifecycle,
  BucketLifecycleConfiguration,
  BucketLogging,
  BucketNotification,
  BucketPolicy,
  BucketRequestPayment,
  BucketTagging,
  BucketVersioning,
  BucketWebsite,
  MultipartUpload,
  MultipartUploadPart,
  S3Object,
  ObjectAcl,
  ObjectSummary,
  ObjectVersion,
] as const;

declare module "../../lib/resources/types.js" {
  interface ResourceTypes {
    ServiceResource: S3ServiceResource;
    Bucket: Bucket;
    BucketAcl: BucketAcl;
    BucketCors: BucketCors;
    BucketLifecycle: BucketLifecycle;
    BucketLifecycleConfiguration: BucketLifecycleConfiguration;
    BucketLogging: BucketLogging;
    BucketNotification: BucketNotification;
    BucketPolicy: BucketPolicy;
    BucketRequestPayment: BucketRequestPayment;
    BucketTagging: BucketTagging;
    BucketVersioning: BucketVersioning;
    BucketWebsite: BucketWebsite;
    MultipartUpload: MultipartUpload;
    MultipartUploadPart: MultipartUploadPart;
    Object: S3Object;
    ObjectAcl: ObjectAcl;
    ObjectSummary: ObjectSummary;
    ObjectVersion: ObjectVersion;
  }
}

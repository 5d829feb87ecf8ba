/**
 * Which DTO validates each S3 operation: a hand-written one where the operation has rules of its
 * own, otherwise one built from the operation table.
 *
 * @module
 */
import type { DtoClass } from "./nested.js";
import { s3RequiredMembers, type S3CommandName } from "./operationTable.js";
import { GetBucketAclParams, GetObjectAclParams, PutBucketAclParams, PutObjectAclParams } from "./dto/acl.js";
import {
  CreateBucketParams,
  DeleteBucketParams,
  HeadBucketParams,
  PutBucketPolicyParams,
  PutBucketVersioningParams,
} from "./dto/bucket.js";
import { DeleteObjectsParams } from "./dto/deleteObjects.js";
import { genericDto } from "./dto/generic.js";
import { PutBucketLifecycleConfigurationParams } from "./dto/lifecycle.js";
import {
  ListBucketsParams,
  ListMultipartUploadsParams,
  ListObjectsParams,
  ListObjectsV2Params,
  ListObjectVersionsParams,
  ListPartsParams,
} from "./dto/listing.js";
import {
  AbortMultipartUploadParams,
  CompleteMultipartUploadParams,
  CreateMultipartUploadParams,
  UploadPartCopyParams,
  UploadPartParams,
} from "./dto/multipart.js";
import {
  CopyObjectParams,
  DeleteObjectParams,
  GetObjectAttributesParams,
  GetObjectParams,
  HeadObjectParams,
  PutObjectParams,
  RestoreObjectParams,
} from "./dto/object.js";
import {
  PutObjectLegalHoldParams,
  PutObjectLockConfigurationParams,
  PutObjectRetentionParams,
} from "./dto/objectLock.js";
import {
  DeleteObjectTaggingParams,
  GetObjectTaggingParams,
  PutBucketTaggingParams,
  PutObjectTaggingParams,
} from "./dto/tagging.js";
import { PutBucketCorsParams, PutBucketWebsiteParams } from "./dto/website.js";

/**
 * The S3 operations with a hand-written DTO, by operation name. A plugin can extend one to add
 * rules for members its server supports.
 *
 * @example
 * ```ts
 * class ObjectScalePutObject extends (getValidator("PutObject") as DtoClass) {
 *   @IsOptional() @IsInteger({ min: 0 }) RetentionPeriod?: number;
 * }
 * registerValidator("PutObject", ObjectScalePutObject);
 * ```
 */
export const s3OperationDtos = {
  AbortMultipartUpload: AbortMultipartUploadParams,
  CompleteMultipartUpload: CompleteMultipartUploadParams,
  CopyObject: CopyObjectParams,
  CreateBucket: CreateBucketParams,
  CreateMultipartUpload: CreateMultipartUploadParams,
  DeleteBucket: DeleteBucketParams,
  DeleteObject: DeleteObjectParams,
  DeleteObjectTagging: DeleteObjectTaggingParams,
  DeleteObjects: DeleteObjectsParams,
  GetBucketAcl: GetBucketAclParams,
  GetObject: GetObjectParams,
  GetObjectAcl: GetObjectAclParams,
  GetObjectAttributes: GetObjectAttributesParams,
  GetObjectTagging: GetObjectTaggingParams,
  HeadBucket: HeadBucketParams,
  HeadObject: HeadObjectParams,
  ListBuckets: ListBucketsParams,
  ListMultipartUploads: ListMultipartUploadsParams,
  ListObjectVersions: ListObjectVersionsParams,
  ListObjects: ListObjectsParams,
  ListObjectsV2: ListObjectsV2Params,
  ListParts: ListPartsParams,
  PutBucketAcl: PutBucketAclParams,
  PutBucketCors: PutBucketCorsParams,
  PutBucketLifecycleConfiguration: PutBucketLifecycleConfigurationParams,
  PutBucketPolicy: PutBucketPolicyParams,
  PutBucketTagging: PutBucketTaggingParams,
  PutBucketVersioning: PutBucketVersioningParams,
  PutBucketWebsite: PutBucketWebsiteParams,
  PutObject: PutObjectParams,
  PutObjectAcl: PutObjectAclParams,
  PutObjectLegalHold: PutObjectLegalHoldParams,
  PutObjectLockConfiguration: PutObjectLockConfigurationParams,
  PutObjectRetention: PutObjectRetentionParams,
  PutObjectTagging: PutObjectTaggingParams,
  RestoreObject: RestoreObjectParams,
  UploadPart: UploadPartParams,
  UploadPartCopy: UploadPartCopyParams,
} as const satisfies { readonly [Op in S3CommandName]?: DtoClass };

const generic = new Map<string, DtoClass>();

function isS3Operation(operation: string): operation is S3CommandName {
  return Object.prototype.hasOwnProperty.call(s3RequiredMembers, operation);
}

/**
 * The built-in DTO of an S3 operation, or `undefined` for any other name. Generic DTOs are built
 * on first use, so loading the library does not build 70 classes nobody may call.
 */
export function s3OperationDto(operation: string): DtoClass | undefined {
  if (!isS3Operation(operation)) return undefined;
  const specific: DtoClass | undefined = (s3OperationDtos as Partial<Record<S3CommandName, DtoClass>>)[
    operation
  ];
  if (specific !== undefined) return specific;
  let dto = generic.get(operation);
  if (dto === undefined) generic.set(operation, (dto = genericDto(operation, s3RequiredMembers[operation])));
  return dto;
}

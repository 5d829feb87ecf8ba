/**
 * DTOs of the single-object calls: HeadObject, GetObject, PutObject, CopyObject, DeleteObject,
 * GetObjectAttributes and RestoreObject.
 *
 * @example
 * ```ts
 * validateParams("GetObject", { Bucket: "b", Key: "k", Range: "0-99" });
 * // ValidationError: ... input is invalid:
 * //  - Range: expected a byte range "bytes=first-last" ..., received "0-99"
 * ```
 *
 * @module
 */
import "reflect-metadata";
import {
  AnnotationDirective,
  ChecksumAlgorithm,
  ChecksumMode,
  MetadataDirective,
  ObjectAttributes,
  ObjectCannedACL,
  ObjectLockEventHold,
  ObjectLockLegalHoldStatus,
  ObjectLockMode,
  RequestPayer,
  RestoreRequestType,
  ServerSideEncryption,
  StorageClass,
  TaggingDirective,
  Tier,
} from "@aws-sdk/client-s3";
import { IsOptional } from "../libraries.js";
import { Nested } from "../nested.js";
import { IsByteRange, IsMetadataMap } from "../rules/http.js";
import { IsCopySource } from "../rules/names.js";
import { IsBody, IsBool, IsInteger, IsSdkEnum, IsStructure, IsText, IsTimestamp } from "../rules/scalars.js";
import { IsEnumList } from "../rules/lists.js";
import { RETAIN_UNTIL_LIMITS } from "./objectLock.js";
import {
  CHECKSUM_VALUE_MEMBERS,
  COPY_SOURCE_SSE_CUSTOMER_MEMBERS,
  declareOptional,
  OBJECT_GRANT_MEMBERS,
  ObjectParams,
  SSE_CUSTOMER_MEMBERS,
} from "./common.js";

/** Members shared by HeadObject and GetObject (their inputs are identical). */
export class ObjectReadParams extends ObjectParams {
  @IsOptional() @IsText() IfMatch?: string;
  @IsOptional() @IsTimestamp() IfModifiedSince?: Date;
  @IsOptional() @IsText() IfNoneMatch?: string;
  @IsOptional() @IsTimestamp() IfUnmodifiedSince?: Date;
  @IsOptional() @IsByteRange() Range?: string;
  @IsOptional() @IsTimestamp() ResponseExpires?: Date;
  @IsOptional() @IsText() VersionId?: string;
  @IsOptional() @IsSdkEnum(RequestPayer) RequestPayer?: RequestPayer;
  @IsOptional() @IsInteger({ min: 1, max: 10_000 }) PartNumber?: number;
  @IsOptional() @IsSdkEnum(ChecksumMode) ChecksumMode?: ChecksumMode;
}
declareOptional(
  ObjectReadParams,
  [
    "ResponseCacheControl",
    "ResponseContentDisposition",
    "ResponseContentEncoding",
    "ResponseContentLanguage",
    "ResponseContentType",
    ...SSE_CUSTOMER_MEMBERS,
  ],
  () => [IsText()],
);

/** HeadObject. */
export class HeadObjectParams extends ObjectReadParams {}

/** GetObject. */
export class GetObjectParams extends ObjectReadParams {}

/** Members shared by the calls that write an object: PutObject, CopyObject, CreateMultipartUpload. */
export class ObjectWriteParams extends ObjectParams {
  @IsOptional() @IsSdkEnum(ObjectCannedACL) ACL?: ObjectCannedACL;
  @IsOptional() @IsTimestamp() Expires?: Date;
  @IsOptional() @IsMetadataMap() Metadata?: Record<string, string>;
  @IsOptional() @IsSdkEnum(ServerSideEncryption) ServerSideEncryption?: ServerSideEncryption;
  @IsOptional() @IsSdkEnum(StorageClass) StorageClass?: StorageClass;
  @IsOptional() @IsBool() BucketKeyEnabled?: boolean;
  @IsOptional() @IsSdkEnum(RequestPayer) RequestPayer?: RequestPayer;
  @IsOptional() @IsSdkEnum(ChecksumAlgorithm) ChecksumAlgorithm?: ChecksumAlgorithm;
  @IsOptional() @IsSdkEnum(ObjectLockMode) ObjectLockMode?: ObjectLockMode;
  @IsOptional() @IsTimestamp(RETAIN_UNTIL_LIMITS) ObjectLockRetainUntilDate?: Date;
  @IsOptional() @IsSdkEnum(ObjectLockLegalHoldStatus) ObjectLockLegalHoldStatus?: ObjectLockLegalHoldStatus;
  @IsOptional() @IsSdkEnum(ObjectLockEventHold) ObjectLockEventHold?: ObjectLockEventHold;
  @IsOptional() @IsInteger({ min: 0 }) ObjectLockEventHoldDurationDays?: number;
  @IsOptional() @IsInteger({ min: 0 }) ObjectLockEventHoldDurationYears?: number;
}
declareOptional(
  ObjectWriteParams,
  [
    "CacheControl",
    "ContentDisposition",
    "ContentEncoding",
    "ContentLanguage",
    "ContentType",
    "WebsiteRedirectLocation",
    "SSEKMSKeyId",
    "SSEKMSEncryptionContext",
    "Tagging",
    ...OBJECT_GRANT_MEMBERS,
    ...SSE_CUSTOMER_MEMBERS,
  ],
  () => [IsText()],
);

/** PutObject. */
export class PutObjectParams extends ObjectWriteParams {
  @IsOptional() @IsBody() Body?: unknown;
  @IsOptional() @IsInteger({ min: 0 }) ContentLength?: number;
  @IsOptional() @IsText() ContentMD5?: string;
  @IsOptional() @IsText() IfMatch?: string;
  @IsOptional() @IsText() IfNoneMatch?: string;
  @IsOptional() @IsInteger({ min: 0 }) WriteOffsetBytes?: number;
}
declareOptional(PutObjectParams, CHECKSUM_VALUE_MEMBERS, () => [IsText()]);

/** CopyObject. */
export class CopyObjectParams extends ObjectWriteParams {
  @IsCopySource() CopySource!: string;
  @IsOptional() @IsTimestamp() CopySourceIfModifiedSince?: Date;
  @IsOptional() @IsTimestamp() CopySourceIfUnmodifiedSince?: Date;
  @IsOptional() @IsSdkEnum(MetadataDirective) MetadataDirective?: MetadataDirective;
  @IsOptional() @IsSdkEnum(TaggingDirective) TaggingDirective?: TaggingDirective;
  @IsOptional() @IsSdkEnum(AnnotationDirective) AnnotationDirective?: AnnotationDirective;
}
declareOptional(
  CopyObjectParams,
  [
    "CopySourceIfMatch",
    "CopySourceIfNoneMatch",
    "IfMatch",
    "IfNoneMatch",
    "ExpectedSourceBucketOwner",
    ...COPY_SOURCE_SSE_CUSTOMER_MEMBERS,
  ],
  () => [IsText()],
);

/** DeleteObject. */
export class DeleteObjectParams extends ObjectParams {
  @IsOptional() @IsText() MFA?: string;
  @IsOptional() @IsText() VersionId?: string;
  @IsOptional() @IsSdkEnum(RequestPayer) RequestPayer?: RequestPayer;
  @IsOptional() @IsBool() BypassGovernanceRetention?: boolean;
  @IsOptional() @IsText() IfMatch?: string;
  @IsOptional() @IsTimestamp() IfMatchLastModifiedTime?: Date;
  @IsOptional() @IsInteger({ min: 0 }) IfMatchSize?: number;
}

/** GetObjectAttributes. */
export class GetObjectAttributesParams extends ObjectParams {
  @IsEnumList(ObjectAttributes, { min: 1 }) ObjectAttributes!: ObjectAttributes[];
  @IsOptional() @IsText() VersionId?: string;
  @IsOptional() @IsInteger({ min: 0 }) MaxParts?: number;
  @IsOptional() @IsText() PartNumberMarker?: string;
  @IsOptional() @IsSdkEnum(RequestPayer) RequestPayer?: RequestPayer;
}
declareOptional(GetObjectAttributesParams, SSE_CUSTOMER_MEMBERS, () => [IsText()]);

/** `RestoreRequest.GlacierJobParameters`. */
export class GlacierJobParametersParams {
  @IsSdkEnum(Tier) Tier!: Tier;
}

/** `RestoreObject.RestoreRequest`; `SelectParameters` and `OutputLocation` are only checked to be objects. */
export class RestoreRequestParams {
  @IsOptional() @IsInteger({ min: 1 }) Days?: number;
  @IsOptional()
  @IsStructure()
  @Nested(() => GlacierJobParametersParams)
  GlacierJobParameters?: GlacierJobParametersParams;
  @IsOptional() @IsSdkEnum(RestoreRequestType) Type?: RestoreRequestType;
  @IsOptional() @IsSdkEnum(Tier) Tier?: Tier;
  @IsOptional() @IsText() Description?: string;
  @IsOptional() @IsStructure() SelectParameters?: object;
  @IsOptional() @IsStructure() OutputLocation?: object;
}

/** RestoreObject. */
export class RestoreObjectParams extends ObjectParams {
  @IsOptional() @IsText() VersionId?: string;
  @IsOptional() @IsStructure() @Nested(() => RestoreRequestParams) RestoreRequest?: RestoreRequestParams;
  @IsOptional() @IsSdkEnum(RequestPayer) RequestPayer?: RequestPayer;
  @IsOptional() @IsSdkEnum(ChecksumAlgorithm) ChecksumAlgorithm?: ChecksumAlgorithm;
}

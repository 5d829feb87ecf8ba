/**
 * DTOs of the whole-bucket calls: CreateBucket, DeleteBucket, HeadBucket, PutBucketVersioning
 * and PutBucketPolicy.
 *
 * @example
 * ```ts
 * validateParams("CreateBucket", { Bucket: "My_Bucket" });
 * // ValidationError: ... input is invalid:
 * //  - Bucket: expected 3-63 lowercase letters, digits, dots or hyphens, ..., received "My_Bucket"
 * ```
 *
 * @module
 */
import "reflect-metadata";
import {
  BucketCannedACL,
  BucketNamespace,
  BucketType,
  BucketVersioningStatus,
  ChecksumAlgorithm,
  DataRedundancy,
  LocationType,
  MFADelete,
  ObjectOwnership,
} from "@aws-sdk/client-s3";
import { IsOptional } from "../libraries.js";
import { Nested } from "../nested.js";
import { IsPolicyDocument } from "../rules/http.js";
import { IsBucketName } from "../rules/names.js";
import { IsBool, IsSdkEnum, IsStructure, IsText } from "../rules/scalars.js";
import { IsList } from "../rules/lists.js";
import { BucketParams, declareOptional, GRANT_MEMBERS, TagParams } from "./common.js";
import { MAX_BUCKET_TAGS } from "./tagging.js";

/** `CreateBucketConfiguration.Location`. */
export class LocationInfoParams {
  @IsOptional() @IsSdkEnum(LocationType) Type?: LocationType;
  @IsOptional() @IsText() Name?: string;
}

/** `CreateBucketConfiguration.Bucket`. */
export class BucketInfoParams {
  @IsOptional() @IsSdkEnum(DataRedundancy) DataRedundancy?: DataRedundancy;
  @IsOptional() @IsSdkEnum(BucketType) Type?: BucketType;
}

/** `CreateBucket.CreateBucketConfiguration`. */
export class CreateBucketConfigurationParams {
  /** A region name; not an enum here, since ObjectScale and other S3 servers name their own. */
  @IsOptional() @IsText() LocationConstraint?: string;
  @IsOptional() @IsStructure() @Nested(() => LocationInfoParams) Location?: LocationInfoParams;
  @IsOptional() @IsStructure() @Nested(() => BucketInfoParams) Bucket?: BucketInfoParams;
  @IsOptional() @IsList({ max: MAX_BUCKET_TAGS, of: "tags" }) @Nested(() => TagParams) Tags?: TagParams[];
}

/** CreateBucket: the only call that applies the strict S3 naming rules. */
export class CreateBucketParams {
  @IsBucketName({ strict: true }) Bucket!: string;
  @IsOptional() @IsSdkEnum(BucketCannedACL) ACL?: BucketCannedACL;
  @IsOptional()
  @IsStructure()
  @Nested(() => CreateBucketConfigurationParams)
  CreateBucketConfiguration?: CreateBucketConfigurationParams;
  @IsOptional() @IsBool() ObjectLockEnabledForBucket?: boolean;
  @IsOptional() @IsSdkEnum(ObjectOwnership) ObjectOwnership?: ObjectOwnership;
  @IsOptional() @IsSdkEnum(BucketNamespace) BucketNamespace?: BucketNamespace;
}
declareOptional(CreateBucketParams, GRANT_MEMBERS, () => [IsText()]);

/** DeleteBucket. */
export class DeleteBucketParams extends BucketParams {}

/** HeadBucket. */
export class HeadBucketParams extends BucketParams {}

/** `PutBucketVersioning.VersioningConfiguration`. */
export class VersioningConfigurationParams {
  @IsOptional() @IsSdkEnum(MFADelete) MFADelete?: MFADelete;
  @IsOptional() @IsSdkEnum(BucketVersioningStatus) Status?: BucketVersioningStatus;
}

/** Members of the calls that upload a bucket configuration document. */
export class BucketConfigurationCallParams extends BucketParams {
  @IsOptional() @IsText() ContentMD5?: string;
  @IsOptional() @IsSdkEnum(ChecksumAlgorithm) ChecksumAlgorithm?: ChecksumAlgorithm;
}

/** PutBucketVersioning. */
export class PutBucketVersioningParams extends BucketConfigurationCallParams {
  @IsStructure()
  @Nested(() => VersioningConfigurationParams)
  VersioningConfiguration!: VersioningConfigurationParams;
  @IsOptional() @IsText() MFA?: string;
}

/** PutBucketPolicy. */
export class PutBucketPolicyParams extends BucketConfigurationCallParams {
  @IsPolicyDocument() Policy!: string;
  @IsOptional() @IsBool() ConfirmRemoveSelfBucketAccess?: boolean;
}

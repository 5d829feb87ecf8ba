/**
 * DTOs of PutBucketLifecycleConfiguration: rules, their filters, expirations and transitions.
 *
 * @example
 * ```ts
 * validateParams("PutBucketLifecycleConfiguration", {
 *   Bucket: "b",
 *   LifecycleConfiguration: { Rules: [{ Status: "Enabled", Expiration: { Days: 0 } }] },
 * });
 * // ValidationError: ... input is invalid:
 * //  - LifecycleConfiguration.Rules[0].Expiration.Days: expected an integer of at least 1, received 0
 * ```
 *
 * @module
 */
import "reflect-metadata";
import {
  ChecksumAlgorithm,
  ExpirationStatus,
  TransitionDefaultMinimumObjectSize,
  TransitionStorageClass,
} from "@aws-sdk/client-s3";
import { IsOptional } from "../libraries.js";
import { Nested } from "../nested.js";
import { IsBool, IsInteger, IsSdkEnum, IsStructure, IsText, IsTimestamp } from "../rules/scalars.js";
import { IsList } from "../rules/lists.js";
import { BucketParams, TagParams } from "./common.js";

/** Most rules one lifecycle configuration may have. */
export const MAX_LIFECYCLE_RULES = 1000;

/** `LifecycleRuleFilter.And`. */
export class LifecycleRuleAndOperatorParams {
  @IsOptional() @IsText() Prefix?: string;
  @IsOptional() @IsList({ of: "tags" }) @Nested(() => TagParams) Tags?: TagParams[];
  @IsOptional() @IsInteger({ min: 0 }) ObjectSizeGreaterThan?: number;
  @IsOptional() @IsInteger({ min: 0 }) ObjectSizeLessThan?: number;
}

/** `LifecycleRule.Filter`. */
export class LifecycleRuleFilterParams {
  @IsOptional() @IsText() Prefix?: string;
  @IsOptional() @IsStructure() @Nested(() => TagParams) Tag?: TagParams;
  @IsOptional() @IsInteger({ min: 0 }) ObjectSizeGreaterThan?: number;
  @IsOptional() @IsInteger({ min: 0 }) ObjectSizeLessThan?: number;
  @IsOptional()
  @IsStructure()
  @Nested(() => LifecycleRuleAndOperatorParams)
  And?: LifecycleRuleAndOperatorParams;
}

/** `LifecycleRule.Expiration`. */
export class LifecycleExpirationParams {
  @IsOptional() @IsTimestamp() Date?: Date;
  @IsOptional() @IsInteger({ min: 1 }) Days?: number;
  @IsOptional() @IsBool() ExpiredObjectDeleteMarker?: boolean;
}

/** One entry of `LifecycleRule.Transitions`. */
export class TransitionParams {
  @IsOptional() @IsTimestamp() Date?: Date;
  @IsOptional() @IsInteger({ min: 0 }) Days?: number;
  @IsOptional() @IsSdkEnum(TransitionStorageClass) StorageClass?: TransitionStorageClass;
}

/** One entry of `LifecycleRule.NoncurrentVersionTransitions`. */
export class NoncurrentVersionTransitionParams {
  @IsOptional() @IsInteger({ min: 0 }) NoncurrentDays?: number;
  @IsOptional() @IsSdkEnum(TransitionStorageClass) StorageClass?: TransitionStorageClass;
  @IsOptional() @IsInteger({ min: 1 }) NewerNoncurrentVersions?: number;
}

/** `LifecycleRule.NoncurrentVersionExpiration`. */
export class NoncurrentVersionExpirationParams {
  @IsOptional() @IsInteger({ min: 1 }) NoncurrentDays?: number;
  @IsOptional() @IsInteger({ min: 1 }) NewerNoncurrentVersions?: number;
}

/** `LifecycleRule.AbortIncompleteMultipartUpload`. */
export class AbortIncompleteMultipartUploadParams {
  @IsOptional() @IsInteger({ min: 1 }) DaysAfterInitiation?: number;
}

/** One entry of `LifecycleConfiguration.Rules`. */
export class LifecycleRuleParams {
  @IsSdkEnum(ExpirationStatus) Status!: ExpirationStatus;
  @IsOptional()
  @IsStructure()
  @Nested(() => LifecycleExpirationParams)
  Expiration?: LifecycleExpirationParams;
  @IsOptional() @IsText({ max: 255 }) ID?: string;
  @IsOptional() @IsText() Prefix?: string;
  @IsOptional() @IsStructure() @Nested(() => LifecycleRuleFilterParams) Filter?: LifecycleRuleFilterParams;
  @IsOptional()
  @IsList({ of: "transitions" })
  @Nested(() => TransitionParams)
  Transitions?: TransitionParams[];
  @IsOptional()
  @IsList({ of: "transitions" })
  @Nested(() => NoncurrentVersionTransitionParams)
  NoncurrentVersionTransitions?: NoncurrentVersionTransitionParams[];
  @IsOptional()
  @IsStructure()
  @Nested(() => NoncurrentVersionExpirationParams)
  NoncurrentVersionExpiration?: NoncurrentVersionExpirationParams;
  @IsOptional()
  @IsStructure()
  @Nested(() => AbortIncompleteMultipartUploadParams)
  AbortIncompleteMultipartUpload?: AbortIncompleteMultipartUploadParams;
}

/** `PutBucketLifecycleConfiguration.LifecycleConfiguration`. */
export class BucketLifecycleConfigurationParams {
  @IsList({ min: 1, max: MAX_LIFECYCLE_RULES, of: "lifecycle rules" })
  @Nested(() => LifecycleRuleParams)
  Rules!: LifecycleRuleParams[];
}

/** PutBucketLifecycleConfiguration. */
export class PutBucketLifecycleConfigurationParams extends BucketParams {
  @IsOptional()
  @IsStructure()
  @Nested(() => BucketLifecycleConfigurationParams)
  LifecycleConfiguration?: BucketLifecycleConfigurationParams;
  @IsOptional() @IsSdkEnum(ChecksumAlgorithm) ChecksumAlgorithm?: ChecksumAlgorithm;
  @IsOptional()
  @IsSdkEnum(TransitionDefaultMinimumObjectSize)
  TransitionDefaultMinimumObjectSize?: TransitionDefaultMinimumObjectSize;
}

/**
 * DTOs of the object-lock calls: PutObjectRetention, PutObjectLegalHold and
 * PutObjectLockConfiguration.
 *
 * @example
 * ```ts
 * validateParams("PutObjectLegalHold", { Bucket: "b", Key: "k", LegalHold: { Status: "on" } });
 * // ValidationError: ... input is invalid:
 * //  - LegalHold.Status: expected one of "OFF", "ON", received "on"
 * ```
 *
 * @module
 */
import "reflect-metadata";
import {
  ChecksumAlgorithm,
  ObjectLockEnabled,
  ObjectLockEventHold,
  ObjectLockLegalHoldStatus,
  ObjectLockRetentionMode,
  RequestPayer,
} from "@aws-sdk/client-s3";
import { IsOptional } from "../libraries.js";
import { Nested } from "../nested.js";
import { IsBool, IsInteger, IsSdkEnum, IsStructure, IsText, IsTimestamp } from "../rules/scalars.js";
import { defineRule, ruleDecorator } from "../Rule.js";
import { BucketParams, ObjectParams } from "./common.js";

/**
 * The dates an object can be locked until: 1970 on (a date before cannot be in the future) up to
 * the end of 9999 (later years need ISO 8601's expanded form, which S3 does not read).
 */
export const RETAIN_UNTIL_LIMITS = Object.freeze({
  min: new Date("1970-01-01T00:00:00.000Z"),
  max: new Date("9999-12-31T23:59:59.999Z"),
});

/** Members shared by the object-lock calls. */
export class ObjectLockCallParams extends ObjectParams {
  @IsOptional() @IsSdkEnum(RequestPayer) RequestPayer?: RequestPayer;
  @IsOptional() @IsText() VersionId?: string;
  @IsOptional() @IsText() ContentMD5?: string;
  @IsOptional() @IsSdkEnum(ChecksumAlgorithm) ChecksumAlgorithm?: ChecksumAlgorithm;
}

/** `Retention.EventHoldDuration`. */
export class EventHoldDurationParams {
  @IsOptional() @IsInteger({ min: 0 }) Days?: number;
  @IsOptional() @IsInteger({ min: 0 }) Years?: number;
}

/** `PutObjectRetention.Retention`. */
export class RetentionParams {
  @IsOptional() @IsSdkEnum(ObjectLockRetentionMode) Mode?: ObjectLockRetentionMode;
  @IsOptional() @IsTimestamp(RETAIN_UNTIL_LIMITS) RetainUntilDate?: Date;
  @IsOptional() @IsSdkEnum(ObjectLockEventHold) EventHold?: ObjectLockEventHold;
  @IsOptional()
  @IsStructure()
  @Nested(() => EventHoldDurationParams)
  EventHoldDuration?: EventHoldDurationParams;
}

/** PutObjectRetention. */
export class PutObjectRetentionParams extends ObjectLockCallParams {
  @IsOptional() @IsStructure() @Nested(() => RetentionParams) Retention?: RetentionParams;
  @IsOptional() @IsBool() BypassGovernanceRetention?: boolean;
}

/** `PutObjectLegalHold.LegalHold`. */
export class LegalHoldParams {
  @IsOptional() @IsSdkEnum(ObjectLockLegalHoldStatus) Status?: ObjectLockLegalHoldStatus;
}

/** PutObjectLegalHold. */
export class PutObjectLegalHoldParams extends ObjectLockCallParams {
  @IsOptional() @IsStructure() @Nested(() => LegalHoldParams) LegalHold?: LegalHoldParams;
}

/** `DefaultRetention` must give its period in days or in years, not both and not neither. */
const daysOrYears = defineRule({
  name: "hasDaysOrYears",
  expected: "an object with exactly one of Days and Years",
  test: (value) =>
    typeof value === "object" &&
    value !== null &&
    ((value as { Days?: unknown }).Days === undefined) !==
      ((value as { Years?: unknown }).Years === undefined),
});

/** `ObjectLockConfiguration.Rule.DefaultRetention`. */
export class DefaultRetentionParams {
  @IsOptional() @IsSdkEnum(ObjectLockRetentionMode) Mode?: ObjectLockRetentionMode;
  @IsOptional() @IsInteger({ min: 1 }) Days?: number;
  @IsOptional() @IsInteger({ min: 1 }) Years?: number;
}

/** `ObjectLockConfiguration.Rule`. */
export class ObjectLockRuleParams {
  @IsOptional()
  @IsStructure()
  @ruleDecorator(daysOrYears)
  @Nested(() => DefaultRetentionParams)
  DefaultRetention?: DefaultRetentionParams;
}

/** `PutObjectLockConfiguration.ObjectLockConfiguration`. */
export class ObjectLockConfigurationParams {
  @IsOptional() @IsSdkEnum(ObjectLockEnabled) ObjectLockEnabled?: ObjectLockEnabled;
  @IsOptional() @IsStructure() @Nested(() => ObjectLockRuleParams) Rule?: ObjectLockRuleParams;
}

/** PutObjectLockConfiguration. */
export class PutObjectLockConfigurationParams extends BucketParams {
  @IsOptional()
  @IsStructure()
  @Nested(() => ObjectLockConfigurationParams)
  ObjectLockConfiguration?: ObjectLockConfigurationParams;
  @IsOptional() @IsSdkEnum(RequestPayer) RequestPayer?: RequestPayer;
  @IsOptional() @IsText() Token?: string;
  @IsOptional() @IsText() ContentMD5?: string;
  @IsOptional() @IsSdkEnum(ChecksumAlgorithm) ChecksumAlgorithm?: ChecksumAlgorithm;
}

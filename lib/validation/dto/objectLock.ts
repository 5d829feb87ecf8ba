/**
 * DTOs of the object-lock calls on one object: PutObjectRetention and PutObjectLegalHold.
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
  ObjectLockEventHold,
  ObjectLockLegalHoldStatus,
  ObjectLockRetentionMode,
  RequestPayer,
} from "@aws-sdk/client-s3";
import { IsOptional } from "class-validator";
import { Nested } from "../nested.js";
import { IsBool, IsInteger, IsSdkEnum, IsStructure, IsText, IsTimestamp } from "../rules/scalars.js";
import { ObjectParams } from "./common.js";

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
  @IsOptional() @IsTimestamp() RetainUntilDate?: Date;
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

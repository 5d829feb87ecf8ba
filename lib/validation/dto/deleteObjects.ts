/**
 * DTOs of DeleteObjects: up to 1000 keys in one request, each checked like a single key.
 *
 * @example
 * ```ts
 * validateParams("DeleteObjects", { Bucket: "b", Delete: { Objects: [{ Key: "a" }, { Key: "" }] } });
 * // ValidationError: ... input is invalid:
 * //  - Delete.Objects[1].Key: expected a non-empty string of at most 1024 UTF-8 bytes, received ""
 * ```
 *
 * @module
 */
import "reflect-metadata";
import { ChecksumAlgorithm, RequestPayer } from "@aws-sdk/client-s3";
import { IsOptional } from "../libraries.js";
import { Nested } from "../nested.js";
import { IsObjectKey } from "../rules/names.js";
import { IsBool, IsInteger, IsSdkEnum, IsStructure, IsText, IsTimestamp } from "../rules/scalars.js";
import { IsList } from "../rules/lists.js";
import { BucketParams } from "./common.js";

/** Most keys one DeleteObjects request may name. */
export const MAX_DELETE_OBJECTS = 1000;

/** One entry of `Delete.Objects`. */
export class ObjectIdentifierParams {
  @IsObjectKey() Key!: string;
  @IsOptional() @IsText() VersionId?: string;
  @IsOptional() @IsText() ETag?: string;
  @IsOptional() @IsTimestamp() LastModifiedTime?: Date;
  @IsOptional() @IsInteger({ min: 0 }) Size?: number;
}

/** `DeleteObjects.Delete`. */
export class DeleteParams {
  @IsList({ min: 1, max: MAX_DELETE_OBJECTS, of: "objects with a Key" })
  @Nested(() => ObjectIdentifierParams, "an object with a Key")
  Objects!: ObjectIdentifierParams[];
  @IsOptional() @IsBool() Quiet?: boolean;
}

/** DeleteObjects. */
export class DeleteObjectsParams extends BucketParams {
  @IsStructure() @Nested(() => DeleteParams) Delete!: DeleteParams;
  @IsOptional() @IsText() MFA?: string;
  @IsOptional() @IsSdkEnum(RequestPayer) RequestPayer?: RequestPayer;
  @IsOptional() @IsBool() BypassGovernanceRetention?: boolean;
  @IsOptional() @IsSdkEnum(ChecksumAlgorithm) ChecksumAlgorithm?: ChecksumAlgorithm;
}

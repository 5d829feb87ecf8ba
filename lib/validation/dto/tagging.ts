/**
 * DTOs of the tagging calls: Put/Get/DeleteObjectTagging and PutBucketTagging.
 *
 * @example
 * ```ts
 * validateParams("PutObjectTagging", { Bucket: "b", Key: "k", Tagging: { TagSet: elevenTags } });
 * // ValidationError: ... input is invalid:
 * //  - Tagging.TagSet: expected a list of at most 10 tags, received an array of 11 items
 * ```
 *
 * @module
 */
import "reflect-metadata";
import { ChecksumAlgorithm, RequestPayer } from "@aws-sdk/client-s3";
import { IsOptional } from "../libraries.js";
import { Nested } from "../nested.js";
import { IsSdkEnum, IsStructure, IsText } from "../rules/scalars.js";
import { IsList } from "../rules/lists.js";
import { BucketParams, ObjectParams, TagParams } from "./common.js";

/** Most tags an object may carry. */
export const MAX_OBJECT_TAGS = 10;
/** Most tags a bucket may carry. */
export const MAX_BUCKET_TAGS = 50;

/** `Tagging` of an object: at most 10 tags. */
export class ObjectTaggingParams {
  @IsList({ max: MAX_OBJECT_TAGS, of: "tags" }) @Nested(() => TagParams) TagSet!: TagParams[];
}

/** `Tagging` of a bucket: at most 50 tags. */
export class BucketTaggingParams {
  @IsList({ max: MAX_BUCKET_TAGS, of: "tags" }) @Nested(() => TagParams) TagSet!: TagParams[];
}

/** PutObjectTagging. */
export class PutObjectTaggingParams extends ObjectParams {
  @IsStructure() @Nested(() => ObjectTaggingParams) Tagging!: ObjectTaggingParams;
  @IsOptional() @IsText() VersionId?: string;
  @IsOptional() @IsText() ContentMD5?: string;
  @IsOptional() @IsSdkEnum(ChecksumAlgorithm) ChecksumAlgorithm?: ChecksumAlgorithm;
  @IsOptional() @IsSdkEnum(RequestPayer) RequestPayer?: RequestPayer;
}

/** GetObjectTagging. */
export class GetObjectTaggingParams extends ObjectParams {
  @IsOptional() @IsText() VersionId?: string;
  @IsOptional() @IsSdkEnum(RequestPayer) RequestPayer?: RequestPayer;
}

/** DeleteObjectTagging. */
export class DeleteObjectTaggingParams extends ObjectParams {
  @IsOptional() @IsText() VersionId?: string;
}

/** PutBucketTagging. */
export class PutBucketTaggingParams extends BucketParams {
  @IsStructure() @Nested(() => BucketTaggingParams) Tagging!: BucketTaggingParams;
  @IsOptional() @IsText() ContentMD5?: string;
  @IsOptional() @IsSdkEnum(ChecksumAlgorithm) ChecksumAlgorithm?: ChecksumAlgorithm;
}

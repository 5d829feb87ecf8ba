/**
 * DTOs of the multipart-upload calls: CreateMultipartUpload, UploadPart, UploadPartCopy,
 * CompleteMultipartUpload and AbortMultipartUpload.
 *
 * @example
 * ```ts
 * validateParams("UploadPart", { Bucket: "b", Key: "k", UploadId: "u", PartNumber: 0 });
 * // ValidationError: ... input is invalid:
 * //  - PartNumber: expected an integer from 1 to 10000, received 0
 * ```
 *
 * @module
 */
import "reflect-metadata";
import { ChecksumAlgorithm, ChecksumType, RequestPayer } from "@aws-sdk/client-s3";
import { IsOptional } from "../libraries.js";
import { Nested } from "../nested.js";
import { IsByteRange } from "../rules/http.js";
import { IsCopySource } from "../rules/names.js";
import { IsBody, IsInteger, IsSdkEnum, IsStructure, IsText, IsTimestamp } from "../rules/scalars.js";
import { IsList } from "../rules/lists.js";
import {
  CHECKSUM_VALUE_MEMBERS,
  COPY_SOURCE_SSE_CUSTOMER_MEMBERS,
  declareOptional,
  ObjectParams,
  SSE_CUSTOMER_MEMBERS,
} from "./common.js";
import { ObjectWriteParams } from "./object.js";

/** Most parts one multipart upload may have; part numbers run from 1 to this. */
export const MAX_PARTS = 10_000;

/** CreateMultipartUpload. */
export class CreateMultipartUploadParams extends ObjectWriteParams {
  @IsOptional() @IsSdkEnum(ChecksumType) ChecksumType?: ChecksumType;
}

/** Members of the calls that act on one upload. */
export class UploadParams extends ObjectParams {
  @IsText({ min: 1 }) UploadId!: string;
  @IsOptional() @IsSdkEnum(RequestPayer) RequestPayer?: RequestPayer;
}

/** UploadPart. */
export class UploadPartParams extends UploadParams {
  @IsInteger({ min: 1, max: MAX_PARTS }) PartNumber!: number;
  @IsOptional() @IsBody() Body?: unknown;
  @IsOptional() @IsInteger({ min: 0 }) ContentLength?: number;
  @IsOptional() @IsText() ContentMD5?: string;
  @IsOptional() @IsSdkEnum(ChecksumAlgorithm) ChecksumAlgorithm?: ChecksumAlgorithm;
}
declareOptional(UploadPartParams, [...CHECKSUM_VALUE_MEMBERS, ...SSE_CUSTOMER_MEMBERS], () => [IsText()]);

/** UploadPartCopy. */
export class UploadPartCopyParams extends UploadParams {
  @IsCopySource() CopySource!: string;
  @IsInteger({ min: 1, max: MAX_PARTS }) PartNumber!: number;
  @IsOptional() @IsByteRange({ closed: true }) CopySourceRange?: string;
  @IsOptional() @IsTimestamp() CopySourceIfModifiedSince?: Date;
  @IsOptional() @IsTimestamp() CopySourceIfUnmodifiedSince?: Date;
}
declareOptional(
  UploadPartCopyParams,
  [
    "CopySourceIfMatch",
    "CopySourceIfNoneMatch",
    "ExpectedSourceBucketOwner",
    ...SSE_CUSTOMER_MEMBERS,
    ...COPY_SOURCE_SSE_CUSTOMER_MEMBERS,
  ],
  () => [IsText()],
);

/** One entry of `MultipartUpload.Parts`. */
export class CompletedPartParams {
  @IsOptional() @IsText() ETag?: string;
  @IsOptional() @IsInteger({ min: 1, max: MAX_PARTS }) PartNumber?: number;
}
declareOptional(CompletedPartParams, CHECKSUM_VALUE_MEMBERS, () => [IsText()]);

/** `CompleteMultipartUpload.MultipartUpload`. */
export class CompletedMultipartUploadParams {
  @IsOptional()
  @IsList({ min: 1, max: MAX_PARTS, of: "parts" })
  @Nested(() => CompletedPartParams)
  Parts?: CompletedPartParams[];
}

/** CompleteMultipartUpload. */
export class CompleteMultipartUploadParams extends UploadParams {
  @IsOptional()
  @IsStructure()
  @Nested(() => CompletedMultipartUploadParams)
  MultipartUpload?: CompletedMultipartUploadParams;
  @IsOptional() @IsSdkEnum(ChecksumType) ChecksumType?: ChecksumType;
  @IsOptional() @IsInteger({ min: 0 }) MpuObjectSize?: number;
  @IsOptional() @IsText() IfMatch?: string;
  @IsOptional() @IsText() IfNoneMatch?: string;
}
declareOptional(CompleteMultipartUploadParams, [...CHECKSUM_VALUE_MEMBERS, ...SSE_CUSTOMER_MEMBERS], () => [
  IsText(),
]);

/** AbortMultipartUpload. */
export class AbortMultipartUploadParams extends UploadParams {
  @IsOptional() @IsTimestamp() IfMatchInitiatedTime?: Date;
}

/**
 * DTOs of the listing calls: ListBuckets, ListObjects, ListObjectsV2, ListObjectVersions,
 * ListMultipartUploads and ListParts.
 *
 * @example
 * ```ts
 * validateParams("ListObjectsV2", { Bucket: "b", MaxKeys: -5 });
 * // ValidationError: ... input is invalid:
 * //  - MaxKeys: expected an integer of at least 0, received -5
 * ```
 *
 * @module
 */
import "reflect-metadata";
import { EncodingType, OptionalObjectAttributes, RequestPayer } from "@aws-sdk/client-s3";
import { IsOptional } from "../libraries.js";
import { IsBool, IsInteger, IsSdkEnum, IsText } from "../rules/scalars.js";
import { IsEnumList } from "../rules/lists.js";
import { BucketParams, declareOptional, SSE_CUSTOMER_MEMBERS } from "./common.js";
import { UploadParams } from "./multipart.js";

/** ListBuckets (no bucket). */
export class ListBucketsParams {
  @IsOptional() @IsInteger({ min: 1, max: 10_000 }) MaxBuckets?: number;
  @IsOptional() @IsText() ContinuationToken?: string;
  @IsOptional() @IsText() Prefix?: string;
  @IsOptional() @IsText() BucketRegion?: string;
}

/** Members shared by the listings of a bucket's keys. */
export class BucketListingParams extends BucketParams {
  @IsOptional() @IsText() Delimiter?: string;
  @IsOptional() @IsSdkEnum(EncodingType) EncodingType?: EncodingType;
  @IsOptional() @IsText() Prefix?: string;
  @IsOptional() @IsSdkEnum(RequestPayer) RequestPayer?: RequestPayer;
}

/** Members shared by the listings of objects and versions. */
export class ObjectListingParams extends BucketListingParams {
  @IsOptional() @IsInteger({ min: 0 }) MaxKeys?: number;
  @IsOptional() @IsEnumList(OptionalObjectAttributes) OptionalObjectAttributes?: OptionalObjectAttributes[];
}

/** ListObjects. */
export class ListObjectsParams extends ObjectListingParams {
  @IsOptional() @IsText() Marker?: string;
}

/** ListObjectsV2. */
export class ListObjectsV2Params extends ObjectListingParams {
  @IsOptional() @IsText() ContinuationToken?: string;
  @IsOptional() @IsBool() FetchOwner?: boolean;
  @IsOptional() @IsText() StartAfter?: string;
}

/** ListObjectVersions. */
export class ListObjectVersionsParams extends ObjectListingParams {
  @IsOptional() @IsText() KeyMarker?: string;
  @IsOptional() @IsText() VersionIdMarker?: string;
}

/** ListMultipartUploads. */
export class ListMultipartUploadsParams extends BucketListingParams {
  @IsOptional() @IsText() KeyMarker?: string;
  @IsOptional() @IsInteger({ min: 0 }) MaxUploads?: number;
  @IsOptional() @IsText() UploadIdMarker?: string;
}

/** ListParts. */
export class ListPartsParams extends UploadParams {
  @IsOptional() @IsInteger({ min: 0 }) MaxParts?: number;
  @IsOptional() @IsText() PartNumberMarker?: string;
}
declareOptional(ListPartsParams, SSE_CUSTOMER_MEMBERS, () => [IsText()]);

/**
 * class-validator DTOs of the operations the ObjectScale plugin adds, registered with
 * `registerValidator` so `client.call()` checks them before anything is sent.
 *
 * @module
 */
import "reflect-metadata";
import { IsOptional } from "../../../lib/validation/libraries.js";
import {
  BucketParams,
  IsBool,
  IsBucketName,
  IsInteger,
  IsList,
  IsObjectKey,
  IsSdkEnum,
  IsText,
  Nested,
  ObjectParams,
  registerValidator,
  type DtoClass,
} from "../../../lib/validation/index.js";
import {
  attributeNames,
  copyRanges,
  headerText,
  Is,
  nodeAddress,
  searchExpression,
  sizedBody,
  sortKey,
} from "./rules.js";

/** QueryObjects. */
export class QueryObjectsParams extends BucketParams {
  @Is(searchExpression) Query!: unknown;
  @IsOptional() @Is(attributeNames) Attributes?: string[];
  @IsOptional() @Is(sortKey) Sorted?: string;
  @IsOptional() @IsBool() IncludeOlderVersions?: boolean;
  @IsOptional() @IsInteger({ min: 1 }) MaxKeys?: number;
  @IsOptional() @IsText() Marker?: string;
  @IsOptional() @IsText() Prefix?: string;
  @IsOptional() @IsText({ min: 1 }) Delimiter?: string;
  @IsOptional() @IsSdkEnum({ url: "url" }) EncodingType?: "url";
}

/** AppendObject. */
export class AppendObjectParams extends ObjectParams {
  @Is(sizedBody()) Body!: unknown;
  @IsOptional() @IsInteger({ min: 0 }) ContentLength?: number;
  @IsOptional() @Is(headerText) ContentType?: string;
}

/** OverwriteObjectRange. */
export class OverwriteObjectRangeParams extends ObjectParams {
  @IsInteger({ min: 0 }) Offset!: number;
  @Is(sizedBody()) Body!: unknown;
  @IsOptional() @IsInteger({ min: 0 }) ContentLength?: number;
}

/** UpdateObjectRange: the replaced range needs at least one byte. */
export class UpdateObjectRangeParams extends ObjectParams {
  @IsInteger({ min: 0 }) Offset!: number;
  @Is(sizedBody(true)) Body!: unknown;
  @IsOptional() @IsInteger({ min: 1 }) ContentLength?: number;
}

/** ExtendRetentionPeriod. */
export class ExtendRetentionPeriodParams extends ObjectParams {
  @IsInteger({ min: -1 }) RetentionPeriod!: number;
}

/** SetStaleReadAllowed. */
export class SetStaleReadAllowedParams extends BucketParams {
  @IsBool() StaleReadAllowed!: boolean;
}

/** Ping. */
export class PingParams {
  @IsOptional() @Is(nodeAddress) Node?: string;
}

/** ListBucketsPaged. */
export class ListBucketsPagedParams {
  @IsOptional() @IsText() Marker?: string;
  @IsOptional() @IsInteger({ min: 1 }) Limit?: number;
}

/** One source of CopyRange. */
export class CopyRangeSegmentParams {
  @IsBucketName() Bucket!: string;
  @IsObjectKey() Key!: string;
  @IsOptional() @Is(copyRanges) Range?: string;
  @IsOptional() @IsText({ min: 1 }) ETag?: string;
  @IsOptional() @IsText({ min: 1 }) SSECustomerAlgorithm?: string;
  @IsOptional() @IsText({ min: 1 }) SSECustomerKey?: string;
  @IsOptional() @IsText({ min: 1 }) SSECustomerKeyMD5?: string;
}

/** CopyRange. */
export class CopyRangeParams extends ObjectParams {
  @IsList({ min: 1, max: 250, of: "segments" })
  @Nested(() => CopyRangeSegmentParams, "a segment with Bucket and Key")
  Segments!: CopyRangeSegmentParams[];
  @IsOptional() @Is(headerText) ContentType?: string;
  @IsOptional() @IsSdkEnum({ shallow: "shallow", deep: "deep" }) CopyMode?: "shallow" | "deep";
}

/** The DTO of each added operation; operations without input members have none. */
export const OPERATION_PARAMS: Readonly<Record<string, DtoClass>> = {
  ListBucketMetadataSearchKeys: BucketParams,
  DisableMetadataSearch: BucketParams,
  QueryObjects: QueryObjectsParams,
  AppendObject: AppendObjectParams,
  UpdateObjectRange: UpdateObjectRangeParams,
  OverwriteObjectRange: OverwriteObjectRangeParams,
  ExtendRetentionPeriod: ExtendRetentionPeriodParams,
  SetStaleReadAllowed: SetStaleReadAllowedParams,
  EmptyBucket: BucketParams,
  GetEmptyBucketStatus: BucketParams,
  Ping: PingParams,
  ListBucketsPaged: ListBucketsPagedParams,
  CopyRange: CopyRangeParams,
  EnableObjectLock: BucketParams,
};

let registered = false;

/**
 * Registers the DTOs above (once per process; the validator registry is global, and these
 * operation names exist only with the plugin).
 *
 * @example
 * ```ts
 * registerOperationValidators(); // client.queryObjects({ Bucket: "b", Query: "" }) now throws ValidationError
 * ```
 */
export function registerOperationValidators(): void {
  if (registered) return;
  registered = true;
  for (const [operation, dto] of Object.entries(OPERATION_PARAMS)) registerValidator(operation, dto);
}

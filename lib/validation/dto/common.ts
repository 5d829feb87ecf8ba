/**
 * Members shared by many S3 inputs: the bucket and object addresses, tags, and helpers that
 * declare long runs of optional members.
 *
 * @module
 */
import "reflect-metadata";
import { IsOptional } from "../libraries.js";
import type { DtoClass } from "../nested.js";
import { IsBucketName, IsObjectKey } from "../rules/names.js";
import { IsText } from "../rules/scalars.js";

/**
 * Declares each of `names` on `dto` as optional and checked by the decorators `make` returns (a
 * fresh set per member). Used for long runs of plain members such as the ten checksum headers,
 * which would otherwise be ten identical decorated fields.
 *
 * @example
 * ```ts
 * declareOptional(PutObjectParams, ["ChecksumCRC32", "ChecksumSHA256"], () => [IsText()]);
 * ```
 */
export function declareOptional(
  dto: DtoClass,
  names: readonly string[],
  make: () => PropertyDecorator[],
): void {
  for (const name of names) {
    for (const decorate of [IsOptional(), ...make()]) decorate(dto.prototype as object, name);
  }
}

/** The SSE-C members (`SSECustomerAlgorithm`, `SSECustomerKey`, `SSECustomerKeyMD5`). */
export const SSE_CUSTOMER_MEMBERS = ["SSECustomerAlgorithm", "SSECustomerKey", "SSECustomerKeyMD5"] as const;

/** The SSE-C members of the copy source. */
export const COPY_SOURCE_SSE_CUSTOMER_MEMBERS = [
  "CopySourceSSECustomerAlgorithm",
  "CopySourceSSECustomerKey",
  "CopySourceSSECustomerKeyMD5",
] as const;

/** The checksum-value members (`ChecksumCRC32`, ..., `ChecksumXXHASH128`). */
export const CHECKSUM_VALUE_MEMBERS = [
  "ChecksumCRC32",
  "ChecksumCRC32C",
  "ChecksumCRC64NVME",
  "ChecksumSHA1",
  "ChecksumSHA256",
  "ChecksumSHA512",
  "ChecksumMD5",
  "ChecksumXXHASH64",
  "ChecksumXXHASH3",
  "ChecksumXXHASH128",
] as const;

/** The grant headers of object writes (`GrantWrite` exists only on buckets and ACL calls). */
export const OBJECT_GRANT_MEMBERS = [
  "GrantFullControl",
  "GrantRead",
  "GrantReadACP",
  "GrantWriteACP",
] as const;

/** The grant headers of bucket creation and of the ACL calls. */
export const GRANT_MEMBERS = [...OBJECT_GRANT_MEMBERS, "GrantWrite"] as const;

/**
 * Members of every input that addresses an existing bucket. Extend it for a plugin's operations
 * so they check bucket names like the S3 ones.
 *
 * @example
 * ```ts
 * class SearchMetadataParams extends BucketParams {
 *   @IsText({ min: 1 }) Query!: string;
 * }
 * registerValidator("SearchMetadata", SearchMetadataParams);
 * ```
 */
export class BucketParams {
  /** An existing bucket: lenient names (legacy S3, ObjectScale) or an ARN. */
  @IsBucketName() Bucket!: string;
  @IsOptional() @IsText() ExpectedBucketOwner?: string;
}

/**
 * Members of every input that addresses an object: a bucket and a key.
 *
 * @example
 * ```ts
 * class GetObjectMetadataParams extends ObjectParams {}
 * registerValidator("GetObjectMetadata", GetObjectMetadataParams);
 * ```
 */
export class ObjectParams extends BucketParams {
  @IsObjectKey() Key!: string;
}

/**
 * A tag: a key of 1-128 characters and a value of 0-256 characters.
 *
 * @example
 * ```ts
 * class Labels {
 *   @IsList({ max: 10, of: "tags" }) @Nested(() => TagParams) TagSet!: TagParams[];
 * }
 * ```
 */
export class TagParams {
  @IsText({ min: 1, max: 128 }) Key!: string;
  @IsText({ max: 256 }) Value!: string;
}

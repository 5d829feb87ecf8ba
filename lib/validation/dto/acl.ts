/**
 * DTOs of the ACL calls: Put/GetObjectAcl and Put/GetBucketAcl.
 *
 * @example
 * ```ts
 * validateParams("PutObjectAcl", { Bucket: "b", Key: "k", ACL: "everyone" });
 * // ValidationError: ... input is invalid:
 * //  - ACL: expected one of "authenticated-read", ..., received "everyone"
 * ```
 *
 * @module
 */
import "reflect-metadata";
import {
  BucketCannedACL,
  ChecksumAlgorithm,
  ObjectCannedACL,
  Permission,
  RequestPayer,
  Type,
} from "@aws-sdk/client-s3";
import { IsOptional } from "../libraries.js";
import { Nested } from "../nested.js";
import { IsSdkEnum, IsStructure, IsText } from "../rules/scalars.js";
import { IsList } from "../rules/lists.js";
import { BucketParams, declareOptional, GRANT_MEMBERS, ObjectParams } from "./common.js";

/** `Grant.Grantee`. */
export class GranteeParams {
  @IsSdkEnum(Type) Type!: Type;
  @IsOptional() @IsText() DisplayName?: string;
  @IsOptional() @IsText() EmailAddress?: string;
  @IsOptional() @IsText() ID?: string;
  @IsOptional() @IsText() URI?: string;
}

/** One entry of `AccessControlPolicy.Grants`. */
export class GrantParams {
  @IsOptional() @IsStructure() @Nested(() => GranteeParams) Grantee?: GranteeParams;
  @IsOptional() @IsSdkEnum(Permission) Permission?: Permission;
}

/** `AccessControlPolicy.Owner`. */
export class OwnerParams {
  @IsOptional() @IsText() DisplayName?: string;
  @IsOptional() @IsText() ID?: string;
}

/** `AccessControlPolicy`. */
export class AccessControlPolicyParams {
  @IsOptional() @IsList({ of: "grants" }) @Nested(() => GrantParams) Grants?: GrantParams[];
  @IsOptional() @IsStructure() @Nested(() => OwnerParams) Owner?: OwnerParams;
}

/** PutObjectAcl. */
export class PutObjectAclParams extends ObjectParams {
  @IsOptional() @IsSdkEnum(ObjectCannedACL) ACL?: ObjectCannedACL;
  @IsOptional()
  @IsStructure()
  @Nested(() => AccessControlPolicyParams)
  AccessControlPolicy?: AccessControlPolicyParams;
  @IsOptional() @IsText() ContentMD5?: string;
  @IsOptional() @IsSdkEnum(ChecksumAlgorithm) ChecksumAlgorithm?: ChecksumAlgorithm;
  @IsOptional() @IsSdkEnum(RequestPayer) RequestPayer?: RequestPayer;
  @IsOptional() @IsText() VersionId?: string;
}
declareOptional(PutObjectAclParams, GRANT_MEMBERS, () => [IsText()]);

/** GetObjectAcl. */
export class GetObjectAclParams extends ObjectParams {
  @IsOptional() @IsText() VersionId?: string;
  @IsOptional() @IsSdkEnum(RequestPayer) RequestPayer?: RequestPayer;
}

/** PutBucketAcl. */
export class PutBucketAclParams extends BucketParams {
  @IsOptional() @IsSdkEnum(BucketCannedACL) ACL?: BucketCannedACL;
  @IsOptional()
  @IsStructure()
  @Nested(() => AccessControlPolicyParams)
  AccessControlPolicy?: AccessControlPolicyParams;
  @IsOptional() @IsText() ContentMD5?: string;
  @IsOptional() @IsSdkEnum(ChecksumAlgorithm) ChecksumAlgorithm?: ChecksumAlgorithm;
}
declareOptional(PutBucketAclParams, GRANT_MEMBERS, () => [IsText()]);

/** GetBucketAcl. */
export class GetBucketAclParams extends BucketParams {}

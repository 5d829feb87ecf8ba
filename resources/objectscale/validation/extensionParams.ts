/**
 * class-validator DTOs of the `ObjectScale` members on modelled operations, checked by the
 * plugin's `before-parameter-build` handler, before the SDK sees anything.
 *
 * @module
 */
import "reflect-metadata";
import { IsOptional } from "class-validator";
import { ValidationError, type ValidationIssue } from "../../../lib/errors.js";
import { IsBool, IsInteger, IsStructure, Nested, type DtoClass } from "../../../lib/validation/index.js";
import { collectIssues } from "../../../lib/validation/collectIssues.js";
import { compileDto } from "../../../lib/validation/compile.js";
import { distinctSearchKeys, headerText, Is, onlyMembers, searchKeyName, searchKeyType } from "./rules.js";

/** One key of `metadataSearch`. */
export class MetadataSearchKeyParams {
  @Is(searchKeyName) key!: string;
  @Is(searchKeyType) type?: string;
}

/** `CreateBucket.ObjectScale`. */
export class CreateBucketObjectScaleParams {
  @IsOptional() @Is(headerText) namespace?: string;
  @IsOptional() @Is(headerText) replicationGroup?: string;
  @IsOptional() @IsBool() fileSystemEnabled?: boolean;
  @IsOptional() @IsBool() staleReadAllowed?: boolean;
  @IsOptional() @IsBool() serverSideEncryption?: boolean;
  @IsOptional() @IsInteger({ min: -1 }) retentionPeriod?: number;
  @IsOptional() @IsBool() complianceEnabled?: boolean;
  @IsOptional()
  @Is(distinctSearchKeys)
  @Nested(() => MetadataSearchKeyParams, "an object { key, type }")
  metadataSearch?: MetadataSearchKeyParams[];
}

/** `ObjectScale` of PutObject, CopyObject and CreateMultipartUpload. */
export class ObjectRetentionParams {
  @IsOptional() @IsInteger({ min: -1 }) retentionPeriod?: number;
  @IsOptional() @Is(headerText) retentionPolicy?: string;
}

const CREATE_BUCKET_MEMBERS = [
  "namespace",
  "replicationGroup",
  "fileSystemEnabled",
  "staleReadAllowed",
  "serverSideEncryption",
  "retentionPeriod",
  "complianceEnabled",
  "metadataSearch",
];

/** The operation's input, as far as its `ObjectScale` member goes. */
export class CreateBucketExtensionParams {
  @IsOptional()
  @IsStructure()
  @Is(onlyMembers(CREATE_BUCKET_MEMBERS))
  @Nested(() => CreateBucketObjectScaleParams)
  ObjectScale?: CreateBucketObjectScaleParams;
}

/** The `ObjectScale` member of object writes. */
export class ObjectWriteExtensionParams {
  @IsOptional()
  @IsStructure()
  @Is(onlyMembers(["retentionPeriod", "retentionPolicy"]))
  @Nested(() => ObjectRetentionParams)
  ObjectScale?: ObjectRetentionParams;
}

const EXTENSION_PARAMS: Readonly<Record<string, DtoClass>> = {
  CreateBucket: CreateBucketExtensionParams,
  PutObject: ObjectWriteExtensionParams,
  CopyObject: ObjectWriteExtensionParams,
  CreateMultipartUpload: ObjectWriteExtensionParams,
};

/**
 * Checks the `ObjectScale` member of `params` for `operation`; field paths start at the input
 * (`ObjectScale.metadataSearch[2].type`).
 *
 * @example
 * ```ts
 * checkExtension("PutObject", { ObjectScale: { retentionPeriod: -2 } }); // throws: ObjectScale.retentionPeriod
 * ```
 * @throws {@link ValidationError} (subject: the operation) listing every bad field.
 */
export function checkExtension(operation: string, params: { ObjectScale?: unknown }): void {
  const dto = EXTENSION_PARAMS[operation];
  if (dto === undefined) return;
  const issues: ValidationIssue[] = [];
  collectIssues(compileDto(dto), { ObjectScale: params.ObjectScale }, "", issues);
  if (issues.length > 0) throw new ValidationError(operation, issues);
}

/**
 * class-validator DTOs of the `ObjectScale` members on modelled operations, checked by the
 * plugin's `before-parameter-build` handler, before the SDK sees anything.
 *
 * @module
 */
import "reflect-metadata";
import { IsOptional } from "../../../lib/validation/libraries.js";
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

const OBJECT_WRITE_MEMBERS = ["retentionPeriod", "retentionPolicy"];

/** The `ObjectScale` member of object writes. */
export class ObjectWriteExtensionParams {
  @IsOptional()
  @IsStructure()
  @Is(onlyMembers(OBJECT_WRITE_MEMBERS))
  @Nested(() => ObjectRetentionParams)
  ObjectScale?: ObjectRetentionParams;
}

const EXTENSION_PARAMS: Readonly<Record<string, { dto: DtoClass; members: readonly string[] }>> = {
  CreateBucket: { dto: CreateBucketExtensionParams, members: CREATE_BUCKET_MEMBERS },
  PutObject: { dto: ObjectWriteExtensionParams, members: OBJECT_WRITE_MEMBERS },
  CopyObject: { dto: ObjectWriteExtensionParams, members: OBJECT_WRITE_MEMBERS },
  CreateMultipartUpload: { dto: ObjectWriteExtensionParams, members: OBJECT_WRITE_MEMBERS },
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
  const spec = EXTENSION_PARAMS[operation];
  if (spec === undefined) return;
  const compiled = compileDto(spec.dto);
  const value = params.ObjectScale;
  const issues: ValidationIssue[] = [];
  collectIssues(compiled, { ObjectScale: value }, "", issues);
  if (issues.length > 0 && typeof value === "object" && value !== null && !Array.isArray(value)) {
    // An unknown member fails the whole structure, which hides its members' own problems: check
    // the known members as well, so every bad field is listed.
    const known = Object.fromEntries(Object.entries(value).filter(([k]) => spec.members.includes(k)));
    const more: ValidationIssue[] = [];
    collectIssues(compiled, { ObjectScale: known }, "", more);
    const seen = new Set(issues.map((i) => i.field));
    issues.push(...more.filter((i) => !seen.has(i.field)));
  }
  if (issues.length > 0) throw new ValidationError(operation, issues);
}

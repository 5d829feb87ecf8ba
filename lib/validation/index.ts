/**
 * Client-side validation of operation inputs: class-validator DTOs per operation, compiled into
 * fast checks, that reject bad input with a typed `ValidationError` before anything is sent.
 *
 * @module
 */
export { validateParams, registerValidator, hasValidator, getValidator } from "./validateParams.js";
export { defineRule, ruleDecorator, isRule } from "./Rule.js";
export type { Rule, RuleFinding } from "./Rule.js";
export { Nested } from "./nested.js";
export type { DtoClass } from "./nested.js";
export { IsBucketName, IsObjectKey, IsCopySource, isObjectKey, MAX_KEY_BYTES } from "./rules/names.js";
export type { BucketNameOptions } from "./rules/names.js";
export { IsText, IsInteger, IsBool, IsTimestamp, IsStructure, IsSdkEnum, IsBody } from "./rules/scalars.js";
export { IsList, IsTextList, IsEnumList } from "./rules/lists.js";
export type { TextOptions, IntegerOptions, TimestampOptions, SdkEnum } from "./rules/scalars.js";
export type { ListOptions } from "./rules/lists.js";
export { IsMetadataMap, IsByteRange, IsPolicyDocument } from "./rules/http.js";
export type { ByteRangeOptions } from "./rules/http.js";
export { renderValue } from "./render.js";
export { BucketParams, ObjectParams, TagParams } from "./dto/common.js";
export { s3RequiredMembers } from "./operationTable.js";
export type { MemberKind } from "./operationTable.js";

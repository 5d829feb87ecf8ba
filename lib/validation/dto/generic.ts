/**
 * DTOs built from the operation table, for the S3 operations without a hand-written DTO: they
 * check the bucket name, the key and every other required member.
 *
 * @module
 */
import "reflect-metadata";
import type { DtoClass } from "../nested.js";
import type { MemberKind } from "../operationTable.js";
import { IsCopySource, IsBucketName, IsObjectKey } from "../rules/names.js";
import { IsBody, IsInteger, IsStructure, IsText } from "../rules/scalars.js";
import { IsList } from "../rules/lists.js";

/** The decorator that checks a required member of each kind. */
const decoratorFor = {
  bucket: () => IsBucketName(),
  newBucket: () => IsBucketName({ strict: true }),
  key: () => IsObjectKey(),
  copySource: () => IsCopySource(),
  partNumber: () => IsInteger({ min: 1, max: 10_000 }),
  text: () => IsText({ min: 1 }),
  integer: () => IsInteger(),
  structure: () => IsStructure(),
  list: () => IsList({ of: "items" }),
  body: () => IsBody(),
} as const satisfies { readonly [K in MemberKind]: () => PropertyDecorator };

/**
 * Builds a DTO class named `<operation>Params` whose members are the required members of an
 * operation, each checked according to its kind.
 *
 * @example
 * ```ts
 * const dto = genericDto("GetBucketCors", { Bucket: "bucket" });
 * ```
 */
export function genericDto(operation: string, members: Readonly<Record<string, MemberKind>>): DtoClass {
  const name = `${operation}Params`;
  const dto = { [name]: class {} }[name]!;
  for (const [member, kind] of Object.entries(members)) decoratorFor[kind]()(dto.prototype, member);
  return dto;
}

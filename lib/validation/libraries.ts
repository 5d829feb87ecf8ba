/**
 * The few parts of class-validator and class-transformer this library uses, loaded from their own
 * modules.
 *
 * class-validator's index loads every decorator it has and, with them, validator.js: about 150 ms
 * of a cold start on a small machine, for decorators (and their checks) we never use. The rules
 * here are our own (`Rule.ts`); from class-validator we need only the decorators that record
 * metadata and the storage that holds it, and from class-transformer only `Type`. Loaded one by
 * one they take about 20 ms.
 *
 * The storages are the ones the packages' indexes use: class-validator keeps its own on
 * `globalThis`, and class-transformer's is the module its index loads too, so DTOs declared with
 * the decorators of the packages' indexes, yours included, share them. The paths are those of the
 * pinned class-validator 0.15.1 and class-transformer 0.5.1; the validation tests fail if they move.
 *
 * @module
 */
import { createRequire } from "node:module";
import type * as ClassTransformer from "class-transformer";
import type * as ClassValidator from "class-validator";

const load = createRequire(import.meta.url);
const common = "class-validator/cjs/decorator/common";

export const { IsOptional } = load(`${common}/IsOptional.js`) as Pick<typeof ClassValidator, "IsOptional">;
export const { ValidateBy } = load(`${common}/ValidateBy.js`) as Pick<typeof ClassValidator, "ValidateBy">;
export const { ValidateNested } = load(`${common}/ValidateNested.js`) as Pick<
  typeof ClassValidator,
  "ValidateNested"
>;
export const { getMetadataStorage } = load("class-validator/cjs/metadata/MetadataStorage.js") as Pick<
  typeof ClassValidator,
  "getMetadataStorage"
>;
export const { ValidationTypes } = load("class-validator/cjs/validation/ValidationTypes.js") as Pick<
  typeof ClassValidator,
  "ValidationTypes"
>;
export const { Type } = load("class-transformer/cjs/decorators/type.decorator.js") as Pick<
  typeof ClassTransformer,
  "Type"
>;
export type { MetadataStorage, ValidationArguments, ValidationOptions } from "class-validator";

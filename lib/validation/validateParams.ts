/**
 * The entry point of client-side validation: one DTO per operation, checked before anything is
 * sent.
 *
 * @module
 */
import { ValidationError, type ValidationIssue } from "../errors.js";
import { collectIssues } from "./collectIssues.js";
import { compileDto, type DtoPlan } from "./compile.js";
import type { DtoClass } from "./nested.js";
import { renderValue } from "./render.js";
import { s3OperationDto } from "./s3Validators.js";

/** DTOs registered at run time (plugins); they take precedence over the built-in S3 DTOs. */
const registered = new Map<string, DtoClass>();
/** Compiled plan per operation name, for both registered and built-in DTOs. */
const plansByOperation = new Map<string, DtoPlan | null>();

function planFor(operation: string): DtoPlan | null {
  let plan = plansByOperation.get(operation);
  if (plan === undefined) {
    const dto = getValidator(operation);
    plan = dto === undefined ? null : compileDto(dto);
    plansByOperation.set(operation, plan);
  }
  return plan;
}

/**
 * Checks the parameters of a call against the DTO of its operation and throws if any field is bad.
 * Runs on every client call, between `provide-client-params` and `before-parameter-build`.
 *
 * Every bad field is reported, not just the first; `params` is only read, never modified, and
 * members the DTO does not mention pass untouched. An operation without a validator passes.
 *
 * @param operation - The operation's model name, such as `HeadObject`.
 * @param params - The call's input.
 * @throws {@link ValidationError} listing each bad field, in the order of the input's members.
 *
 * @example
 * ```ts
 * validateParams("HeadObject", { Bucket: "logs", Key: "" });
 * // ValidationError: HeadObject input is invalid:
 * //  - Key: expected a non-empty string of at most 1024 UTF-8 bytes, received ""
 * ```
 */
export function validateParams(operation: string, params: object): void {
  const plan = planFor(operation);
  if (plan === null) return;
  const input: unknown = params ?? {};
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ValidationError(operation, [
      { field: "(input)", expected: "an object of parameters", received: renderValue(input) },
    ]);
  }
  const issues: ValidationIssue[] = [];
  collectIssues(plan, input, "", issues);
  if (issues.length > 0) throw new ValidationError(operation, inInputOrder(input, issues));
}

/** Sorts issues by the position of their top-level member in the input; missing members last. */
function inInputOrder(input: object, issues: ValidationIssue[]): ValidationIssue[] {
  if (issues.length < 2) return issues;
  const rank = new Map(Object.keys(input).map((key, i) => [key, i]));
  const topOf = (field: string): string => /^[^.[]+/.exec(field)?.[0] ?? field;
  return issues
    .map((issue, order) => ({ issue, order, rank: rank.get(topOf(issue.field)) ?? Infinity }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((entry) => entry.issue);
}

/**
 * Makes `dto` the validator of `operation`, replacing any earlier one (including a built-in S3
 * DTO). Plugins call this for the operations they add, such as ObjectScale's metadata search.
 *
 * The DTO is compiled at once, so a DTO the validator cannot run fails here and not on the first
 * call.
 *
 * @param operation - The operation's model name.
 * @param dto - A class decorated with class-validator rules (those of this module, or any
 *   synchronous class-validator decorator); nested structures use `@Nested`.
 * @returns A function that restores the previous validator, if this one is still in place.
 * @throws InvalidClassDefinitionError when the DTO uses asynchronous constraints, or
 *   `@ValidateNested` without `@Nested`.
 *
 * @example
 * ```ts
 * class SearchMetadataParams {
 *   @IsBucketName() Bucket!: string;
 *   @IsText({ min: 1 }) Query!: string;
 * }
 * const unregister = registerValidator("SearchMetadata", SearchMetadataParams);
 * ```
 */
export function registerValidator(operation: string, dto: DtoClass): () => void {
  compileDto(dto);
  const previous = registered.get(operation);
  registered.set(operation, dto);
  plansByOperation.delete(operation);
  return () => {
    if (registered.get(operation) !== dto) return;
    if (previous === undefined) registered.delete(operation);
    else registered.set(operation, previous);
    plansByOperation.delete(operation);
  };
}

/**
 * True when calls of `operation` are validated (by a registered or a built-in DTO).
 *
 * @example
 * ```ts
 * hasValidator("HeadObject"); // true
 * hasValidator("NoSuchOperation"); // false
 * ```
 */
export function hasValidator(operation: string): boolean {
  return getValidator(operation) !== undefined;
}

/**
 * The DTO class that validates `operation`, or `undefined`: a registered one first, then the
 * built-in S3 DTO.
 *
 * @example
 * ```ts
 * getValidator("DeleteObjects")?.name; // "DeleteObjectsParams"
 * ```
 */
export function getValidator(operation: string): DtoClass | undefined {
  return registered.get(operation) ?? s3OperationDto(operation);
}

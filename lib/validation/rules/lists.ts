/**
 * Rules for list members: bounded lists, lists of strings and lists of enum values.
 *
 * @module
 */
import { defineRule, ruleDecorator, type Rule } from "../Rule.js";
import { quoted, type SdkEnum } from "./scalars.js";

/** Size limits and item noun of {@link IsList}. */
export interface ListOptions {
  /** @default 0 */
  readonly min?: number;
  /** @default unlimited */
  readonly max?: number;
  /** What the items are, in the plural, for the message: `objects`, `tags`, `strings`. */
  readonly of: string;
}

function listExpected({ min = 0, max = Infinity, of }: ListOptions): string {
  if (max === Infinity)
    return min === 0
      ? `a list of ${of}`
      : min === 1
        ? `a non-empty list of ${of}`
        : `a list of at least ${min} ${of}`;
  return min === 0 ? `a list of at most ${max} ${of}` : `a list of ${min} to ${max} ${of}`;
}

/**
 * Makes the rule behind {@link IsList}. `item`, when given, must hold for every element; the
 * elements of lists of structures are checked by `@Nested` instead.
 */
export function listRule(options: ListOptions, item?: (value: unknown) => boolean): Rule {
  const min = options.min ?? 0;
  const max = options.max ?? Infinity;
  return defineRule({
    name: "isList",
    expected: listExpected(options),
    test: (value) => {
      if (!Array.isArray(value) || value.length < min || value.length > max) return false;
      if (item === undefined) return true;
      for (const element of value) if (!item(element)) return false;
      return true;
    },
  });
}

/** Makes the rule behind {@link IsEnumList}. */
export function enumListRule(values: SdkEnum, options: Omit<ListOptions, "of"> = {}): Rule {
  const allowed = new Set<unknown>(Object.values(values));
  return listRule({ ...options, of: `values among ${quoted(Object.values(values))}` }, (v) => allowed.has(v));
}

/**
 * The property is a list whose length is within bounds; elements of structure lists are checked
 * with `@Nested`.
 *
 * @example
 * ```ts
 * class Delete {
 *   @IsList({ min: 1, max: 1000, of: "objects" }) @Nested(() => ObjectIdentifier) Objects!: ObjectIdentifier[];
 * }
 * ```
 */
export function IsList(options: ListOptions): PropertyDecorator {
  return ruleDecorator(listRule(options));
}

/**
 * The property is a list of strings.
 *
 * @example
 * ```ts
 * class CorsRule {
 *   @IsTextList({ min: 1 }) AllowedOrigins!: string[];
 * }
 * ```
 */
export function IsTextList(options: Omit<ListOptions, "of"> = {}): PropertyDecorator {
  return ruleDecorator(listRule({ ...options, of: "strings" }, (v) => typeof v === "string"));
}

/**
 * The property is a list of values of an SDK enum.
 *
 * @example
 * ```ts
 * import { ObjectAttributes } from "@aws-sdk/client-s3";
 * class GetObjectAttributesParams {
 *   @IsEnumList(ObjectAttributes, { min: 1 }) ObjectAttributes!: ObjectAttributes[];
 * }
 * ```
 */
export function IsEnumList(values: SdkEnum, options?: Omit<ListOptions, "of">): PropertyDecorator {
  return ruleDecorator(enumListRule(values, options));
}

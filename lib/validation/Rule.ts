/**
 * A validation rule: one check with its expectation in words, usable as a class-validator decorator.
 *
 * @module
 */
import { ValidateBy, type ValidationOptions } from "./libraries.js";

/**
 * One precise finding a {@link Rule} reports after its test failed, such as the one bad entry of a
 * metadata map. `path` is appended to the field's path (`""` for the field itself).
 */
export interface RuleFinding {
  /** Suffix of the field path, such as `["bad name"]`, or `""` for the field itself. */
  readonly path: string;
  /** What was expected there, in words. */
  readonly expected: string;
  /** The offending value (rendered later, never printed whole). */
  readonly value: unknown;
}

/**
 * A named, reusable check. The validator turns a failed rule into a `ValidationIssue` whose
 * `expected` text is {@link Rule.expected}, or into the more precise findings of
 * {@link Rule.explain} when the rule has it.
 *
 * Rules are plain data so that the compiled validator can call {@link Rule.test} directly, while
 * class-validator's own executor calls it through the decorator made by {@link ruleDecorator}.
 */
export interface Rule {
  /** The class-validator constraint name, such as `isObjectKey`. */
  readonly name: string;
  /** What the value must be, in words, such as `a non-empty string of at most 1024 UTF-8 bytes`. */
  readonly expected: string;
  /** True when `value` is acceptable. `object` is the object that holds the value. */
  readonly test: (value: unknown, object: object) => boolean;
  /** Optional: after a failed test, say precisely what is wrong and where. */
  readonly explain?: (value: unknown) => readonly RuleFinding[];
}

const RULE_BRAND = Symbol.for("objectscale-resources.validation.rule");

/**
 * Declares a rule. The result is frozen and branded so the validator can recognise it among the
 * constraints of a class-validator metadata entry.
 *
 * @example
 * ```ts
 * const isEven = defineRule({
 *   name: "isEven",
 *   expected: "an even integer",
 *   test: (v) => Number.isInteger(v) && (v as number) % 2 === 0,
 * });
 * ```
 */
export function defineRule(spec: Rule): Rule {
  return Object.freeze({ ...spec, [RULE_BRAND]: true });
}

/**
 * True when `value` was made by {@link defineRule}.
 *
 * @example
 * ```ts
 * isRule(objectKey); // true
 * isRule({ name: "x", expected: "y", test: () => true }); // false: not declared through defineRule
 * ```
 */
export function isRule(value: unknown): value is Rule {
  return typeof value === "object" && value !== null && RULE_BRAND in value;
}

/**
 * Turns a rule into a class-validator property decorator. The rule itself is stored as the
 * constraint, so class-validator's metadata stays the single source of truth for both the
 * compiled validator and `validateSync`.
 *
 * @param rule - The rule to apply.
 * @param options - class-validator options (`each`, `message`, ...), passed through.
 *
 * @example
 * ```ts
 * class Page {
 *   @ruleDecorator(isEven) size!: number;
 * }
 * ```
 */
export function ruleDecorator(rule: Rule, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: rule.name,
      constraints: [rule],
      validator: {
        validate: (value: unknown, args) => rule.test(value, args?.object ?? {}),
        defaultMessage: () => rule.expected,
      },
    },
    options,
  );
}

/**
 * Rules for the plain members of an SDK input: strings, integers, booleans, timestamps, enums,
 * structures and bodies.
 *
 * @module
 */
import { defineRule, ruleDecorator, type Rule } from "../Rule.js";

/** Length limits of {@link IsText}, in Unicode characters (code points). */
export interface TextOptions {
  /** @default 0 */
  readonly min?: number;
  /** @default unlimited */
  readonly max?: number;
}

function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

function textExpected(min: number, max: number): string {
  if (max === Infinity)
    return min === 0
      ? "a string"
      : min === 1
        ? "a non-empty string"
        : `a string of at least ${min} characters`;
  return min === 0 ? `a string of at most ${max} characters` : `a string of ${min}-${max} characters`;
}

/** Makes the rule behind {@link IsText}. */
export function textRule(options: TextOptions = {}): Rule {
  const min = options.min ?? 0;
  const max = options.max ?? Infinity;
  return defineRule({
    name: "isText",
    expected: textExpected(min, max),
    test: (value) => {
      if (typeof value !== "string") return false;
      // A string of n UTF-16 units has between ceil(n/2) and n code points.
      if (value.length <= max && value.length >= 2 * min) return true;
      const n = codePointLength(value);
      return n >= min && n <= max;
    },
  });
}

/** Limits of {@link IsInteger}. */
export interface IntegerOptions {
  /** @default Number.MIN_SAFE_INTEGER */
  readonly min?: number;
  /** @default Number.MAX_SAFE_INTEGER */
  readonly max?: number;
}

/** Makes the rule behind {@link IsInteger}. */
export function integerRule(options: IntegerOptions = {}): Rule {
  const { min, max } = options;
  const expected =
    min !== undefined && max !== undefined
      ? `an integer from ${min} to ${max}`
      : min !== undefined
        ? `an integer of at least ${min}`
        : max !== undefined
          ? `an integer of at most ${max}`
          : "an integer";
  const lo = min ?? Number.MIN_SAFE_INTEGER;
  const hi = max ?? Number.MAX_SAFE_INTEGER;
  return defineRule({
    name: "isInteger",
    expected,
    test: (value) => Number.isSafeInteger(value) && (value as number) >= lo && (value as number) <= hi,
  });
}

/** `true` or `false`. */
export const booleanRule: Rule = defineRule({
  name: "isBoolean",
  expected: "true or false",
  test: (value) => typeof value === "boolean",
});

/** A `Date` that holds a valid time; the SDK serializes timestamps from `Date` objects. */
export const timestampRule: Rule = defineRule({
  name: "isTimestamp",
  expected: "a valid Date",
  test: (value) => value instanceof Date && !Number.isNaN(value.getTime()),
});

/** Limits of {@link IsTimestamp}, inclusive. */
export interface TimestampOptions {
  /** @default no limit */
  readonly min?: Date;
  /** @default no limit */
  readonly max?: Date;
}

/** Makes the rule behind {@link IsTimestamp} with limits. */
export function timestampRuleWithin(options: TimestampOptions): Rule {
  const lo = options.min?.getTime() ?? -Infinity;
  const hi = options.max?.getTime() ?? Infinity;
  const from = options.min !== undefined ? ` from ${options.min.toISOString()}` : "";
  const to = options.max !== undefined ? ` to ${options.max.toISOString()}` : "";
  return defineRule({
    name: "isTimestamp",
    expected: `a valid Date${from}${to}`,
    test: (value) => value instanceof Date && value.getTime() >= lo && value.getTime() <= hi,
  });
}

/**
 * True when `value` can be a structure of the SDK model: a plain object or a class instance, but
 * not an array and not a built-in value such as a `Date`, `Map`, `Buffer` or `Blob` (whose
 * `Object.prototype.toString` tag is not `Object`).
 *
 * @example
 * ```ts
 * isStructureValue({ Objects: [] }); // true
 * isStructureValue(new Date());      // false
 * ```
 */
export function isStructureValue(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return true; // the common case, without a string tag
  return !Array.isArray(value) && Object.prototype.toString.call(value) === "[object Object]";
}

/** A structure of the SDK model: see {@link isStructureValue}. */
export const structureRule: Rule = defineRule({
  name: "isStructure",
  expected: "an object",
  test: isStructureValue,
});

/** An SDK enum: one of the values of a const object such as `ObjectCannedACL`. */
export type SdkEnum = Readonly<Record<string, string>>;

/** Renders values as a comma-separated list of JSON strings. */
export function quoted(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

/** Makes the rule behind {@link IsSdkEnum}. */
export function enumRule(values: SdkEnum): Rule {
  const allowed = new Set(Object.values(values));
  return defineRule({
    name: "isSdkEnum",
    expected: `one of ${quoted([...allowed])}`,
    test: (value) => typeof value === "string" && allowed.has(value),
  });
}

function isBody(value: unknown): boolean {
  if (typeof value === "string") return true;
  if (typeof value !== "object" || value === null) return false;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return true;
  const candidate = value as Record<PropertyKey, unknown>;
  return (
    typeof candidate["pipe"] === "function" || // Node.js Readable
    typeof candidate["getReader"] === "function" || // web ReadableStream
    typeof candidate["stream"] === "function" || // Blob
    typeof candidate[Symbol.asyncIterator] === "function"
  );
}

/** A request body the SDK can send: a string, bytes, a Blob or a readable stream. */
export const bodyRule: Rule = defineRule({
  name: "isBody",
  expected: "a string, Uint8Array, Buffer, Blob or readable stream",
  test: isBody,
});

/**
 * The property is a string, optionally limited in length (counted in Unicode characters).
 *
 * @example
 * ```ts
 * class Tag {
 *   @IsText({ min: 1, max: 128 }) Key!: string;
 * }
 * ```
 */
export function IsText(options?: TextOptions): PropertyDecorator {
  return ruleDecorator(textRule(options));
}

/**
 * The property is a safe integer within the given bounds.
 *
 * @example
 * ```ts
 * class UploadPartParams {
 *   @IsInteger({ min: 1, max: 10_000 }) PartNumber!: number;
 * }
 * ```
 */
export function IsInteger(options?: IntegerOptions): PropertyDecorator {
  return ruleDecorator(integerRule(options));
}

/**
 * The property is `true` or `false`.
 *
 * @example
 * ```ts
 * class ListObjectsV2Params {
 *   @IsOptional() @IsBool() FetchOwner?: boolean;
 * }
 * ```
 */
export function IsBool(): PropertyDecorator {
  return ruleDecorator(booleanRule);
}

/**
 * The property is a valid `Date` (the SDK's type for timestamps), optionally within limits.
 *
 * @example
 * ```ts
 * class HeadObjectParams {
 *   @IsOptional() @IsTimestamp() IfModifiedSince?: Date;
 * }
 * class RetentionParams {
 *   @IsOptional() @IsTimestamp({ min: new Date(0) }) RetainUntilDate?: Date;
 * }
 * ```
 */
export function IsTimestamp(options?: TimestampOptions): PropertyDecorator {
  return ruleDecorator(options === undefined ? timestampRule : timestampRuleWithin(options));
}

/**
 * The property is an object (a structure of the SDK model). Combine with `@Nested` to check its
 * members.
 *
 * @example
 * ```ts
 * class PutBucketCorsParams {
 *   @IsStructure() @Nested(() => CorsConfiguration) CORSConfiguration!: CorsConfiguration;
 * }
 * ```
 */
export function IsStructure(): PropertyDecorator {
  return ruleDecorator(structureRule);
}

/**
 * The property is one of the values of an SDK enum object.
 *
 * @example
 * ```ts
 * import { ObjectCannedACL } from "@aws-sdk/client-s3";
 * class PutObjectParams {
 *   @IsOptional() @IsSdkEnum(ObjectCannedACL) ACL?: ObjectCannedACL;
 * }
 * ```
 */
export function IsSdkEnum(values: SdkEnum): PropertyDecorator {
  return ruleDecorator(enumRule(values));
}

/**
 * The property is a request body: a string, bytes, a Blob or a readable stream.
 *
 * @example
 * ```ts
 * class PutObjectParams {
 *   @IsOptional() @IsBody() Body?: unknown;
 * }
 * ```
 */
export function IsBody(): PropertyDecorator {
  return ruleDecorator(bodyRule);
}

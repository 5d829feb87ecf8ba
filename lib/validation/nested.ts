/**
 * `@Nested`: validate the members of a nested structure (or of each structure in a list) with
 * another DTO class.
 *
 * @module
 */
import "reflect-metadata";
import { Type, ValidateNested } from "./libraries.js";

/** A DTO class: instantiable without arguments, decorated with class-validator rules. */
export type DtoClass = new () => object;

const nestedTypes = new WeakMap<object, Map<string, () => DtoClass>>();

/**
 * Validates the property's value, or each element when it is a list, with the DTO class that
 * `type` returns.
 *
 * It records the class three ways: class-validator's `ValidateNested` (what to validate),
 * class-transformer's `Type` (so `plainToInstance` builds nested instances), and a registry the
 * compiled validator reads to descend without building instances at all. A value that is neither
 * an object nor a list is reported with `expected` in words.
 *
 * @param type - Returns the nested DTO class; a thunk so classes may be declared in any order.
 * @param expected - What the value must be, such as `an object` (the default).
 *
 * @example
 * ```ts
 * class DeleteObjectsParams {
 *   @IsStructure() @Nested(() => DeleteRequest) Delete!: DeleteRequest;
 * }
 * ```
 */
export function Nested(type: () => DtoClass, expected = "an object"): PropertyDecorator {
  const validateNested = ValidateNested({ message: expected });
  const transformType = Type(type);
  return (target, property) => {
    const name = String(property);
    let byProperty = nestedTypes.get(target);
    if (byProperty === undefined) nestedTypes.set(target, (byProperty = new Map<string, () => DtoClass>()));
    byProperty.set(name, type);
    validateNested(target, property);
    transformType(target, name);
  };
}

/**
 * The nested DTO class recorded by {@link Nested} for `property` of `dto` (looking through base
 * classes), or `undefined`.
 */
export function nestedTypeOf(dto: DtoClass, property: string): DtoClass | undefined {
  for (
    let proto = dto.prototype as object | null;
    proto !== null;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    const type = nestedTypes.get(proto)?.get(property);
    if (type !== undefined) return type();
  }
  return undefined;
}

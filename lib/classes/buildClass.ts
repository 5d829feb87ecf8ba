import { ClassMemberConflictError, InvalidClassDefinitionError } from "../errors.js";
import type { ClassAttributes } from "./ClassAttributes.js";

/** Any class, as far as class building is concerned. */
export type AnyClass = abstract new (...args: never[]) => object;

/**
 * Builds a class from the outcome of a `creating-*-class` event.
 *
 * `baseClasses[0]` is the class to extend: `defaultBase` or a subclass of it. Every later entry is
 * a mixin: its prototype members (methods and accessors, along its own prototype chain) are copied
 * onto the new class; mixin constructors never run, so mixins hold behaviour, not state. Then the
 * class attributes are defined. No member may be defined twice: a mixin member that the base
 * already has, two mixins with one member, or an attribute that a mixin or the base defines each
 * raise a {@link ClassMemberConflictError}. There is no precedence to learn because nothing is
 * silently shadowed.
 *
 * @throws {@link InvalidClassDefinitionError} when `baseClasses[0]` does not derive from `defaultBase`
 *   or a mixin is not a class.
 * @throws {@link ClassMemberConflictError} when two sources define one member.
 * @internal
 */
export function buildClass<T extends AnyClass>(
  className: string,
  defaultBase: T,
  baseClasses: readonly AnyClass[],
  attributes: ClassAttributes,
): T {
  const [Base, ...mixins] = baseClasses;
  if (Base === undefined || (Base !== defaultBase && !(Base.prototype instanceof defaultBase))) {
    throw new InvalidClassDefinitionError(
      className,
      `baseClasses[0] must be ${defaultBase.name} or a subclass of it, got ${describe(Base)}`,
    );
  }
  const Parent = Base as unknown as new (...args: unknown[]) => object;
  const Built = class extends Parent {};
  Object.defineProperty(Built, "name", { value: className });
  const proto = Built.prototype as object;
  const owners = new Map<string, string>();

  for (const mixin of mixins) {
    if (typeof mixin !== "function" || typeof mixin.prototype !== "object") {
      throw new InvalidClassDefinitionError(className, `every mixin must be a class, got ${describe(mixin)}`);
    }
    for (const [member, descriptor] of prototypeMembers(mixin)) {
      const other = owners.get(member) ?? (member in proto ? Base.name : undefined);
      if (other !== undefined) {
        throw new ClassMemberConflictError(
          className,
          member,
          `defined by mixin ${mixin.name} and by ${other}`,
        );
      }
      owners.set(member, `mixin ${mixin.name}`);
      Object.defineProperty(proto, member, descriptor);
    }
  }
  for (const member of Object.keys(attributes)) {
    const other = owners.get(member) ?? (member in proto ? Base.name : undefined);
    if (other !== undefined) {
      throw new ClassMemberConflictError(className, member, `defined by class attributes and by ${other}`);
    }
    Object.defineProperty(proto, member, {
      value: attributes[member],
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  return Built as unknown as T;
}

/** Own members of a mixin's prototype chain, nearest definition first, without `constructor`. */
function prototypeMembers(mixin: AnyClass): Map<string, PropertyDescriptor> {
  const members = new Map<string, PropertyDescriptor>();
  for (
    let p = mixin.prototype as object | null;
    p !== null && p !== Object.prototype;
    p = Object.getPrototypeOf(p) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(p)) {
      if (name === "constructor" || members.has(name)) continue;
      members.set(name, Object.getOwnPropertyDescriptor(p, name)!);
    }
  }
  return members;
}

function describe(value: unknown): string {
  if (typeof value === "function") return `function ${value.name || "(anonymous)"}`;
  return value === undefined ? "nothing" : typeof value;
}

import { ClassMemberConflictError } from "../errors.js";

/**
 * The members of a class that is about to be built, as handed to `creating-*-class` handlers.
 *
 * It behaves like a plain object for adding members (`classAttributes.ping = function () {...}`),
 * but refuses to replace or delete an existing member, or to shadow one the base class already
 * has, with a {@link ClassMemberConflictError} naming the class and the member. botocore lets a
 * plugin silently overwrite a built-in method; here two plugins cannot clash unnoticed.
 */
export interface ClassAttributes {
  [member: string]: unknown;
}

/**
 * Creates the guarded attribute record for `className`.
 *
 * @param inherited - tells whether the base class (as chosen when the check runs) already has a member
 * @internal
 */
export function createClassAttributes(
  className: string,
  initial: Readonly<Record<string, unknown>>,
  inherited: (member: string) => boolean,
): ClassAttributes {
  const target: Record<string, unknown> = Object.assign(Object.create(null) as object, initial);
  const refuse = (member: string | symbol): never => {
    throw new ClassMemberConflictError(className, String(member));
  };
  const checkNew = (member: string | symbol): void => {
    if (typeof member !== "string") refuse(member);
    if (Object.prototype.hasOwnProperty.call(target, member) || inherited(member as string)) refuse(member);
  };
  return new Proxy(target, {
    set(t, member, value) {
      checkNew(member);
      t[member as string] = value;
      return true;
    },
    defineProperty(t, member, descriptor) {
      checkNew(member);
      return Reflect.defineProperty(t, member, descriptor);
    },
    deleteProperty(_t, member) {
      throw new ClassMemberConflictError(className, String(member), "members cannot be removed");
    },
  });
}

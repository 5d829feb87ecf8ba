/**
 * Adding a record of methods to a resource class from a `creating-resource-class` handler.
 *
 * @module
 */
import type { ClassAttributes } from "../../../lib/classes/ClassAttributes.js";

/**
 * Adds each method of `methods` to `classAttributes` under its key (method shorthand already
 * names them for stack traces). The guarded `classAttributes` refuses a name the class already has.
 *
 * @throws {@link ClassMemberConflictError} when the class (or another plugin) already has one of
 *   the names.
 * @internal
 */
export function addMethods(
  classAttributes: ClassAttributes,
  methods: Readonly<Record<string, (...args: never[]) => unknown>>,
): void {
  for (const [name, method] of Object.entries(methods)) classAttributes[name] = method;
}

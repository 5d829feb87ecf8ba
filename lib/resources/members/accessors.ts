/**
 * The synchronous getters of a resource class: identifiers, identifier aliases (`memberName`) and
 * attributes. They live on the prototype and read `meta`, so instances carry no per-getter state.
 *
 * @module
 */
import { ResourceNotLoadedError } from "../../errors.js";
import type { Resource } from "../Resource.js";
import type { ResourceModel } from "../ResourceModel.js";

/**
 * Getter descriptors for the identifiers, aliases and attributes of `model`, by property name.
 *
 * Reading an attribute before any data is there throws {@link ResourceNotLoadedError}: for types
 * with a load operation its message says to call `load()`, for the others that the data only comes
 * with collections and action responses. A member missing from loaded data reads `undefined`.
 *
 * @internal
 */
export function accessors(model: ResourceModel): Map<string, PropertyDescriptor> {
  const getters = new Map<string, PropertyDescriptor>();
  for (const { name } of model.identifiers) getters.set(name, identifierGetter(name));
  for (const alias of Object.keys(model.aliases)) getters.set(alias, identifierGetter(model.aliases[alias]!));
  const canLoad = model.load !== undefined;
  for (const { property, member } of model.attributes) {
    getters.set(property, {
      get(this: Resource): unknown {
        const data = this.meta.data;
        if (data === undefined) throw new ResourceNotLoadedError(this.toString(), property, canLoad);
        return data[member];
      },
      enumerable: false,
      configurable: true,
    });
  }
  return getters;
}

function identifierGetter(name: string): PropertyDescriptor {
  return {
    get(this: Resource): string | undefined {
      return this.meta.identifiers[name];
    },
    enumerable: false,
    configurable: true,
  };
}

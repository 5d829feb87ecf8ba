import { getResourceMetadata } from "../../decorators/resource.js";
import { InvalidClassDefinitionError } from "../errors.js";
import { Resource, type ResourceMeta } from "./Resource.js";

/**
 * A resource definition: a class extending {@link Resource}, decorated with at least
 * `@resource(service, name)`. The factory builds the concrete class from it.
 */
export type ResourceDefinitionClass = abstract new (meta: ResourceMeta) => Resource;

/**
 * The resource definitions of a session, by service and type name. Each session has one, seeded
 * with the built-in definitions; {@link Session.registerResources} adds to it.
 *
 * A type name is registered once per service: registering it again throws instead of silently
 * replacing a definition that classes may already have been built from.
 *
 * @example
 * ```ts
 * const registry = new ResourceRegistry();
 * registry.register(MyService, MyThing);
 * registry.get("s3", "Thing") === MyThing; // true
 * ```
 */
export class ResourceRegistry {
  readonly #services = new Map<string, Map<string, ResourceDefinitionClass>>();
  readonly #generations = new Map<string, number>();

  /**
   * Adds definitions; all are checked before any is added.
   *
   * @throws {@link InvalidClassDefinitionError} when a class does not extend {@link Resource}, has
   *   no `@resource(service, name)`, or names a type already registered for its service (or twice
   *   in this call).
   *
   * @example
   * ```ts
   * @resource("s3", "Report")
   * @identifiers("bucketName", "key")
   * class Report extends Resource {}
   *
   * registry.register(Report);
   * registry.register(Report); // throws InvalidClassDefinitionError: each type is registered once
   * ```
   */
  register(...definitions: readonly ResourceDefinitionClass[]): void {
    const added: Array<[string, string, ResourceDefinitionClass]> = [];
    for (const definition of definitions) {
      const [service, name] = this.#identify(definition);
      const existing =
        this.#services.get(service)?.get(name) ?? added.find(([s, n]) => s === service && n === name)?.[2];
      if (existing !== undefined) {
        throw new InvalidClassDefinitionError(
          `${service}.${name}`,
          `class ${definition.name} names a type that class ${existing.name} already registered; ` +
            `register each resource type once per session`,
        );
      }
      added.push([service, name, definition]);
    }
    for (const [service, name, definition] of added) {
      let types = this.#services.get(service);
      if (types === undefined)
        this.#services.set(service, (types = new Map<string, ResourceDefinitionClass>()));
      types.set(name, definition);
      this.#generations.set(service, this.generation(service) + 1);
    }
  }

  /**
   * The definition of `service`'s type `name`, if registered. `name` is the type name given to
   * `@resource` (`"Object"`), not the class name (`S3Object`).
   *
   * @example
   * ```ts
   * registry.get("s3", "Report"); // Report
   * registry.get("s3", "Nope"); // undefined
   * ```
   */
  get(service: string, name: string): ResourceDefinitionClass | undefined {
    return this.#services.get(service)?.get(name);
  }

  /**
   * The type names registered for `service`, in registration order.
   *
   * @example
   * ```ts
   * registry.names("s3"); // ["Report"] on a registry that only had Report registered
   * ```
   */
  names(service: string): readonly string[] {
    return [...(this.#services.get(service)?.keys() ?? [])];
  }

  /**
   * The services with at least one registered type.
   *
   * @example
   * ```ts
   * new ResourceRegistry().services(); // []
   * ```
   */
  services(): readonly string[] {
    return [...this.#services.keys()];
  }

  /**
   * A number that grows whenever a type of `service` is registered, so a cache of classes built
   * from the registry can tell that it is stale.
   *
   * @example
   * ```ts
   * const before = registry.generation("s3");
   * registry.register(Report);
   * registry.generation("s3") > before; // true
   * ```
   */
  generation(service: string): number {
    return this.#generations.get(service) ?? 0;
  }

  #identify(definition: ResourceDefinitionClass): [string, string] {
    const label =
      typeof definition === "function" ? definition.name || "(anonymous class)" : String(definition);
    if (typeof definition !== "function" || !(definition.prototype instanceof Resource)) {
      throw new InvalidClassDefinitionError(
        label,
        "a resource definition must be a class extending Resource",
      );
    }
    const metadata = getResourceMetadata(definition);
    if (metadata?.service === undefined || metadata.name === undefined || metadata.name === "") {
      throw new InvalidClassDefinitionError(
        label,
        `it has no @resource(service, name) decorator, so it names no resource type`,
      );
    }
    return [metadata.service, metadata.name];
  }
}

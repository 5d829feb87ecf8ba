import { input } from "../../decorators/sources.js";
import type { RelationSpec, ResourceTarget } from "../../decorators/specs.js";
import { getResourceMetadata } from "../../decorators/resource.js";
import { buildClass } from "../classes/buildClass.js";
import { createClassAttributes } from "../classes/ClassAttributes.js";
import type { S3ServiceClient } from "../client/ClientFactory.js";
import { ClassMemberConflictError, InvalidClassDefinitionError, UnknownResourceError } from "../errors.js";
import type { Session } from "../Session.js";
import type { ResourceBaseClasses } from "./events.js";
import { accessors } from "./members/accessors.js";
import { actionMethod, waiterMethod } from "./members/actions.js";
import { collectionGetter } from "./members/collections.js";
import type { MemberContext, ResourceClass } from "./members/context.js";
import { referenceGetter, subresourceMethod } from "./members/relations.js";
import { RESOURCE_CLASS, type Resource, type ResourceClassInfo, type ResourceMeta } from "./Resource.js";
import { readResourceModel, type MemberKind, type ResourceModel } from "./ResourceModel.js";
import type { ResourceRegistry } from "./ResourceRegistry.js";

/** The name under which a service's entry point is registered. */
export const SERVICE_RESOURCE = "ServiceResource";

interface Cached {
  readonly resourceClass: ResourceClass;
  /** For the service resource: the registry generation its implicit sub-resources reflect. */
  readonly generation: number;
}

/**
 * Builds the concrete resource classes of one session from the registered definitions, once per
 * type, and caches them: every `s3.Bucket(...)`, sub-resource call, action result and collection
 * page of the session reuses the same class (boto3 rebuilds a class on each of these).
 *
 * Building a class: read and check the definition's metadata (see `ResourceModel` for the member
 * naming and clash rules), generate the members, fire `creating-resource-class.<service>.<Name>`
 * on the session's events with the methods as guarded `classAttributes` and the definition class
 * as `baseClasses[0]`, then build the class (extending the definition class, so methods written on
 * it work) and define the getters on its prototype. A target type (`"Object"` in an action) is
 * looked up on first use, so types may refer to each other in any registration order.
 *
 * The service resource gets an implicit sub-resource for every registered type of its service
 * that it does not declare itself, taking all identifiers from the caller (`s3.Object("b", "k")`).
 * Registering a type later rebuilds the service resource's class for later `session.resource()`.
 *
 * @example
 * ```ts
 * const factory = new ResourceFactory(session, registry);
 * const s3 = factory.serviceResource("s3", session.client("s3"));
 * ```
 * @internal
 */
export class ResourceFactory {
  readonly #session: Session;
  readonly #registry: ResourceRegistry;
  readonly #classes = new Map<string, Cached>();

  constructor(session: Session, registry: ResourceRegistry) {
    this.#session = session;
    this.#registry = registry;
  }

  /**
   * The built class of `service`'s type `name`, built on first use.
   *
   * @throws {@link UnknownResourceError} when no such type is registered.
   * @throws {@link InvalidClassDefinitionError} / {@link ClassMemberConflictError} when the
   *   definition or a `creating-resource-class` handler is wrong.
   */
  classFor(service: string, name: string): ResourceClass {
    const key = `${service}.${name}`;
    const cached = this.#classes.get(key);
    const generation = name === SERVICE_RESOURCE ? this.#registry.generation(service) : 0;
    if (cached !== undefined && cached.generation === generation) return cached.resourceClass;
    const definition = this.#registry.get(service, name);
    if (definition === undefined) throw new UnknownResourceError(service, name);
    const resourceClass = this.#build(definition, service, name);
    this.#classes.set(key, { resourceClass, generation });
    return resourceClass;
  }

  /** The service resource of `service`, on `client`. */
  serviceResource(service: string, client: S3ServiceClient): Resource {
    return this.classFor(service, SERVICE_RESOURCE).create(client, {}, undefined);
  }

  #build(definition: ResourceModel["definition"], service: string, name: string): ResourceClass {
    const model = readResourceModel(
      definition,
      name === SERVICE_RESOURCE ? this.#implicit(service) : undefined,
    );
    const { className } = model;
    const context: MemberContext = {
      model,
      target: (member, kind, spec) => this.#target(model, member, kind, spec),
    };

    const methods: Record<string, unknown> = {};
    for (const [member, spec] of Object.entries(model.actions))
      methods[member] = actionMethod(context, member, spec);
    for (const [member, spec] of Object.entries(model.waiters)) methods[member] = waiterMethod(member, spec);
    for (const [member, spec] of Object.entries(model.subresources)) {
      methods[member] = subresourceMethod(context, member, spec);
    }
    const getters = accessors(model);
    for (const [member, spec] of Object.entries(model.references)) {
      getters.set(member, referenceGetter(context, member, spec));
    }
    for (const [member, spec] of Object.entries(model.collections)) {
      getters.set(member, collectionGetter(context, member, spec));
    }

    const baseClasses: ResourceBaseClasses = [definition];
    const inherited = (member: string): boolean =>
      member === "meta" ||
      getters.has(member) ||
      member in ((baseClasses[0] ?? definition).prototype as object);
    const classAttributes = createClassAttributes(className, methods, inherited);
    this.#session.events.emitDynamic(`creating-resource-class.${service}.${name}`, {
      service,
      resourceName: name,
      classAttributes,
      baseClasses,
    });
    const Built = buildClass(className, definition, baseClasses, classAttributes) as unknown as new (
      meta: ResourceMeta,
    ) => Resource;

    const proto = Built.prototype as object;
    for (const [member, descriptor] of getters) {
      if (member in proto) {
        throw new ClassMemberConflictError(
          className,
          member,
          "a mixin or base class defines it, and it is generated",
        );
      }
      Object.defineProperty(proto, member, descriptor);
    }
    const info: ResourceClassInfo = { load: model.load };
    Object.defineProperty(proto, RESOURCE_CLASS, { value: info });

    const session = this.#session;
    const resourceClass: ResourceClass = {
      model,
      Built,
      create: (client, identifiers, data) =>
        new Built({ service, resourceName: name, client, identifiers, data, stale: false, session }),
    };
    checkNoFieldShadows(resourceClass, [...getters.keys(), ...Object.keys(methods)]);
    return resourceClass;
  }

  /** The service resource's implicit sub-resources: every other registered type, all inputs. */
  #implicit(service: string): Record<string, RelationSpec> {
    const implicit: Record<string, RelationSpec> = {};
    for (const name of this.#registry.names(service)) {
      if (name === SERVICE_RESOURCE) continue;
      const identifiers: Record<string, ReturnType<typeof input>> = {};
      const definition = this.#registry.get(service, name)!;
      for (const id of getResourceMetadata(definition)?.identifiers ?? []) identifiers[id.name] = input();
      implicit[name] = { kind: "subresource", resource: { type: name, identifiers } };
    }
    return implicit;
  }

  #target(owner: ResourceModel, member: string, kind: MemberKind, spec: ResourceTarget): ResourceClass {
    const where = `${kind} "${member}"`;
    let target: ResourceClass;
    try {
      target = this.classFor(owner.service, spec.type);
    } catch (error) {
      if (!UnknownResourceError.is(error)) throw error;
      throw new InvalidClassDefinitionError(
        owner.className,
        `${where} builds ${owner.service}.${spec.type}, which is not registered: register it with ` +
          `session.registerResources() or fix the type name`,
      );
    }
    const needed = target.model.identifiers.map((id) => id.name);
    const given = Object.keys(spec.identifiers);
    if (needed.length !== given.length || needed.some((name) => !given.includes(name))) {
      throw new InvalidClassDefinitionError(
        owner.className,
        `${where} gives ${target.model.className} the identifiers (${given.join(", ")}), ` +
          `but it has (${needed.join(", ")})`,
      );
    }
    return target;
  }
}

/**
 * Refuses definitions whose class fields would hide generated getters: a field such as
 * `readonly name!: string` (instead of `declare readonly name: string`) becomes an own property
 * of every instance. Checked once per class, on a probe instance.
 */
function checkNoFieldShadows(resourceClass: ResourceClass, generated: readonly string[]): void {
  const identifiers = Object.fromEntries(resourceClass.model.identifiers.map((id) => [id.name, "probe"]));
  const instance = resourceClass.create({} as S3ServiceClient, identifiers, undefined);
  for (const member of Object.getOwnPropertyNames(instance)) {
    if (member !== "meta" && generated.includes(member)) {
      throw new InvalidClassDefinitionError(
        resourceClass.model.className,
        `class ${resourceClass.model.definition.name} declares "${member}" as a class field, which hides ` +
          `the generated member: write \`declare readonly ${member}: ...\` instead`,
      );
    }
  }
}

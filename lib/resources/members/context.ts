/**
 * What the member builders share: the built class of a resource type, and the context in which a
 * class's members find the classes they build.
 *
 * @module
 */
import type { ResourceTarget } from "../../../decorators/specs.js";
import type { S3ServiceClient } from "../../client/ClientFactory.js";
import type { Resource, ResourceMeta } from "../Resource.js";
import type { MemberKind, ResourceModel } from "../ResourceModel.js";
import type { ResourceSeed } from "../responses.js";

/**
 * A built resource class of one session, and how to make its instances.
 *
 * @internal
 */
export interface ResourceClass {
  readonly model: ResourceModel;
  readonly Built: new (meta: ResourceMeta) => Resource;
  /** An instance; `identifiers` must be complete, valid and in declaration order. */
  create(
    client: S3ServiceClient,
    identifiers: Readonly<Record<string, string>>,
    data: Readonly<Record<string, unknown>> | undefined,
  ): Resource;
}

/**
 * What the members of one class get from the factory.
 *
 * @internal
 */
export interface MemberContext {
  readonly model: ResourceModel;
  /**
   * The built class a member's spec targets, checked: the type is registered and the spec gives
   * exactly its identifiers. Members call it on first use and keep the result.
   *
   * @throws {@link InvalidClassDefinitionError} naming the class and the member otherwise.
   */
  target(member: string, kind: MemberKind, target: ResourceTarget): ResourceClass;
}

/**
 * Builds the resource a seed describes, its identifiers put in the target's declaration order.
 *
 * @internal
 */
export function fromSeed(target: ResourceClass, client: S3ServiceClient, seed: ResourceSeed): Resource {
  const identifiers: Record<string, string> = {};
  for (const { name } of target.model.identifiers) identifiers[name] = seed.identifiers[name]!;
  return target.create(client, identifiers, seed.data);
}

/**
 * Names a function after the member it implements, for stack traces and `inspect`.
 *
 * @internal
 */
export function named<F extends (...args: never[]) => unknown>(member: string, fn: F): F {
  Object.defineProperty(fn, "name", { value: member });
  return fn;
}

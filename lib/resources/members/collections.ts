/**
 * Collection properties (`bucket.objects`): each read returns a new lazy collection from
 * `createCollection`, fed with what the parent fills and how a page becomes resources.
 *
 * @module
 */
import type { CollectionSpec } from "../../../decorators/specs.js";
import { createCollection } from "../collections/index.js";
import { fillParams } from "../params.js";
import type { Resource } from "../Resource.js";
import { seedsFor } from "../responses.js";
import { paramContext } from "./actions.js";
import { fromSeed, type MemberContext, type ResourceClass } from "./context.js";

/**
 * The getter of a collection spec. The target class is resolved once per class (on first read);
 * the parent's parameters are resolved once per collection, when it first requests.
 *
 * @internal
 */
export function collectionGetter(
  context: MemberContext,
  member: string,
  spec: CollectionSpec,
): PropertyDescriptor {
  let target: ResourceClass | undefined;
  const buildItems = (
    parent: Resource,
    output: object,
    request: Readonly<Record<string, unknown>>,
  ): Resource[] => {
    const { identifiers, data, client } = parent.meta;
    const seeds = seedsFor(spec.resource, { identifiers, data, request, response: output });
    if (seeds.plural) return seeds.seeds.map((seed) => fromSeed(target!, client, seed));
    return seeds.seed === undefined ? [] : [fromSeed(target!, client, seeds.seed)];
  };
  return {
    get(this: Resource) {
      target ??= context.target(member, "collection", spec.resource);
      let params: Promise<Record<string, unknown>> | undefined;
      return createCollection({
        client: this.meta.client,
        operation: spec.operation,
        params: () => {
          params ??= fillParams(spec.params, paramContext(this, undefined), {});
          params.catch(() => (params = undefined)); // a failed load may be retried by iterating again
          return params;
        },
        buildItems: (output, request) => buildItems(this, output, request),
        batchActions: target.model.batchActions,
        description: `${this.toString()}.${member}`,
      });
    },
    enumerable: false,
    configurable: true,
  };
}

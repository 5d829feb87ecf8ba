/**
 * Sub-resources (methods named in UpperCamel, `bucket.Object("key")`) and references (getters
 * over the loaded data). Neither makes a request; both share the parent's client.
 *
 * @module
 */
import type { IdentifierValueSource } from "../../../decorators/sources.js";
import type { RelationSpec } from "../../../decorators/specs.js";
import { InvalidIdentifierError, MissingIdentifierError, ResourceNotLoadedError } from "../../errors.js";
import { getPath } from "../paths.js";
import type { Resource } from "../Resource.js";
import { seedsFor } from "../responses.js";
import { fromSeed, named, type MemberContext, type ResourceClass } from "./context.js";

/** How one identifier of the new resource gets its value. */
interface Step {
  readonly target: string;
  readonly source: IdentifierValueSource;
  /** Position among the caller's inputs, for `input()` sources. */
  readonly index: number;
}

interface RelationPlan {
  readonly target: ResourceClass;
  /** In the target's identifier order. */
  readonly steps: readonly Step[];
  /** Identifier names the caller gives, in argument order. */
  readonly inputs: readonly string[];
}

/**
 * The method of a sub-resource spec. The caller gives the `input()` identifiers either by
 * position, in the spec's order (`s3.Object("bkt", "key")`), or by name in one object
 * (`s3.Object({ bucketName: "bkt", key: "key" })`); the others come from the parent.
 *
 * @internal
 */
export function subresourceMethod(context: MemberContext, member: string, spec: RelationSpec) {
  let plan: RelationPlan | undefined;
  return named(member, function (this: Resource, ...inputs: unknown[]): Resource {
    plan ??= planOf(context, member, spec);
    return build(context, member, plan, this, inputs);
  });
}

/**
 * The getter of a reference spec: the resource named by the parent's data, or `undefined` when the
 * data lacks one of its identifiers.
 *
 * @internal
 */
export function referenceGetter(
  context: MemberContext,
  member: string,
  spec: RelationSpec,
): PropertyDescriptor {
  let target: ResourceClass | undefined;
  const canLoad = context.model.load !== undefined;
  return {
    get(this: Resource): Resource | Resource[] | undefined {
      target ??= context.target(member, "reference", spec.resource);
      const { identifiers, data, client } = this.meta;
      if (data === undefined) throw new ResourceNotLoadedError(this.toString(), member, canLoad);
      const seeds = seedsFor(spec.resource, { identifiers, data, request: {}, response: data });
      if (seeds.plural) return seeds.seeds.map((seed) => fromSeed(target!, client, seed));
      return seeds.seed === undefined ? undefined : fromSeed(target, client, seeds.seed);
    },
    enumerable: false,
    configurable: true,
  };
}

function planOf(context: MemberContext, member: string, spec: RelationSpec): RelationPlan {
  const target = context.target(member, "sub-resource", spec.resource);
  const given = spec.resource.identifiers;
  const inputs = Object.keys(given).filter((name) => given[name]!.from === "input");
  const steps = target.model.identifiers.map(({ name }) => ({
    target: name,
    source: given[name]!,
    index: inputs.indexOf(name),
  }));
  return { target, steps, inputs };
}

function build(
  context: MemberContext,
  member: string,
  plan: RelationPlan,
  parent: Resource,
  inputs: readonly unknown[],
): Resource {
  const first = inputs[0];
  const byName = inputs.length === 1 && typeof first === "object" && first !== null;
  if (byName) checkNames(context, member, plan, first);
  else if (inputs.length > plan.inputs.length) throw tooMany(context, member, plan, inputs.length);

  const { meta } = parent;
  const identifiers: Record<string, string> = {};
  for (const step of plan.steps) {
    const { source } = step;
    let value: unknown;
    switch (source.from) {
      case "identifier":
        value = meta.identifiers[source.name];
        break;
      case "input":
        value = byName ? (first as Record<string, unknown>)[step.target] : inputs[step.index];
        if (typeof value !== "string" || value === "")
          throw badInput(context, member, plan, step.target, value);
        break;
      case "constant":
        value = String(source.value);
        break;
      case "data":
        if (meta.data === undefined) {
          throw new ResourceNotLoadedError(
            parent.toString(),
            `${member}()`,
            context.model.load !== undefined,
          );
        }
        value = getPath(meta.data, source.path);
        break;
      case "requestParameter":
      case "response":
        value = undefined; // refused when the model is read: a sub-resource makes no request
        break;
    }
    if (value === undefined || value === null) {
      throw new MissingIdentifierError(
        plan.target.model.className,
        step.target,
        `${context.model.className}.${member}() found no value for it`,
      );
    }
    identifiers[step.target] = value as string;
  }
  return plan.target.create(meta.client, identifiers, undefined);
}

function checkNames(context: MemberContext, member: string, plan: RelationPlan, given: object): void {
  for (const name of Object.keys(given)) {
    if (plan.inputs.includes(name)) continue;
    const known = plan.target.model.identifiers.some((id) => id.name === name);
    throw new InvalidIdentifierError(
      plan.target.model.className,
      name,
      known
        ? `${context.model.className}.${member}() fills it from ${context.model.className}; pass only ${list(plan.inputs)}`
        : `${plan.target.model.className} has no such identifier; ${context.model.className}.${member}() takes ${list(plan.inputs)}`,
    );
  }
}

function tooMany(
  context: MemberContext,
  member: string,
  plan: RelationPlan,
  count: number,
): InvalidIdentifierError {
  return new InvalidIdentifierError(
    plan.target.model.className,
    `argument ${plan.inputs.length + 1}`,
    `${context.model.className}.${member}() takes ${plan.inputs.length} identifier(s) (${list(plan.inputs)}), got ${count}`,
  );
}

function badInput(
  context: MemberContext,
  member: string,
  plan: RelationPlan,
  name: string,
  value: unknown,
): Error {
  const where = `${context.model.className}.${member}()`;
  if (value === undefined) {
    return new MissingIdentifierError(
      plan.target.model.className,
      name,
      `pass it to ${where} (${list(plan.inputs)})`,
    );
  }
  const found = value === "" ? "an empty string" : value === null ? "null" : `a ${typeof value}`;
  return new InvalidIdentifierError(
    plan.target.model.className,
    name,
    `${where} needs a non-empty string, received ${found}`,
  );
}

function list(names: readonly string[]): string {
  return names.length === 0 ? "none" : names.join(", ");
}

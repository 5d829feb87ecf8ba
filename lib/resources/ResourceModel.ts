/**
 * Reads and checks what the decorators recorded on a definition class, and decides the name of
 * every generated member.
 *
 * **Member names and clashes.** Members the definition author declares (identifiers and their
 * `memberName` aliases, actions, waiters, sub-resources, references, collections) must all have
 * distinct names, distinct from `meta` and from every member of the definition class and its
 * parents (`load`, `reload`, `equals`, `toJSON`, `toString`, your own methods): a clash among them
 * is a mistake in one file, so it is refused with {@link ClassMemberConflictError} naming the class
 * and the member, instead of boto3's silent `_action` / `_collection` renaming.
 *
 * Attributes come last because their names come from the SDK's schema, which changes with SDK
 * versions: an attribute whose name is an identifier is skipped (the identifier getter returns the
 * same value), one named like an identifier's `memberName` becomes that alias (it returns the
 * identifier), and one that clashes with any other member is renamed `<name>Attribute`
 * (boto3: `<name>_attribute`); if that name is taken too, {@link ClassMemberConflictError}.
 *
 * The service resource's implicit sub-resources (one per registered type) yield to everything.
 *
 * @module
 */
import {
  getResourceMetadata,
  type IdentifierDefinition,
  type ResourceMetadata,
} from "../../decorators/resource.js";
import type { IdentifierValueSource, ParamSource } from "../../decorators/sources.js";
import type {
  ActionSpec,
  BatchActionSpec,
  CollectionSpec,
  LoadSpec,
  RelationSpec,
  WaiterSpec,
} from "../../decorators/specs.js";
import { s3Commands } from "../client/s3/operations.js";
import { ClassMemberConflictError, InvalidClassDefinitionError } from "../errors.js";
import type { ResourceDefinitionClass } from "./ResourceRegistry.js";
import { shapeMembers, type SchemaCommand } from "./shapeMembers.js";

/** The kinds of generated members, as error messages name them. */
export type MemberKind =
  | "identifier"
  | "identifier alias"
  | "action"
  | "waiter"
  | "sub-resource"
  | "reference"
  | "collection"
  | "attribute";

/** An attribute getter: property name → SDK member name in the data. */
export interface AttributeModel {
  readonly property: string;
  readonly member: string;
}

/**
 * A checked resource definition: the metadata with every member name decided.
 *
 * @internal
 */
export interface ResourceModel {
  readonly definition: ResourceDefinitionClass;
  readonly service: string;
  readonly name: string;
  /** `service.Name`, the built class's name and how errors name it. */
  readonly className: string;
  readonly identifiers: readonly IdentifierDefinition[];
  readonly load: LoadSpec | undefined;
  readonly actions: Readonly<Record<string, ActionSpec>>;
  readonly batchActions: Readonly<Record<string, BatchActionSpec>>;
  readonly waiters: Readonly<Record<string, WaiterSpec>>;
  readonly collections: Readonly<Record<string, CollectionSpec>>;
  /** Declared and implicit sub-resources. */
  readonly subresources: Readonly<Record<string, RelationSpec>>;
  readonly references: Readonly<Record<string, RelationSpec>>;
  /** Getters over the data. */
  readonly attributes: readonly AttributeModel[];
  /** Getters returning an identifier: alias property → identifier name. */
  readonly aliases: Readonly<Record<string, string>>;
}

const EMPTY = Object.freeze({});

/**
 * Builds the model of `definition`.
 *
 * @param implicit - sub-resources to add unless their name is taken (the service resource's).
 * @throws {@link InvalidClassDefinitionError} for missing or malformed metadata, unknown
 *   `identifier()` sources, or an attribute operation without a schema.
 * @throws {@link ClassMemberConflictError} when two declared members share a name.
 * @internal
 */
export function readResourceModel(
  definition: ResourceDefinitionClass,
  implicit: Readonly<Record<string, RelationSpec>> = EMPTY,
): ResourceModel {
  const metadata: ResourceMetadata = getResourceMetadata(definition) ?? {};
  const { service, name } = metadata;
  if (service === undefined || name === undefined) {
    throw new InvalidClassDefinitionError(definition.name, "it has no @resource(service, name) decorator");
  }
  const className = `${service}.${name}`;
  const members = new MemberTable(className, definition);

  const identifiers = metadata.identifiers ?? [];
  const identifierNames = identifiers.map((id) => id.name);
  identifiers.forEach((id, i) => {
    if (typeof id.name !== "string" || id.name === "" || identifierNames.indexOf(id.name) !== i) {
      throw new InvalidClassDefinitionError(className, `identifier "${id.name}" is empty or declared twice`);
    }
    members.claim(id.name, "identifier");
  });
  const aliases: Record<string, string> = {};
  for (const id of identifiers) {
    if (id.memberName === undefined || id.memberName === id.name) continue;
    members.claim(id.memberName, "identifier alias");
    aliases[id.memberName] = id.name;
  }

  const check = new SourceCheck(className, identifierNames);
  const actions = checked(metadata.actions, "action", check, members);
  const waiters = checked(metadata.waiters, "waiter", check, members);
  const subresources = { ...checked(metadata.subresources, "sub-resource", check, members) };
  const references = checked(metadata.references, "reference", check, members);
  const collections = checked(metadata.collections, "collection", check, members);
  const batchActions = checked(metadata.batchActions, "batchAction", check, undefined);
  const load = metadata.load;
  if (load !== undefined) {
    check.spec("load", "load", load);
    const sources = [...Object.values(load.params), ...Object.values(load.match ?? {})] as Array<
      ParamSource | undefined
    >;
    const usesData = sources.some((s) => s?.from === "data");
    if (usesData)
      throw new InvalidClassDefinitionError(className, `load: data() sources need the data it loads`);
  }
  for (const member of Object.keys(implicit)) {
    if (members.taken(member)) continue;
    members.claim(member, "sub-resource");
    subresources[member] = implicit[member]!;
  }

  const attributes: AttributeModel[] = [];
  for (const member of metadata.shape === undefined ? [] : shapeOf(className, metadata)) {
    const property = member.charAt(0).toLowerCase() + member.slice(1);
    if (identifierNames.includes(property) || property in aliases) continue;
    const chosen = members.taken(property) ? `${property}Attribute` : property;
    members.claim(chosen, "attribute", property !== chosen ? `(renamed from "${property}")` : "");
    attributes.push({ property: chosen, member });
  }

  return {
    definition,
    service,
    name,
    className,
    identifiers,
    load,
    actions,
    batchActions,
    waiters,
    collections,
    subresources,
    references,
    attributes,
    aliases,
  };
}

function shapeOf(className: string, metadata: ResourceMetadata): readonly string[] {
  const { operation, path } = metadata.shape!;
  const Command = (s3Commands as unknown as Record<string, SchemaCommand | undefined>)[operation];
  const names = Command === undefined ? undefined : shapeMembers(Command, path);
  if (names === undefined) {
    throw new InvalidClassDefinitionError(
      className,
      `@attributes("${operation}"${path === undefined ? "" : `, "${path}"`}): the SDK has no output ` +
        `structure for it, so there are no attribute names to read`,
    );
  }
  return names;
}

type SpecKind = "action" | "waiter" | "subresource" | "reference" | "collection" | "batchAction" | "load";
type AnySpec = ActionSpec | WaiterSpec | RelationSpec | CollectionSpec | BatchActionSpec | LoadSpec;

const RELATION_KIND: Record<string, SpecKind> = { "sub-resource": "subresource" };

function checked<S extends AnySpec>(
  specs: Readonly<Record<string, S>> | undefined,
  kind: MemberKind | "batchAction",
  check: SourceCheck,
  members: MemberTable | undefined,
): Readonly<Record<string, S>> {
  const result: Readonly<Record<string, S>> = specs ?? EMPTY;
  const specKind = RELATION_KIND[kind] ?? (kind as SpecKind);
  for (const member of Object.keys(result)) {
    check.spec(member, specKind, result[member]!);
    members?.claim(member, kind as MemberKind);
  }
  return result;
}

const REFUSED_SOURCES: Partial<Record<SpecKind, readonly string[]>> = {
  subresource: ["requestParameter", "response"],
  reference: ["requestParameter", "response", "input"],
};
const REFUSED_REASON: Partial<Record<SpecKind, string>> = {
  subresource: "it makes no request",
  reference: "it is a getter over the loaded data: no request, no caller input",
};

/** Checks the spec kind, the sources it may use, and that every `identifier()` names an identifier. */
class SourceCheck {
  constructor(
    readonly className: string,
    readonly identifiers: readonly string[],
  ) {}

  spec(member: string, kind: SpecKind, spec: AnySpec): void {
    if (spec === null || typeof spec !== "object" || spec.kind !== kind) {
      const found =
        spec !== null && typeof spec === "object" ? `one of kind "${String(spec.kind)}"` : String(spec);
      throw new InvalidClassDefinitionError(
        this.className,
        `${member}: expected a spec of kind "${kind}", found ${found}`,
      );
    }
    const sources: Array<ParamSource | IdentifierValueSource | undefined> = [];
    if ("params" in spec)
      sources.push(...Object.values(spec.params as Record<string, ParamSource | undefined>));
    if ("match" in spec && spec.match !== undefined) sources.push(...Object.values(spec.match));
    if ("checkAs" in spec && spec.checkAs !== undefined) {
      const checked: Readonly<Record<string, ParamSource | undefined>> = spec.checkAs.params;
      sources.push(...Object.values(checked));
    }
    // The identifiers of resources built from a response or a relation read this resource too.
    if ("resource" in spec && spec.resource !== undefined)
      sources.push(...Object.values(spec.resource.identifiers));
    for (const source of sources) {
      const refused = REFUSED_SOURCES[kind]?.includes(source?.from ?? "");
      if (refused) {
        throw new InvalidClassDefinitionError(
          this.className,
          `${member}: a ${kind} cannot take identifiers from ${source!.from}() (${REFUSED_REASON[kind]})`,
        );
      }
      if (source?.from === "identifier" && !this.identifiers.includes(source.name)) {
        const known = this.identifiers.length > 0 ? this.identifiers.join(", ") : "none";
        throw new InvalidClassDefinitionError(
          this.className,
          `${member}: identifier("${source.name}") names no identifier of ${this.className} (it has: ${known})`,
        );
      }
    }
  }
}

/** Who owns each member name, so a second claim is refused with both owners named. */
class MemberTable {
  readonly #owners = new Map<string, string>();

  constructor(
    readonly className: string,
    readonly definition: ResourceDefinitionClass,
  ) {}

  taken(member: string): boolean {
    return this.#owners.has(member) || this.#inherited(member) !== undefined;
  }

  claim(member: string, kind: MemberKind, note = ""): void {
    const owner = this.#owners.get(member) ?? this.#inherited(member);
    if (owner !== undefined) {
      throw new ClassMemberConflictError(
        this.className,
        member,
        `it is declared as ${kind}${note ? ` ${note}` : ""} and is already ${owner}`,
      );
    }
    this.#owners.set(member, `declared as ${kind}`);
  }

  #inherited(member: string): string | undefined {
    if (member === "meta") return "the resource's meta";
    for (
      let proto = this.definition.prototype as object | null;
      proto !== null && proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto) as object | null
    ) {
      if (Object.prototype.hasOwnProperty.call(proto, member)) {
        return `defined by class ${(proto.constructor as { name?: string }).name ?? "(anonymous)"}`;
      }
    }
    return member in Object.prototype ? "defined by Object.prototype" : undefined;
  }
}

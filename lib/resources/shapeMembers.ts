/**
 * Reads member names out of the SDK's static operation schemas at run time, so attribute getters
 * follow the installed `@aws-sdk/client-s3` instead of a copied model.
 *
 * The SDK's command exposes `schema` = `[9, namespace, name, traits, inputRef, outputRef]`. A
 * structure is `[3 | 4, namespace, name, traits, memberNames[], memberSchemas[], requiredCount]`,
 * a list `[1, namespace, name, traits, elementRef]`; a member schema is `ref` or `[ref, traits]`,
 * and a ref may be a function returning the schema (lazily linked) or a number (simple types,
 * `64 | t` for a list of them).
 *
 * @module
 */

type SchemaRef = unknown;

/** An SDK command class, as far as its schema goes. */
export type SchemaCommand = new (input: never) => object;

function deref(ref: SchemaRef): unknown {
  let value = ref;
  for (let depth = 0; typeof value === "function" && depth < 16; depth++) value = (value as () => unknown)();
  return value;
}

function memberRef(entry: unknown): SchemaRef {
  return Array.isArray(entry) && entry.length === 2 ? (entry as unknown[])[0] : entry;
}

function isStruct(schema: unknown): schema is readonly unknown[] {
  return Array.isArray(schema) && (schema[0] === 3 || schema[0] === 4) && Array.isArray(schema[4]);
}

function memberSchema(struct: readonly unknown[], member: string): unknown {
  const names = struct[4] as readonly string[];
  const index = names.indexOf(member);
  return index < 0 ? undefined : deref(memberRef((struct[5] as readonly unknown[])[index]));
}

/** The structure a list holds, or the structure itself. */
function itemsOf(schema: unknown): unknown {
  if (Array.isArray(schema) && schema[0] === 1) return deref(memberRef(schema[4]));
  return schema;
}

/**
 * The output structure of `Command`'s operation, or `undefined` when the command has no static
 * schema (an operation added by a plugin, say).
 */
function outputOf(Command: SchemaCommand): readonly unknown[] | undefined {
  const schema = (new Command({} as never) as { schema?: unknown }).schema;
  if (!Array.isArray(schema) || schema[0] !== 9) return undefined;
  const output = deref(schema[5]);
  return isStruct(output) ? output : undefined;
}

/**
 * The member names (SDK spelling: `ContentLength`, `ETag`) of `Command`'s output, or of the
 * structures listed at `path` inside it (`Contents`, `Buckets`, `Versions|DeleteMarkers`; `[]`
 * after a step is accepted and ignored). Alternatives separated by `|` are merged, first
 * occurrence first.
 *
 * @returns The names, or `undefined` when the operation has no schema or `path` does not lead to
 *   a structure (or a list of structures).
 *
 * @example
 * ```ts
 * shapeMembers(ListObjectsV2Command, "Contents"); // ["Key", "LastModified", "ETag", ...]
 * ```
 */
export function shapeMembers(Command: SchemaCommand, path?: string): readonly string[] | undefined {
  const output = outputOf(Command);
  if (output === undefined) return undefined;
  if (path === undefined || path === "" || path === "@") return [...(output[4] as readonly string[])];
  const names: string[] = [];
  for (const alternative of path.split("|")) {
    let node: unknown = output;
    for (const raw of alternative.split(".")) {
      const step = raw.endsWith("[]") ? raw.slice(0, -2) : raw;
      node = isStruct(node) ? itemsOf(memberSchema(node, step)) : undefined;
    }
    if (!isStruct(node)) return undefined;
    for (const name of node[4] as readonly string[]) if (!names.includes(name)) names.push(name);
  }
  return names;
}

const numericInputs = new Map<SchemaCommand, ReadonlySet<string>>();

/**
 * The top-level input members of `Command`'s operation that are numbers (`PartNumber`,
 * `MaxKeys`), cached per command. Identifiers are strings, so a resource that fills such a member
 * from an identifier (`MultipartUploadPart.partNumber`) converts it back with this.
 *
 * @example
 * ```ts
 * numericInputMembers(UploadPartCommand).has("PartNumber"); // true
 * ```
 */
export function numericInputMembers(Command: SchemaCommand): ReadonlySet<string> {
  let members = numericInputs.get(Command);
  if (members === undefined) {
    members = new Set();
    const schema = (new Command({} as never) as { schema?: unknown }).schema;
    const input = Array.isArray(schema) && schema[0] === 9 ? deref(schema[4]) : undefined;
    if (isStruct(input)) {
      const names = input[4] as readonly string[];
      names.forEach((name, i) => {
        const member = deref(memberRef((input[5] as readonly unknown[])[i]));
        const simple = Array.isArray(member) && member[0] === 0 ? deref(member[4]) : member;
        if (simple === 1) (members as Set<string>).add(name);
      });
    }
    numericInputs.set(Command, members);
  }
  return members;
}

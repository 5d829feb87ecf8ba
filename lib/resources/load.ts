/**
 * Runs a resource's load spec: fills the request from the identifiers, calls the operation
 * through the resource's client (so every client event fires), then picks the data out of the
 * response (`path`, `match`) and renames members (`rename`).
 *
 * @module
 */
import type { ParamSource } from "../../decorators/sources.js";
import type { LoadSpec } from "../../decorators/specs.js";
import type { CallOptions, S3OperationName } from "../client/s3/types.js";
import { ResourceNotFoundError, ValidationError } from "../errors.js";
import { validateParams } from "../validation/index.js";
import { fillParams, resolveParam, type ParamContext } from "./params.js";
import { getPath } from "./paths.js";
import type { Resource } from "./Resource.js";

/**
 * Loads the data of `resource` with `spec`. `data()` sources of the load read the data already
 * there (the factory refuses load specs that need data they would have to load first).
 *
 * @throws {@link ResourceNotFoundError} when the response holds no object at `path`, or no
 *   element matching `match`.
 * @internal
 */
export async function loadData(
  resource: Resource,
  spec: LoadSpec,
  options: CallOptions | undefined,
): Promise<Record<string, unknown>> {
  const { meta } = resource;
  const context: ParamContext = {
    identifiers: meta.identifiers,
    loadData: () => Promise.resolve(meta.data ?? {}),
  };
  if (spec.checkAs !== undefined && meta.client.meta.validate)
    await checkIdentifiers(resource, spec.checkAs, context);
  const params = await fillParams(spec.params, context, {});
  const call = meta.client.call.bind(meta.client) as (
    operation: S3OperationName,
    input: object,
    options?: CallOptions,
  ) => Promise<object>;
  const output = await call(spec.operation, params, options);

  let found: unknown = spec.path === undefined ? output : getPath(output, spec.path);
  if (spec.match !== undefined) {
    const expected: Array<[string, unknown]> = [];
    for (const member of Object.keys(spec.match)) {
      expected.push([member, await resolveParam(spec.match[member]!, context)]);
    }
    const list = Array.isArray(found) ? (found as unknown[]) : [];
    found = list.find((element) =>
      expected.every(([member, value]) => sameValue(getPath(element, member), value)),
    );
    if (found === undefined) {
      const wanted = expected.map(([member, value]) => `${member} = ${JSON.stringify(value)}`).join(" and ");
      throw new ResourceNotFoundError(
        resource.toString(),
        spec.operation,
        `no ${spec.path ?? "list"} element with ${wanted} (${list.length} element(s) listed)`,
      );
    }
  }
  if (found === null || typeof found !== "object" || Array.isArray(found)) {
    throw new ResourceNotFoundError(
      resource.toString(),
      spec.operation,
      `no object at "${spec.path ?? "@"}" in its response`,
    );
  }
  return toData(found as Record<string, unknown>, spec.rename);
}

/**
 * Validates identifiers as the members of `checkAs.operation` they stand for, naming each bad one
 * by its identifier (`name`), not by the member (`Bucket`).
 */
async function checkIdentifiers(
  resource: Resource,
  checkAs: NonNullable<LoadSpec["checkAs"]>,
  context: ParamContext,
): Promise<void> {
  const input = await fillParams(checkAs.params, context, {});
  try {
    validateParams(checkAs.operation, input);
  } catch (error) {
    if (!ValidationError.is(error)) throw error;
    const named = (field: string): string => {
      const member = field.split(/[.[]/, 1)[0]!;
      const source = (checkAs.params as Readonly<Record<string, ParamSource | undefined>>)[member];
      return source?.from === "identifier" ? field.replace(member, source.name) : field;
    };
    throw new ValidationError(
      `${resource.toString()} load()`,
      error.issues.map((issue) => ({ ...issue, field: named(issue.field) })),
    );
  }
}

/** A copy of `source` without the SDK's `$metadata`, with members renamed. */
function toData(
  source: Readonly<Record<string, unknown>>,
  rename: Readonly<Record<string, string>> | undefined,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const member of Object.keys(source)) {
    if (member === "$metadata") continue;
    data[rename?.[member] ?? member] = source[member];
  }
  return data;
}

/** Equal as scalars: a listed `Name` matches the identifier, `1` matches `"1"`. */
function sameValue(found: unknown, expected: unknown): boolean {
  const a = scalar(found);
  return a !== undefined && a === scalar(expected);
}

function scalar(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : undefined;
}

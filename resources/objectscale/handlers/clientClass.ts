/**
 * The `creating-client-class.s3` handler: adds the ObjectScale operations to the client's
 * operation table, one camelCase method each, and the metadata-query paginator.
 *
 * @module
 */
import type { BaseClient } from "../../../lib/client/BaseClient.js";
import type { CreatingClientClassEvent } from "../../../lib/client/events.js";
import type { CallOptions } from "../../../lib/client/s3/types.js";
import { PaginationError } from "../../../lib/errors.js";
import type { ObjectScaleCommands } from "../operations/index.js";
import {
  isLastQueryPage,
  type QueryObjectsInput,
  type QueryObjectsOutput,
} from "../operations/queryObjects.js";

/** Options of `client.paginateQueryObjects()`. */
export interface QueryObjectsPaginateOptions extends CallOptions {
  /** Objects per request (`MaxKeys`); the server's default when absent. */
  pageSize?: number;
}

/**
 * Adds every command under its operation name and a method that runs it through `this.call()`,
 * so its calls fire the client's events like any S3 call.
 *
 * @example
 * ```ts
 * events.register("creating-client-class.s3", clientClassHandler(objectScaleCommands(options)));
 * ```
 * @throws {@link ClassMemberConflictError} when another plugin already added one of the names.
 */
export function clientClassHandler(commands: ObjectScaleCommands) {
  return ({
    classAttributes,
    operations,
  }: Pick<CreatingClientClassEvent, "classAttributes" | "operations">): void => {
    for (const [operation, command] of Object.entries(commands)) {
      operations[operation] = command;
      classAttributes[operation.charAt(0).toLowerCase() + operation.slice(1)] = operationMethod(operation);
    }
    classAttributes["paginateQueryObjects"] = function (
      this: BaseClient,
      input: QueryObjectsInput,
      options?: QueryObjectsPaginateOptions,
    ): AsyncIterable<QueryObjectsOutput> {
      return paginateQueryObjects(this, input, options);
    };
  };
}

function operationMethod(operation: string) {
  const method = function (this: BaseClient, input?: object, options?: CallOptions) {
    return this.call(operation as "QueryObjects", input as QueryObjectsInput, options);
  };
  Object.defineProperty(method, "name", { value: operation.charAt(0).toLowerCase() + operation.slice(1) });
  return method;
}

/**
 * Every page of a metadata query, one request per page as the caller iterates, following
 * `NextMarker` until it is absent (or, from servers before ECS 3.4, `NO MORE PAGES`).
 *
 * @example
 * ```ts
 * for await (const page of paginateQueryObjects(client, { Bucket: "b", Query: "Size>0" })) console.log(page.Objects);
 * ```
 * @throws {@link PaginationError} when the server returns the marker it was just sent.
 */
export async function* paginateQueryObjects(
  client: Pick<BaseClient, "call">,
  input: QueryObjectsInput,
  options: QueryObjectsPaginateOptions = {},
): AsyncGenerator<QueryObjectsOutput, void, undefined> {
  const { pageSize, ...callOptions } = options;
  let request: QueryObjectsInput = pageSize !== undefined ? { ...input, MaxKeys: pageSize } : { ...input };
  for (;;) {
    const page = await client.call("QueryObjects", request, callOptions);
    yield page;
    const next = page.NextMarker;
    if (isLastQueryPage(next) || next === undefined) return;
    if (next === request.Marker) throw new PaginationError("QueryObjects", next);
    request = { ...request, Marker: next };
  }
}

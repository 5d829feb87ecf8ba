/**
 * `before-parameter-build` handlers: take the `ObjectScale` member out of modelled operations'
 * params (checked, turned into headers for `before-sign`), and write built metadata queries.
 *
 * @module
 */
import type { BeforeParameterBuildEvent } from "../../../lib/client/events.js";
import { extensionHeaders, type CreateBucketObjectScaleOptions } from "../extensions.js";
import type { ResolvedObjectScaleOptions } from "../options.js";
import { MetadataQuery } from "../query/MetadataQuery.js";
import { checkExtension } from "../validation/extensionParams.js";
import { callState } from "./callState.js";

type Payload = Pick<BeforeParameterBuildEvent, "operation" | "params" | "context">;

/**
 * Checks and removes `params.ObjectScale`, keeping its headers (and a per-call namespace) in the
 * call's state. Runs before the SDK builds the request, so a bad member throws a
 * `ValidationError` with nothing sent, and the SDK never sees the member.
 *
 * @example
 * ```ts
 * events.register("before-parameter-build.s3.CreateBucket", extensionParamsHandler(options));
 * ```
 * @throws {@link ValidationError} naming each bad field, such as `ObjectScale.metadataSearch[0].type`.
 */
export function extensionParamsHandler(options: ResolvedObjectScaleOptions) {
  const names = { replicationGroup: options.replicationGroupHeader };
  return ({ operation, params, context }: Payload): void => {
    const input = params as { ObjectScale?: CreateBucketObjectScaleOptions | null };
    if (!("ObjectScale" in input)) return;
    checkExtension(operation, input);
    const extension = input.ObjectScale ?? {};
    delete input.ObjectScale;
    const state = callState(context);
    state.headers = extensionHeaders(extension, names);
    if (extension.namespace !== undefined) state.namespace = extension.namespace;
  };
}

/**
 * Writes a built `MetadataQuery` with the configured quote style.
 *
 * @example
 * ```ts
 * events.register("before-parameter-build.s3.QueryObjects", queryFormatHandler(options));
 * ```
 */
export function queryFormatHandler(options: ResolvedObjectScaleOptions) {
  return ({ params }: Payload): void => {
    const input = params as { Query?: unknown };
    if (input.Query instanceof MetadataQuery) input.Query = input.Query.format({ quote: options.queryQuote });
  };
}

/**
 * Remembers the call's bucket, for the namespace host label.
 *
 * @example
 * ```ts
 * events.register("before-parameter-build.s3", rememberBucketHandler);
 * ```
 */
export function rememberBucketHandler({ params, context }: Payload): void {
  const bucket = (params as { Bucket?: unknown }).Bucket;
  if (typeof bucket === "string") callState(context).bucket = bucket;
}

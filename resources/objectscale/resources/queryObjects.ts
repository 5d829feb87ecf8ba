/**
 * `bucket.queryObjects()`: a metadata query as a collection of `S3Object`s, each built with its
 * match as data. Paging, limits, page sizes and `resumeWith` come from the ordinary collection
 * machinery, which knows how `QueryObjects` pages once the plugin registered
 * {@link QUERY_OBJECTS_PAGINATION}.
 *
 * @module
 */
import type { PaginationSpec } from "../../../lib/client/s3/paginators.js";
import { ValidationError } from "../../../lib/errors.js";
import { createCollection } from "../../../lib/resources/collections/index.js";
import { renderValue } from "../../../lib/validation/index.js";
import type { Bucket } from "../../s3/Bucket.js";
import { objectBatchActions, type S3Object } from "../../s3/Object.js";
import type { QueryObject, QueryObjectsOutput } from "../operations/queryObjects.js";
import type { MetadataQuery } from "../query/MetadataQuery.js";
import { searchExpression } from "../validation/rules.js";
import type { ObjectScaleObjectData, QueryObjectsCollection, QueryObjectsFilter } from "./types.js";

/**
 * How `QueryObjects` pages: `Marker` continues from the previous page's `NextMarker`, `MaxKeys`
 * sizes a page. The operation's output already reads "no more pages" (an absent `NextMarker`, or
 * the `NO MORE PAGES` of servers before ECS 3.4) as `IsTruncated: false`.
 */
export const QUERY_OBJECTS_PAGINATION = {
  tokens: { Marker: "NextMarker" },
  limit: "MaxKeys",
} as const satisfies PaginationSpec;

/**
 * The collection of `bucket`'s objects that `query` matches, with `filter` as its first filter.
 *
 * @throws {@link ValidationError} when `query` is not a non-empty string or a `MetadataQuery`.
 * @internal
 */
export function queryObjectsCollection(
  bucket: Bucket,
  query: string | MetadataQuery,
  filter: QueryObjectsFilter | undefined,
): QueryObjectsCollection {
  const description = `${bucket.toString()}.queryObjects(${renderValue(String(query))})`;
  if (!searchExpression.test(query, {})) {
    throw new ValidationError(description, [
      { field: "query", expected: searchExpression.expected, received: renderValue(query) },
    ]);
  }
  const parent = Promise.resolve({ Bucket: bucket.name, Query: query });
  const collection = createCollection<S3Object, "QueryObjects">({
    client: bucket.meta.client,
    operation: "QueryObjects",
    params: () => parent,
    buildItems: (output, request) => {
      const decode = request["EncodingType"] === "url" ? urlDecode : undefined;
      return (output as QueryObjectsOutput).Objects.map((match) => {
        const object = bucket.Object(decode?.(match.ObjectName) ?? match.ObjectName);
        object.meta.data = queryMatchData(match, decode);
        return object;
      });
    },
    batchActions: objectBatchActions,
    description,
  });
  return filter === undefined ? collection : collection.filter(filter);
}

/**
 * The data of an object built from a query match, in HeadObject's member names so the usual
 * attributes read it: `ContentLength`, `LastModified`, `ContentType`, `Metadata` (the indexed
 * user keys without their `x-amz-meta-` prefix), `VersionId` (not ObjectScale's `0` for an
 * unversioned object), and `ObjectScale.match` with the match as sent. With `decode` (the query
 * asked for `EncodingType: "url"`), the friendly strings are decoded; the match stays as sent.
 *
 * @example
 * ```ts
 * queryMatchData({ ObjectName: "a", SystemMetadata: { size: "3" }, UserMetadata: { "x-amz-meta-dept": "ops" }, Size: 3 });
 * // { ContentLength: 3, Metadata: { dept: "ops" }, ObjectScale: { match: { ... } } }
 * ```
 * @internal
 */
export function queryMatchData(
  match: QueryObject,
  decode: ((text: string) => string) | undefined = undefined,
): Record<string, unknown> {
  const text = (value: string): string => decode?.(value) ?? value;
  const data: Record<string, unknown> = {};
  if (match.Size !== undefined) data["ContentLength"] = match.Size;
  if (match.LastModified !== undefined) data["LastModified"] = match.LastModified;
  if (match.ContentType !== undefined) data["ContentType"] = text(match.ContentType);
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(match.UserMetadata)) {
    const bare = name.toLowerCase().startsWith("x-amz-meta-") ? name.slice("x-amz-meta-".length) : name;
    metadata[bare.toLowerCase()] = text(value);
  }
  if (Object.keys(metadata).length > 0) data["Metadata"] = metadata;
  if (match.VersionId !== undefined && match.VersionId !== "0") data["VersionId"] = match.VersionId;
  const objectScale: ObjectScaleObjectData = { match };
  data["ObjectScale"] = objectScale;
  return data;
}

/** `encoding-type=url` text: percent-escapes, and `+` for a space as Dell's Java client reads it. */
function urlDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, " "));
}

/**
 * ECS metadata search (reference §3.3–3.6): list system keys (`GET /?searchmetadata`), list a
 * bucket's keys (`GET /{bucket}?searchmetadata`), disable search (`DELETE /{bucket}?searchmetadata`)
 * and query (`GET /{bucket}?query=…`).
 *
 * Decisions on the open questions (§15): all three spellings of the older-versions parameter are
 * accepted (`include-older-versions`, `include_older_version`, `include-older-version`); a disabled
 * bucket still lists its keys (as observed) with `MetadataSearchEnabled` false, and refuses queries;
 * queries the grammar cannot express are refused with 400 `Invalid metadata search list entered`
 * and a message naming the problem and its offset.
 *
 * @module
 */
import { bucketQueryResultXml, metadataSearchListXml } from "../../documents/ecsDocuments.js";
import {
  emptyResponse,
  integerParam,
  requestBucket,
  xmlResponse,
  type EmulatorResponse,
  type RequestContext,
} from "../../http/RequestContext.js";
import { errors, S3Error, INVALID_SEARCH_LIST } from "../../http/S3Error.js";
import { MetadataQueryError } from "../../search/parseMetadataQuery.js";
import { runMetadataQuery } from "../../search/runMetadataQuery.js";
import { OPTIONAL_ATTRIBUTES, SYSTEM_KEYS } from "../../search/searchKeys.js";

/** The accepted spellings of the older-versions parameter, the documented one first. */
export const OLDER_VERSIONS_PARAMS = [
  "include-older-versions",
  "include_older_version",
  "include-older-version",
] as const;

/** `GET /?searchmetadata`. */
export function listSystemMetadataSearchKeys(_ctx: RequestContext): EmulatorResponse {
  return xmlResponse(
    metadataSearchListXml({ indexableKeys: SYSTEM_KEYS, optionalAttributes: OPTIONAL_ATTRIBUTES }),
  );
}

/** `GET /{bucket}?searchmetadata`. */
export function listBucketMetadataSearchKeys(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  return xmlResponse(
    metadataSearchListXml({
      enabled: bucket.options.metadataSearchEnabled,
      indexableKeys: bucket.options.searchKeys,
    }),
  );
}

/** `DELETE /{bucket}?searchmetadata` → 204. One-way: keys can only be set at creation. */
export function disableMetadataSearch(ctx: RequestContext): EmulatorResponse {
  requestBucket(ctx).options.metadataSearchEnabled = false;
  return emptyResponse(204);
}

/** `GET /{bucket}?query=…`. */
export function queryObjects(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const query = ctx.query.get("query") ?? "";
  if (!bucket.options.metadataSearchEnabled) {
    throw new S3Error(400, INVALID_SEARCH_LIST, `Metadata search is not enabled on bucket "${bucket.name}"`);
  }
  const encodingType = ctx.query.get("encoding-type");
  if (encodingType !== undefined && encodingType !== "url") {
    throw errors.invalidArgument(
      "Invalid Encoding Method specified in Request",
      "encoding-type",
      encodingType,
    );
  }
  const olderName = OLDER_VERSIONS_PARAMS.find((name) => ctx.query.has(name));
  const older = olderName === undefined ? "false" : (ctx.query.get(olderName) ?? "").toLowerCase();
  if (older !== "true" && older !== "false")
    throw errors.invalidArgument(`${olderName} must be true or false`, olderName, older);
  const attributes = ctx.query.get("attributes");
  try {
    const result = runMetadataQuery(bucket, {
      query,
      attributes: attributes
        ? attributes
            .split(",")
            .map((a) => a.trim())
            .filter((a) => a !== "")
        : [],
      sorted: ctx.query.get("sorted") || undefined,
      includeOlderVersions: older === "true",
      maxKeys: integerParam(ctx, "max-keys", 1000),
      marker: ctx.query.get("marker") || undefined,
      prefix: ctx.query.get("prefix") || undefined,
      delimiter: ctx.query.get("delimiter") || undefined,
      encodeUrl: encodingType === "url",
      legacyEndMarker: ctx.state.settings.legacyQueryEndMarker,
    });
    return xmlResponse(bucketQueryResultXml(result));
  } catch (err) {
    if (err instanceof MetadataQueryError) {
      throw new S3Error(400, INVALID_SEARCH_LIST, `The metadata query "${query}" is invalid: ${err.message}`);
    }
    throw err;
  }
}

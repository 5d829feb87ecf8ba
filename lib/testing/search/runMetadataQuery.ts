/**
 * Runs a metadata query against a bucket: filter by prefix and expression, sort by the `sorted` key,
 * group by delimiter, page with an opaque `NextMarker`, and build the `SYSMD`/`USERMD` maps.
 *
 * `SYSMD` holds the bucket's indexed system keys and the requested `attributes`, under ECS's short
 * names where they were observed (`size`, `ctype`, `createtime`, `mtime`, times in epoch ms) and
 * lower-cased names otherwise (`owner`, `etag`, `objectname`, … — unverified). `USERMD` holds the
 * indexed user keys the object has. Prefix groups are reported on the first page only; pages count
 * objects.
 *
 * @module
 */
import { urlEncodeKey } from "../http/encoding.js";
import type { BucketState } from "../store/BucketState.js";
import type { StoredObject } from "../store/StoredObject.js";
import type { BucketQueryResultDoc, QueryMetadataDoc, QueryObjectDoc } from "../documents/ecsDocuments.js";
import { bindMetadataQuery, keysOf, matches, valueOf, type SearchValue } from "./bindMetadataQuery.js";
import { MetadataQueryError, parseMetadataQuery } from "./parseMetadataQuery.js";
import { findAttribute, findSearchKey, type SearchKey } from "./searchKeys.js";

/** The parameters of `GET /{bucket}?query=…` after decoding. */
export interface MetadataQueryParams {
  readonly query: string;
  readonly attributes: readonly string[];
  readonly sorted: string | undefined;
  readonly includeOlderVersions: boolean;
  readonly maxKeys: number;
  readonly marker: string | undefined;
  readonly prefix: string | undefined;
  readonly delimiter: string | undefined;
  readonly encodeUrl: boolean;
  /** Send `NO MORE PAGES` on the last page, as ECS before 3.4 did. */
  readonly legacyEndMarker: boolean;
}

/** The pre-3.4 end-of-results marker. */
export const NO_MORE_PAGES = "NO MORE PAGES";

/** Internal short names of system metadata in `SYSMD` maps; other keys are lower-cased. */
const SYSMD_NAMES: Readonly<Record<string, string>> = {
  Size: "size",
  CreateTime: "createtime",
  LastModified: "mtime",
  ContentType: "ctype",
};

interface Hit {
  readonly object: StoredObject;
  readonly sortValue: SearchValue | undefined;
}

/**
 * Evaluates `params` against `bucket`.
 *
 * @throws {@link MetadataQueryError} when the expression, `sorted`, `attributes` or `marker` is not
 * acceptable.
 */
export function runMetadataQuery(bucket: BucketState, params: MetadataQueryParams): BucketQueryResultDoc {
  const keys = bucket.options.searchKeys;
  const query = bindMetadataQuery(parseMetadataQuery(params.query), keys);
  const used = keysOf(query);
  const sortKey = params.sorted === undefined ? used[0] : findSearchKey(used, params.sorted);
  if (!sortKey)
    throw new MetadataQueryError(`sorted=${params.sorted ?? ""} must name a key used in the query`, 0);
  const attributes = params.attributes.map((name) => {
    const attribute = findAttribute(name);
    if (!attribute) throw new MetadataQueryError(`"${name}" is not an optional attribute`, 0);
    return attribute;
  });

  const hits: Hit[] = [];
  const groups = new Set<string>();
  const prefix = params.prefix ?? "";
  for (const key of bucket.sortedKeys()) {
    if (!key.startsWith(prefix)) continue;
    const versions = bucket.versions(key);
    for (const object of params.includeOlderVersions ? versions : versions.slice(0, 1)) {
      if (object.isDeleteMarker || !matches(query, object)) continue;
      const cut = params.delimiter ? key.indexOf(params.delimiter, prefix.length) : -1;
      if (params.delimiter && cut >= 0) groups.add(key.slice(0, cut + params.delimiter.length));
      else hits.push({ object, sortValue: valueOf(object, sortKey) });
    }
  }
  hits.sort(compareHits);

  let start = 0;
  if (params.marker) {
    const after = decodeMarker(params.marker);
    start = hits.findIndex((h) => compareHits(h, after) > 0);
    if (start < 0) start = hits.length;
  }
  const page = hits.slice(start, start + params.maxKeys);
  const truncated = start + page.length < hits.length;
  const last = page[page.length - 1];
  const encode = (s: string) => (params.encodeUrl ? urlEncodeKey(s) : s);
  return {
    name: bucket.name,
    marker: params.marker,
    nextMarker: truncated && last ? encodeMarker(last) : params.legacyEndMarker ? NO_MORE_PAGES : undefined,
    isTruncated: truncated,
    maxKeys: params.maxKeys,
    objects: page.map((h) => objectDoc(h.object, bucket, keys, attributes, encode)),
    prefixGroups: params.marker ? [] : [...groups].sort().map(encode),
  };
}

function objectDoc(
  object: StoredObject,
  bucket: BucketState,
  keys: readonly SearchKey[],
  attributes: readonly SearchKey[],
  encode: (s: string) => string,
): QueryObjectDoc {
  const sys = new Map<string, string>();
  for (const key of [...keys.filter((k) => k.system), ...attributes]) {
    const name = SYSMD_NAMES[key.name] ?? key.name.toLowerCase();
    const value = systemValue(object, key.name, bucket.namespace);
    if (value !== undefined && !sys.has(name)) sys.set(name, encode(value));
  }
  const user: [string, string][] = [];
  for (const key of keys) {
    if (key.system) continue;
    const value = object.userMetadata.get(key.name.slice("x-amz-meta-".length));
    if (value !== undefined) user.push([key.name, encode(value)]);
  }
  const queryMds: QueryMetadataDoc[] = [{ type: "SYSMD", entries: [...sys] }];
  if (user.length > 0) queryMds.push({ type: "USERMD", entries: user });
  return {
    objectName: encode(object.key),
    objectId: object.objectId,
    versionId: bucket.versioning === "Unversioned" ? "0" : object.versionId,
    queryMds,
  };
}

function systemValue(object: StoredObject, name: string, namespace: string): string | undefined {
  switch (name) {
    case "Size":
      return String(object.size);
    case "CreateTime":
      return String(object.createdMs);
    case "LastModified":
      return String(object.lastModifiedMs);
    case "ObjectName":
    case "ObjName":
      return object.key;
    case "Owner":
      return object.owner;
    case "ContentType":
      return object.contentType;
    case "ContentEncoding":
      return object.headers["content-encoding"];
    case "Etag":
      return object.etag.replaceAll('"', "");
    case "Expires": {
      const ms = Date.parse(object.headers["expires"] ?? "");
      return Number.isNaN(ms) ? undefined : String(ms);
    }
    case "Namespace":
      return namespace;
    case "Retention":
      return object.retention.periodSeconds === undefined
        ? undefined
        : String(object.retention.periodSeconds);
    default:
      return undefined;
  }
}

/** Sort value ascending (objects without one last), then name, then newest version first. */
function compareHits(a: MarkerPosition, b: MarkerPosition): number {
  const av = a.sortValue;
  const bv = b.sortValue;
  if (av !== bv) {
    if (av === undefined) return 1;
    if (bv === undefined) return -1;
    return av < bv ? -1 : 1;
  }
  const an = a.object.key;
  const bn = b.object.key;
  if (an !== bn) return an < bn ? -1 : 1;
  return b.object.seq - a.object.seq;
}

type MarkerPosition =
  Hit | { readonly sortValue: SearchValue | undefined; readonly object: { key: string; seq: number } };

function encodeMarker(hit: Hit): string {
  return Buffer.from(JSON.stringify([hit.sortValue ?? null, hit.object.key, hit.object.seq])).toString(
    "base64url",
  );
}

function decodeMarker(marker: string): MarkerPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(marker, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 3) {
      const [value, key, seq] = parsed as unknown[];
      if (
        (value === null || typeof value === "string" || typeof value === "number") &&
        typeof key === "string" &&
        typeof seq === "number"
      ) {
        return { sortValue: value ?? undefined, object: { key, seq } };
      }
    }
  } catch {
    // reported below
  }
  throw new MetadataQueryError(`marker "${marker}" is not a NextMarker this server returned`, 0);
}

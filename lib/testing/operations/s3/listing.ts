/**
 * ListObjects (v1, `Marker`/`NextMarker`), ListObjectsV2 (continuation tokens, `StartAfter`,
 * `KeyCount`) and ListObjectVersions, with prefix, delimiter/CommonPrefixes, `max-keys` and
 * `encoding-type=url`. Keys are listed in UTF-16 code-unit order, as ECS does.
 *
 * @module
 */
import { isoDate, urlEncodeKey } from "../../http/encoding.js";
import {
  integerParam,
  requestBucket,
  xmlResponse,
  type EmulatorResponse,
  type RequestContext,
} from "../../http/RequestContext.js";
import { errors } from "../../http/S3Error.js";
import type { BucketState } from "../../store/BucketState.js";
import type { StoredObject } from "../../store/StoredObject.js";
import { el, opt, renderXml, s3Root, type XmlChild, type XmlNode } from "../../xml/XmlWriter.js";

/** One listed thing: an object version, or a common prefix that stands for many keys. */
type Item =
  | { readonly kind: "object"; readonly object: StoredObject }
  | { readonly kind: "prefix"; readonly prefix: string };

interface Page {
  readonly items: Item[];
  readonly truncated: boolean;
}

interface Walk {
  readonly prefix: string;
  readonly delimiter: string | undefined;
  readonly maxKeys: number;
  /** Keys (and common prefixes) up to and including this are skipped. */
  readonly after: string;
  /** The versions of a key that are listed (only the current object, or all versions). */
  readonly versionsOf: (key: string) => readonly StoredObject[];
  /** For the key equal to `after`: versions to list (ListObjectVersions' version-id-marker). */
  readonly resumeVersions?: (versions: readonly StoredObject[]) => readonly StoredObject[];
}

// MaxKeys=0 asks for nothing: S3 (and Ceph's s3-tests) answer with an empty page that is not truncated.
function walk(bucket: BucketState, w: Walk): Page {
  const keys = bucket.sortedKeys();
  const items: Item[] = [];
  let index = lowerBound(keys, w.after < w.prefix ? w.prefix : w.after);
  let truncated = false;
  for (; index < keys.length; index++) {
    const key = keys[index] ?? "";
    if (!key.startsWith(w.prefix)) {
      if (key > w.prefix) break;
      continue;
    }
    const cut = w.delimiter ? key.indexOf(w.delimiter, w.prefix.length) : -1;
    if (w.delimiter && cut >= 0) {
      const prefix = key.slice(0, cut + w.delimiter.length);
      const lastItem = items[items.length - 1];
      if (prefix <= w.after || (lastItem?.kind === "prefix" && lastItem.prefix === prefix)) continue;
      if (w.versionsOf(key).length === 0) continue;
      if (items.length === w.maxKeys) {
        truncated = w.maxKeys > 0;
        break;
      }
      items.push({ kind: "prefix", prefix });
      continue;
    }
    let versions = w.versionsOf(key);
    if (key === w.after) versions = w.resumeVersions ? w.resumeVersions(versions) : [];
    for (const object of versions) {
      if (items.length === w.maxKeys) {
        truncated = w.maxKeys > 0;
        break;
      }
      items.push({ kind: "object", object });
    }
    if (truncated) break;
  }
  return { items, truncated };
}

/** The index of the first key ≥ `from`. */
function lowerBound(keys: readonly string[], from: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] ?? "") < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function commonParams(ctx: RequestContext, bucket: BucketState) {
  const delimiter = ctx.query.get("delimiter") || undefined;
  if (delimiter !== undefined && delimiter !== "/" && bucket.options.fileSystemEnabled) {
    throw errors.invalidArgument(
      "File-system enabled buckets only support / as the delimiter",
      "delimiter",
      delimiter,
    );
  }
  const encodingType = ctx.query.get("encoding-type");
  if (encodingType !== undefined && encodingType !== "url")
    throw errors.invalidArgument(
      "Invalid Encoding Method specified in Request",
      "encoding-type",
      encodingType,
    );
  const encode = encodingType === "url" ? urlEncodeKey : (s: string) => s;
  return {
    prefix: ctx.query.get("prefix") ?? "",
    delimiter,
    maxKeys: integerParam(ctx, "max-keys", 1000, 1000),
    encodingType,
    encode,
  };
}

function currentOnly(bucket: BucketState): (key: string) => readonly StoredObject[] {
  return (key) => {
    const current = bucket.current(key);
    return current ? [current] : [];
  };
}

function contents(o: StoredObject, encode: (s: string) => string, withOwner: boolean): XmlNode {
  return el("Contents", [
    el("Key", encode(o.key)),
    el("LastModified", isoDate(o.lastModifiedMs)),
    el("ETag", o.etag),
    el("Size", o.size),
    withOwner && el("Owner", [el("ID", o.owner), el("DisplayName", o.owner)]),
    el("StorageClass", "STANDARD"),
  ]);
}

function itemNodes(
  page: Page,
  render: (o: StoredObject) => XmlNode,
  encode: (s: string) => string,
): XmlChild[] {
  const objects = page.items.flatMap((i) => (i.kind === "object" ? [render(i.object)] : []));
  const prefixes = page.items.flatMap((i) =>
    i.kind === "prefix" ? [el("CommonPrefixes", [el("Prefix", encode(i.prefix))])] : [],
  );
  return [...objects, ...prefixes];
}

function lastMarker(page: Page): string | undefined {
  const last = page.items[page.items.length - 1];
  return last === undefined ? undefined : last.kind === "prefix" ? last.prefix : last.object.key;
}

/** `GET /{bucket}` (ListObjects, v1). `NextMarker` is sent whenever the page is truncated. */
export function listObjects(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const p = commonParams(ctx, bucket);
  const marker = ctx.query.get("marker") ?? "";
  const page = walk(bucket, { ...p, after: marker, versionsOf: currentOnly(bucket) });
  const next = page.truncated ? lastMarker(page) : undefined;
  return xmlResponse(
    renderXml(
      s3Root("ListBucketResult", [
        el("Name", bucket.name),
        el("Prefix", p.encode(p.prefix)),
        el("Marker", p.encode(marker)),
        el("MaxKeys", p.maxKeys),
        opt("Delimiter", p.delimiter && p.encode(p.delimiter)),
        opt("EncodingType", p.encodingType),
        el("IsTruncated", page.truncated),
        opt("NextMarker", next && p.encode(next)),
        ...itemNodes(page, (o) => contents(o, p.encode, true), p.encode),
      ]),
    ),
  );
}

/** `GET /{bucket}?list-type=2` (ListObjectsV2). Continuation tokens are opaque (base64url of the last item). */
export function listObjectsV2(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const p = commonParams(ctx, bucket);
  const token = ctx.query.get("continuation-token");
  const startAfter = ctx.query.get("start-after");
  let after = startAfter ?? "";
  if (token !== undefined) {
    after = Buffer.from(token, "base64url").toString("utf8");
    if (token === "" || Buffer.from(after, "utf8").toString("base64url") !== token) {
      throw errors.invalidArgument(
        "The continuation token provided is incorrect",
        "continuation-token",
        token,
      );
    }
  }
  const page = walk(bucket, { ...p, after, versionsOf: currentOnly(bucket) });
  const next = page.truncated ? lastMarker(page) : undefined;
  return xmlResponse(
    renderXml(
      s3Root("ListBucketResult", [
        el("Name", bucket.name),
        el("Prefix", p.encode(p.prefix)),
        opt("ContinuationToken", token),
        opt(
          "NextContinuationToken",
          next === undefined ? undefined : Buffer.from(next, "utf8").toString("base64url"),
        ),
        opt("StartAfter", startAfter === undefined ? undefined : p.encode(startAfter)),
        el("KeyCount", page.items.length),
        el("MaxKeys", p.maxKeys),
        opt("Delimiter", p.delimiter && p.encode(p.delimiter)),
        opt("EncodingType", p.encodingType),
        el("IsTruncated", page.truncated),
        ...itemNodes(page, (o) => contents(o, p.encode, ctx.query.get("fetch-owner") === "true"), p.encode),
      ]),
    ),
  );
}

/** `GET /{bucket}?versions` (ListObjectVersions): versions and delete markers, newest first per key. */
export function listObjectVersions(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const p = commonParams(ctx, bucket);
  const keyMarker = ctx.query.get("key-marker") ?? "";
  const versionIdMarker = ctx.query.get("version-id-marker") || undefined;
  const page = walk(bucket, {
    ...p,
    after: keyMarker,
    versionsOf: (key) => bucket.versions(key),
    resumeVersions: (versions) => {
      const at = versions.findIndex((v) => v.versionId === versionIdMarker);
      return versionIdMarker === undefined || at < 0 ? [] : versions.slice(at + 1);
    },
  });
  const last = page.items[page.items.length - 1];
  const render = (o: StoredObject): XmlNode => {
    const isLatest = bucket.latest(o.key) === o;
    const common = [
      el("Key", p.encode(o.key)),
      el("VersionId", o.versionId),
      el("IsLatest", isLatest),
      el("LastModified", isoDate(o.lastModifiedMs)),
    ];
    const owner = el("Owner", [el("ID", o.owner), el("DisplayName", o.owner)]);
    return o.isDeleteMarker
      ? el("DeleteMarker", [...common, owner])
      : el("Version", [
          ...common,
          el("ETag", o.etag),
          el("Size", o.size),
          el("StorageClass", "STANDARD"),
          owner,
        ]);
  };
  const objects = page.items.flatMap((i) => (i.kind === "object" ? [render(i.object)] : []));
  const prefixes = page.items.flatMap((i) =>
    i.kind === "prefix" ? [el("CommonPrefixes", [el("Prefix", p.encode(i.prefix))])] : [],
  );
  return xmlResponse(
    renderXml(
      s3Root("ListVersionsResult", [
        el("Name", bucket.name),
        el("Prefix", p.encode(p.prefix)),
        el("KeyMarker", p.encode(keyMarker)),
        el("VersionIdMarker", versionIdMarker ?? ""),
        page.truncated &&
          last &&
          el("NextKeyMarker", p.encode(last.kind === "prefix" ? last.prefix : last.object.key)),
        page.truncated && last?.kind === "object" && el("NextVersionIdMarker", last.object.versionId),
        el("MaxKeys", p.maxKeys),
        opt("Delimiter", p.delimiter && p.encode(p.delimiter)),
        opt("EncodingType", p.encodingType),
        el("IsTruncated", page.truncated),
        ...objects,
        ...prefixes,
      ]),
    ),
  );
}

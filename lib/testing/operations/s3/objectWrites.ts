/**
 * The shared write path of every operation that creates or deletes object versions (PUT, copy,
 * multipart completion, copy-range, DeleteObject(s), the emptying task): metadata and tag headers,
 * version ids per the bucket's versioning, and the retention and Object Lock checks.
 *
 * @module
 */
import { httpDate } from "../../http/encoding.js";
import type { RequestContext } from "../../http/RequestContext.js";
import { errors, S3Error } from "../../http/S3Error.js";
import type { BucketState } from "../../store/BucketState.js";
import {
  STORED_HEADERS,
  StoredObject,
  type EcsRetention,
  type ObjectLockState,
} from "../../store/StoredObject.js";
import { assertNotLocked, lockHeaders } from "./objectLock.js";
import { assertNotRetained, retentionHeaders } from "../ecs/retention.js";

/** The content type of objects stored without one (what ECS reports, reference §3.6 examples). */
export const DEFAULT_CONTENT_TYPE = "application/octet-stream";

const MAX_METADATA_BYTES = 2048;
const MAX_OBJECT_TAGS = 10;

/** What an object write stores besides the bytes. */
export interface ObjectInit {
  readonly contentType: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly userMetadata: ReadonlyMap<string, string>;
  readonly tags: ReadonlyMap<string, string>;
  readonly retention: Readonly<EcsRetention>;
  readonly lock: Readonly<ObjectLockState>;
  readonly serverSideEncryption: string | undefined;
}

/** User metadata from `x-amz-meta-*` headers (names lower-cased, as ECS stores them). @throws S3Error `MetadataTooLarge`. */
export function userMetadataFromHeaders(headers: RequestContext["headers"]): Map<string, string> {
  const metadata = new Map<string, string>();
  let bytes = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith("x-amz-meta-") || value === undefined) continue;
    const short = name.slice("x-amz-meta-".length);
    metadata.set(short, value);
    bytes += Buffer.byteLength(short) + Buffer.byteLength(value);
  }
  if (bytes > MAX_METADATA_BYTES) {
    throw new S3Error(
      400,
      "MetadataTooLarge",
      "Your metadata headers exceed the maximum allowed metadata size.",
      {
        Size: String(bytes),
        MaxSizeAllowed: String(MAX_METADATA_BYTES),
      },
    );
  }
  return metadata;
}

/** The stored standard headers (`Cache-Control`, `Content-Disposition`, …) given on the request. */
export function storedHeadersFrom(headers: RequestContext["headers"]): Record<string, string> {
  const stored: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    const value = headers[name];
    if (value !== undefined) stored[name] = value;
  }
  return stored;
}

/** Tags from a URL-encoded tag set (the `x-amz-tagging` header). @throws S3Error `InvalidTag`. */
export function tagsFromQueryString(value: string | undefined): Map<string, string> {
  const tags = new Map<string, string>();
  if (value === undefined || value === "") return tags;
  for (const [k, v] of new URLSearchParams(value)) tags.set(k, v);
  return validateTags(tags, MAX_OBJECT_TAGS);
}

/** Checks tag count and sizes. @throws S3Error `InvalidTag` / `BadRequest`. */
export function validateTags(tags: Map<string, string>, max: number): Map<string, string> {
  if (tags.size > max) throw new S3Error(400, "BadRequest", `Object tags cannot be greater than ${max}`);
  for (const [k, v] of tags) {
    if (k.length === 0 || k.length > 128 || v.length > 256) {
      throw new S3Error(
        400,
        "InvalidTag",
        "The TagKey you have provided is too long or the value is invalid.",
        { TagKey: k },
      );
    }
  }
  return tags;
}

/**
 * `x-amz-server-side-encryption`: only `AES256` exists on ECS (recorded and echoed; data is not
 * encrypted). @throws S3Error `InvalidArgument` for KMS, `NotImplemented` for SSE-C.
 */
export function serverSideEncryptionFrom(headers: RequestContext["headers"]): string | undefined {
  if (headers["x-amz-server-side-encryption-customer-algorithm"] !== undefined) {
    throw errors.notImplemented("SSE-C (x-amz-server-side-encryption-customer-*) is not emulated");
  }
  const value = headers["x-amz-server-side-encryption"];
  if (value === undefined) return undefined;
  if (value !== "AES256") {
    throw errors.invalidArgument(
      "Server-side encryption supports only AES256 here (no KMS)",
      "x-amz-server-side-encryption",
      value,
    );
  }
  return value;
}

/** A new version of `key` (not yet stored): id per the bucket's versioning, owner, timestamps, object id. */
export function newObject(
  ctx: RequestContext,
  bucket: BucketState,
  key: string,
  body: Buffer,
  init: ObjectInit,
): StoredObject {
  const versionId = bucket.versioning === "Enabled" ? ctx.state.newVersionId() : "null";
  const objectId = ctx.state.newObjectId(bucket.namespace, bucket.name, key);
  const object = new StoredObject(
    key,
    versionId,
    false,
    ctx.now,
    ctx.owner,
    body,
    init.contentType,
    objectId,
  );
  object.headers = { ...init.headers };
  object.userMetadata = new Map(init.userMetadata);
  object.tags = new Map(init.tags);
  object.retention = { ...init.retention };
  object.lock = { ...init.lock };
  object.serverSideEncryption = init.serverSideEncryption;
  return object;
}

/**
 * Stores `object` as the newest version of its key. Without versioning it replaces the current
 * object, which must not be under retention.
 *
 * @throws S3Error `ObjectUnderRetention` (409).
 */
export function commitObject(ctx: RequestContext, bucket: BucketState, object: StoredObject): void {
  if (object.versionId === "null") assertNotRetained(ctx, bucket, bucket.version(object.key, "null"));
  bucket.put(object);
}

/** What a delete did, for the response headers or the DeleteObjects entry. */
export interface DeleteOutcome {
  readonly versionId?: string;
  readonly deleteMarker: boolean;
}

/**
 * Deletes `key` (or one version of it) the way S3 does: permanently without versioning or with a
 * version id, otherwise by adding a delete marker. A missing key or version is not an error.
 *
 * @throws S3Error `ObjectUnderRetention` (409) for retained data, `AccessDenied` (403) for locked data.
 */
export function deleteObject(
  ctx: RequestContext,
  bucket: BucketState,
  key: string,
  versionId?: string,
): DeleteOutcome {
  if (versionId !== undefined) {
    const target = bucket.version(key, versionId);
    if (!target) return { versionId, deleteMarker: false };
    if (!target.isDeleteMarker) {
      assertNotRetained(ctx, bucket, target);
      assertNotLocked(ctx, target);
    }
    bucket.remove(key, versionId);
    return { versionId, deleteMarker: target.isDeleteMarker };
  }
  if (bucket.versioning === "Unversioned") {
    const current = bucket.version(key, "null");
    assertNotRetained(ctx, bucket, current);
    if (current) bucket.remove(key, "null");
    return { deleteMarker: false };
  }
  const markerId = bucket.versioning === "Enabled" ? ctx.state.newVersionId() : "null";
  if (markerId === "null") assertNotRetained(ctx, bucket, bucket.version(key, "null"));
  const objectId = ctx.state.newObjectId(bucket.namespace, bucket.name, key);
  bucket.put(new StoredObject(key, markerId, true, ctx.now, ctx.owner, Buffer.alloc(0), "", objectId));
  return { versionId: markerId, deleteMarker: true };
}

/** The headers GET and HEAD send for `object`, ECS's `x-emc-*` included (reference §1.5). */
export function objectHeaders(bucket: BucketState, object: StoredObject): Record<string, string> {
  const headers: Record<string, string> = {
    etag: object.etag,
    "last-modified": httpDate(object.lastModifiedMs),
    "content-type": object.contentType,
    "accept-ranges": "bytes",
    "x-emc-mtime": String(object.lastModifiedMs),
    "x-emc-content-md5": object.contentMd5,
    ...object.headers,
    ...retentionHeaders(object),
    ...lockHeaders(object),
  };
  for (const [name, value] of object.userMetadata) headers[`x-amz-meta-${name}`] = value;
  if (bucket.versioning !== "Unversioned") headers["x-amz-version-id"] = object.versionId;
  if (object.tags.size > 0) headers["x-amz-tagging-count"] = String(object.tags.size);
  if (object.serverSideEncryption) headers["x-amz-server-side-encryption"] = object.serverSideEncryption;
  if (object.partsCount !== undefined) headers["x-amz-mp-parts-count"] = String(object.partsCount);
  return headers;
}

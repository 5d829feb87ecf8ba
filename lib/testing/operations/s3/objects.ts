/**
 * PutObject, GetObject, HeadObject and DeleteObject, with user metadata, conditional requests, range
 * reads, versions and ECS's response headers.
 *
 * @module
 */
import { httpDate } from "../../http/encoding.js";
import {
  emptyResponse,
  requestBucket,
  requestKey,
  type EmulatorResponse,
  type RequestContext,
} from "../../http/RequestContext.js";
import { errors, S3Error } from "../../http/S3Error.js";
import type { BucketState } from "../../store/BucketState.js";
import type { StoredObject } from "../../store/StoredObject.js";
import { checkReadConditions, checkWriteConditions } from "./conditions.js";
import { lockFromHeaders } from "./objectLock.js";
import {
  commitObject,
  DEFAULT_CONTENT_TYPE,
  deleteObject as deleteVersion,
  newObject,
  objectHeaders,
  serverSideEncryptionFrom,
  storedHeadersFrom,
  tagsFromQueryString,
  userMetadataFromHeaders,
  type ObjectInit,
} from "./objectWrites.js";
import { retentionFromHeaders } from "../ecs/retention.js";

const MAX_KEY_BYTES = 1024;

/** Query parameters of GET that override response headers. */
const RESPONSE_OVERRIDES = [
  "response-content-type",
  "response-content-language",
  "response-expires",
  "response-cache-control",
  "response-content-disposition",
  "response-content-encoding",
] as const;

/** @throws S3Error `KeyTooLongError` for keys over 1024 UTF-8 bytes. */
export function validateKey(key: string): void {
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
    throw new S3Error(400, "KeyTooLongError", "Your key is too long", {
      Size: String(Buffer.byteLength(key)),
    });
  }
}

/** What a PUT (or CreateMultipartUpload, or a REPLACE copy) asks to store besides the bytes. */
export function objectInitFrom(ctx: RequestContext, bucket: BucketState): ObjectInit {
  return {
    contentType: ctx.headers["content-type"] ?? DEFAULT_CONTENT_TYPE,
    headers: storedHeadersFrom(ctx.headers),
    userMetadata: userMetadataFromHeaders(ctx.headers),
    tags: tagsFromQueryString(ctx.headers["x-amz-tagging"]),
    retention: retentionFromHeaders(ctx.headers),
    lock: lockFromHeaders(ctx, bucket),
    serverSideEncryption: serverSideEncryptionFrom(ctx.headers),
  };
}

/** Headers of a successful write: ETag, version, and ECS's `x-emc-content-md5` / `x-emc-mtime`. */
export function writeHeaders(bucket: BucketState, object: StoredObject): Record<string, string> {
  const headers: Record<string, string> = {
    etag: object.etag,
    "x-emc-content-md5": object.contentMd5,
    "x-emc-mtime": String(object.lastModifiedMs),
  };
  if (bucket.versioning !== "Unversioned") headers["x-amz-version-id"] = object.versionId;
  if (object.serverSideEncryption) headers["x-amz-server-side-encryption"] = object.serverSideEncryption;
  return headers;
}

/** `PUT /{bucket}/{key}`. */
export function putObject(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const key = requestKey(ctx);
  validateKey(key);
  checkWriteConditions(ctx, bucket.current(key));
  const object = newObject(ctx, bucket, key, ctx.body, objectInitFrom(ctx, bucket));
  commitObject(ctx, bucket, object);
  return emptyResponse(200, writeHeaders(bucket, object));
}

/** `GET /{bucket}/{key}`, with `Range`, conditions, `versionId` and `response-*` overrides. */
export function getObject(ctx: RequestContext): EmulatorResponse {
  return readObject(ctx, true);
}

/** `HEAD /{bucket}/{key}`. */
export function headObject(ctx: RequestContext): EmulatorResponse {
  return readObject(ctx, false);
}

/** `DELETE /{bucket}/{key}` (optionally `?versionId=`). */
export function deleteObject(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const outcome = deleteVersion(ctx, bucket, requestKey(ctx), ctx.query.get("versionId"));
  const headers: Record<string, string> = {};
  if (outcome.deleteMarker) headers["x-amz-delete-marker"] = "true";
  if (outcome.versionId !== undefined) headers["x-amz-version-id"] = outcome.versionId;
  return emptyResponse(204, headers);
}

/** The version a read addresses. @throws S3Error `NoSuchKey`, `NoSuchVersion`, `MethodNotAllowed` (a delete marker by id). */
export function readableVersion(ctx: RequestContext, bucket: BucketState, key: string): StoredObject {
  const versionId = ctx.query.get("versionId");
  if (versionId !== undefined) {
    const version = bucket.version(key, versionId);
    if (!version) throw errors.noSuchVersion(key, versionId);
    if (version.isDeleteMarker) {
      const error = errors.methodNotAllowed(ctx.method, "DeleteMarker");
      throw new S3Error(error.status, error.code, error.message, error.fields, {
        "x-amz-delete-marker": "true",
        "x-amz-version-id": versionId,
        "last-modified": httpDate(version.lastModifiedMs),
      });
    }
    return version;
  }
  const latest = bucket.latest(key);
  if (!latest) throw errors.noSuchKey(key);
  if (latest.isDeleteMarker)
    throw errors.noSuchKey(key, { "x-amz-delete-marker": "true", "x-amz-version-id": latest.versionId });
  return latest;
}

function readObject(ctx: RequestContext, withBody: boolean): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const key = requestKey(ctx);
  const object = readableVersion(ctx, bucket, key);
  checkReadConditions(ctx, object);
  const headers = objectHeaders(bucket, object);
  for (const name of RESPONSE_OVERRIDES) {
    const value = ctx.query.get(name);
    if (value !== undefined) headers[name.slice("response-".length)] = value;
  }
  const range = parseReadRange(ctx.headers["range"], object.size);
  if (range === undefined) {
    return {
      status: 200,
      headers: { ...headers, "content-length": String(object.size) },
      body: withBody ? object.body : undefined,
    };
  }
  const [start, end] = range;
  return {
    status: 206,
    headers: {
      ...headers,
      "content-range": `bytes ${start}-${end}/${object.size}`,
      "content-length": String(end - start + 1),
    },
    body: withBody ? object.body.subarray(start, end + 1) : undefined,
  };
}

/**
 * The byte range of a `Range: bytes=…` read header, or `undefined` to send the whole object (no
 * header, an unparsable one, or several ranges, which S3 does not serve).
 *
 * @throws S3Error `InvalidRange` (416) when the range starts beyond the end.
 */
export function parseReadRange(header: string | undefined, size: number): [number, number] | undefined {
  const m = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return undefined;
  const [, first = "", last = ""] = m;
  let start: number;
  let end: number;
  if (first === "") {
    if (last === "") return undefined;
    const suffix = Number(last);
    if (suffix === 0) throw invalidRange(size);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(first);
    end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
    if (last !== "" && Number(last) < start) return undefined;
  }
  if (start >= size) throw invalidRange(size);
  return [start, end];
}

function invalidRange(size: number): S3Error {
  return new S3Error(
    416,
    "InvalidRange",
    "The requested range is not satisfiable",
    { ActualObjectSize: String(size) },
    { "content-range": `bytes */${size}` },
  );
}

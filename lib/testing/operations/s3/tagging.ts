/**
 * Object and bucket tagging (`?tagging`: GET, PUT, DELETE).
 *
 * @module
 */
import {
  emptyResponse,
  requestBucket,
  requestKey,
  xmlBody,
  xmlResponse,
  type EmulatorResponse,
  type RequestContext,
} from "../../http/RequestContext.js";
import { errors, S3Error } from "../../http/S3Error.js";
import type { StoredObject } from "../../store/StoredObject.js";
import { el, renderXml, s3Root } from "../../xml/XmlWriter.js";
import { validateTags } from "./objectWrites.js";
import { readableVersion } from "./objects.js";

const MAX_OBJECT_TAGS = 10;
const MAX_BUCKET_TAGS = 50;

/** `GET /{bucket}/{key}?tagging`. */
export function getObjectTagging(ctx: RequestContext): EmulatorResponse {
  const object = taggedObject(ctx);
  return tagResponse(object.tags, versionHeader(ctx, object));
}

/** `PUT /{bucket}/{key}?tagging`. */
export function putObjectTagging(ctx: RequestContext): EmulatorResponse {
  const object = taggedObject(ctx);
  object.tags = parseTagging(ctx, MAX_OBJECT_TAGS);
  return emptyResponse(200, versionHeader(ctx, object));
}

/** `DELETE /{bucket}/{key}?tagging`. */
export function deleteObjectTagging(ctx: RequestContext): EmulatorResponse {
  const object = taggedObject(ctx);
  object.tags = new Map();
  return emptyResponse(204, versionHeader(ctx, object));
}

/** `GET /{bucket}?tagging`. @throws S3Error `NoSuchTagSet` (404) when the bucket has none. */
export function getBucketTagging(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  if (!bucket.tags || bucket.tags.size === 0) {
    throw new S3Error(404, "NoSuchTagSet", "The TagSet does not exist", { BucketName: bucket.name });
  }
  return tagResponse(bucket.tags, {});
}

/** `PUT /{bucket}?tagging`. */
export function putBucketTagging(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  bucket.tags = parseTagging(ctx, MAX_BUCKET_TAGS);
  return emptyResponse(204);
}

/** `DELETE /{bucket}?tagging`. */
export function deleteBucketTagging(ctx: RequestContext): EmulatorResponse {
  requestBucket(ctx).tags = undefined;
  return emptyResponse(204);
}

function taggedObject(ctx: RequestContext): StoredObject {
  return readableVersion(ctx, requestBucket(ctx), requestKey(ctx));
}

function versionHeader(ctx: RequestContext, object: StoredObject): Record<string, string> {
  return requestBucket(ctx).versioning === "Unversioned" ? {} : { "x-amz-version-id": object.versionId };
}

function parseTagging(ctx: RequestContext, max: number): Map<string, string> {
  const doc = xmlBody(ctx);
  const tags = new Map<string, string>();
  for (const tag of doc.first("TagSet")?.all("Tag") ?? []) {
    const key = tag.textOf("Key");
    if (key === undefined) throw errors.malformedXml("every Tag needs a Key");
    if (tags.has(key))
      throw new S3Error(400, "InvalidTag", "Cannot provide multiple Tags with the same key", { TagKey: key });
    tags.set(key, tag.textOf("Value") ?? "");
  }
  return validateTags(tags, max);
}

function tagResponse(tags: ReadonlyMap<string, string>, headers: Record<string, string>): EmulatorResponse {
  const set = [...tags].map(([k, v]) => el("Tag", [el("Key", k), el("Value", v)]));
  return xmlResponse(renderXml(s3Root("Tagging", [el("TagSet", set)])), 200, headers);
}

/**
 * CopyObject (`PUT` with `x-amz-copy-source`), with the COPY/REPLACE metadata and tagging directives
 * and the copy-source conditions. Also parses copy sources for UploadPartCopy.
 *
 * @module
 */
import { safeDecode } from "../../auth/canonical.js";
import { isoDate } from "../../http/encoding.js";
import {
  requestBucket,
  requestKey,
  xmlResponse,
  type EmulatorResponse,
  type RequestContext,
} from "../../http/RequestContext.js";
import { errors } from "../../http/S3Error.js";
import type { StoredObject } from "../../store/StoredObject.js";
import { el, renderXml, s3Root } from "../../xml/XmlWriter.js";
import { checkCopySourceConditions } from "./conditions.js";
import { lockFromHeaders } from "./objectLock.js";
import { commitObject, newObject, tagsFromQueryString } from "./objectWrites.js";
import { objectInitFrom, validateKey, writeHeaders } from "./objects.js";
import { retentionFromHeaders } from "../ecs/retention.js";

/** A parsed `x-amz-copy-source`. */
export interface CopySource {
  readonly bucket: string;
  readonly key: string;
  readonly versionId: string | undefined;
}

/**
 * Parses `x-amz-copy-source` (`[/]bucket/key[?versionId=…]`, URL-encoded).
 *
 * @throws S3Error `InvalidArgument` when it does not name a bucket and a key.
 */
export function parseCopySource(header: string | undefined): CopySource {
  const raw = header ?? "";
  const question = raw.indexOf("?");
  const path = safeDecode(question < 0 ? raw : raw.slice(0, question)).replace(/^\//, "");
  const versionId =
    question < 0 ? undefined : (new URLSearchParams(raw.slice(question + 1)).get("versionId") ?? undefined);
  const slash = path.indexOf("/");
  if (slash <= 0 || slash === path.length - 1) {
    throw errors.invalidArgument(
      "Copy Source must mention the source bucket and key: sourcebucket/sourcekey",
      "x-amz-copy-source",
      raw,
    );
  }
  return { bucket: path.slice(0, slash), key: path.slice(slash + 1), versionId };
}

/** The object a copy source names, in the request's namespace. @throws S3Error `NoSuchBucket`, `NoSuchKey`, `NoSuchVersion`. */
export function resolveCopySource(ctx: RequestContext, source: CopySource): StoredObject {
  const bucket = ctx.state.store.get(ctx.namespace, source.bucket);
  const object =
    source.versionId !== undefined
      ? bucket.version(source.key, source.versionId)
      : bucket.current(source.key);
  if (!object) {
    throw source.versionId !== undefined
      ? errors.noSuchVersion(source.key, source.versionId)
      : errors.noSuchKey(source.key);
  }
  if (object.isDeleteMarker)
    throw errors.invalidRequest(
      "The source of a copy request may not specifically refer to a delete marker by version id.",
    );
  return object;
}

/** `PUT /{bucket}/{key}` with `x-amz-copy-source`. */
export function copyObject(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const key = requestKey(ctx);
  validateKey(key);
  const sourceRef = parseCopySource(ctx.headers["x-amz-copy-source"]);
  const source = resolveCopySource(ctx, sourceRef);
  checkCopySourceConditions(ctx, source);

  const directive = directiveOf(ctx, "x-amz-metadata-directive");
  const tagging = directiveOf(ctx, "x-amz-tagging-directive");
  const sameObject =
    sourceRef.bucket === bucket.name && sourceRef.key === key && sourceRef.versionId === undefined;
  if (sameObject && directive === "COPY" && ctx.headers["x-emc-retention-period"] === undefined) {
    throw errors.invalidRequest(
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }

  const replaced = directive === "REPLACE" ? objectInitFrom(ctx, bucket) : undefined;
  const object = newObject(ctx, bucket, key, source.body, {
    contentType: replaced?.contentType ?? source.contentType,
    headers: replaced?.headers ?? source.headers,
    userMetadata: replaced?.userMetadata ?? source.userMetadata,
    tags: tagging === "REPLACE" ? tagsFromQueryString(ctx.headers["x-amz-tagging"]) : source.tags,
    retention: retentionFromHeaders(ctx.headers),
    lock: lockFromHeaders(ctx, bucket),
    serverSideEncryption: replaced?.serverSideEncryption ?? source.serverSideEncryption,
  });
  commitObject(ctx, bucket, object);

  const headers: Record<string, string> = writeHeaders(bucket, object);
  if (sourceRef.versionId !== undefined || source.versionId !== "null")
    headers["x-amz-copy-source-version-id"] = source.versionId;
  return xmlResponse(
    renderXml(
      s3Root("CopyObjectResult", [
        el("LastModified", isoDate(object.lastModifiedMs)),
        el("ETag", object.etag),
      ]),
    ),
    200,
    headers,
  );
}

function directiveOf(ctx: RequestContext, header: string): "COPY" | "REPLACE" {
  const value = ctx.headers[header] ?? "COPY";
  if (value !== "COPY" && value !== "REPLACE")
    throw errors.invalidArgument(`Unknown ${header} value`, header, value);
  return value;
}

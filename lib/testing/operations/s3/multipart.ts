/**
 * Multipart uploads: Create, UploadPart, UploadPartCopy, Complete, Abort, ListParts and
 * ListMultipartUploads. Parts other than the last must reach the configured minimum size
 * (5 MiB by default, as on S3).
 *
 * @module
 */
import { createHash } from "node:crypto";

import { isoDate, urlEncodeKey } from "../../http/encoding.js";
import {
  emptyResponse,
  integerParam,
  requestBucket,
  requestKey,
  xmlBody,
  xmlResponse,
  type EmulatorResponse,
  type RequestContext,
} from "../../http/RequestContext.js";
import { errors, S3Error } from "../../http/S3Error.js";
import type { BucketState } from "../../store/BucketState.js";
import { md5Hex, type MultipartUpload } from "../../store/StoredObject.js";
import { el, opt, renderXml, s3Root, type XmlNode } from "../../xml/XmlWriter.js";
import { checkCopySourceConditions } from "./conditions.js";
import { parseCopySource, resolveCopySource } from "./copyObject.js";
import { commitObject, newObject } from "./objectWrites.js";
import { objectInitFrom, parseReadRange, validateKey, writeHeaders } from "./objects.js";

const MAX_PART_NUMBER = 10_000;

/** `POST /{bucket}/{key}?uploads`. */
export function createMultipartUpload(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const key = requestKey(ctx);
  validateKey(key);
  const init = objectInitFrom(ctx, bucket);
  const upload: MultipartUpload = {
    ...init,
    uploadId: ctx.state.newUploadId(),
    key,
    initiatedMs: ctx.now,
    owner: ctx.owner,
    parts: new Map(),
  };
  bucket.uploads.set(upload.uploadId, upload);
  return xmlResponse(
    renderXml(
      s3Root("InitiateMultipartUploadResult", [
        el("Bucket", bucket.name),
        el("Key", key),
        el("UploadId", upload.uploadId),
      ]),
    ),
  );
}

/** `PUT /{bucket}/{key}?partNumber=&uploadId=` (with `x-amz-copy-source`: UploadPartCopy). */
export function uploadPart(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const upload = findUpload(ctx, bucket);
  const partNumber = integerParam(ctx, "partNumber", 0);
  if (partNumber < 1 || partNumber > MAX_PART_NUMBER) {
    throw errors.invalidArgument(
      `Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive`,
      "partNumber",
      String(partNumber),
    );
  }
  const copySource = ctx.headers["x-amz-copy-source"];
  let body = ctx.body;
  if (copySource !== undefined) {
    const source = resolveCopySource(ctx, parseCopySource(copySource));
    checkCopySourceConditions(ctx, source);
    const rangeHeader = ctx.headers["x-amz-copy-source-range"];
    const range = rangeHeader === undefined ? undefined : parseReadRange(rangeHeader, source.size);
    if (rangeHeader !== undefined && range === undefined) {
      throw errors.invalidArgument(
        "The x-amz-copy-source-range value must be of the form bytes=first-last",
        "x-amz-copy-source-range",
        rangeHeader,
      );
    }
    body = range ? source.body.subarray(range[0], range[1] + 1) : source.body;
  }
  const etag = `"${md5Hex(body)}"`;
  upload.parts.set(partNumber, { partNumber, body, etag, lastModifiedMs: ctx.now });
  if (copySource === undefined) return emptyResponse(200, { etag });
  return xmlResponse(
    renderXml(s3Root("CopyPartResult", [el("LastModified", isoDate(ctx.now)), el("ETag", etag)])),
  );
}

/** `POST /{bucket}/{key}?uploadId=`: CompleteMultipartUpload. */
export function completeMultipartUpload(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const upload = findUpload(ctx, bucket);
  const requested = xmlBody(ctx).all("Part");
  if (requested.length === 0) throw errors.malformedXml("CompleteMultipartUpload needs at least one Part");
  const minPartSize = ctx.state.settings.minPartSize;
  const numbers = requested.map((element) => Number(element.textOf("PartNumber")));
  if (numbers.some((n, i) => !Number.isInteger(n) || n <= (numbers[i - 1] ?? 0))) {
    throw new S3Error(
      400,
      "InvalidPartOrder",
      "The list of parts was not in ascending order. The parts list must be specified in order by part number.",
    );
  }
  const parts = requested.map((element, index) => {
    const number = numbers[index] ?? 0;
    const part = upload.parts.get(number);
    const etag = (element.textOf("ETag") ?? "").replaceAll('"', "");
    if (!part || part.etag.replaceAll('"', "") !== etag) {
      throw new S3Error(
        400,
        "InvalidPart",
        "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
        {
          PartNumber: String(number),
          ETag: etag,
        },
      );
    }
    if (index < requested.length - 1 && part.body.length < minPartSize) {
      throw new S3Error(
        400,
        "EntityTooSmall",
        "Your proposed upload is smaller than the minimum allowed object size.",
        {
          ProposedSize: String(part.body.length),
          MinSizeAllowed: String(minPartSize),
          PartNumber: String(number),
        },
      );
    }
    return part;
  });

  const digest = createHash("md5");
  for (const part of parts) digest.update(Buffer.from(part.etag.replaceAll('"', ""), "hex"));
  const object = newObject(ctx, bucket, upload.key, Buffer.concat(parts.map((p) => p.body)), upload);
  object.etag = `"${digest.digest("hex")}-${parts.length}"`;
  object.partsCount = parts.length;
  commitObject(ctx, bucket, object);
  bucket.uploads.delete(upload.uploadId);

  const { etag: _etag, ...headers } = writeHeaders(bucket, object);
  return xmlResponse(
    renderXml(
      s3Root("CompleteMultipartUploadResult", [
        el("Location", `/${bucket.name}/${urlEncodeKey(upload.key)}`),
        el("Bucket", bucket.name),
        el("Key", upload.key),
        el("ETag", object.etag),
      ]),
    ),
    200,
    headers,
  );
}

/** `DELETE /{bucket}/{key}?uploadId=`. */
export function abortMultipartUpload(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  bucket.uploads.delete(findUpload(ctx, bucket).uploadId);
  return emptyResponse(204);
}

/** `GET /{bucket}/{key}?uploadId=`: ListParts. */
export function listParts(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const upload = findUpload(ctx, bucket);
  const marker = integerParam(ctx, "part-number-marker", 0);
  const maxParts = integerParam(ctx, "max-parts", 1000, 1000);
  const all = [...upload.parts.values()]
    .filter((p) => p.partNumber > marker)
    .sort((a, b) => a.partNumber - b.partNumber);
  const page = all.slice(0, maxParts);
  const truncated = all.length > page.length;
  return xmlResponse(
    renderXml(
      s3Root("ListPartsResult", [
        el("Bucket", bucket.name),
        el("Key", upload.key),
        el("UploadId", upload.uploadId),
        owner("Initiator", upload.owner),
        owner("Owner", upload.owner),
        el("StorageClass", "STANDARD"),
        el("PartNumberMarker", marker),
        opt("NextPartNumberMarker", page[page.length - 1]?.partNumber),
        el("MaxParts", maxParts),
        el("IsTruncated", truncated),
        ...page.map((p) =>
          el("Part", [
            el("PartNumber", p.partNumber),
            el("LastModified", isoDate(p.lastModifiedMs)),
            el("ETag", p.etag),
            el("Size", p.body.length),
          ]),
        ),
      ]),
    ),
  );
}

/** `GET /{bucket}?uploads`: ListMultipartUploads, with prefix, delimiter and key/upload-id markers. */
export function listMultipartUploads(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const prefix = ctx.query.get("prefix") ?? "";
  const delimiter = ctx.query.get("delimiter") || undefined;
  const keyMarker = ctx.query.get("key-marker") ?? "";
  const uploadIdMarker = ctx.query.get("upload-id-marker") ?? "";
  const maxUploads = integerParam(ctx, "max-uploads", 1000, 1000);
  const uploads = [...bucket.uploads.values()]
    .filter((u) => u.key.startsWith(prefix))
    .filter(
      (u) =>
        u.key > keyMarker || (u.key === keyMarker && uploadIdMarker !== "" && u.uploadId > uploadIdMarker),
    )
    .sort((a, b) => (a.key !== b.key ? (a.key < b.key ? -1 : 1) : a.uploadId < b.uploadId ? -1 : 1));
  const entries: XmlNode[] = [];
  const prefixes: string[] = [];
  let count = 0;
  let last: MultipartUpload | undefined;
  let truncated = false;
  for (const upload of uploads) {
    const cut = delimiter ? upload.key.indexOf(delimiter, prefix.length) : -1;
    const common = delimiter && cut >= 0 ? upload.key.slice(0, cut + delimiter.length) : undefined;
    if (common !== undefined && prefixes[prefixes.length - 1] === common) continue;
    if (count === maxUploads) {
      truncated = true;
      break;
    }
    count += 1;
    last = upload;
    if (common !== undefined) {
      prefixes.push(common);
      continue;
    }
    entries.push(
      el("Upload", [
        el("Key", upload.key),
        el("UploadId", upload.uploadId),
        owner("Initiator", upload.owner),
        owner("Owner", upload.owner),
        el("StorageClass", "STANDARD"),
        el("Initiated", isoDate(upload.initiatedMs)),
      ]),
    );
  }
  return xmlResponse(
    renderXml(
      s3Root("ListMultipartUploadsResult", [
        el("Bucket", bucket.name),
        el("KeyMarker", keyMarker),
        el("UploadIdMarker", uploadIdMarker),
        truncated && last && el("NextKeyMarker", last.key),
        truncated && last && el("NextUploadIdMarker", last.uploadId),
        opt("Prefix", prefix || undefined),
        opt("Delimiter", delimiter),
        el("MaxUploads", maxUploads),
        el("IsTruncated", truncated),
        ...entries,
        ...prefixes.map((p) => el("CommonPrefixes", [el("Prefix", p)])),
      ]),
    ),
  );
}

function findUpload(ctx: RequestContext, bucket: BucketState): MultipartUpload {
  const uploadId = ctx.query.get("uploadId") ?? "";
  const upload = bucket.uploads.get(uploadId);
  if (!upload || upload.key !== requestKey(ctx)) throw errors.noSuchUpload(uploadId);
  return upload;
}

function owner(name: string, id: string): XmlNode {
  return el(name, [el("ID", id), el("DisplayName", id)]);
}

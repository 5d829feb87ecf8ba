/**
 * ECS copy-range (reference §11): `PUT /{bucket}/{key}` with `x-emc-multipart-copy: true` and a
 * `CopyRangeRequest` body builds the target from byte ranges of one or more sources, atomically.
 *
 * Checks, with the codes ECS was observed to use: `Content-MD5` of the body is required; at most 250
 * segments, 250 ranges per segment and 256 KiB of body (`MaxMessageLengthExceeded`); a missing source
 * is `InvalidCopySource`, a range beyond a source `InvalidCopyRange`, an ETag mismatch
 * `InvalidArgument`; a retained target `ObjectUnderRetention`. SSE-C sources are not supported.
 *
 * @module
 */
import {
  emptyResponse,
  requestBucket,
  requestKey,
  xmlBody,
  type EmulatorResponse,
  type RequestContext,
} from "../../http/RequestContext.js";
import { errors, S3Error } from "../../http/S3Error.js";
import type { XmlElement } from "../../xml/XmlReader.js";
import { DEFAULT_CONTENT_TYPE, commitObject, newObject } from "../s3/objectWrites.js";
import { validateKey, writeHeaders } from "../s3/objects.js";
import { assertNotRetained, retentionFromHeaders } from "./retention.js";
import { lockFromHeaders } from "../s3/objectLock.js";

const MAX_SEGMENTS = 250;
const MAX_RANGES = 250;
const MAX_BODY_BYTES = 256 * 1024;

/** `PUT /{bucket}/{key}` with `x-emc-multipart-copy: true`. */
export function copyRange(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const key = requestKey(ctx);
  validateKey(key);
  if (ctx.headers["content-md5"] === undefined) {
    throw errors.invalidRequest("Missing required header for this request: Content-MD5");
  }
  const mode = ctx.headers["x-emc-copy-mode"];
  if (mode !== undefined && mode !== "shallow" && mode !== "deep") {
    throw errors.invalidArgument("x-emc-copy-mode must be shallow or deep", "x-emc-copy-mode", mode);
  }
  if (ctx.body.length > MAX_BODY_BYTES)
    throw tooLong(`the body has ${ctx.body.length} bytes; at most ${MAX_BODY_BYTES}`);
  const doc = xmlBody(ctx);
  if (doc.name !== "CopyRangeRequest")
    throw errors.malformedXml(`expected <CopyRangeRequest>, found <${doc.name}>`);
  const segments = doc.first("Segments")?.all("Segment") ?? [];
  if (segments.length === 0) throw errors.malformedXml("CopyRangeRequest needs at least one Segment");
  if (segments.length > MAX_SEGMENTS) throw tooLong(`${segments.length} segments; at most ${MAX_SEGMENTS}`);

  assertNotRetained(ctx, bucket, bucket.version(key, "null"));
  const pieces = segments.map((segment) => segmentBytes(ctx, segment));
  const object = newObject(ctx, bucket, key, Buffer.concat(pieces.flat()), {
    contentType: doc.textOf("ContentType") ?? DEFAULT_CONTENT_TYPE,
    headers: {},
    userMetadata: new Map(),
    tags: new Map(),
    retention: retentionFromHeaders(ctx.headers),
    lock: lockFromHeaders(ctx, bucket),
    serverSideEncryption: undefined,
  });
  commitObject(ctx, bucket, object);
  return emptyResponse(200, writeHeaders(bucket, object));
}

function segmentBytes(ctx: RequestContext, segment: XmlElement): Buffer[] {
  const path = segment.textOf("Path") ?? "";
  if (segment.first("SseCAlg") || segment.first("SseCKey")) {
    throw errors.invalidArgument(
      "SSE-C encrypted copy-range sources are not supported by the emulator",
      "SseCAlg",
    );
  }
  const slash = path.indexOf("/");
  const sourceBucket = slash > 0 ? ctx.state.store.find(ctx.namespace, path.slice(0, slash)) : undefined;
  const source = sourceBucket?.current(path.slice(slash + 1));
  if (!source) throw new S3Error(400, "InvalidCopySource", `The copy source "${path}" does not exist`);
  const etag = segment.textOf("Etag");
  if (etag !== undefined && etag.replaceAll('"', "") !== source.etag.replaceAll('"', "")) {
    throw errors.invalidArgument(`The ETag of "${path}" is ${source.etag}, not ${etag}`, "Etag", etag);
  }
  const ranges = (segment.textOf("Range") ?? "0-").split(",");
  if (ranges.length > MAX_RANGES)
    throw tooLong(`${ranges.length} ranges in the segment for "${path}"; at most ${MAX_RANGES}`);
  return ranges.map((range) => {
    const m = /^\s*(\d+)-(\d*)\s*$/.exec(range);
    if (!m) throw new S3Error(400, "InvalidCopyRange", `"${range}" is not start-end or start-`);
    const start = Number(m[1]);
    const end = m[2] === "" ? source.size - 1 : Number(m[2]);
    if (end < start - 1 || end >= source.size || (start >= source.size && source.size > 0)) {
      throw new S3Error(
        400,
        "InvalidCopyRange",
        `The range ${range} lies outside "${path}" (${source.size} bytes)`,
      );
    }
    return source.body.subarray(start, end + 1);
  });
}

function tooLong(detail: string): S3Error {
  return new S3Error(400, "MaxMessageLengthExceeded", `Your copy-range request was too big: ${detail}`);
}

/**
 * ECS byte-range writes on `PUT /{bucket}/{key}` with a `Range` header (reference §4):
 *
 * | Range | Effect |
 * | --- | --- |
 * | `bytes=<start>-<end>` | replaces exactly those bytes (the body must be end−start+1 bytes) |
 * | `bytes=<start>-` | writes the body from `start`, growing the object if it runs past the end |
 * | `bytes=-1-` | appends; the response's `x-emc-append-offset` is where the data landed |
 *
 * Every ranged write answers 200 with `x-emc-previous-object-size` (the size before the write); an
 * append also sends `x-emc-append-offset` (§15.3: both headers, so either client reading works). The
 * new ETag is ECS's write counter, not an MD5 (`x-emc-content-md5` has the real one). The object is
 * changed in place (no new version). Appending to a missing key creates it; updating a missing key
 * is `NoSuchKey`; a start beyond the current end is `InvalidRange` (no holes).
 *
 * @module
 */
import {
  emptyResponse,
  requestBucket,
  requestKey,
  type EmulatorResponse,
  type RequestContext,
} from "../../http/RequestContext.js";
import { errors, S3Error } from "../../http/S3Error.js";
import { newObject, commitObject } from "../s3/objectWrites.js";
import { objectInitFrom, validateKey, writeHeaders } from "../s3/objects.js";
import { assertNotRetained } from "./retention.js";

/** A parsed write range. */
export type WriteRange =
  | { readonly kind: "append" }
  | { readonly kind: "update"; readonly start: number; readonly end: number }
  | { readonly kind: "overwrite"; readonly start: number };

/**
 * Parses a PUT `Range` header.
 *
 * @throws S3Error `InvalidArgument` for anything but the three forms above.
 */
export function parseWriteRange(header: string): WriteRange {
  const value = header.trim();
  if (value === "bytes=-1-") return { kind: "append" };
  const m = /^bytes=(\d+)-(\d*)$/.exec(value);
  if (!m)
    throw errors.invalidArgument(
      "A PUT Range must be bytes=<start>-<end>, bytes=<start>- or bytes=-1- (append)",
      "Range",
      header,
    );
  const start = Number(m[1]);
  if (m[2] === "") return { kind: "overwrite", start };
  const end = Number(m[2]);
  if (end < start)
    throw errors.invalidArgument("The end of a PUT Range cannot precede its start", "Range", header);
  return { kind: "update", start, end };
}

/** `PUT /{bucket}/{key}` with `Range`: update, overwrite or append. */
export function rangeWrite(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const key = requestKey(ctx);
  validateKey(key);
  const range = parseWriteRange(ctx.headers["range"] ?? "");
  const body = ctx.body;
  const current = bucket.current(key);

  if (!current) {
    if (range.kind !== "append") throw errors.noSuchKey(key);
    const created = newObject(ctx, bucket, key, body, objectInitFrom(ctx, bucket));
    commitObject(ctx, bucket, created);
    return emptyResponse(200, {
      ...writeHeaders(bucket, created),
      "x-emc-append-offset": "0",
      "x-emc-previous-object-size": "0",
    });
  }

  assertNotRetained(ctx, bucket, current);
  const previousSize = current.size;
  const start = range.kind === "append" ? previousSize : range.start;
  if (range.kind === "update" && body.length !== range.end - range.start + 1) {
    throw new S3Error(
      400,
      "IncompleteBody",
      `The Range ${range.start}-${range.end} needs ${range.end - range.start + 1} bytes; the body has ${body.length}`,
    );
  }
  if (start > previousSize) {
    throw new S3Error(
      416,
      "InvalidRange",
      `The write starts at ${start}, beyond the end of the object (${previousSize} bytes)`,
      {
        ActualObjectSize: String(previousSize),
      },
    );
  }
  const next = Buffer.alloc(Math.max(previousSize, start + body.length));
  current.body.copy(next);
  body.copy(next, start);
  current.rewrite(next, ctx.now);

  const headers: Record<string, string> = {
    ...writeHeaders(bucket, current),
    "x-emc-previous-object-size": String(previousSize),
  };
  if (range.kind === "append") headers["x-emc-append-offset"] = String(previousSize);
  return emptyResponse(200, headers);
}

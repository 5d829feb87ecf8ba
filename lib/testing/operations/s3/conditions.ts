/**
 * Conditional requests: `If-Match`, `If-None-Match`, `If-Modified-Since`, `If-Unmodified-Since` on
 * reads (304/412), their `x-amz-copy-source-if-*` twins on copies (412), and conditional PUT (412).
 *
 * @module
 */
import type { RequestContext } from "../../http/RequestContext.js";
import { errors, S3Error } from "../../http/S3Error.js";
import type { StoredObject } from "../../store/StoredObject.js";
import { httpDate } from "../../http/encoding.js";

function etagMatches(condition: string, etag: string): boolean {
  const bare = etag.replaceAll('"', "");
  return condition.split(",").some((c) => {
    const t = c.trim().replace(/^W\//, "").replaceAll('"', "");
    return t === "*" || t === bare;
  });
}

/** Whole seconds, the resolution of HTTP dates. */
function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}

function parseHttpDate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Evaluates the read conditions of a GET/HEAD.
 *
 * @throws S3Error `PreconditionFailed` (412), or a 304 `NotModified` (rendered without a body).
 */
export function checkReadConditions(ctx: RequestContext, object: StoredObject): void {
  const h = ctx.headers;
  const modified = seconds(object.lastModifiedMs);
  const ifMatch = h["if-match"];
  const ifUnmodified = parseHttpDate(h["if-unmodified-since"]);
  if (
    ifMatch !== undefined
      ? !etagMatches(ifMatch, object.etag)
      : ifUnmodified !== undefined && modified > seconds(ifUnmodified)
  ) {
    throw errors.preconditionFailed(ifMatch !== undefined ? "If-Match" : "If-Unmodified-Since");
  }
  const ifNoneMatch = h["if-none-match"];
  const ifModified = parseHttpDate(h["if-modified-since"]);
  if (
    ifNoneMatch !== undefined
      ? etagMatches(ifNoneMatch, object.etag)
      : ifModified !== undefined && modified <= seconds(ifModified)
  ) {
    throw new S3Error(
      304,
      "NotModified",
      "Not Modified",
      {},
      { etag: object.etag, "last-modified": httpDate(object.lastModifiedMs) },
    );
  }
}

/** Evaluates `x-amz-copy-source-if-*` against the copy source. @throws S3Error `PreconditionFailed`. */
export function checkCopySourceConditions(ctx: RequestContext, source: StoredObject): void {
  const h = ctx.headers;
  const modified = seconds(source.lastModifiedMs);
  const ifMatch = h["x-amz-copy-source-if-match"];
  if (ifMatch !== undefined && !etagMatches(ifMatch, source.etag))
    throw errors.preconditionFailed("x-amz-copy-source-If-Match");
  const ifNoneMatch = h["x-amz-copy-source-if-none-match"];
  if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, source.etag)) {
    throw errors.preconditionFailed("x-amz-copy-source-If-None-Match");
  }
  const ifUnmodified = parseHttpDate(h["x-amz-copy-source-if-unmodified-since"]);
  if (ifMatch === undefined && ifUnmodified !== undefined && modified > seconds(ifUnmodified)) {
    throw errors.preconditionFailed("x-amz-copy-source-If-Unmodified-Since");
  }
  const ifModified = parseHttpDate(h["x-amz-copy-source-if-modified-since"]);
  if (ifNoneMatch === undefined && ifModified !== undefined && modified <= seconds(ifModified)) {
    throw errors.preconditionFailed("x-amz-copy-source-If-Modified-Since");
  }
}

/**
 * Conditional PUT: `If-None-Match: *` fails when the key exists, `If-Match` when it does not match
 * (or the key is missing). ECS answers 412 for both.
 */
export function checkWriteConditions(ctx: RequestContext, current: StoredObject | undefined): void {
  const ifNoneMatch = ctx.headers["if-none-match"];
  if (ifNoneMatch !== undefined && current && etagMatches(ifNoneMatch, current.etag))
    throw errors.preconditionFailed("If-None-Match");
  const ifMatch = ctx.headers["if-match"];
  if (ifMatch !== undefined && (!current || !etagMatches(ifMatch, current.etag)))
    throw errors.preconditionFailed("If-Match");
}

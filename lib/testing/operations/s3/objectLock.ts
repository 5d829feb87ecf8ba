/**
 * S3 Object Lock (reference §12): the bucket configuration, the ECS extension that enables it on an
 * existing bucket (`PUT /{bucket}?enable-object-lock`, §12b), per-version retention and legal hold,
 * and the rule that they block permanent deletion.
 *
 * @module
 */
import { isoDate } from "../../http/encoding.js";
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
import type { BucketState, ObjectLockRule } from "../../store/BucketState.js";
import type { ObjectLockState, StoredObject } from "../../store/StoredObject.js";
import { el, opt, renderXml, s3Root } from "../../xml/XmlWriter.js";

const DAY_MS = 86_400_000;

/** `PUT /{bucket}?enable-object-lock`: turns Object Lock (and versioning) on for an existing bucket. */
export function enableObjectLock(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  bucket.objectLockEnabled = true;
  bucket.versioning = "Enabled";
  return emptyResponse(200);
}

/** `GET /{bucket}?object-lock`. */
export function getObjectLockConfiguration(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  if (!bucket.objectLockEnabled) {
    throw new S3Error(
      404,
      "ObjectLockConfigurationNotFoundError",
      "Object Lock configuration does not exist for this bucket",
      {
        BucketName: bucket.name,
      },
    );
  }
  const rule = bucket.objectLockRule;
  return xmlResponse(
    renderXml(
      s3Root("ObjectLockConfiguration", [
        el("ObjectLockEnabled", "Enabled"),
        rule &&
          el("Rule", [
            el("DefaultRetention", [el("Mode", rule.mode), opt("Days", rule.days), opt("Years", rule.years)]),
          ]),
      ]),
    ),
  );
}

/** `PUT /{bucket}?object-lock`: sets the default retention; enables the lock on a versioned bucket. */
export function putObjectLockConfiguration(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const doc = xmlBody(ctx);
  if (doc.textOf("ObjectLockEnabled") !== "Enabled")
    throw errors.malformedXml("ObjectLockEnabled must be Enabled");
  if (!bucket.objectLockEnabled && bucket.versioning !== "Enabled") {
    throw new S3Error(
      409,
      "InvalidBucketState",
      "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration",
    );
  }
  const retention = doc.first("Rule")?.first("DefaultRetention");
  let rule: ObjectLockRule | undefined;
  if (retention) {
    const mode = parseMode(retention.textOf("Mode"));
    const days = retention.textOf("Days");
    const years = retention.textOf("Years");
    if ((days === undefined) === (years === undefined))
      throw errors.malformedXml("DefaultRetention needs exactly one of Days and Years");
    const count = Number(days ?? years);
    if (!Number.isInteger(count) || count < 1)
      throw errors.invalidArgument("Default retention period must be a positive integer value");
    rule = days !== undefined ? { mode, days: count } : { mode, years: count };
  }
  bucket.objectLockEnabled = true;
  bucket.objectLockRule = rule;
  return emptyResponse(200);
}

/** The lock a new object gets: from `x-amz-object-lock-*` headers, else the bucket's default rule. */
export function lockFromHeaders(ctx: RequestContext, bucket: BucketState): ObjectLockState {
  const mode = ctx.headers["x-amz-object-lock-mode"];
  const until = ctx.headers["x-amz-object-lock-retain-until-date"];
  const hold = ctx.headers["x-amz-object-lock-legal-hold"];
  if ((mode !== undefined || until !== undefined || hold !== undefined) && !bucket.objectLockEnabled) {
    throw errors.invalidRequest("Bucket is missing Object Lock Configuration");
  }
  const lock: ObjectLockState = {};
  if (mode !== undefined || until !== undefined) {
    if (mode === undefined || until === undefined) {
      throw errors.invalidArgument(
        "x-amz-object-lock-mode and x-amz-object-lock-retain-until-date must be given together",
      );
    }
    lock.mode = parseMode(mode);
    lock.retainUntilMs = parseDate(until);
  } else if (bucket.objectLockRule) {
    const rule = bucket.objectLockRule;
    lock.mode = rule.mode;
    lock.retainUntilMs = ctx.now + (rule.days ?? (rule.years ?? 0) * 365) * DAY_MS;
  }
  if (hold !== undefined) lock.legalHold = parseHold(hold);
  return lock;
}

/** Response headers reporting a version's lock. */
export function lockHeaders(object: StoredObject): Record<string, string> {
  const headers: Record<string, string> = {};
  if (object.lock.mode) headers["x-amz-object-lock-mode"] = object.lock.mode;
  if (object.lock.retainUntilMs !== undefined)
    headers["x-amz-object-lock-retain-until-date"] = isoDate(object.lock.retainUntilMs);
  if (object.lock.legalHold !== undefined)
    headers["x-amz-object-lock-legal-hold"] = object.lock.legalHold ? "ON" : "OFF";
  return headers;
}

/** True when a legal hold or an unexpired retention protects `object` (governance bypass considered). */
export function isLocked(ctx: RequestContext, object: StoredObject): boolean {
  return object.lock.legalHold === true || retentionBlocks(ctx, object.lock);
}

function retentionBlocks(ctx: RequestContext, lock: ObjectLockState): boolean {
  if (lock.retainUntilMs === undefined || lock.retainUntilMs <= ctx.now) return false;
  const bypass = ctx.headers["x-amz-bypass-governance-retention"]?.toLowerCase() === "true";
  return !(lock.mode === "GOVERNANCE" && bypass);
}

/** @throws S3Error `AccessDenied` (403) when Object Lock protects `object` from permanent deletion. */
export function assertNotLocked(ctx: RequestContext, object: StoredObject): void {
  if (isLocked(ctx, object))
    throw errors.accessDenied("Access Denied because object protected by object lock.");
}

/** `GET /{bucket}/{key}?retention`. */
export function getObjectRetention(ctx: RequestContext): EmulatorResponse {
  const object = lockTarget(ctx);
  if (object.lock.retainUntilMs === undefined || !object.lock.mode) throw noLockConfiguration("retention");
  return xmlResponse(
    renderXml(
      s3Root("Retention", [
        el("Mode", object.lock.mode),
        el("RetainUntilDate", isoDate(object.lock.retainUntilMs)),
      ]),
    ),
  );
}

/** `PUT /{bucket}/{key}?retention`: COMPLIANCE can only be extended; shortening GOVERNANCE needs the bypass header. */
export function putObjectRetention(ctx: RequestContext): EmulatorResponse {
  const object = lockTarget(ctx);
  const doc = xmlBody(ctx);
  const mode = parseMode(doc.textOf("Mode"));
  const until = parseDate(doc.textOf("RetainUntilDate") ?? "");
  const current = object.lock.retainUntilMs;
  const shortens =
    current !== undefined && current > ctx.now && (until < current || mode !== object.lock.mode);
  if (shortens && retentionBlocks(ctx, object.lock)) {
    throw errors.accessDenied("Access Denied because object protected by object lock.");
  }
  object.lock.mode = mode;
  object.lock.retainUntilMs = until;
  return emptyResponse(200);
}

/** `GET /{bucket}/{key}?legal-hold`. */
export function getObjectLegalHold(ctx: RequestContext): EmulatorResponse {
  const object = lockTarget(ctx);
  if (object.lock.legalHold === undefined) throw noLockConfiguration("legal hold");
  return xmlResponse(renderXml(s3Root("LegalHold", [el("Status", object.lock.legalHold ? "ON" : "OFF")])));
}

/** `PUT /{bucket}/{key}?legal-hold`. */
export function putObjectLegalHold(ctx: RequestContext): EmulatorResponse {
  const object = lockTarget(ctx);
  object.lock.legalHold = parseHold(xmlBody(ctx).textOf("Status") ?? "");
  return emptyResponse(200);
}

function lockTarget(ctx: RequestContext): StoredObject {
  const bucket = requestBucket(ctx);
  if (!bucket.objectLockEnabled) throw errors.invalidRequest("Bucket is missing Object Lock Configuration");
  const key = requestKey(ctx);
  const versionId = ctx.query.get("versionId");
  const object = versionId ? bucket.version(key, versionId) : bucket.current(key);
  if (!object) throw versionId ? errors.noSuchVersion(key, versionId) : errors.noSuchKey(key);
  return object;
}

function noLockConfiguration(what: string): S3Error {
  return new S3Error(
    404,
    "NoSuchObjectLockConfiguration",
    `The specified object does not have a ${what} configuration`,
  );
}

function parseMode(mode: string | undefined): "GOVERNANCE" | "COMPLIANCE" {
  if (mode === "GOVERNANCE" || mode === "COMPLIANCE") return mode;
  throw errors.invalidArgument("Unknown wormMode directive.", "ObjectLockMode", mode ?? "");
}

function parseHold(status: string): boolean {
  if (status === "ON" || status === "OFF") return status === "ON";
  throw errors.invalidArgument("Legal hold status must be ON or OFF", "LegalHold", status);
}

function parseDate(text: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms))
    throw errors.invalidArgument("The retain until date must be an ISO 8601 date", "RetainUntilDate", text);
  return ms;
}

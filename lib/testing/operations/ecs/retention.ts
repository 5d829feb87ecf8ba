/**
 * ECS-native retention (reference §5): object headers `x-emc-retention-period` and
 * `x-emc-retention-policy`, the bucket default period, the effective end of retention, and
 * `PUT /{bucket}/{key}?retentionUpdate` to extend it.
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
import { errors } from "../../http/S3Error.js";
import type { BucketState } from "../../store/BucketState.js";
import type { EcsRetention, StoredObject } from "../../store/StoredObject.js";

/**
 * Parses a retention period in seconds: a non-negative integer, or `-1` for infinite.
 *
 * @throws S3Error `InvalidArgument`.
 */
export function parseRetentionPeriod(value: string, header: string): number {
  if (!/^(-1|\d+)$/.test(value.trim())) {
    throw errors.invalidArgument(`${header} must be a number of seconds, or -1 for infinite`, header, value);
  }
  return Number(value.trim());
}

/** The retention an object write asks for through its headers. */
export function retentionFromHeaders(headers: RequestContext["headers"]): EcsRetention {
  const period = headers["x-emc-retention-period"];
  const policy = headers["x-emc-retention-policy"];
  const retention: EcsRetention = {};
  if (period !== undefined) retention.periodSeconds = parseRetentionPeriod(period, "x-emc-retention-period");
  if (policy !== undefined && policy !== "") retention.policy = policy;
  return retention;
}

/** Response headers that report an object's retention (HEAD/GET). */
export function retentionHeaders(object: StoredObject): Record<string, string> {
  const headers: Record<string, string> = {};
  if (object.retention.periodSeconds !== undefined)
    headers["x-emc-retention-period"] = String(object.retention.periodSeconds);
  if (object.retention.policy !== undefined) headers["x-emc-retention-policy"] = object.retention.policy;
  return headers;
}

/**
 * When the object's retention ends, in epoch ms (`Infinity` for infinite, `-Infinity` for none): the
 * longest of the bucket period, the object period and the object policy, counted from creation.
 * Unknown policy names count as no retention, as ECS accepts them silently.
 */
export function retentionEnd(
  bucket: BucketState,
  object: StoredObject,
  policies: ReadonlyMap<string, number>,
): number {
  const periods = [bucket.options.retentionPeriodSeconds, object.retention.periodSeconds];
  if (object.retention.policy !== undefined) periods.push(policies.get(object.retention.policy));
  let end = Number.NEGATIVE_INFINITY;
  for (const period of periods) {
    if (period === undefined) continue;
    if (period < 0) return Number.POSITIVE_INFINITY;
    end = Math.max(end, object.createdMs + period * 1000);
  }
  return end;
}

/** True while ECS retention forbids changing or deleting `object`. */
export function isUnderRetention(ctx: RequestContext, bucket: BucketState, object: StoredObject): boolean {
  return (
    !object.isDeleteMarker && ctx.now < retentionEnd(bucket, object, ctx.state.settings.retentionPolicies)
  );
}

/** @throws S3Error `ObjectUnderRetention` (409) while `object` is retained. */
export function assertNotRetained(
  ctx: RequestContext,
  bucket: BucketState,
  object: StoredObject | undefined,
): void {
  if (object && isUnderRetention(ctx, bucket, object)) throw errors.objectUnderRetention(object.key);
}

/**
 * `PUT /{bucket}/{key}?retentionUpdate` with `x-emc-retention-period`: extends the object's own
 * period. The new value must not shorten it; `-1` (infinite) can never be reduced.
 */
export function extendRetention(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const key = requestKey(ctx);
  const object = bucket.current(key);
  if (!object) throw errors.noSuchKey(key);
  const header = ctx.headers["x-emc-retention-period"];
  if (header === undefined) {
    throw errors.invalidRequest("Missing required header for this request: x-emc-retention-period");
  }
  const period = parseRetentionPeriod(header, "x-emc-retention-period");
  const current = object.retention.periodSeconds;
  if (current !== undefined && (current < 0 ? period >= 0 : period >= 0 && period < current)) {
    throw errors.invalidArgument(
      `The retention period can only be extended: the object has ${current} s, the request asked for ${period} s`,
      "x-emc-retention-period",
      header,
    );
  }
  object.retention.periodSeconds = period;
  return emptyResponse(200);
}

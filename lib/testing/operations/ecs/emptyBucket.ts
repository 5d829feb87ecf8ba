/**
 * ECS background bucket emptying (reference §7): `DELETE /{bucket}` with `x-emc-empty-bucket: true`
 * answers 202 and starts a task that deletes every version, delete marker and upload, then the
 * bucket. While it runs the bucket is read-only (writes fail with 403 `EmptyBucketInProgress`).
 * Retained or locked versions are left behind and end the task in `FAILED` (the bucket stays and
 * becomes writable again). `GET /{bucket}?empty-bucket-status` reports progress; it is 404
 * `NoSuchBucket` once the task is `DONE`, and `NOT_FOUND` for a bucket without a task.
 *
 * The task advances on timers: every `emptyBucket.stepDelayMs` it deletes up to
 * `emptyBucket.entriesPerStep` entries (`PENDING` → `IN_PROGRESS` → `POST_PROCESSING` → `DONE`).
 *
 * @module
 */
import type { EmulatorState } from "../../EmulatorState.js";
import { emptyBucketStatusXml } from "../../documents/ecsDocuments.js";
import {
  emptyResponse,
  requestBucket,
  xmlResponse,
  type EmulatorResponse,
  type RequestContext,
} from "../../http/RequestContext.js";
import { S3Error } from "../../http/S3Error.js";
import type { BucketState } from "../../store/BucketState.js";
import { retentionEnd } from "./retention.js";

/** The error of writes to a bucket being emptied. */
export function emptyBucketInProgress(bucket: string): S3Error {
  return new S3Error(
    403,
    "EmptyBucketInProgress",
    `The bucket "${bucket}" is being emptied and is read-only`,
    { BucketName: bucket },
  );
}

/** Starts the task (or reports the running one) and answers 202 Accepted. */
export function startEmptyBucket(ctx: RequestContext, bucket: BucketState): EmulatorResponse {
  if (bucket.isEmptying) return emptyResponse(202);
  let count = 0;
  let size = 0;
  for (const version of bucket.allVersions()) {
    count += 1;
    size += version.size;
  }
  bucket.emptyTask = {
    status: "PENDING",
    createdMs: ctx.now,
    lastUpdatedMs: ctx.now,
    entriesDeleted: 0,
    failedToDeleteDueToRetention: 0,
    approximateObjectCount: count,
    approximateTotalSize: size,
    message: undefined,
  };
  const state = ctx.state;
  state.schedule(() => step(state, bucket), state.settings.emptyBucketStepMs);
  return emptyResponse(202);
}

/** `GET /{bucket}?empty-bucket-status`. */
export function getEmptyBucketStatus(ctx: RequestContext): EmulatorResponse {
  const task = requestBucket(ctx).emptyTask;
  if (!task) return xmlResponse(emptyBucketStatusXml({ status: "NOT_FOUND" }));
  return xmlResponse(
    emptyBucketStatusXml({
      status: task.status,
      created: task.createdMs,
      lastUpdated: task.lastUpdatedMs,
      entriesDeleted: task.entriesDeleted,
      failedToDeleteDueToRetention: task.failedToDeleteDueToRetention,
      failedToDeleteDueToPermission: 0,
      failedToDeleteDueToDangling: 0,
      failedToDeleteDueToOther: 0,
      approximateObjectCount: task.approximateObjectCount,
      approximateTotalSize: task.approximateTotalSize,
      approximateTotalSizeUnitString: "B",
      message: task.message,
    }),
  );
}

function step(state: EmulatorState, bucket: BucketState): void {
  const task = bucket.emptyTask;
  if (!task || state.store.find(bucket.namespace, bucket.name) !== bucket) return;
  const now = state.now();
  task.lastUpdatedMs = now;
  const again = () => state.schedule(() => step(state, bucket), state.settings.emptyBucketStepMs);

  if (task.status === "PENDING") {
    task.status = "IN_PROGRESS";
    again();
    return;
  }
  if (task.status === "POST_PROCESSING") {
    if (task.failedToDeleteDueToRetention > 0) {
      task.status = "FAILED";
      task.message = `${task.failedToDeleteDueToRetention} entries could not be deleted because they are under retention`;
    } else {
      task.status = "DONE";
      state.store.remove(bucket);
    }
    return;
  }

  bucket.uploads.clear();
  let budget = state.settings.emptyBucketEntriesPerStep;
  let retained = 0;
  for (const version of [...bucket.allVersions()]) {
    const protectedByLock =
      version.lock.legalHold === true ||
      (version.lock.retainUntilMs !== undefined && version.lock.retainUntilMs > now);
    const retainedByEcs =
      !version.isDeleteMarker && now < retentionEnd(bucket, version, state.settings.retentionPolicies);
    if (protectedByLock || retainedByEcs) {
      retained += 1;
      continue;
    }
    if (budget === 0) {
      again();
      return;
    }
    bucket.remove(version.key, version.versionId);
    task.entriesDeleted += 1;
    budget -= 1;
  }
  task.failedToDeleteDueToRetention = retained;
  task.status = "POST_PROCESSING";
  again();
}

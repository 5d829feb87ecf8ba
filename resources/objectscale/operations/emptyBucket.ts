/**
 * Background bucket emptying and its status (reference §7, ECS 3.8 and later).
 *
 * @module
 */
import type { MetadataBearer } from "@smithy/types";
import { defineOperation } from "../../../lib/client/defineOperation.js";
import { xmlDate, xmlNonEmpty, xmlNumber } from "../xml.js";

/** Input of `EmptyBucket` and `GetEmptyBucketStatus`. */
export interface EmptyBucketInput {
  Bucket: string;
}

/** Output of `EmptyBucket`: only the metadata (status 202). */
export type EmptyBucketOutput = MetadataBearer;

/**
 * The states of an emptying task; `NOT_FOUND` was seen for a bucket without one. Others may
 * appear, so the type stays open.
 */
export type EmptyBucketTaskStatus =
  | "PENDING"
  | "IN_PROGRESS"
  | "POST_PROCESSING"
  | "DONE"
  | "FAILED"
  | "ABORT_IN_PROGRESS"
  | "ABORTED"
  | "NOT_FOUND"
  | (string & {});

/** Output of `GetEmptyBucketStatus` (root `EmptyBucketStatus`). */
export interface GetEmptyBucketStatusOutput extends MetadataBearer {
  Status?: EmptyBucketTaskStatus;
  Created?: Date;
  LastUpdated?: Date;
  EntriesDeleted?: number;
  FailedToDeleteDueToRetention?: number;
  FailedToDeleteDueToPermission?: number;
  FailedToDeleteDueToDangling?: number;
  FailedToDeleteDueToOther?: number;
  /** Element name assumed (reference §15.9: Dell's Java client mis-annotates it). */
  ApproximateObjectCount?: number;
  ApproximateTotalSize?: number;
  ApproximateTotalSizeUnitString?: string;
  Message?: string;
}

/**
 * `DELETE /{Bucket}` with `x-emc-empty-bucket: true`: starts a server-side task that deletes every
 * object and version, then the bucket (202 Accepted). The bucket is read-only meanwhile
 * (`EmptyBucketInProgress`); objects under retention or lock stay. Irreversible.
 *
 * @example
 * ```ts
 * await s3.send(new EmptyBucketCommand({ Bucket: "old-logs" }));
 * ```
 */
export const EmptyBucketCommand = defineOperation<EmptyBucketInput, EmptyBucketOutput>({
  name: "EmptyBucket",
  scope: "bucket",
  serialize: () => ({ method: "DELETE", headers: { "x-emc-empty-bucket": "true" } }),
  deserialize: () => ({}),
});

const COUNTS = [
  "EntriesDeleted",
  "FailedToDeleteDueToRetention",
  "FailedToDeleteDueToPermission",
  "FailedToDeleteDueToDangling",
  "FailedToDeleteDueToOther",
  "ApproximateObjectCount",
  "ApproximateTotalSize",
] as const;

/**
 * `GET /{Bucket}/?empty-bucket-status`: the emptying task's progress. Once the bucket is gone the
 * server answers 404 `NoSuchBucket` (thrown as the SDK's `NoSuchBucket`).
 *
 * @example
 * ```ts
 * const { Status } = await s3.send(new GetEmptyBucketStatusCommand({ Bucket: "old-logs" }));
 * ```
 */
export const GetEmptyBucketStatusCommand = defineOperation<EmptyBucketInput, GetEmptyBucketStatusOutput>({
  name: "GetEmptyBucketStatus",
  scope: "bucket",
  serialize: () => ({ method: "GET", query: { "empty-bucket-status": "" } }),
  deserialize: ({ xml }) => {
    const out: Omit<GetEmptyBucketStatusOutput, "$metadata"> = {};
    const set = (name: keyof typeof out, value: unknown): void => {
      if (value !== undefined) Object.assign(out, { [name]: value });
    };
    set("Status", xmlNonEmpty(xml?.["Status"]));
    set("Created", xmlDate(xml?.["Created"]));
    set("LastUpdated", xmlDate(xml?.["LastUpdated"]));
    for (const name of COUNTS) set(name, xmlNumber(xml?.[name]));
    set("ApproximateTotalSizeUnitString", xmlNonEmpty(xml?.["ApproximateTotalSizeUnitString"]));
    set("Message", xmlNonEmpty(xml?.["Message"]));
    return out;
  },
});

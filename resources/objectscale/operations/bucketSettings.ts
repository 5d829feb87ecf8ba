/**
 * Bucket settings ObjectScale changes through its own sub-resources: the stale-read flag
 * (reference §6) and Object Lock on an existing bucket (§12).
 *
 * @module
 */
import type { MetadataBearer } from "@smithy/types";
import { defineOperation } from "../../../lib/client/defineOperation.js";

/** Input of `SetStaleReadAllowed`. */
export interface SetStaleReadAllowedInput {
  Bucket: string;
  /** Whether reads may return possibly stale data during a temporary site outage. */
  StaleReadAllowed: boolean;
}

/** Input of `EnableObjectLock`. */
export interface EnableObjectLockInput {
  Bucket: string;
}

/**
 * `PUT /{Bucket}/?isstaleallowed` with `x-emc-is-stale-allowed: true|false`. Not supported on
 * file-system-enabled buckets.
 *
 * @example
 * ```ts
 * await s3.send(new SetStaleReadAllowedCommand({ Bucket: "b", StaleReadAllowed: true }));
 * ```
 */
export const SetStaleReadAllowedCommand = defineOperation<SetStaleReadAllowedInput, MetadataBearer>({
  name: "SetStaleReadAllowed",
  scope: "bucket",
  serialize: (input) => ({
    method: "PUT",
    query: { isstaleallowed: "" },
    headers: { "x-emc-is-stale-allowed": String(input.StaleReadAllowed) },
  }),
  deserialize: () => ({}),
});

/**
 * `PUT /{Bucket}/?enable-object-lock`, no body: turns S3 Object Lock on for an existing bucket
 * (ECS 3.6.2 and later, IAM users).
 *
 * @example
 * ```ts
 * await s3.send(new EnableObjectLockCommand({ Bucket: "b" }));
 * ```
 */
export const EnableObjectLockCommand = defineOperation<EnableObjectLockInput, MetadataBearer>({
  name: "EnableObjectLock",
  scope: "bucket",
  serialize: () => ({ method: "PUT", query: { "enable-object-lock": "" } }),
  deserialize: () => ({}),
});

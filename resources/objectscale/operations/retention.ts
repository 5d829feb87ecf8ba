/**
 * Extending an object's ObjectScale retention period (reference §5.3, ECS 3.6 and later).
 *
 * @module
 */
import type { MetadataBearer } from "@smithy/types";
import { defineOperation } from "../../../lib/client/defineOperation.js";

/** Input of `ExtendRetentionPeriod`. */
export interface ExtendRetentionPeriodInput {
  Bucket: string;
  Key: string;
  /**
   * The new period in seconds from the object's creation, at least the current one; `-1` retains
   * it forever.
   */
  RetentionPeriod: number;
}

/**
 * `PUT /{Bucket}/{Key}?retentionUpdate` with `x-emc-retention-period: <seconds|-1>`, no body.
 *
 * @example
 * ```ts
 * await s3.send(new ExtendRetentionPeriodCommand({ Bucket: "b", Key: "k", RetentionPeriod: 86_400 }));
 * ```
 */
export const ExtendRetentionPeriodCommand = defineOperation<ExtendRetentionPeriodInput, MetadataBearer>({
  name: "ExtendRetentionPeriod",
  scope: "object",
  serialize: (input) => ({
    method: "PUT",
    query: { retentionUpdate: "" },
    headers: { "x-emc-retention-period": String(input.RetentionPeriod) },
  }),
  deserialize: () => ({}),
});

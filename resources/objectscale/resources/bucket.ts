/**
 * The `creating-resource-class.s3.Bucket` handler: ObjectScale's bucket calls as `Bucket` methods,
 * each delegating to the client method of the same call (so every client event fires). Typed in
 * `types.ts`.
 *
 * @module
 */
import type { CallOptions } from "../../../lib/client/s3/types.js";
import type { CreatingResourceClassEvent } from "../../../lib/resources/events.js";
import type { Bucket } from "../../s3/Bucket.js";
import type { MetadataQuery } from "../query/MetadataQuery.js";
import { addMethods } from "./methods.js";
import { queryObjectsCollection } from "./queryObjects.js";
import type { QueryObjectsFilter } from "./types.js";

/** Marks the bucket's data stale once a call that changes it succeeded, as actions do. */
async function changing<T>(bucket: Bucket, call: Promise<T>): Promise<T> {
  const output = await call;
  bucket.meta.stale = true;
  return output;
}

const bucketMethods = {
  queryObjects(this: Bucket, query: string | MetadataQuery, filter?: QueryObjectsFilter) {
    return queryObjectsCollection(this, query, filter);
  },
  metadataSearchKeys(this: Bucket, options?: CallOptions) {
    return this.meta.client.listBucketMetadataSearchKeys({ Bucket: this.name }, options);
  },
  setStaleReadAllowed(this: Bucket, allowed: boolean, options?: CallOptions) {
    return changing(
      this,
      this.meta.client.setStaleReadAllowed({ Bucket: this.name, StaleReadAllowed: allowed }, options),
    );
  },
  empty(this: Bucket, options?: CallOptions) {
    return changing(this, this.meta.client.emptyBucket({ Bucket: this.name }, options));
  },
  emptyStatus(this: Bucket, options?: CallOptions) {
    return this.meta.client.getEmptyBucketStatus({ Bucket: this.name }, options);
  },
  disableMetadataSearch(this: Bucket, options?: CallOptions) {
    return changing(this, this.meta.client.disableMetadataSearch({ Bucket: this.name }, options));
  },
};

/**
 * Adds `queryObjects`, `metadataSearchKeys`, `setStaleReadAllowed`, `empty`, `emptyStatus` and
 * `disableMetadataSearch` to the session's `Bucket` class.
 *
 * @example
 * ```ts
 * events.register("creating-resource-class.s3.Bucket", bucketClassHandler, { uniqueId: "objectscale.resource.Bucket" });
 * ```
 * @throws {@link ClassMemberConflictError} when the class already has one of the names.
 * @internal
 */
export function bucketClassHandler({
  classAttributes,
}: Pick<CreatingResourceClassEvent, "classAttributes">): void {
  addMethods(classAttributes, bucketMethods);
}

/**
 * A read-only view of a bucket's state, for tests that check what a request changed (ECS options
 * have no S3 read operation: stale reads, file-system access, replication group, …).
 *
 * @module
 */
import type { SearchKey } from "./search/searchKeys.js";
import type { BucketState, EmptyBucketTaskStatus, VersioningStatus } from "./store/BucketState.js";

/** A snapshot of one bucket. */
export interface BucketDescription {
  readonly name: string;
  readonly namespace: string;
  readonly createdMs: number;
  readonly owner: string;
  readonly replicationGroup: string | undefined;
  readonly fileSystemEnabled: boolean;
  readonly staleReadAllowed: boolean;
  readonly encryptionEnabled: boolean;
  readonly complianceEnabled: boolean;
  readonly retentionPeriodSeconds: number | undefined;
  readonly metadataSearchEnabled: boolean;
  readonly searchKeys: readonly SearchKey[];
  readonly versioning: VersioningStatus;
  readonly objectLockEnabled: boolean;
  /** Keys with at least one version or delete marker. */
  readonly keyCount: number;
  /** Versions and delete markers. */
  readonly versionCount: number;
  readonly uploadsInProgress: number;
  readonly emptyTaskStatus: EmptyBucketTaskStatus | undefined;
}

/** The snapshot of `bucket`. */
export function describeBucket(bucket: BucketState): BucketDescription {
  let versionCount = 0;
  for (const _ of bucket.allVersions()) versionCount += 1;
  return {
    name: bucket.name,
    namespace: bucket.namespace,
    createdMs: bucket.createdMs,
    owner: bucket.owner,
    ...bucket.options,
    searchKeys: [...bucket.options.searchKeys],
    versioning: bucket.versioning,
    objectLockEnabled: bucket.objectLockEnabled,
    keyCount: bucket.keyCount,
    versionCount,
    uploadsInProgress: bucket.uploads.size,
    emptyTaskStatus: bucket.emptyTask?.status,
  };
}

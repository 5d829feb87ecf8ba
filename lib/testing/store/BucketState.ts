/**
 * A bucket as the emulator keeps it: its ECS options, versioning, object versions, multipart
 * uploads, stored sub-resource documents, and the background emptying task if one runs.
 *
 * @module
 */
import type { SearchKey } from "../search/searchKeys.js";
import type { MultipartUpload, StoredObject } from "./StoredObject.js";

/** The ECS options a bucket was created with (reference §3.1), plus later changes (§3.5, §6). */
export interface EcsBucketOptions {
  /** `x-emc-dataservice-vpool` (or the legacy `x-emc-vpool`). */
  replicationGroup: string | undefined;
  fileSystemEnabled: boolean;
  staleReadAllowed: boolean;
  encryptionEnabled: boolean;
  complianceEnabled: boolean;
  /** Default retention in seconds (`x-emc-retention-period`); `-1` is infinite. */
  retentionPeriodSeconds: number | undefined;
  /** Indexed keys (`x-emc-metadata-search`); they stay listed after search is disabled, as observed on ECS. */
  searchKeys: readonly SearchKey[];
  metadataSearchEnabled: boolean;
}

/** Status values of the ECS background emptying task (reference §7). */
export type EmptyBucketTaskStatus = "PENDING" | "IN_PROGRESS" | "POST_PROCESSING" | "DONE" | "FAILED";

/** The background task started by `DELETE /{bucket}` with `x-emc-empty-bucket: true`. */
export interface EmptyBucketTask {
  status: EmptyBucketTaskStatus;
  readonly createdMs: number;
  lastUpdatedMs: number;
  entriesDeleted: number;
  failedToDeleteDueToRetention: number;
  readonly approximateObjectCount: number;
  readonly approximateTotalSize: number;
  message: string | undefined;
}

/** Versioning state as S3 reports it; `Unversioned` is reported as no `Status` at all. */
export type VersioningStatus = "Unversioned" | "Enabled" | "Suspended";

/** Default retention of an Object Lock configuration. */
export interface ObjectLockRule {
  readonly mode: "GOVERNANCE" | "COMPLIANCE";
  readonly days?: number;
  readonly years?: number;
}

/** One bucket. */
export class BucketState {
  versioning: VersioningStatus = "Unversioned";
  objectLockEnabled = false;
  objectLockRule: ObjectLockRule | undefined;
  tags: Map<string, string> | undefined;
  /** Stored-as-sent documents of sub-resources the emulator does not interpret (`cors`, `policy`, …). */
  readonly documents = new Map<string, Buffer>();
  readonly uploads = new Map<string, MultipartUpload>();
  emptyTask: EmptyBucketTask | undefined;
  /** Versions of each key, newest first. */
  readonly #objects = new Map<string, StoredObject[]>();
  #sortedKeys: string[] | undefined;

  constructor(
    readonly name: string,
    readonly namespace: string,
    readonly createdMs: number,
    readonly owner: string,
    readonly options: EcsBucketOptions,
  ) {}

  /** True while a background emptying task runs: the bucket is then read-only. */
  get isEmptying(): boolean {
    const status = this.emptyTask?.status;
    return status === "PENDING" || status === "IN_PROGRESS" || status === "POST_PROCESSING";
  }

  /** Number of keys with at least one version or delete marker. */
  get keyCount(): number {
    return this.#objects.size;
  }

  /** Every key with a version or delete marker, in UTF-16 code-unit order (the order ECS lists in). */
  sortedKeys(): readonly string[] {
    this.#sortedKeys ??= [...this.#objects.keys()].sort();
    return this.#sortedKeys;
  }

  /** Versions of `key`, newest first (empty when none). */
  versions(key: string): readonly StoredObject[] {
    return this.#objects.get(key) ?? [];
  }

  /** The newest version of `key`, which may be a delete marker. */
  latest(key: string): StoredObject | undefined {
    return this.#objects.get(key)?.[0];
  }

  /** The current object under `key`: the newest version unless that is a delete marker. */
  current(key: string): StoredObject | undefined {
    const latest = this.latest(key);
    return latest?.isDeleteMarker ? undefined : latest;
  }

  /** A specific version of `key`. */
  version(key: string, versionId: string): StoredObject | undefined {
    return this.#objects.get(key)?.find((v) => v.versionId === versionId);
  }

  /**
   * Adds `object` as the newest version of its key. A version with the same id (the `null` version
   * of an unversioned or suspended bucket) is replaced.
   */
  put(object: StoredObject): void {
    const versions = this.#objects.get(object.key);
    if (versions === undefined) {
      this.#objects.set(object.key, [object]);
      this.#sortedKeys = undefined;
      return;
    }
    const same = versions.findIndex((v) => v.versionId === object.versionId);
    if (same >= 0) versions.splice(same, 1);
    versions.unshift(object);
  }

  /** Removes one version; the key disappears with its last version. */
  remove(key: string, versionId: string): StoredObject | undefined {
    const versions = this.#objects.get(key);
    const index = versions?.findIndex((v) => v.versionId === versionId) ?? -1;
    if (!versions || index < 0) return undefined;
    const [removed] = versions.splice(index, 1);
    if (versions.length === 0) {
      this.#objects.delete(key);
      this.#sortedKeys = undefined;
    }
    return removed;
  }

  /** Every version of every key (keys in order, versions newest first). */
  *allVersions(): Generator<StoredObject> {
    for (const key of this.sortedKeys()) yield* this.versions(key);
  }
}

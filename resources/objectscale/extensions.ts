/**
 * The `ObjectScale` members the plugin adds to modelled S3 operations, and the `x-emc-*` request
 * headers they become (reference §3.1, §3.2, §5.1).
 *
 * @module
 */
import type { SearchDatatype } from "./query/literals.js";
import { SYSTEM_SEARCH_KEYS, type SystemSearchKeyName, type UserSearchKeyName } from "./query/searchKey.js";

/**
 * A key to index at bucket creation: a user key with its datatype, or a system key (whose
 * datatype is fixed, so `type` may be left out).
 */
export type MetadataSearchKeySpec =
  | { key: UserSearchKeyName; type: SearchDatatype }
  | { [K in SystemSearchKeyName]: { key: K; type?: (typeof SYSTEM_SEARCH_KEYS)[K] } }[SystemSearchKeyName];

/** ObjectScale settings of a new bucket: `CreateBucket({ Bucket, ObjectScale: {...} })`. */
export interface CreateBucketObjectScaleOptions {
  /** Create the bucket in this namespace instead of the plugin's (`x-emc-namespace`). */
  namespace?: string;
  /** Replication group (vpool) id, such as a URN (`x-emc-dataservice-vpool` by default). */
  replicationGroup?: string;
  /** File-system (NFS/HDFS) access (`x-emc-file-system-access-enabled`); not for IAM users. */
  fileSystemEnabled?: boolean;
  /** Reads during a temporary site outage (`x-emc-is-stale-allowed`). */
  staleReadAllowed?: boolean;
  /** Transparent encryption at rest, settable only now (`x-emc-server-side-encryption-enabled`). */
  serverSideEncryption?: boolean;
  /** Default retention of objects, in seconds (`x-emc-retention-period`). */
  retentionPeriod?: number;
  /** Compliance bucket (`x-emc-compliance-enabled`; reference §15.8: not in Dell's Java client). */
  complianceEnabled?: boolean;
  /** Keys to index for metadata search, at most 30 (`x-emc-metadata-search`); only settable now. */
  metadataSearch?: MetadataSearchKeySpec[];
}

/** ObjectScale retention of an object: `PutObject`, `CopyObject`, `CreateMultipartUpload`. */
export interface ObjectRetentionOptions {
  /** Seconds the object cannot be changed or deleted; `-1` forever (`x-emc-retention-period`). */
  retentionPeriod?: number;
  /** A retention policy defined in the namespace (`x-emc-retention-policy`). */
  retentionPolicy?: string;
}

/** The operations that accept an `ObjectScale` member, and its type on each. */
export interface ObjectScaleInputMembers {
  CreateBucket: CreateBucketObjectScaleOptions;
  PutObject: ObjectRetentionOptions;
  CopyObject: ObjectRetentionOptions;
  CreateMultipartUpload: ObjectRetentionOptions;
}

/** The operations of {@link ObjectScaleInputMembers}. */
export const EXTENDED_OPERATIONS = [
  "CreateBucket",
  "PutObject",
  "CopyObject",
  "CreateMultipartUpload",
] as const;

/** Header names that differ between sources (reference §15.2), and their documented defaults. */
export interface ExtensionHeaderNames {
  /** @default "x-emc-dataservice-vpool" (Dell's docs, Java and .NET; Go and the ViPR legacy use `x-emc-vpool`) */
  readonly replicationGroup: string;
}

/**
 * The request headers of an `ObjectScale` member, except `namespace` (the plugin's namespace
 * handling sends that, as a header or a host label). Booleans are sent as `true` / `false`;
 * metadata-search keys as `name;datatype` with lower-case datatypes, as Dell's Java client does
 * (reference §15.6), system keys included.
 *
 * @example
 * ```ts
 * extensionHeaders({ retentionPeriod: 60, metadataSearch: [{ key: "Size" }] }, { replicationGroup: "x-emc-dataservice-vpool" });
 * // { "x-emc-retention-period": "60", "x-emc-metadata-search": "Size;integer" }
 * ```
 */
export function extensionHeaders(
  options: CreateBucketObjectScaleOptions & ObjectRetentionOptions,
  names: ExtensionHeaderNames,
): Record<string, string> {
  const headers: Record<string, string> = {};
  // null is "not given", as for the SDK's own optional members (validation lets it through).
  const put = (name: string, value: string | number | boolean | null | undefined): void => {
    if (value !== undefined && value !== null) headers[name] = String(value);
  };
  put(names.replicationGroup, options.replicationGroup);
  put("x-emc-file-system-access-enabled", options.fileSystemEnabled);
  put("x-emc-is-stale-allowed", options.staleReadAllowed);
  put("x-emc-server-side-encryption-enabled", options.serverSideEncryption);
  put("x-emc-retention-period", options.retentionPeriod);
  put("x-emc-retention-policy", options.retentionPolicy);
  put("x-emc-compliance-enabled", options.complianceEnabled);
  if (
    options.metadataSearch !== undefined &&
    options.metadataSearch !== null &&
    options.metadataSearch.length > 0
  ) {
    headers["x-emc-metadata-search"] = options.metadataSearch
      .map((k) => `${k.key};${k.type ?? SYSTEM_SEARCH_KEYS[k.key]}`)
      .join(",");
  }
  return headers;
}

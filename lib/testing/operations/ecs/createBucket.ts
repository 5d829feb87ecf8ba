/**
 * CreateBucket with the ECS options of reference §3.1: namespace, replication group, file-system
 * access, stale reads, D@RE encryption, default retention, metadata-search keys, compliance, and the
 * standard Object Lock header.
 *
 * Creating a bucket that already exists in the namespace answers 200 and changes nothing, as ECS
 * does (it never returned `BucketAlreadyOwnedByYou`).
 *
 * @module
 */
import { emptyResponse, type EmulatorResponse, type RequestContext } from "../../http/RequestContext.js";
import { errors, S3Error } from "../../http/S3Error.js";
import { parseSearchKeyList } from "../../search/searchKeys.js";
import { BucketState, type EcsBucketOptions } from "../../store/BucketState.js";
import { parseRetentionPeriod } from "./retention.js";

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS = /^\d+\.\d+\.\d+\.\d+$/;

/** @throws S3Error `InvalidBucketName` unless `name` follows S3's DNS-compatible rules. */
export function validateBucketName(name: string): void {
  if (
    !BUCKET_NAME.test(name) ||
    name.includes("..") ||
    name.includes(".-") ||
    name.includes("-.") ||
    IP_ADDRESS.test(name)
  ) {
    throw new S3Error(400, "InvalidBucketName", "The specified bucket is not valid.", { BucketName: name });
  }
}

/**
 * The ECS options of a CreateBucket request. The replication group is read from
 * `x-emc-dataservice-vpool`, or from the legacy `x-emc-vpool` when that is the only one given (§15.2).
 *
 * @throws S3Error `InvalidArgument` for a boolean that is not `true`/`false`, a bad retention period,
 * file-system access combined with stale reads, or encryption without the D@RE licence;
 * `Invalid metadata search list entered` for a bad key list.
 */
export function ecsBucketOptions(ctx: RequestContext): EcsBucketOptions {
  const h = ctx.headers;
  const fileSystemEnabled = flag(h, "x-emc-file-system-access-enabled");
  const staleReadAllowed = flag(h, "x-emc-is-stale-allowed");
  const encryptionEnabled = flag(h, "x-emc-server-side-encryption-enabled");
  if (fileSystemEnabled && staleReadAllowed) {
    throw errors.invalidArgument(
      "Stale reads (x-emc-is-stale-allowed) are not supported on file-system enabled buckets",
      "x-emc-is-stale-allowed",
      "true",
    );
  }
  if (encryptionEnabled && !ctx.state.settings.encryptionLicensed) {
    throw errors.invalidArgument(
      "Server side encryption cannot be enabled: D@RE jar/license is unavailable",
      "x-emc-server-side-encryption-enabled",
      "true",
    );
  }
  const retention = h["x-emc-retention-period"];
  const searchList = h["x-emc-metadata-search"];
  const searchKeys = searchList === undefined ? [] : parseSearchKeyList(searchList);
  return {
    replicationGroup: h["x-emc-dataservice-vpool"] ?? h["x-emc-vpool"],
    fileSystemEnabled,
    staleReadAllowed,
    encryptionEnabled,
    complianceEnabled: flag(h, "x-emc-compliance-enabled"),
    retentionPeriodSeconds:
      retention === undefined ? undefined : parseRetentionPeriod(retention, "x-emc-retention-period"),
    searchKeys,
    metadataSearchEnabled: searchKeys.length > 0,
  };
}

/** A `true`/`false` header; absent is `false`. @throws S3Error `InvalidArgument` for other values. */
export function flag(headers: RequestContext["headers"], name: string): boolean {
  const value = headers[name];
  if (value === undefined) return false;
  const lower = value.trim().toLowerCase();
  if (lower !== "true" && lower !== "false")
    throw errors.invalidArgument(`${name} must be true or false`, name, value);
  return lower === "true";
}

/** `PUT /{bucket}`. The body (`CreateBucketConfiguration`) is ignored, like ECS ignores the location. */
export function createBucket(ctx: RequestContext): EmulatorResponse {
  const name = ctx.bucketName ?? "";
  validateBucketName(name);
  const store = ctx.state.store;
  if (store.find(ctx.namespace, name)) return emptyResponse(200, { location: `/${name}` });
  const options = ecsBucketOptions(ctx);
  const bucket = new BucketState(name, ctx.namespace, ctx.now, ctx.owner, options);
  if (flag(ctx.headers, "x-amz-bucket-object-lock-enabled")) {
    bucket.objectLockEnabled = true;
    bucket.versioning = "Enabled";
  }
  store.add(bucket);
  return emptyResponse(200, { location: `/${name}` });
}

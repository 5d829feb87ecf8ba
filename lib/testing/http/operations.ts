/**
 * The operation table: which handler serves a request, by scope (service, bucket, object), method,
 * sub-resource (a query parameter such as `?versioning`) and, for PUT, headers (`x-amz-copy-source`,
 * `Range`, `x-emc-multipart-copy`). The operation name is also what the request log records.
 *
 * @module
 */
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  listMultipartUploads,
  listParts,
  uploadPart,
} from "../operations/s3/multipart.js";
import {
  deleteBucket,
  getAcl,
  getBucketLocation,
  getBucketVersioning,
  headBucket,
  opaqueDocument,
  OPAQUE_DOCUMENTS,
  putAcl,
  putBucketStaleReadAllowed,
  putBucketVersioning,
} from "../operations/s3/buckets.js";
import { copyObject } from "../operations/s3/copyObject.js";
import { copyRange } from "../operations/ecs/copyRange.js";
import { createBucket } from "../operations/ecs/createBucket.js";
import { deleteObjects } from "../operations/s3/deleteObjects.js";
import { getEmptyBucketStatus } from "../operations/ecs/emptyBucket.js";
import { listObjects, listObjectsV2, listObjectVersions } from "../operations/s3/listing.js";
import {
  disableMetadataSearch,
  listBucketMetadataSearchKeys,
  listSystemMetadataSearchKeys,
  queryObjects,
} from "../operations/ecs/metadataSearch.js";
import {
  enableObjectLock,
  getObjectLegalHold,
  getObjectLockConfiguration,
  getObjectRetention,
  putObjectLegalHold,
  putObjectLockConfiguration,
  putObjectRetention,
} from "../operations/s3/objectLock.js";
import { deleteObject, getObject, headObject, putObject } from "../operations/s3/objects.js";
import { rangeWrite } from "../operations/ecs/rangeWrite.js";
import { extendRetention } from "../operations/ecs/retention.js";
import { listBuckets, listDataNodes, ping } from "../operations/s3/service.js";
import {
  deleteBucketTagging,
  deleteObjectTagging,
  getBucketTagging,
  getObjectTagging,
  putBucketTagging,
  putObjectTagging,
} from "../operations/s3/tagging.js";
import type { OperationHandler, RequestContext } from "./RequestContext.js";
import { errors } from "./S3Error.js";

/** What a request addresses: the service, a bucket, or an object. */
export type Scope = "service" | "bucket" | "object";

/** A resolved operation. */
export interface Operation {
  /** The S3 or ECS operation name (`PutObject`, `QueryObjects`, `Ping`, …). */
  readonly name: string;
  readonly handler: OperationHandler;
  /** Served without a signature (only `?ping`). */
  readonly anonymous?: boolean;
  /** Changes the bucket: refused while the bucket is being emptied. */
  readonly writes?: boolean;
}

/** What routing looks at. */
export interface RouteInput {
  readonly scope: Scope;
  readonly method: string;
  readonly query: ReadonlyMap<string, string>;
  readonly headers: RequestContext["headers"];
}

interface Route extends Operation {
  readonly scope: Scope;
  readonly method: string;
  readonly sub?: string;
  readonly when?: (input: RouteInput) => boolean;
}

/** Query parameters that select a sub-resource (an operation) rather than parameterise one. */
const SUBRESOURCES = new Set([
  "accelerate",
  "acl",
  "analytics",
  "attributes",
  "cors",
  "delete",
  "empty-bucket-status",
  "enable-object-lock",
  "encryption",
  "endpoint",
  "intelligent-tiering",
  "inventory",
  "isstaleallowed",
  "legal-hold",
  "lifecycle",
  "location",
  "logging",
  "metrics",
  "notification",
  "object-lock",
  "ownershipControls",
  "ping",
  "policy",
  "policyStatus",
  "publicAccessBlock",
  "query",
  "replication",
  "requestPayment",
  "restore",
  "retention",
  "retentionUpdate",
  "searchmetadata",
  "select",
  "tagging",
  "torrent",
  "uploadId",
  "uploads",
  "versioning",
  "versions",
  "website",
]);

const r = (
  scope: Scope,
  method: string,
  name: string,
  handler: OperationHandler,
  extra: Partial<Route> = {},
): Route => ({
  scope,
  method,
  name,
  handler,
  ...extra,
});

const has = (header: string) => (i: RouteInput) => i.headers[header] !== undefined;

const opaqueRoutes: Route[] = Object.keys(OPAQUE_DOCUMENTS).flatMap((sub) => {
  const doc = opaqueDocument(sub);
  const title = sub[0]?.toUpperCase() + sub.slice(1);
  return [
    r("bucket", "GET", `GetBucket${title}`, doc.get, { sub }),
    r("bucket", "PUT", `PutBucket${title}`, doc.put, { sub, writes: true }),
    r("bucket", "DELETE", `DeleteBucket${title}`, doc.delete, { sub, writes: true }),
  ];
});

const ROUTES: readonly Route[] = [
  r("service", "GET", "Ping", ping, { sub: "ping", anonymous: true }),
  r("service", "GET", "ListDataNodes", listDataNodes, { sub: "endpoint" }),
  r("service", "GET", "ListSystemMetadataSearchKeys", listSystemMetadataSearchKeys, {
    sub: "searchmetadata",
  }),
  r("service", "GET", "ListBuckets", listBuckets),

  r("bucket", "GET", "QueryObjects", queryObjects, { sub: "query" }),
  r("bucket", "GET", "ListBucketMetadataSearchKeys", listBucketMetadataSearchKeys, { sub: "searchmetadata" }),
  r("bucket", "DELETE", "DisableMetadataSearch", disableMetadataSearch, {
    sub: "searchmetadata",
    writes: true,
  }),
  r("bucket", "GET", "GetEmptyBucketStatus", getEmptyBucketStatus, { sub: "empty-bucket-status" }),
  r("bucket", "PUT", "PutBucketIsStaleAllowed", putBucketStaleReadAllowed, {
    sub: "isstaleallowed",
    writes: true,
  }),
  r("bucket", "PUT", "EnableObjectLock", enableObjectLock, { sub: "enable-object-lock", writes: true }),
  r("bucket", "GET", "GetObjectLockConfiguration", getObjectLockConfiguration, { sub: "object-lock" }),
  r("bucket", "PUT", "PutObjectLockConfiguration", putObjectLockConfiguration, {
    sub: "object-lock",
    writes: true,
  }),
  r("bucket", "GET", "GetBucketVersioning", getBucketVersioning, { sub: "versioning" }),
  r("bucket", "PUT", "PutBucketVersioning", putBucketVersioning, { sub: "versioning", writes: true }),
  r("bucket", "GET", "GetBucketTagging", getBucketTagging, { sub: "tagging" }),
  r("bucket", "PUT", "PutBucketTagging", putBucketTagging, { sub: "tagging", writes: true }),
  r("bucket", "DELETE", "DeleteBucketTagging", deleteBucketTagging, { sub: "tagging", writes: true }),
  r("bucket", "GET", "GetBucketAcl", getAcl, { sub: "acl" }),
  r("bucket", "PUT", "PutBucketAcl", putAcl, { sub: "acl", writes: true }),
  r("bucket", "GET", "GetBucketLocation", getBucketLocation, { sub: "location" }),
  r("bucket", "GET", "ListObjectVersions", listObjectVersions, { sub: "versions" }),
  r("bucket", "GET", "ListMultipartUploads", listMultipartUploads, { sub: "uploads" }),
  r("bucket", "POST", "DeleteObjects", deleteObjects, { sub: "delete", writes: true }),
  ...opaqueRoutes,
  r("bucket", "GET", "ListObjectsV2", listObjectsV2, { when: (i) => i.query.get("list-type") === "2" }),
  r("bucket", "GET", "ListObjects", listObjects),
  r("bucket", "PUT", "CreateBucket", createBucket),
  r("bucket", "HEAD", "HeadBucket", headBucket),
  r("bucket", "DELETE", "DeleteBucket", deleteBucket),

  r("object", "PUT", "ExtendRetention", extendRetention, { sub: "retentionUpdate", writes: true }),
  r("object", "GET", "GetObjectTagging", getObjectTagging, { sub: "tagging" }),
  r("object", "PUT", "PutObjectTagging", putObjectTagging, { sub: "tagging", writes: true }),
  r("object", "DELETE", "DeleteObjectTagging", deleteObjectTagging, { sub: "tagging", writes: true }),
  r("object", "GET", "GetObjectAcl", getAcl, { sub: "acl" }),
  r("object", "PUT", "PutObjectAcl", putAcl, { sub: "acl", writes: true }),
  r("object", "GET", "GetObjectRetention", getObjectRetention, { sub: "retention" }),
  r("object", "PUT", "PutObjectRetention", putObjectRetention, { sub: "retention", writes: true }),
  r("object", "GET", "GetObjectLegalHold", getObjectLegalHold, { sub: "legal-hold" }),
  r("object", "PUT", "PutObjectLegalHold", putObjectLegalHold, { sub: "legal-hold", writes: true }),
  r("object", "PUT", "UploadPartCopy", uploadPart, {
    sub: "uploadId",
    when: has("x-amz-copy-source"),
    writes: true,
  }),
  r("object", "PUT", "UploadPart", uploadPart, { sub: "uploadId", writes: true }),
  r("object", "POST", "CreateMultipartUpload", createMultipartUpload, { sub: "uploads", writes: true }),
  r("object", "POST", "CompleteMultipartUpload", completeMultipartUpload, { sub: "uploadId", writes: true }),
  r("object", "DELETE", "AbortMultipartUpload", abortMultipartUpload, { sub: "uploadId", writes: true }),
  r("object", "GET", "ListParts", listParts, { sub: "uploadId" }),
  r("object", "PUT", "CopyRange", copyRange, {
    when: (i) => i.headers["x-emc-multipart-copy"]?.toLowerCase() === "true",
    writes: true,
  }),
  r("object", "PUT", "CopyObject", copyObject, { when: has("x-amz-copy-source"), writes: true }),
  r("object", "PUT", "AppendObject", rangeWrite, {
    when: (i) => i.headers["range"]?.trim() === "bytes=-1-",
    writes: true,
  }),
  r("object", "PUT", "UpdateObjectRange", rangeWrite, { when: has("range"), writes: true }),
  r("object", "PUT", "PutObject", putObject, { writes: true }),
  r("object", "GET", "GetObject", getObject),
  r("object", "HEAD", "HeadObject", headObject),
  r("object", "DELETE", "DeleteObject", deleteObject, { writes: true }),
];

/**
 * The operation for a request.
 *
 * @throws S3Error `NotImplemented` (501) for a sub-resource the emulator does not serve,
 * `MethodNotAllowed` (405) for a method the resource does not support.
 */
export function resolveOperation(input: RouteInput): Operation {
  const subs = [...input.query.keys()].filter((k) => SUBRESOURCES.has(k));
  for (const route of ROUTES) {
    if (route.scope !== input.scope || route.method !== input.method) continue;
    if (route.sub !== undefined ? !input.query.has(route.sub) : subs.length > 0) continue;
    if (route.when && !route.when(input)) continue;
    return route;
  }
  const served = subs.find((sub) => ROUTES.some((route) => route.scope === input.scope && route.sub === sub));
  if (subs.length > 0 && served === undefined) throw errors.notImplemented(`?${subs.join("&")}`);
  return {
    name: "Unsupported",
    handler: () => {
      throw errors.methodNotAllowed(
        input.method,
        input.scope === "service" ? "SERVICE" : input.scope.toUpperCase(),
      );
    },
  };
}

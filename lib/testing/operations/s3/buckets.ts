/**
 * Bucket operations other than creation: HeadBucket (with ECS's `x-emc-retention-period`),
 * DeleteBucket (plain, or ECS background emptying), location, ACLs (owner full control, not
 * enforced), versioning, the ECS stale-read flag (`?isstaleallowed`, reference §6), and sub-resources
 * kept as opaque documents (CORS, lifecycle, policy, …: stored and returned as sent, not enforced).
 *
 * @module
 */
import {
  emptyResponse,
  requestBucket,
  xmlBody,
  xmlResponse,
  type EmulatorResponse,
  type OperationHandler,
  type RequestContext,
} from "../../http/RequestContext.js";
import { errors, S3Error } from "../../http/S3Error.js";
import { el, renderXml, s3Root } from "../../xml/XmlWriter.js";
import { flag } from "../ecs/createBucket.js";
import { startEmptyBucket } from "../ecs/emptyBucket.js";

/** `HEAD /{bucket}`. */
export function headBucket(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const headers: Record<string, string> = { "x-amz-bucket-region": ctx.state.settings.region };
  if (bucket.options.retentionPeriodSeconds !== undefined) {
    headers["x-emc-retention-period"] = String(bucket.options.retentionPeriodSeconds);
  }
  return emptyResponse(200, headers);
}

/** `DELETE /{bucket}`; with `x-emc-empty-bucket: true`, starts the background emptying task (202). */
export function deleteBucket(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  if (flag(ctx.headers, "x-emc-empty-bucket")) return startEmptyBucket(ctx, bucket);
  if (bucket.keyCount > 0) {
    throw new S3Error(409, "BucketNotEmpty", "The bucket you tried to delete is not empty", {
      BucketName: bucket.name,
    });
  }
  ctx.state.store.remove(bucket);
  return emptyResponse(204);
}

/** `GET /{bucket}?location`: always the default region (ECS ignores location constraints). */
export function getBucketLocation(ctx: RequestContext): EmulatorResponse {
  requestBucket(ctx);
  return xmlResponse(renderXml(s3Root("LocationConstraint", [])));
}

/** `GET ?acl` on a bucket or object: the owner has full control (ACLs are not enforced). */
export function getAcl(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  if (ctx.key !== undefined && !bucket.current(ctx.key)) throw errors.noSuchKey(ctx.key);
  const owner = [el("ID", ctx.owner), el("DisplayName", ctx.owner)];
  const grantee = el("Grantee", owner, {
    "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "xsi:type": "CanonicalUser",
  });
  return xmlResponse(
    renderXml(
      s3Root("AccessControlPolicy", [
        el("Owner", owner),
        el("AccessControlList", [el("Grant", [grantee, el("Permission", "FULL_CONTROL")])]),
      ]),
    ),
  );
}

/** `PUT ?acl` on a bucket or object: accepted and ignored. */
export function putAcl(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  if (ctx.key !== undefined && !bucket.current(ctx.key)) throw errors.noSuchKey(ctx.key);
  return emptyResponse(200);
}

/** `GET /{bucket}?versioning`. */
export function getBucketVersioning(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const status = bucket.versioning === "Unversioned" ? undefined : el("Status", bucket.versioning);
  return xmlResponse(renderXml(s3Root("VersioningConfiguration", [status])));
}

/** `PUT /{bucket}?versioning`. A bucket with Object Lock cannot be suspended. */
export function putBucketVersioning(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const status = xmlBody(ctx).textOf("Status");
  if (status !== "Enabled" && status !== "Suspended")
    throw errors.malformedXml("Status must be Enabled or Suspended");
  if (status === "Suspended" && bucket.objectLockEnabled) {
    throw new S3Error(
      409,
      "InvalidBucketState",
      "An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.",
    );
  }
  bucket.versioning = status;
  return emptyResponse(200);
}

/**
 * `PUT /{bucket}?isstaleallowed` with `x-emc-is-stale-allowed: true|false` (missing means false).
 * Refused on file-system enabled buckets.
 */
export function putBucketStaleReadAllowed(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const allowed = flag(ctx.headers, "x-emc-is-stale-allowed");
  if (allowed && bucket.options.fileSystemEnabled) {
    throw errors.invalidArgument(
      "Stale reads are not supported on file-system enabled buckets",
      "x-emc-is-stale-allowed",
      "true",
    );
  }
  bucket.options.staleReadAllowed = allowed;
  return emptyResponse(200);
}

/** Sub-resources stored as opaque documents, with the error S3 gives when one is missing. */
export const OPAQUE_DOCUMENTS: Readonly<
  Record<string, { readonly code: string; readonly message: string; readonly json?: true }>
> = {
  cors: { code: "NoSuchCORSConfiguration", message: "The CORS configuration does not exist" },
  lifecycle: { code: "NoSuchLifecycleConfiguration", message: "The lifecycle configuration does not exist" },
  policy: { code: "NoSuchBucketPolicy", message: "The bucket policy does not exist", json: true },
  website: {
    code: "NoSuchWebsiteConfiguration",
    message: "The specified bucket does not have a website configuration",
  },
  encryption: {
    code: "ServerSideEncryptionConfigurationNotFoundError",
    message: "The server side encryption configuration was not found",
  },
  ownershipControls: {
    code: "OwnershipControlsNotFoundError",
    message: "The bucket ownership controls were not found",
  },
  publicAccessBlock: {
    code: "NoSuchPublicAccessBlockConfiguration",
    message: "The public access block configuration was not found",
  },
};

/** GET, PUT and DELETE handlers of an opaque sub-resource. */
export function opaqueDocument(sub: string): {
  get: OperationHandler;
  put: OperationHandler;
  delete: OperationHandler;
} {
  const spec = OPAQUE_DOCUMENTS[sub];
  if (!spec) throw new Error(`no opaque document "${sub}"`);
  return {
    get(ctx) {
      const bucket = requestBucket(ctx);
      const document = bucket.documents.get(sub);
      if (!document) throw new S3Error(404, spec.code, spec.message, { BucketName: bucket.name });
      return {
        status: 200,
        headers: { "content-type": spec.json ? "application/json" : "application/xml" },
        body: document,
      };
    },
    put(ctx) {
      const bucket = requestBucket(ctx);
      if (ctx.body.length === 0) throw errors.malformedXml(`the ${sub} document is empty`);
      if (!spec.json) xmlBody(ctx);
      bucket.documents.set(sub, ctx.body);
      return emptyResponse(sub === "policy" ? 204 : 200);
    },
    delete(ctx) {
      requestBucket(ctx).documents.delete(sub);
      return emptyResponse(204);
    },
  };
}

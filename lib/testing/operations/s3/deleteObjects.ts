/**
 * DeleteObjects (`POST /{bucket}?delete`): up to 1000 keys, `Quiet` mode, and a per-key `<Error>`
 * for keys that could not be deleted (retention, Object Lock) while the others are.
 *
 * @module
 */
import {
  requestBucket,
  xmlBody,
  xmlResponse,
  type EmulatorResponse,
  type RequestContext,
} from "../../http/RequestContext.js";
import { errors, S3Error } from "../../http/S3Error.js";
import { el, opt, renderXml, s3Root, type XmlNode } from "../../xml/XmlWriter.js";
import { deleteObject } from "./objectWrites.js";

const MAX_KEYS = 1000;

/** `POST /{bucket}?delete`. */
export function deleteObjects(ctx: RequestContext): EmulatorResponse {
  const bucket = requestBucket(ctx);
  const doc = xmlBody(ctx);
  if (doc.name !== "Delete") throw errors.malformedXml(`expected <Delete>, found <${doc.name}>`);
  const objects = doc.all("Object");
  if (objects.length === 0 || objects.length > MAX_KEYS) {
    throw errors.malformedXml(`Delete must list between 1 and ${MAX_KEYS} objects, found ${objects.length}`);
  }
  const quiet = doc.textOf("Quiet")?.trim().toLowerCase() === "true";
  const results: XmlNode[] = [];
  for (const object of objects) {
    const key = object.textOf("Key");
    const versionId = object.textOf("VersionId") || undefined;
    if (key === undefined || key === "") {
      results.push(errorEntry("", versionId, errors.invalidArgument("Key is required")));
      continue;
    }
    try {
      const outcome = deleteObject(ctx, bucket, key, versionId);
      if (quiet) continue;
      const markerVersion = outcome.deleteMarker ? outcome.versionId : undefined;
      results.push(
        el("Deleted", [
          el("Key", key),
          opt("VersionId", versionId),
          outcome.deleteMarker ? el("DeleteMarker", true) : undefined,
          opt("DeleteMarkerVersionId", versionId === undefined ? markerVersion : undefined),
        ]),
      );
    } catch (err) {
      if (!(err instanceof S3Error)) throw err;
      results.push(errorEntry(key, versionId, err));
    }
  }
  return xmlResponse(renderXml(s3Root("DeleteResult", results)));
}

function errorEntry(key: string, versionId: string | undefined, error: S3Error): XmlNode {
  return el("Error", [
    el("Key", key),
    opt("VersionId", versionId),
    el("Code", error.code),
    el("Message", error.message),
  ]);
}

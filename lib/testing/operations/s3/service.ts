/**
 * Service-level operations: ListBuckets (with ECS's `marker`/`limit` paging, reference §10), the
 * unsigned health check `GET /?ping` (§8) and the data-node list `GET /?endpoint` (§9).
 *
 * @module
 */
import { listDataNodeXml, pingListXml } from "../../documents/ecsDocuments.js";
import { isoDate } from "../../http/encoding.js";
import {
  integerParam,
  xmlResponse,
  type EmulatorResponse,
  type RequestContext,
} from "../../http/RequestContext.js";
import { el, opt, renderXml, s3Root } from "../../xml/XmlWriter.js";

/**
 * `GET /`: the namespace's buckets. With `limit` (or `max-keys`, which the DAG also names) or
 * `marker` (ECS paging) the result also carries
 * `MaxBuckets`, `Marker`, `IsTruncated` and, when truncated, `NextMarker`. AWS's newer
 * `max-buckets`/`continuation-token` are ignored, as ECS ignores them.
 */
export function listBuckets(ctx: RequestContext): EmulatorResponse {
  const all = ctx.state.store.list(ctx.namespace);
  const marker = ctx.query.get("marker");
  const limitName = ctx.query.has("limit") ? "limit" : "max-keys";
  const paged = marker !== undefined || ctx.query.has(limitName);
  const limit = integerParam(ctx, limitName, Number.MAX_SAFE_INTEGER);
  const after = all.filter((b) => marker === undefined || b.name > marker);
  const page = after.slice(0, limit);
  const truncated = after.length > page.length;
  const owner = el("Owner", [el("ID", ctx.owner), el("DisplayName", ctx.owner)]);
  return xmlResponse(
    renderXml(
      s3Root("ListAllMyBucketsResult", [
        owner,
        el(
          "Buckets",
          page.map((b) => el("Bucket", [el("Name", b.name), el("CreationDate", isoDate(b.createdMs))])),
        ),
        paged && opt("MaxBuckets", ctx.query.has(limitName) ? limit : undefined),
        paged && el("Marker", marker ?? ""),
        paged && truncated && el("NextMarker", page[page.length - 1]?.name ?? ""),
        paged && el("IsTruncated", truncated),
      ]),
    ),
  );
}

/**
 * `GET /?ping` (unsigned): `LOAD_FACTOR` (requests in flight besides this one) and
 * `MAINTENANCE_MODE`. Always 200; in maintenance mode every other request gets 503.
 */
export function ping(ctx: RequestContext): EmulatorResponse {
  const on = ctx.state.maintenanceMode;
  return xmlResponse(
    pingListXml([
      { name: "LOAD_FACTOR", value: String(Math.max(0, ctx.state.inFlight - 1)) },
      {
        name: "MAINTENANCE_MODE",
        status: on ? "ON" : "OFF",
        text: on ? "Data Node is in Maintenance Mode" : "Data Node is Available",
      },
    ]),
  );
}

/** `GET /?endpoint`: the configured data nodes and version string. */
export function listDataNodes(ctx: RequestContext): EmulatorResponse {
  const settings = ctx.state.settings;
  return xmlResponse(listDataNodeXml(settings.dataNodes, settings.versionInfo));
}

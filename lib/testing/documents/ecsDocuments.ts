/**
 * The ECS/ObjectScale-specific response documents, as plain data and their XML renderings (reference
 * §3.3, §3.4, §3.6, §7, §8, §9). All are in the S3 namespace except `BucketQueryResult`, whose
 * elements are unqualified.
 *
 * @module
 */
import type { SearchKey } from "../search/searchKeys.js";
import { el, opt, renderXml, s3Root, type XmlNode } from "../xml/XmlWriter.js";

/** `MetadataSearchList` of `GET /?searchmetadata` (no `enabled`) or `GET /{bucket}?searchmetadata`. */
export interface MetadataSearchListDoc {
  readonly enabled?: boolean;
  readonly indexableKeys: readonly SearchKey[];
  readonly optionalAttributes?: readonly SearchKey[];
}

/** One `queryMds` block of a query match. */
export interface QueryMetadataDoc {
  readonly type: "SYSMD" | "USERMD";
  readonly entries: readonly (readonly [key: string, value: string])[];
}

/** One `ObjectMatches/object`. */
export interface QueryObjectDoc {
  readonly objectName: string;
  readonly objectId: string;
  readonly versionId: string;
  readonly queryMds: readonly QueryMetadataDoc[];
}

/** `BucketQueryResult` of `GET /{bucket}?query=…`. */
export interface BucketQueryResultDoc {
  readonly name: string;
  readonly marker: string | undefined;
  /** Absent on the last page (ECS ≥ 3.4); `NO MORE PAGES` when emulating older releases. */
  readonly nextMarker: string | undefined;
  readonly isTruncated: boolean;
  readonly maxKeys: number;
  readonly objects: readonly QueryObjectDoc[];
  readonly prefixGroups: readonly string[];
}

/** One `PingItem` of `GET /?ping`. */
export interface PingItemDoc {
  readonly name: string;
  readonly status?: "ON" | "OFF" | "UNKNOWN";
  readonly text?: string;
  readonly value?: string;
}

/** `EmptyBucketStatus` of `GET /{bucket}?empty-bucket-status`. */
export interface EmptyBucketStatusDoc {
  readonly status: string;
  readonly created?: number;
  readonly lastUpdated?: number;
  readonly entriesDeleted?: number;
  readonly failedToDeleteDueToRetention?: number;
  readonly failedToDeleteDueToPermission?: number;
  readonly failedToDeleteDueToDangling?: number;
  readonly failedToDeleteDueToOther?: number;
  readonly approximateObjectCount?: number;
  readonly approximateTotalSize?: number;
  readonly approximateTotalSizeUnitString?: string;
  readonly message?: string;
}

/** Renders `MetadataSearchList`. */
export function metadataSearchListXml(doc: MetadataSearchListDoc): string {
  const key = (element: string) => (k: SearchKey) =>
    el(element, [el("Name", k.name), el("Datatype", k.datatype)]);
  return renderXml(
    s3Root("MetadataSearchList", [
      opt("MetadataSearchEnabled", doc.enabled),
      el("IndexableKeys", doc.indexableKeys.map(key("Key"))),
      doc.optionalAttributes && el("OptionalAttributes", doc.optionalAttributes.map(key("Attribute"))),
    ]),
  );
}

/** Renders `BucketQueryResult` (unqualified elements, reference §1.3). */
export function bucketQueryResultXml(doc: BucketQueryResultDoc): string {
  const object = (o: QueryObjectDoc): XmlNode =>
    el("object", [
      el("objectName", o.objectName),
      el("objectId", o.objectId),
      el("versionId", o.versionId),
      ...o.queryMds.map((md) =>
        el("queryMds", [
          el("type", md.type),
          el(
            "mdMap",
            md.entries.map(([k, v]) => el("entry", [el("key", k), el("value", v)])),
          ),
        ]),
      ),
      el("indexKey"),
    ]);
  return renderXml(
    el("BucketQueryResult", [
      el("Name", doc.name),
      el("Marker", doc.marker ?? ""),
      opt("NextMarker", doc.nextMarker),
      el("IsTruncated", doc.isTruncated),
      el("MaxKeys", doc.maxKeys),
      el("ObjectMatches", doc.objects.map(object)),
      doc.prefixGroups.length > 0 &&
        el(
          "CommonPrefixMatches",
          doc.prefixGroups.map((p) => el("PrefixGroups", p)),
        ),
    ]),
  );
}

/** Renders `PingList`. */
export function pingListXml(items: readonly PingItemDoc[]): string {
  return renderXml(
    s3Root(
      "PingList",
      items.map((i) =>
        el("PingItem", [
          el("Name", i.name),
          opt("Status", i.status),
          opt("Text", i.text),
          opt("Value", i.value),
        ]),
      ),
    ),
  );
}

/** Renders `ListDataNode`. */
export function listDataNodeXml(dataNodes: readonly string[], versionInfo: string): string {
  return renderXml(
    s3Root("ListDataNode", [...dataNodes.map((n) => el("DataNodes", n)), el("VersionInfo", versionInfo)]),
  );
}

/** Renders `EmptyBucketStatus` (times as ISO-8601 with milliseconds). */
export function emptyBucketStatusXml(doc: EmptyBucketStatusDoc): string {
  const time = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
  return renderXml(
    s3Root("EmptyBucketStatus", [
      el("Status", doc.status),
      opt("Created", time(doc.created)),
      opt("LastUpdated", time(doc.lastUpdated)),
      opt("EntriesDeleted", doc.entriesDeleted),
      opt("FailedToDeleteDueToRetention", doc.failedToDeleteDueToRetention),
      opt("FailedToDeleteDueToPermission", doc.failedToDeleteDueToPermission),
      opt("FailedToDeleteDueToDangling", doc.failedToDeleteDueToDangling),
      opt("FailedToDeleteDueToOther", doc.failedToDeleteDueToOther),
      opt("ApproximateObjectCount", doc.approximateObjectCount),
      opt("ApproximateTotalSize", doc.approximateTotalSize),
      opt("ApproximateTotalSizeUnitString", doc.approximateTotalSizeUnitString),
      opt("Message", doc.message),
    ]),
  );
}

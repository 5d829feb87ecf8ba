/**
 * Metadata search: `GET /{bucket}/?query=<expression>` and its result document (reference §3.6).
 *
 * @module
 */
import type { MetadataBearer } from "@smithy/types";
import {
  defineOperation,
  type OperationCommand,
  type XmlObject,
} from "../../../lib/client/defineOperation.js";
import type { MetadataQuery } from "../query/MetadataQuery.js";
import { epochMillisToDate, toNumber, xmlList, xmlNonEmpty, xmlNumber, xmlObject, xmlText } from "../xml.js";

/** Input of `QueryObjects`. */
export interface QueryObjectsInput {
  Bucket: string;
  /** The expression: a string in the search grammar, or one built with `searchKey(...)`. */
  Query: string | MetadataQuery;
  /** Optional attributes to return although not indexed, such as `ContentType`, `Retention`. */
  Attributes?: string[];
  /** The key to sort by; it must appear in the expression. Default: the expression's first key. */
  Sorted?: string;
  /** Also return non-current versions. @default false */
  IncludeOlderVersions?: boolean;
  /** Page size. The server's default appears to be 1000. */
  MaxKeys?: number;
  /** The previous page's `NextMarker`. */
  Marker?: string;
  /** Only keys with this prefix (ObjectScale/ECS 3.7 and later). */
  Prefix?: string;
  /** Group keys by this delimiter into `CommonPrefixes` (ECS 3.7 and later). */
  Delimiter?: string;
  /** `url`: object names and metadata values come back URL-encoded (they are not decoded). */
  EncodingType?: "url";
}

/** One match of a metadata query. */
export interface QueryObject {
  /** The key (URL-encoded when `EncodingType` was `url`). */
  ObjectName: string;
  /** ObjectScale's internal object id. */
  ObjectId?: string;
  /** `0` for an unversioned object. */
  VersionId?: string;
  IndexKey?: string;
  /** The `SYSMD` map as returned: internal short names (`size`, `mtime`, `ctype`, ...), times in epoch ms. */
  SystemMetadata: Record<string, string>;
  /** The `USERMD` map: full names (`x-amz-meta-dept`) to values. */
  UserMetadata: Record<string, string>;
  /** `SystemMetadata.size` as a number. */
  Size?: number;
  /** `SystemMetadata.mtime` as a `Date`. */
  LastModified?: Date;
  /** `SystemMetadata.createtime` as a `Date`. */
  CreateTime?: Date;
  /** `SystemMetadata.ctype`. */
  ContentType?: string;
}

/** One page of a metadata query (root `BucketQueryResult`, unqualified elements). */
export interface QueryObjectsOutput extends MetadataBearer {
  Name?: string;
  Marker?: string;
  /**
   * The marker of the next page; absent on the last page, including when an older server (before
   * ECS 3.4) sent the literal `NO MORE PAGES`.
   */
  NextMarker?: string;
  /** True when `NextMarker` is present: derived from it, as Dell's Java client does. */
  IsTruncated: boolean;
  MaxKeys?: number;
  Objects: QueryObject[];
  /** `CommonPrefixMatches/PrefixGroups`, when a `Delimiter` was given. */
  CommonPrefixes: string[];
}

/** What ECS before 3.4 sent as `NextMarker` on the last page. */
export const LEGACY_LAST_PAGE_MARKER = "NO MORE PAGES";

/**
 * True when a `NextMarker` means "no more pages": absent, empty or the legacy `NO MORE PAGES`.
 *
 * @example
 * ```ts
 * isLastQueryPage("NO MORE PAGES"); // true
 * ```
 */
export function isLastQueryPage(nextMarker: string | undefined): boolean {
  return nextMarker === undefined || nextMarker === "" || nextMarker === LEGACY_LAST_PAGE_MARKER;
}

/** The documented name of the older-versions query parameter (reference §15.1). */
export const DEFAULT_INCLUDE_OLDER_VERSIONS_PARAMETER = "include-older-versions";

const commands = new Map<string, OperationCommand<QueryObjectsInput, QueryObjectsOutput>>();

/**
 * The `QueryObjects` command class that spells the older-versions parameter `parameter`
 * (ECS 3.8's reference and Dell's Java and .NET clients say `include-older-versions`; the 3.6
 * user guide says `include_older_version`; the Go client `include-older-version`). One class per
 * spelling, made once.
 *
 * @example
 * ```ts
 * const Legacy = queryObjectsCommand("include_older_version");
 * await s3.send(new Legacy({ Bucket: "b", Query: "Size>0", IncludeOlderVersions: true }));
 * ```
 */
export function queryObjectsCommand(
  parameter: string = DEFAULT_INCLUDE_OLDER_VERSIONS_PARAMETER,
): OperationCommand<QueryObjectsInput, QueryObjectsOutput> {
  let command = commands.get(parameter);
  if (command === undefined) {
    command = defineOperation<QueryObjectsInput, QueryObjectsOutput>({
      name: "QueryObjects",
      scope: "bucket",
      serialize: (input) => ({ method: "GET", query: queryParameters(input, parameter) }),
      deserialize: ({ xml }) => queryResult(xml),
    });
    commands.set(parameter, command);
  }
  return command;
}

/**
 * `GET /{Bucket}/?query=...`: one page of objects whose indexed metadata matches the expression.
 *
 * @example
 * ```ts
 * const page = await s3.send(new QueryObjectsCommand({ Bucket: "b", Query: "Size>1024", MaxKeys: 100 }));
 * ```
 */
export const QueryObjectsCommand = queryObjectsCommand();

function queryParameters(input: QueryObjectsInput, olderVersions: string): Record<string, string> {
  const query: Record<string, string> = { query: String(input.Query) };
  if (input.Attributes !== undefined && input.Attributes.length > 0)
    query["attributes"] = input.Attributes.join(",");
  if (input.Sorted !== undefined) query["sorted"] = input.Sorted;
  if (input.IncludeOlderVersions !== undefined) query[olderVersions] = String(input.IncludeOlderVersions);
  if (input.MaxKeys !== undefined) query["max-keys"] = String(input.MaxKeys);
  if (input.Marker !== undefined) query["marker"] = input.Marker;
  if (input.Prefix !== undefined) query["prefix"] = input.Prefix;
  if (input.Delimiter !== undefined) query["delimiter"] = input.Delimiter;
  if (input.EncodingType !== undefined) query["encoding-type"] = input.EncodingType;
  return query;
}

function queryResult(xml: XmlObject | undefined): Omit<QueryObjectsOutput, "$metadata"> {
  const next = xmlNonEmpty(xml?.["NextMarker"]);
  const last = isLastQueryPage(next);
  const name = xmlNonEmpty(xml?.["Name"]);
  const marker = xmlNonEmpty(xml?.["Marker"]);
  const maxKeys = xmlNumber(xml?.["MaxKeys"]);
  return {
    ...(name !== undefined ? { Name: name } : {}),
    ...(marker !== undefined ? { Marker: marker } : {}),
    ...(!last ? { NextMarker: next } : {}),
    IsTruncated: !last,
    ...(maxKeys !== undefined ? { MaxKeys: maxKeys } : {}),
    Objects: xmlList(xmlObject(xml?.["ObjectMatches"])["object"]).map((o) => queryObject(xmlObject(o))),
    CommonPrefixes: xmlList(xmlObject(xml?.["CommonPrefixMatches"])["PrefixGroups"])
      .map(xmlText)
      .filter((p): p is string => p !== undefined),
  };
}

function queryObject(o: XmlObject): QueryObject {
  const maps: Record<string, Record<string, string>> = {};
  for (const md of xmlList(o["queryMds"])) {
    const entry = xmlObject(md);
    const type = xmlText(entry["type"]) ?? "";
    const map = (maps[type] ??= {});
    for (const pair of xmlList(xmlObject(entry["mdMap"])["entry"])) {
      const p = xmlObject(pair);
      const key = xmlText(p["key"]);
      if (key !== undefined) map[key] = xmlText(p["value"]) ?? "";
    }
  }
  const sys = maps["SYSMD"] ?? {};
  const result: QueryObject = {
    ObjectName: xmlText(o["objectName"]) ?? "",
    SystemMetadata: sys,
    UserMetadata: maps["USERMD"] ?? {},
  };
  const optional: Partial<QueryObject> = {
    ObjectId: xmlNonEmpty(o["objectId"]),
    VersionId: xmlNonEmpty(o["versionId"]),
    IndexKey: xmlNonEmpty(o["indexKey"]),
    Size: toNumber(sys["size"]),
    LastModified: epochMillisToDate(sys["mtime"]),
    CreateTime: epochMillisToDate(sys["createtime"]),
    ContentType: sys["ctype"],
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) Object.assign(result, { [k]: v });
  return result;
}

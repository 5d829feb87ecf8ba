/**
 * Metadata-search key listings and switching search off (reference §3.3-3.5).
 *
 * @module
 */
import type { MetadataBearer } from "@smithy/types";
import { defineOperation, type XmlObject } from "../../../lib/client/defineOperation.js";
import { xmlBoolean, xmlList, xmlObject, xmlText } from "../xml.js";

/** An indexed key or an optional attribute as the server lists it. */
export interface MetadataSearchKeyInfo {
  /** `Size`, `x-amz-meta-dept`, ... (user keys come back in lower case). */
  Name: string;
  /** `string`, `integer`, `datetime` or `decimal` (kept as sent, in case a release adds one). */
  Datatype: string;
}

/** Input of `ListSystemMetadataSearchKeys`: nothing. */
export type ListSystemMetadataSearchKeysInput = Record<string, never>;

/** The system's indexable keys and the optional attributes a query may return. */
export interface ListSystemMetadataSearchKeysOutput extends MetadataBearer {
  IndexableKeys: MetadataSearchKeyInfo[];
  OptionalAttributes: MetadataSearchKeyInfo[];
}

/** Input of `ListBucketMetadataSearchKeys` and `DisableMetadataSearch`. */
export interface BucketMetadataSearchInput {
  Bucket: string;
}

/** A bucket's indexed keys. */
export interface ListBucketMetadataSearchKeysOutput extends ListSystemMetadataSearchKeysOutput {
  /** Whether metadata search is enabled on the bucket (absent when the server does not say). */
  MetadataSearchEnabled?: boolean;
}

/** Output of `DisableMetadataSearch`: only the metadata. */
export type DisableMetadataSearchOutput = MetadataBearer;

function keyList(xml: XmlObject | undefined, list: string, item: string): MetadataSearchKeyInfo[] {
  return xmlList(xmlObject(xml?.[list])[item]).map((entry) => {
    const e = xmlObject(entry);
    return { Name: xmlText(e["Name"]) ?? "", Datatype: xmlText(e["Datatype"]) ?? "" };
  });
}

/**
 * `GET /?searchmetadata`: the system's indexable keys and optional attributes (root
 * `MetadataSearchList`).
 *
 * @example
 * ```ts
 * const { IndexableKeys } = await s3.send(new ListSystemMetadataSearchKeysCommand({}));
 * ```
 */
export const ListSystemMetadataSearchKeysCommand = defineOperation<
  ListSystemMetadataSearchKeysInput,
  ListSystemMetadataSearchKeysOutput
>({
  name: "ListSystemMetadataSearchKeys",
  scope: "service",
  serialize: () => ({ method: "GET", query: { searchmetadata: "" } }),
  deserialize: ({ xml }) => ({
    IndexableKeys: keyList(xml, "IndexableKeys", "Key"),
    OptionalAttributes: keyList(xml, "OptionalAttributes", "Attribute"),
  }),
});

/**
 * `GET /{Bucket}/?searchmetadata`: the bucket's indexed keys and whether search is enabled.
 *
 * @example
 * ```ts
 * const { MetadataSearchEnabled } = await s3.send(new ListBucketMetadataSearchKeysCommand({ Bucket: "b" }));
 * ```
 */
export const ListBucketMetadataSearchKeysCommand = defineOperation<
  BucketMetadataSearchInput,
  ListBucketMetadataSearchKeysOutput
>({
  name: "ListBucketMetadataSearchKeys",
  scope: "bucket",
  serialize: () => ({ method: "GET", query: { searchmetadata: "" } }),
  deserialize: ({ xml }) => {
    const enabled = xmlBoolean(xml?.["MetadataSearchEnabled"]);
    return {
      ...(enabled !== undefined ? { MetadataSearchEnabled: enabled } : {}),
      IndexableKeys: keyList(xml, "IndexableKeys", "Key"),
      OptionalAttributes: keyList(xml, "OptionalAttributes", "Attribute"),
    };
  },
});

/**
 * `DELETE /{Bucket}/?searchmetadata` (expects 204): turns metadata search off for good; keys can
 * only be declared at bucket creation. Reference §15.7: a 2023 test saw the keys still listed
 * afterwards, so do not rely on the listing to confirm it.
 *
 * @example
 * ```ts
 * await s3.send(new DisableMetadataSearchCommand({ Bucket: "b" }));
 * ```
 */
export const DisableMetadataSearchCommand = defineOperation<
  BucketMetadataSearchInput,
  DisableMetadataSearchOutput
>({
  name: "DisableMetadataSearch",
  scope: "bucket",
  serialize: () => ({ method: "DELETE", query: { searchmetadata: "" } }),
  deserialize: () => ({}),
});

/**
 * ObjectScale's paged bucket listing, `GET /?marker=&limit=` (reference §10).
 *
 * @module
 */
import type { Bucket, Owner } from "@aws-sdk/client-s3";
import type { MetadataBearer } from "@smithy/types";
import { defineOperation } from "../../../lib/client/defineOperation.js";
import { xmlBoolean, xmlDate, xmlList, xmlNonEmpty, xmlNumber, xmlObject } from "../xml.js";

/** Input of `ListBucketsPaged`. */
export interface ListBucketsPagedInput {
  /** Start after this bucket name (the previous page's `NextMarker`). */
  Marker?: string;
  /** Buckets per page. */
  Limit?: number;
}

/** Output of `ListBucketsPaged` (root `ListAllMyBucketsResult` with ObjectScale's paging elements). */
export interface ListBucketsPagedOutput extends MetadataBearer {
  Buckets: Bucket[];
  Owner?: Owner;
  Marker?: string;
  NextMarker?: string;
  IsTruncated: boolean;
  MaxBuckets?: number;
}

/**
 * `GET /?marker=<name>&limit=<n>`: one page of the bucket list. (AWS's own paging parameters,
 * `continuation-token` and `max-buckets`, are different.)
 *
 * @example
 * ```ts
 * const page = await s3.send(new ListBucketsPagedCommand({ Limit: 100 }));
 * ```
 */
export const ListBucketsPagedCommand = defineOperation<ListBucketsPagedInput, ListBucketsPagedOutput>({
  name: "ListBucketsPaged",
  scope: "service",
  serialize: (input) => {
    const query: Record<string, string> = {};
    if (input.Marker !== undefined) query["marker"] = input.Marker;
    if (input.Limit !== undefined) query["limit"] = String(input.Limit);
    return { method: "GET", query };
  },
  deserialize: ({ xml }) => {
    const owner = xmlObject(xml?.["Owner"]);
    const ownerId = xmlNonEmpty(owner["ID"]);
    const ownerName = xmlNonEmpty(owner["DisplayName"]);
    const optional = {
      Owner:
        ownerId !== undefined || ownerName !== undefined
          ? { ID: ownerId, DisplayName: ownerName }
          : undefined,
      Marker: xmlNonEmpty(xml?.["Marker"]),
      NextMarker: xmlNonEmpty(xml?.["NextMarker"]),
      MaxBuckets: xmlNumber(xml?.["MaxBuckets"]),
    };
    const out: Omit<ListBucketsPagedOutput, "$metadata"> = {
      Buckets: xmlList(xmlObject(xml?.["Buckets"])["Bucket"]).map((b) => {
        const bucket = xmlObject(b);
        const created = xmlDate(bucket["CreationDate"]);
        return {
          Name: xmlNonEmpty(bucket["Name"]),
          ...(created !== undefined ? { CreationDate: created } : {}),
        };
      }),
      IsTruncated: xmlBoolean(xml?.["IsTruncated"]) ?? optional.NextMarker !== undefined,
    };
    for (const [k, v] of Object.entries(optional)) if (v !== undefined) Object.assign(out, { [k]: v });
    return out;
  },
});

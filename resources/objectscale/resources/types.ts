/**
 * Declaration merging that types what the ObjectScale plugin adds to the S3 resources: the
 * methods on `Bucket`, `S3Object` and `S3ServiceResource`, the `objectScale` getter, and the
 * `ObjectScale` input member of the resource actions over `CreateBucket`, `PutObject`,
 * `CopyObject` and `CreateMultipartUpload`. Outputs keep the SDK's types (the `ObjectScale`
 * response headers are there at run time; `obj.objectScale` reads them typed after `load()`).
 *
 * The types are visible as soon as this package is imported; the members exist at run time only
 * on sessions with the plugin installed (`s3.Bucket("b").queryObjects` is `undefined` otherwise).
 *
 * @module
 */
import type { MetadataBearer } from "@smithy/types";
import type { CallOptions, S3ClientInput, S3Input, S3Output } from "../../../lib/client/s3/types.js";
import type { BatchOptions, BatchResult, ResourceCollectionBase } from "../../../lib/resources/types.js";
import type { Bucket } from "../../s3/Bucket.js";
import type { MultipartUpload } from "../../s3/MultipartUpload.js";
import type { S3Object } from "../../s3/Object.js";
import type { ObjectScaleResponseHeaders } from "../handlers/responseHeaders.js";
import type { EmptyBucketOutput, GetEmptyBucketStatusOutput } from "../operations/emptyBucket.js";
import type { ListDataNodesOutput, PingOutput } from "../operations/nodes.js";
import type { ObjectRangeWriteOutput, ObjectScaleBody } from "../operations/objectWrites.js";
import type { QueryObject, QueryObjectsInput } from "../operations/queryObjects.js";
import type {
  DisableMetadataSearchOutput,
  ListBucketMetadataSearchKeysOutput,
  ListSystemMetadataSearchKeysOutput,
} from "../operations/searchKeys.js";
import type { MetadataQuery } from "../query/MetadataQuery.js";

/**
 * Query parameters of `bucket.queryObjects(query, filter)`: everything of `QueryObjects` but the
 * bucket and the expression, which the collection fills. `MaxKeys` counts as the page size; a
 * `Marker` resumes after an earlier page (see `page.resumeWith`).
 */
export type QueryObjectsFilter = Partial<Omit<QueryObjectsInput, "Bucket" | "Query">>;

/**
 * A collection of the objects a metadata query matches: `bucket.queryObjects(...)`, with the
 * objects' batch `delete`. (Spelled out rather than `ResourceCollection<S3Object, ...>`: this
 * type is part of `S3Object`'s own module augmentation, and reading the batch actions back from
 * `S3Object` here would be circular.)
 */
export type QueryObjectsCollection = ResourceCollectionBase<S3Object, "QueryObjects"> & {
  /**
   * Deletes every matched object: DeleteObjects with up to 1,000 keys a request, `concurrency`
   * requests at once.
   *
   * @throws `BatchError` listing every key the server refused.
   */
  delete(
    input?: Partial<Omit<S3Input<"DeleteObjects">, "Bucket" | "Delete">>,
    options?: BatchOptions,
  ): Promise<BatchResult<"DeleteObjects">>;
};

/**
 * What ObjectScale says about an object beyond S3's attributes: `obj.objectScale`. After
 * `load()` (HeadObject) it holds the `x-emc-*` response headers; on an object that came from
 * `bucket.queryObjects()` it holds the query `match`.
 */
export interface ObjectScaleObjectData extends ObjectScaleResponseHeaders {
  /**
   * The metadata-query match the object came from, as the server sent it: the `SYSMD` and
   * `USERMD` maps (only the bucket's indexed keys and the requested `Attributes`), the object id,
   * and their friendly forms (`Size`, `LastModified`, `CreateTime`, `ContentType`). Absent after
   * `load()`, which replaces the data.
   */
  readonly match?: QueryObject;
}

/** Options of `obj.writeRange()` and `obj.overwriteFrom()`. */
export interface RangeWriteOptions extends CallOptions {
  /** Bytes in the body; required when it is a stream. */
  contentLength?: number;
}

/** Options of `obj.append()`. */
export interface AppendOptions extends RangeWriteOptions {
  /** The object's content type, when the append creates it. */
  contentType?: string;
}

declare module "../../s3/Bucket.js" {
  interface Bucket {
    /**
     * The objects whose indexed metadata matches `query` (ObjectScale metadata search,
     * `GET /{bucket}?query=`): a lazy, immutable collection of {@link S3Object}s, one request per
     * page, following `NextMarker`. Each object carries its match as data: `contentLength`,
     * `lastModified`, `contentType`, `metadata` (the indexed user keys, without `x-amz-meta-`),
     * `versionId` (when versioned), and the raw maps in `objectScale.match`. Nothing is requested
     * until you iterate; `pages()` gives each page's `NextMarker` and `CommonPrefixes`.
     *
     * @param query - the expression, a string in ObjectScale's grammar or one built with `searchKey()`
     * @param filter - the other query parameters (`Attributes`, `Sorted`, `Prefix`, `MaxKeys`, ...)
     * @example
     * ```ts
     * const large = bucket.queryObjects(searchKey("Size").gt(1_000_000), { Sorted: "Size" });
     * for await (const obj of large.limit(50)) console.log(obj.key, obj.contentLength, obj.metadata);
     * for await (const page of large.pageSize(100).pages()) console.log(page.output.NextMarker);
     * await bucket.queryObjects("x-amz-meta-state=='tmp'").delete(); // DeleteObjects per 1,000 keys
     * ```
     * @throws {@link ValidationError} at once when `query` is not a non-empty string or a
     *   `MetadataQuery`; while iterating, when a parameter is invalid (such as `Sorted` on a key
     *   the expression does not use).
     * @throws {@link PaginationError} while iterating, when the server repeats a marker.
     */
    queryObjects(query: string | MetadataQuery, filter?: QueryObjectsFilter): QueryObjectsCollection;
    /**
     * The bucket's indexed metadata keys and whether search is enabled (`GET /{bucket}?searchmetadata`).
     *
     * @example
     * ```ts
     * const { MetadataSearchEnabled, IndexableKeys } = await bucket.metadataSearchKeys();
     * ```
     * @throws The SDK's `NoSuchBucket` and other server errors.
     */
    metadataSearchKeys(options?: CallOptions): Promise<ListBucketMetadataSearchKeysOutput>;
    /**
     * Allows or forbids reads of possibly stale data during a temporary site outage
     * (`PUT /{bucket}?isstaleallowed`). Not supported on file-system buckets. Marks `meta.stale`.
     *
     * @example
     * ```ts
     * await bucket.setStaleReadAllowed(true);
     * ```
     * @throws The server's errors, such as `NoSuchBucket`.
     */
    setStaleReadAllowed(allowed: boolean, options?: CallOptions): Promise<MetadataBearer>;
    /**
     * Starts ObjectScale's background task that deletes every object and version and then the
     * bucket itself (`DELETE /{bucket}` with `x-emc-empty-bucket: true`, 202). Irreversible; the
     * bucket is read-only meanwhile, and objects under retention stay. Follow it with
     * {@link Bucket.emptyStatus}. Marks `meta.stale`.
     *
     * @example
     * ```ts
     * await bucket.empty();
     * let status = await bucket.emptyStatus(); // Status: "IN_PROGRESS", EntriesDeleted, ...
     * ```
     * @throws The server's errors, such as `NoSuchBucket`.
     */
    empty(options?: CallOptions): Promise<EmptyBucketOutput>;
    /**
     * The progress of the emptying task (`GET /{bucket}?empty-bucket-status`).
     *
     * @example
     * ```ts
     * const { Status, EntriesDeleted, FailedToDeleteDueToRetention } = await bucket.emptyStatus();
     * ```
     * @throws The SDK's `NoSuchBucket` once the task has deleted the bucket.
     */
    emptyStatus(options?: CallOptions): Promise<GetEmptyBucketStatusOutput>;
    /**
     * Turns metadata search off for good (`DELETE /{bucket}?searchmetadata`): keys can only be
     * declared when a bucket is created. Marks `meta.stale`.
     *
     * @example
     * ```ts
     * await bucket.disableMetadataSearch();
     * ```
     * @throws The server's errors, such as `NoSuchBucket`.
     */
    disableMetadataSearch(options?: CallOptions): Promise<DisableMetadataSearchOutput>;
    /** CreateBucket, with the plugin's `ObjectScale` options (search keys, retention, ...). */
    create(
      input?: Omit<S3ClientInput<"CreateBucket">, "Bucket">,
      options?: CallOptions,
    ): Promise<S3Output<"CreateBucket">>;
    /** PutObject, with the plugin's `ObjectScale` retention options; returns the object. */
    putObject(input: Omit<S3ClientInput<"PutObject">, "Bucket">, options?: CallOptions): Promise<S3Object>;
  }
}

declare module "../../s3/Object.js" {
  interface S3Object {
    /**
     * ObjectScale's data about the object: the `x-emc-*` headers of the last `load()` (its precise
     * `mtime`, retention period and policy), or the query match it came from. `undefined` when the
     * response had none (a server that is not ObjectScale).
     *
     * @throws {@link ResourceNotLoadedError} before `load()` on an object without data.
     */
    readonly objectScale: ObjectScaleObjectData | undefined;
    /**
     * Appends `body` atomically at the object's end (`PUT` with `Range: bytes=-1-`) and returns
     * where it starts: the object's size before the append. Marks `meta.stale`.
     *
     * @returns The offset from `x-emc-append-offset` (or `x-emc-previous-object-size`);
     *   `undefined` when the server sent neither, which a server without ObjectScale's appends
     *   does (plain S3 would have replaced the object instead).
     * @example
     * ```ts
     * const log = bucket.Object("app.log");
     * await log.put({ Body: "start\n" });
     * const offset = await log.append("next line\n"); // 6
     * ```
     * @throws {@link ValidationError} for a stream without `contentLength`.
     * @throws `UnexpectedResponseError` when the server sends no append offset (not ObjectScale).
     */
    append(body: ObjectScaleBody, options?: AppendOptions): Promise<number>;
    /**
     * Replaces the bytes from `offset` to `offset + length - 1` in place (`PUT` with
     * `Range: bytes=<offset>-<end>`). Marks `meta.stale`.
     *
     * @example
     * ```ts
     * await obj.writeRange(6, "HELLO"); // bytes 6..10
     * ```
     * @throws {@link ValidationError} for a negative offset, an empty body or a stream without
     *   `contentLength`; the server's errors (`ObjectUnderRetention`, ...).
     */
    writeRange(
      offset: number,
      body: ObjectScaleBody,
      options?: RangeWriteOptions,
    ): Promise<ObjectRangeWriteOutput>;
    /**
     * Writes `body` from `offset` on (`PUT` with `Range: bytes=<offset>-`), growing the object when
     * the write runs past its end. Marks `meta.stale`.
     *
     * @example
     * ```ts
     * await obj.overwriteFrom(6, "a new ending");
     * ```
     * @throws {@link ValidationError} for a negative offset; the server's errors.
     */
    overwriteFrom(
      offset: number,
      body: ObjectScaleBody,
      options?: RangeWriteOptions,
    ): Promise<ObjectRangeWriteOutput>;
    /**
     * Extends the object's ObjectScale retention to `seconds` from its creation
     * (`PUT ?retentionUpdate`); `-1` retains it forever. The new period must be at least the
     * current one. Set the first period when writing: `obj.put({ Body, ObjectScale: { retentionPeriod } })`.
     * Marks `meta.stale`.
     *
     * @example
     * ```ts
     * await obj.extendRetention(86_400);
     * await obj.load();
     * obj.objectScale?.retentionPeriod; // 86400
     * ```
     * @throws {@link ValidationError} for a period that is not an integer of at least -1; the
     *   server's errors (a shorter period than the current one).
     */
    extendRetention(seconds: number, options?: CallOptions): Promise<MetadataBearer>;
    /** PutObject, with the plugin's `ObjectScale` retention options. */
    put(
      input?: Omit<S3ClientInput<"PutObject">, "Bucket" | "Key">,
      options?: CallOptions,
    ): Promise<S3Output<"PutObject">>;
    /** CopyObject, with the plugin's `ObjectScale` retention options. */
    copyFrom(
      input: Omit<S3ClientInput<"CopyObject">, "Bucket" | "Key">,
      options?: CallOptions,
    ): Promise<S3Output<"CopyObject">>;
    /** CreateMultipartUpload, with the plugin's `ObjectScale` retention options. */
    initiateMultipartUpload(
      input?: Omit<S3ClientInput<"CreateMultipartUpload">, "Bucket" | "Key">,
      options?: CallOptions,
    ): Promise<MultipartUpload>;
  }
}

declare module "../../s3/ServiceResource.js" {
  interface S3ServiceResource {
    /**
     * Asks a data node whether it serves requests (`GET /?ping`, unsigned): its maintenance mode
     * and load factor. Always 200 from ObjectScale.
     *
     * @param node - `host` or `host:port`, bypassing any load balancer; default: the endpoint
     * @example
     * ```ts
     * const { MaintenanceMode, LoadFactor } = await s3.ping("10.0.0.11:9021");
     * ```
     * @throws Network errors when the node does not answer.
     */
    ping(node?: string, options?: CallOptions): Promise<PingOutput>;
    /**
     * The data nodes of the local VDC and the ObjectScale build (`GET /?endpoint`).
     *
     * @example
     * ```ts
     * const { DataNodes, VersionInfo } = await s3.dataNodes();
     * ```
     * @throws The server's errors (`AccessDenied`, ...).
     */
    dataNodes(options?: CallOptions): Promise<ListDataNodesOutput>;
    /**
     * The system's indexable metadata keys and the optional attributes a query may return
     * (`GET /?searchmetadata`).
     *
     * @example
     * ```ts
     * const { IndexableKeys, OptionalAttributes } = await s3.systemMetadataSearchKeys();
     * ```
     * @throws The server's errors.
     */
    systemMetadataSearchKeys(options?: CallOptions): Promise<ListSystemMetadataSearchKeysOutput>;
    /** CreateBucket with the plugin's `ObjectScale` options; returns the bucket. */
    createBucket(input: S3ClientInput<"CreateBucket">, options?: CallOptions): Promise<Bucket>;
  }
}

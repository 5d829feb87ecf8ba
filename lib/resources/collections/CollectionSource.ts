/**
 * What a collection is made from: the parent's client, the listing operation, the parameters the
 * parent fills, how a page becomes resources, and the batch actions of the item type. The resource
 * factory builds one per collection property; the collection reads nothing else.
 *
 * @module
 */
import type { BatchActionSpec } from "../../../decorators/specs.js";
import type { S3ServiceClient } from "../../client/ClientFactory.js";
import type { CallOptions, S3OperationName } from "../../client/s3/types.js";
import type { Resource } from "../Resource.js";

/**
 * What a collection needs of its items: their identifiers and data (batch actions fill their
 * requests from them) and a way to load the data when a batch parameter needs it. Every
 * {@link Resource} is one; tests may use lighter objects.
 */
export interface CollectionItem {
  readonly meta: {
    readonly identifiers: Readonly<Record<string, string>>;
    readonly data: Readonly<Record<string, unknown>> | undefined;
  };
  /** Loads the item's data (only called when a batch parameter reads data it does not have). */
  load(options?: CallOptions): Promise<unknown>;
}

/**
 * The inputs of {@link createCollection}: one per collection property of a resource
 * (`bucket.objects`), shared by every collection derived from it with `filter()`, `limit()`, ...
 *
 * @example
 * ```ts
 * const objects = createCollection({
 *   client,
 *   operation: "ListObjectsV2",
 *   params: async () => ({ Bucket: "logs" }),
 *   buildItems: (output, request) => toObjectSummaries(output, request),
 *   batchActions: { delete: batchAction("DeleteObjects", { ... }, { itemErrors: "Errors" }) },
 *   description: "s3.Bucket(name='logs').objects",
 * });
 * ```
 */
export interface CollectionSource<
  Item extends CollectionItem = Resource,
  Op extends S3OperationName = S3OperationName,
> {
  /** The parent's client; every request goes through its `call()`, so every event fires. */
  readonly client: S3ServiceClient;
  /** The listing operation (`ListObjectsV2`). */
  readonly operation: Op;
  /** Parameters filled from the parent (identifiers, data, constants); resolved once, lazily. */
  readonly params: () => Promise<Record<string, unknown>>;
  /** Builds the resources of one page (item data attached). */
  readonly buildItems: (output: object, request: Readonly<Record<string, unknown>>) => Item[];
  /** Batch action specs declared by the item resource type (`@batchActions`). */
  readonly batchActions: Readonly<Record<string, BatchActionSpec>>;
  /** Readable name for inspect and errors, such as `s3.Bucket(name='logs').objects`. */
  readonly description: string;
}

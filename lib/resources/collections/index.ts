/**
 * Collections (boto3's has-many): lazy, immutable, re-iterable listings of resources, with page-level
 * data, a resume point, and batch actions that run with bounded concurrency and never swallow a
 * failed item.
 *
 * @module
 */
import type { S3OperationName } from "../../client/s3/types.js";
import type { Resource } from "../Resource.js";
import type { ResourceCollection } from "../types.js";
import { initialState } from "./Collection.js";
import { collectionClassFor } from "./collectionClass.js";
import type { CollectionItem, CollectionSource } from "./CollectionSource.js";

export { Collection } from "./Collection.js";
export type { CollectionItem, CollectionSource } from "./CollectionSource.js";
export { MAX_BATCH_ITEMS, DEFAULT_CONCURRENCY } from "./runBatch.js";

/**
 * Builds the collection of one collection property (`bucket.objects`). It makes no request: the
 * first one happens when the collection (or a collection derived from it) is iterated, its
 * `pages()` are read, or a batch action runs. Batch methods come from `source.batchActions`; the
 * class that carries them is built once per record of specs. The result is typed with the batch
 * methods the item type declares under `BATCH_ACTIONS`.
 *
 * @example
 * ```ts
 * const objects = createCollection(source); // for bucket "logs"
 * for await (const obj of objects.filter({ Prefix: "a/" }).limit(10)) console.log(obj);
 * await objects.filter({ Prefix: "tmp/" }).delete(undefined, { concurrency: 8 });
 * ```
 * @throws {@link ClassMemberConflictError} when a batch action is named like a collection method
 *   (`filter`, `pages`, ...).
 */
export function createCollection<
  Item extends CollectionItem = Resource,
  Op extends S3OperationName = S3OperationName,
>(source: CollectionSource<Item, Op>): ResourceCollection<Item, Op> {
  const Class = collectionClassFor(source.batchActions);
  return new Class(initialState<CollectionItem>(source)) as unknown as ResourceCollection<Item, Op>;
}

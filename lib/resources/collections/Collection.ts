/**
 * The collection class: lazy, immutable, re-iterable, with page-level data and a resume point.
 * Batch methods are added by subclasses built in `collectionClass.ts`.
 *
 * @module
 */
import type { BatchActionSpec } from "../../../decorators/specs.js";
import { ValidationError } from "../../errors.js";
import type { CallOptions, S3Input, S3OperationName, S3Output } from "../../client/s3/types.js";
import type {
  BatchOptions,
  BatchResult,
  CollectionPage,
  ResourceCollection,
  ResourceCollectionBase,
} from "../types.js";
import type { CollectionItem, CollectionSource } from "./CollectionSource.js";
import { listPages } from "./listPages.js";
import { copyPlain } from "./plainData.js";
import { runBatch } from "./runBatch.js";

/** @internal What a collection is: its source and what the chained calls added. Never mutated. */
export interface CollectionState<Item extends CollectionItem = CollectionItem> {
  readonly source: CollectionSource<Item>;
  /** Shared by every collection derived from the same source: the parent's parameters, once. */
  readonly parentParams: { promise?: Promise<Readonly<Record<string, unknown>>> };
  readonly filters: Readonly<Record<string, unknown>>;
  readonly limit: number | undefined;
  readonly pageSize: number | undefined;
}

/** @internal The hook batch methods call; a symbol, so no batch action name can collide with it. */
export const RUN_BATCH = Symbol("objectscale-resources.collection.runBatch");

const inspect = Symbol.for("nodejs.util.inspect.custom");

/**
 * A lazy, immutable collection of resources (boto3's `ResourceCollection`, with async iteration,
 * page-level data and a resume point). Every chained call returns a new collection; nothing is
 * requested until you iterate, call `pages()` or run a batch action, and each iteration starts
 * again from the first page. Memory stays bounded by one page.
 *
 * **Batch actions** (`delete()` on a collection of objects) are methods of the collection,
 * `action(input?, { concurrency, abortSignal })`. Items are sent in requests of at most 1,000
 * (small pages are gathered, large ones split), `concurrency` requests at once (default 4) while
 * the listing goes on and waits for a free slot, so memory stays bounded too. An empty
 * collection makes no batch request. Failures:
 * - items that a successful response reports as failed (DeleteObjects' `Errors`) never pass
 *   silently: once every request has run, a `BatchError` lists each of them;
 * - a request or the listing that fails outright (or an abort) stops new requests; those in
 *   flight finish, then that error is thrown unchanged (handle `NoSuchBucket` by name), or, if
 *   items had already failed, a `BatchError` listing them with that error as its `cause`.
 *
 * @example
 * ```ts
 * for await (const obj of bucket.objects.filter({ Prefix: "2026/" }).limit(100)) console.log(obj.key);
 * await bucket.objects.filter({ Prefix: "tmp/" }).delete(); // one DeleteObjects per 1,000 keys
 * ```
 */
export class Collection<
  Item extends CollectionItem = CollectionItem,
  Op extends S3OperationName = S3OperationName,
> implements ResourceCollectionBase<Item, Op> {
  readonly #state: CollectionState<Item>;

  /** @internal Use {@link createCollection}. */
  constructor(state: CollectionState<Item>) {
    this.#state = state;
  }

  /** The same collection, unfiltered by anything new (boto3's `all()`): a new collection object. */
  all(): ResourceCollection<Item, Op> {
    return this.#derive({});
  }

  /**
   * Adds request parameters. For a member given twice, the later value replaces the earlier one
   * (`filter({ Prefix: "a" }).filter({ Prefix: "b" })` lists `b`); objects are not merged. The
   * parameters are copied: changing the object afterwards does not change the collection.
   * Members the parent fills (a bucket's `Bucket`) cannot be changed.
   *
   * @example
   * ```ts
   * const logs = bucket.objects.filter({ Prefix: "logs/" });
   * const topLevel = logs.filter({ Delimiter: "/" }); // `logs` is unchanged
   * ```
   */
  filter(params: Partial<S3Input<Op>>): ResourceCollection<Item, Op> {
    return this.#derive({
      filters: { ...this.#state.filters, ...copyPlain(params as Record<string, unknown>) },
    });
  }

  /**
   * Stops after `count` items in all; the last request asks only for what is still missing.
   *
   * @throws {@link ValidationError} unless `count` is a non-negative integer.
   */
  limit(count: number): ResourceCollection<Item, Op> {
    return this.#derive({ limit: this.#count("limit", count, 0) });
  }

  /**
   * Items per request (`MaxKeys`, `MaxUploads`, ...). Ignored by operations that do not paginate.
   *
   * @throws {@link ValidationError} unless `count` is a positive integer.
   */
  pageSize(count: number): ResourceCollection<Item, Op> {
    return this.#derive({ pageSize: this.#count("pageSize", count, 1) });
  }

  /**
   * The pages, each with its resources, the whole response (`CommonPrefixes`, `KeyCount`, ...) and
   * `resumeWith`: pass it to `filter()` to continue after that page later. Should a server return
   * more items than asked, a limit cuts the page's `items`, but `output` and `resumeWith` still
   * describe the whole page.
   *
   * @example
   * ```ts
   * const objects = bucket.objects.filter({ Delimiter: "/" }).pageSize(100);
   * for await (const page of objects.pages()) {
   *   console.log(page.output.CommonPrefixes, page.items.length);
   *   if (page.resumeWith) await saveCursor(page.resumeWith); // later: objects.filter(cursor)
   * }
   * ```
   *
   * @throws {@link PaginationError} when the server repeats a continuation token.
   * @throws {@link ValidationError} when a filter contradicts a parameter the parent fills.
   * @throws the request's error, or the abort reason when `options.abortSignal` is aborted.
   */
  async *pages(options: CallOptions = {}): AsyncGenerator<CollectionPage<Item, Op>, void, undefined> {
    const plan = { request: await this.#request(), limit: this.#state.limit, pageSize: this.#state.pageSize };
    for await (const page of listPages(this.#state.source, plan, options)) {
      yield {
        items: page.items,
        output: page.output as S3Output<Op>,
        resumeWith: page.resumeWith,
      };
    }
  }

  /**
   * The items, one page fetched at a time, with call options (an AbortSignal, say).
   *
   * @example
   * ```ts
   * for await (const obj of bucket.objects.items({ abortSignal: AbortSignal.timeout(5_000) })) ...
   * ```
   * @throws the same errors as {@link Collection.pages}.
   */
  async *items(options: CallOptions = {}): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages(options)) yield* page.items;
  }

  /** Iterates over the items, from the first page each time. */
  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return this.items();
  }

  /** The readable form: `s3.Bucket(name='logs').objects.filter({"Prefix":"a/"}).limit(10)`. */
  toString(): string {
    const { source, filters, limit, pageSize } = this.#state;
    let text = source.description;
    if (Object.keys(filters).length > 0) text += `.filter(${JSON.stringify(filters)})`;
    if (limit !== undefined) text += `.limit(${limit})`;
    if (pageSize !== undefined) text += `.pageSize(${pageSize})`;
    return text;
  }

  /** @internal */
  [inspect](): string {
    return this.toString();
  }

  /** @internal Runs one batch action over this collection; see `runBatch`. */
  [RUN_BATCH](
    spec: BatchActionSpec,
    input: Readonly<Record<string, unknown>> | undefined,
    options: BatchOptions | undefined,
  ): Promise<BatchResult> {
    return runBatch({
      spec,
      client: this.#state.source.client,
      pages: (callOptions) => this.pages(callOptions),
      input: input ?? {},
      options: options ?? {},
      subject: this.toString(),
    });
  }

  #derive(
    changes: Partial<Omit<CollectionState<Item>, "source" | "parentParams">>,
  ): ResourceCollection<Item, Op> {
    // `this.constructor`: a collection with batch methods derives collections with the same methods.
    const Class = this.constructor as new (state: CollectionState<Item>) => Collection<Item, Op>;
    return new Class({ ...this.#state, ...changes }) as unknown as ResourceCollection<Item, Op>;
  }

  #count(method: string, count: number, min: number): number {
    if (Number.isSafeInteger(count) && count >= min) return count;
    throw new ValidationError(`${this.toString()}.${method}()`, [
      { field: "count", expected: `an integer of at least ${min}`, received: String(count) },
    ]);
  }

  /** The first request: the parent's parameters, then the filters (which may not contradict them). */
  async #request(): Promise<Record<string, unknown>> {
    const { parentParams, source, filters } = this.#state;
    parentParams.promise ??= source.params().catch((error: unknown) => {
      parentParams.promise = undefined; // a failed resolution is retried by the next iteration
      throw error;
    });
    const parent = await parentParams.promise;
    const issues = Object.keys(filters)
      .filter((member) => parent[member] !== undefined && filters[member] !== parent[member])
      .map((member) => ({
        field: member,
        expected: `${JSON.stringify(parent[member])} (filled by ${source.description}) or nothing`,
        received: JSON.stringify(filters[member]),
      }));
    if (issues.length > 0) throw new ValidationError(`${this.toString()} filter`, issues);
    return { ...filters, ...parent };
  }
}

/** @internal The state of a collection fresh from its source. */
export function initialState<Item extends CollectionItem>(
  source: CollectionSource<Item>,
): CollectionState<Item> {
  return { source, parentParams: {}, filters: {}, limit: undefined, pageSize: undefined };
}

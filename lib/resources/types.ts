/**
 * Type-level side of resources: the methods and getters the factory adds at run time, typed from
 * the same specs the decorators record, so a resource file declares each thing once.
 *
 * @module
 */
import type {
  ActionSpec,
  BatchActionSpec,
  CollectionSpec,
  RelationSpec,
  ResourceTarget,
  WaiterSpec,
} from "../../decorators/specs.js";
import type { CallOptions, S3Input, S3OperationName, S3Output } from "../client/s3/types.js";
import type { WaitOptions, WaiterName, WaiterResult } from "../client/s3/waiters.js";

/**
 * Every resource type by name, for typing what actions, collections and sub-resources return.
 * Resource modules (and users declaring their own resources) add entries by declaration merging.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface ResourceTypes {}

/** The resource type named `T`, or `unknown` when none is declared. */
export type ResourceOf<T extends string> = T extends keyof ResourceTypes ? ResourceTypes[T] : unknown;

/** Synchronous getters for the members of an SDK shape, camelCased (`ContentLength` → `contentLength`). */
export type Attributes<Shape> = {
  readonly [K in keyof Shape as K extends "$metadata" ? never : Uncapitalize<Extract<K, string>>]: Shape[K];
};

type Args<I> = Record<string, never> extends I ? [input?: I, options?: CallOptions] : [input: I, options?: CallOptions];

type IsPlural<T extends ResourceTarget> = {
  [K in keyof T["identifiers"]]: T["identifiers"][K] extends { path: `${string}[]${string}` } ? true : never;
}[keyof T["identifiers"]] extends never
  ? false
  : true;

/** What an action returns: the SDK output, or the resource(s) it builds. */
export type ActionResult<A> =
  A extends ActionSpec<infer Op, string, infer T>
    ? T extends ResourceTarget
      ? IsPlural<T> extends true
        ? Array<ResourceOf<T["type"]>>
        : ResourceOf<T["type"]>
      : S3Output<Op>
    : never;

/** The method an action spec becomes: the operation's input minus what the resource fills. */
export type ActionMethod<A> =
  A extends ActionSpec<infer Op, infer Filled, ResourceTarget | undefined>
    ? (...args: Args<Omit<S3Input<Op>, Filled>>) => Promise<ActionResult<A>>
    : never;

/** Methods for a record of action specs. */
export type ActionMethods<R> = { [K in keyof R]: ActionMethod<R[K]> };

/** Options of a batch action. */
export interface BatchOptions extends CallOptions {
  /**
   * Requests in flight at once.
   * @default 4
   */
  concurrency?: number;
}

/** What a batch action returns: one output per request made. */
export interface BatchResult<Op extends S3OperationName = S3OperationName> {
  readonly outputs: ReadonlyArray<S3Output<Op>>;
  /** Items the requests covered. */
  readonly items: number;
}

/** The method a batch action spec becomes on a collection. */
export type BatchMethod<B> =
  B extends BatchActionSpec<infer Op, infer Filled>
    ? (input?: Partial<Omit<S3Input<Op>, Filled>>, options?: BatchOptions) => Promise<BatchResult<Op>>
    : never;

/** Methods for a record of batch action specs. */
export type BatchMethods<R> = { [K in keyof R]: BatchMethod<R[K]> };

/** The method a waiter spec becomes. */
export type WaiterMethod<W> =
  W extends WaiterSpec<infer Name extends WaiterName> ? (options?: WaitOptions) => Promise<WaiterResult<Name>> : never;

/** Methods for a record of waiter specs. */
export type WaiterMethods<R> = { [K in keyof R]: WaiterMethod<R[K]> };

/**
 * The method a sub-resource spec becomes: caller input fills the `input()` identifiers, in order
 * (`s3.Object("bkt", "key")`), or by name in one object (`s3.Object({ bucketName: "bkt", key: "key" })`).
 */
export type SubresourceMethod<S> =
  S extends RelationSpec<infer T, infer Inputs>
    ? Inputs extends 0
      ? () => ResourceOf<T>
      : (...inputs: string[] | [identifiers: Readonly<Record<string, string>>]) => ResourceOf<T>
    : never;

/** Methods for a record of sub-resource specs. */
export type SubresourceMethods<R> = { [K in keyof R]: SubresourceMethod<R[K]> };

/** Getters for a record of reference specs. */
export type ReferenceGetters<R> = {
  readonly [K in keyof R]: R[K] extends RelationSpec<infer T> ? ResourceOf<T> | undefined : never;
};

/**
 * Type-only key under which a resource interface names its batch action specs, so collections of
 * it get typed batch methods.
 */
export declare const BATCH_ACTIONS: unique symbol;

/** The batch action specs a resource type declares under {@link BATCH_ACTIONS}. */
export type BatchSpecsOf<Item> = Item extends { readonly [BATCH_ACTIONS]?: infer B } ? NonNullable<B> : object;

/** One page of a collection: its resources and the page-level data of the response. */
export interface CollectionPage<Item, Op extends S3OperationName = S3OperationName> {
  /** The resources of this page, in response order. */
  readonly items: readonly Item[];
  /** The whole response of this page: continuation tokens, `CommonPrefixes`, `KeyCount`, ... */
  readonly output: S3Output<Op>;
  /**
   * Input members that resume the listing after this page (`{ ContinuationToken }`), or
   * `undefined` on the last page. Pass them to `filter()` to resume later.
   */
  readonly resumeWith: Partial<S3Input<Op>> | undefined;
}

/**
 * A lazy, immutable collection of resources. Every method returns a new collection; nothing is
 * requested until you iterate, call `pages()` or run a batch action. Memory stays bounded by one
 * page.
 */
export interface ResourceCollectionBase<Item, Op extends S3OperationName> extends AsyncIterable<Item> {
  /** The same collection, unfiltered (boto3's `all()`). */
  all(): ResourceCollection<Item, Op>;
  /** Adds request parameters; later values of a member replace earlier ones. */
  filter(params: Partial<S3Input<Op>>): ResourceCollection<Item, Op>;
  /** Stops after `count` items in all. */
  limit(count: number): ResourceCollection<Item, Op>;
  /** Items per request. */
  pageSize(count: number): ResourceCollection<Item, Op>;
  /** The pages, with page-level data. */
  pages(options?: CallOptions): AsyncIterable<CollectionPage<Item, Op>>;
  /** Iterates with options (an AbortSignal, say). */
  items(options?: CallOptions): AsyncIterable<Item>;
}

/** A collection with the batch actions of its item type. */
export type ResourceCollection<Item, Op extends S3OperationName> = ResourceCollectionBase<Item, Op> &
  BatchMethods<BatchSpecsOf<Item>>;

/** Properties for a record of collection specs. */
export type CollectionProperties<R> = {
  readonly [K in keyof R]: R[K] extends CollectionSpec<infer Op, string, infer T>
    ? ResourceCollection<ResourceOf<T>, Op>
    : never;
};

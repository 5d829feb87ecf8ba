import { EventRegistrationError, PaginationError } from "../../errors.js";
import type { CallOptions, S3ClientInput, S3OperationName, S3Output } from "./types.js";

/**
 * How each paginated S3 operation passes its position from one page to the next: which output
 * members become which input members, and which input member limits the page size.
 */
const paginators = {
  ListObjectsV2: { tokens: { ContinuationToken: "NextContinuationToken" }, limit: "MaxKeys" },
  ListObjects: { tokens: { Marker: "NextMarker" }, limit: "MaxKeys" },
  ListObjectVersions: {
    tokens: { KeyMarker: "NextKeyMarker", VersionIdMarker: "NextVersionIdMarker" },
    limit: "MaxKeys",
  },
  ListMultipartUploads: {
    tokens: { KeyMarker: "NextKeyMarker", UploadIdMarker: "NextUploadIdMarker" },
    limit: "MaxUploads",
  },
  ListParts: { tokens: { PartNumberMarker: "NextPartNumberMarker" }, limit: "MaxParts" },
  ListBuckets: { tokens: { ContinuationToken: "ContinuationToken" }, limit: "MaxBuckets" },
  ListDirectoryBuckets: { tokens: { ContinuationToken: "ContinuationToken" }, limit: "MaxDirectoryBuckets" },
} as const satisfies Record<string, { tokens: Record<string, string>; limit: string }>;

/** Operations that `client.paginate()` accepts. */
export type PaginatedOperation = keyof typeof paginators;

/** Options of `client.paginate()`. */
export interface PaginateOptions extends CallOptions {
  /** Items per request (`MaxKeys`, `MaxUploads`, ...); the server's default when absent. */
  pageSize?: number;
}

interface Caller {
  call<Op extends S3OperationName>(
    op: Op,
    input?: S3ClientInput<Op>,
    options?: CallOptions,
  ): Promise<S3Output<Op>>;
}

/**
 * Yields every page of `operation`, one request per page, fetched as the caller iterates.
 *
 * @internal
 */
export async function* paginate<Op extends PaginatedOperation>(
  client: Caller,
  operation: Op,
  input: S3ClientInput<Op>,
  options: PaginateOptions = {},
): AsyncGenerator<S3Output<Op>, void, undefined> {
  const spec = paginators[operation];
  const { pageSize, ...callOptions } = options;
  let request: Record<string, unknown> = { ...(input) };
  if (pageSize !== undefined) request[spec.limit] = pageSize;
  let sent = JSON.stringify(pick(request, Object.keys(spec.tokens)));
  for (;;) {
    const page = await client.call(operation, request as S3ClientInput<Op>, callOptions);
    yield page;
    const next = nextTokens(operation, spec.tokens, page as unknown as Record<string, unknown>);
    if (next === undefined) return;
    const fingerprint = JSON.stringify(next);
    if (fingerprint === sent) throw new PaginationError(operation, fingerprint);
    sent = fingerprint;
    request = { ...request, ...next };
  }
}

/**
 * How one operation pages: its token table, its page-size member, and the next page's tokens.
 *
 * @internal
 */
export interface Pagination {
  /** Input member → the output member that continues it (`ContinuationToken` → `NextContinuationToken`). */
  readonly tokens: Readonly<Record<string, string>>;
  /** The input member that limits the page size (`MaxKeys`). */
  readonly limit: string;
  /** The input members that fetch the page after `page`, or `undefined` when `page` is the last. */
  next(page: object): Record<string, unknown> | undefined;
}

/**
 * How `operation` pages, or `undefined` when it is not paginated (one call returns everything).
 * Collections use it so that the token table lives in one place; operations that plugins add are
 * looked up in what {@link registerPagination} registered.
 *
 * @internal
 */
export function paginationOf(operation: string): Pagination | undefined {
  const spec = Object.hasOwn(paginators, operation)
    ? paginators[operation as PaginatedOperation]
    : registered.get(operation);
  if (spec === undefined) return undefined;
  const { tokens, limit } = spec;
  return { tokens, limit, next: (page) => nextTokens(operation, tokens, page as Record<string, unknown>) };
}

/** How an operation that a plugin adds pages: see {@link registerPagination}. */
export interface PaginationSpec {
  /** Input member → the output member that continues it, such as `{ Marker: "NextMarker" }`. */
  readonly tokens: Readonly<Record<string, string>>;
  /** The input member that limits the page size, such as `MaxKeys`. */
  readonly limit: string;
}

const registered = new Map<string, PaginationSpec>();

/**
 * Declares how an operation added by a plugin pages, so that collections over it (`createCollection`)
 * follow its tokens, stop at `IsTruncated: false`, shrink the page size to what a `limit()` still
 * needs and report `resumeWith`, exactly as for S3's own listings. A page continues while
 * `IsTruncated` is not `false` and a token member is present and non-empty. The table is shared by
 * every session (an operation pages the same way everywhere); registering the same spec again does
 * nothing. It does not change `client.paginate()`, whose operations are typed from S3's own table.
 *
 * @example
 * ```ts
 * registerPagination("QueryObjects", { tokens: { Marker: "NextMarker" }, limit: "MaxKeys" });
 * ```
 * @throws {@link EventRegistrationError} when `operation` is one of S3's own paginated operations,
 *   or was registered with another spec.
 */
export function registerPagination(operation: string, spec: PaginationSpec): void {
  const copy: PaginationSpec = { tokens: { ...spec.tokens }, limit: spec.limit };
  const known = Object.hasOwn(paginators, operation)
    ? paginators[operation as PaginatedOperation]
    : registered.get(operation);
  if (known !== undefined) {
    if (JSON.stringify(known) === JSON.stringify(copy)) return;
    throw new EventRegistrationError(
      `${operation} already pages as ${JSON.stringify(known)}; refusing ${JSON.stringify(copy)}`,
    );
  }
  registered.set(operation, copy);
}

function nextTokens(
  operation: string,
  tokens: Readonly<Record<string, string>>,
  page: Record<string, unknown>,
): Record<string, unknown> | undefined {
  // ListBuckets and ListDirectoryBuckets have no IsTruncated: a token alone means "more".
  if (page["IsTruncated"] !== undefined && page["IsTruncated"] !== true) return undefined;
  const next: Record<string, unknown> = {};
  let any = false;
  for (const [inputMember, outputMember] of Object.entries(tokens)) {
    const value = page[outputMember];
    if (value !== undefined && value !== "") any = true;
    next[inputMember] = value;
  }
  if (!any && operation === "ListObjects") {
    // ListObjects v1 omits NextMarker unless a delimiter is given: continue after the last key.
    const contents = page["Contents"] as Array<{ Key?: string }> | undefined;
    const last = contents?.[contents.length - 1]?.Key;
    if (last !== undefined) return { Marker: last };
  }
  return any ? next : undefined;
}

function pick(o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = o[k];
  return out;
}

/**
 * The page loop behind every collection: one request per page, fetched as the caller iterates,
 * continuation tokens carried from one page to the next, the page size shrunk to what a limit
 * still needs, and nothing kept once a page is handed over.
 *
 * @module
 */
import { PaginationError } from "../../errors.js";
import { paginationOf } from "../../client/s3/paginators.js";
import type { CallOptions } from "../../client/s3/types.js";
import type { CollectionItem, CollectionSource } from "./CollectionSource.js";

/** What one listing asks for: the full request of the first page, a limit and a page size. */
export interface ListingPlan {
  /** Parameters of the first request (parent parameters and filters, merged). */
  readonly request: Readonly<Record<string, unknown>>;
  /** Items in all; no limit when absent. */
  readonly limit: number | undefined;
  /** Items per request; the server's default when absent. */
  readonly pageSize: number | undefined;
}

/** One page as the loop yields it. */
export interface ListedPage<Item> {
  readonly items: readonly Item[];
  readonly output: object;
  readonly resumeWith: Record<string, unknown> | undefined;
}

/**
 * Yields the pages of a listing. With a limit, the page-size member of each request asks for no
 * more than what is still missing, and no request is made once the limit is reached. An operation
 * without pagination is one call (its page size is ignored).
 *
 * @throws {@link PaginationError} when the server returns the tokens it was just sent.
 * @throws the request's error, or the abort reason once `options.abortSignal` is aborted.
 * @internal
 */
export async function* listPages<Item extends CollectionItem>(
  source: CollectionSource<Item>,
  plan: ListingPlan,
  options: CallOptions = {},
): AsyncGenerator<ListedPage<Item>, void, undefined> {
  const pagination = paginationOf(source.operation);
  let remaining = plan.limit ?? Infinity;
  if (remaining <= 0) return;
  let request: Record<string, unknown> = { ...plan.request };
  // A page size given through filter() (`MaxKeys`) counts as pageSize(), so a limit only shrinks it.
  const given = pagination === undefined ? undefined : request[pagination.limit];
  const pageSize = plan.pageSize ?? (typeof given === "number" ? given : Infinity);
  let sent = pagination === undefined ? "" : fingerprint(request, pagination.tokens);
  for (;;) {
    options.abortSignal?.throwIfAborted();
    if (pagination !== undefined) {
      const size = Math.min(pageSize, remaining);
      // A fresh object per page: the previous page's items may still refer to their request.
      if (size !== Infinity) request = { ...request, [pagination.limit]: size };
    }
    const output = await source.client.call(source.operation, request, options);
    let items = source.buildItems(output, request);
    // A server may return more than asked (or the operation has no page size): never exceed the limit.
    if (items.length > remaining) items = items.slice(0, remaining);
    remaining -= items.length;
    const next = pagination?.next(output);
    yield { items, output, resumeWith: next };
    if (next === undefined || remaining <= 0) return;
    const tokens = fingerprint(next, pagination!.tokens);
    if (tokens === sent) throw new PaginationError(source.operation, tokens);
    sent = tokens;
    request = { ...request, ...next };
  }
}

function fingerprint(
  request: Readonly<Record<string, unknown>>,
  tokens: Readonly<Record<string, string>>,
): string {
  return JSON.stringify(Object.keys(tokens).map((member) => request[member] ?? null));
}

/**
 * Running a batch action over a collection: items are gathered into requests of at most
 * {@link MAX_BATCH_ITEMS}, sent with bounded concurrency while the listing goes on, and every
 * per-item failure a successful response reports is collected and raised at the end.
 *
 * Failure semantics:
 * - Per-item failures (DeleteObjects' `Errors`): every request still runs; then a
 *   {@link BatchError} lists every failed item.
 * - A request (or the listing) fails outright, or the signal aborts: no new request starts, the
 *   ones in flight finish (an abort cancels them), then the first such error is thrown as it is,
 *   so `NoSuchBucket` or `AbortError` can be handled by name. If items had already failed, a
 *   {@link BatchError} is thrown instead, listing them, with that error as its `cause`: failed
 *   items are never hidden behind a request error.
 *
 * @module
 */
import type { BatchActionSpec } from "../../../decorators/specs.js";
import { BatchError, ValidationError, type BatchItemFailure } from "../../errors.js";
import type { S3ServiceClient } from "../../client/ClientFactory.js";
import type { CallOptions, S3OperationName, S3Output } from "../../client/s3/types.js";
import type { BatchOptions, BatchResult } from "../types.js";
import { fillParams, type ParamContext } from "../params.js";
import { getPath } from "../paths.js";
import type { CollectionItem } from "./CollectionSource.js";
import { itemFailures } from "./itemFailures.js";
import { mergeUnder } from "./plainData.js";

/** Items per batch request: S3's DeleteObjects accepts at most 1,000 keys. */
export const MAX_BATCH_ITEMS = 1000;

/** Requests in flight at once when the caller does not say. */
export const DEFAULT_CONCURRENCY = 4;

/** One batch action run. */
export interface BatchRun {
  readonly spec: BatchActionSpec;
  readonly client: S3ServiceClient;
  /** The collection's pages, listed with the given options. */
  readonly pages: (options: CallOptions) => AsyncIterable<{ readonly items: readonly CollectionItem[] }>;
  /** Caller input, merged under what the spec fills. */
  readonly input: Readonly<Record<string, unknown>>;
  readonly options: BatchOptions;
  /** The collection, for error messages. */
  readonly subject: string;
}

/**
 * Runs a batch action; see the module comment for what fails how.
 *
 * @throws {@link BatchError} when items failed.
 * @throws {@link ValidationError} when `concurrency` is not a positive integer, or the input
 *   names a member the spec fills (nothing is requested then).
 * @throws the first request or listing error, or the abort reason.
 * @internal
 */
export async function runBatch(run: BatchRun): Promise<BatchResult> {
  const { concurrency = DEFAULT_CONCURRENCY, ...callOptions } = run.options;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new ValidationError(`${run.subject} batch options`, [
      { field: "concurrency", expected: "an integer of at least 1", received: String(concurrency) },
    ]);
  }
  const filled = filledByCaller(run.spec, run.input);
  if (filled.length > 0) {
    throw new ValidationError(
      `${run.subject} ${run.spec.operation}`,
      filled.map((field) => ({
        field,
        expected: "nothing: the batch action fills it from the items",
        received: JSON.stringify(getPath(run.input, field)),
      })),
    );
  }
  const { operation } = run.spec;
  const outputs: Array<S3Output<S3OperationName> | undefined> = [];
  const failures: BatchItemFailure[] = [];
  const inFlight = new Set<Promise<void>>();
  let stopped: { readonly error: unknown } | undefined;
  let requests = 0;
  let items = 0;

  const send = async (chunk: readonly CollectionItem[], index: number): Promise<void> => {
    try {
      const request = await buildRequest(run.spec, chunk, run.input, callOptions);
      const output = await run.client.call(operation, request, callOptions);
      outputs[index] = output;
      items += chunk.length;
      failures.push(...itemFailures(run.spec, output));
    } catch (error) {
      stopped ??= { error };
    }
  };
  const dispatch = async (chunk: readonly CollectionItem[]): Promise<void> => {
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    if (callOptions.abortSignal?.aborted === true) stopped ??= { error: callOptions.abortSignal.reason };
    if (stopped !== undefined) return;
    const request = send(chunk, requests++).finally(() => inFlight.delete(request));
    inFlight.add(request);
  };

  try {
    let chunk: CollectionItem[] = [];
    for await (const page of run.pages(callOptions)) {
      // Pages larger than a request are split; smaller ones are gathered into full requests.
      for (const item of page.items) {
        chunk.push(item);
        if (chunk.length < MAX_BATCH_ITEMS) continue;
        await dispatch(chunk); // waits for a free slot: the listing never runs far ahead
        chunk = [];
      }
      if (stopped !== undefined) break;
    }
    if (chunk.length > 0 && stopped === undefined) await dispatch(chunk);
  } catch (error) {
    stopped ??= { error };
  }
  await Promise.all(inFlight);

  const done = outputs.filter((o) => o !== undefined);
  if (stopped !== undefined) {
    if (failures.length === 0) throw stopped.error;
    throw new BatchError(operation, failures, done, { cause: stopped.error });
  }
  if (failures.length > 0) throw new BatchError(operation, failures, done);
  return { outputs: done, items };
}

/** Members of the caller's input that the spec fills (`Bucket`, `Delete.Objects`): refused, not overwritten. */
function filledByCaller(spec: BatchActionSpec, input: Readonly<Record<string, unknown>>): string[] {
  const paths = Object.keys(spec.params).map((target) => target.split("[]")[0]!);
  return [...new Set(paths)].filter((path) => getPath(input, path) !== undefined);
}

/** One request: each item fills its element of the `[]` targets, then the caller's input joins. */
async function buildRequest(
  spec: BatchActionSpec,
  chunk: readonly CollectionItem[],
  input: Readonly<Record<string, unknown>>,
  options: CallOptions,
): Promise<Record<string, unknown>> {
  const request: Record<string, unknown> = {};
  for (let i = 0; i < chunk.length; i++)
    await fillParams(spec.params, contextOf(chunk[i]!, options), request, i);
  return mergeUnder(request, input);
}

function contextOf(item: CollectionItem, options: CallOptions): ParamContext {
  return {
    identifiers: item.meta.identifiers,
    loadData: async () => {
      if (item.meta.data === undefined) await item.load(options);
      return item.meta.data ?? {};
    },
  };
}

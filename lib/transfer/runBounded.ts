/**
 * Bounded concurrency and per-part retries for managed transfers.
 *
 * @module
 */
import { setMaxListeners } from "node:events";

/** The part a worker was busy with when it failed. @internal */
export class PartFailure extends Error {
  constructor(
    readonly partNumber: number,
    options: ErrorOptions,
  ) {
    super(`part ${partNumber} failed`, options);
  }
}

/**
 * Runs `worker` on each item of `items`, at most `concurrency` at once, pulling the next item only
 * when a slot is free (so a lazy source holds at most `concurrency` items in memory). On the first
 * failure it stops pulling, aborts the shared signal so the others stop early, waits for every
 * worker to settle (nothing runs after it returns) and throws that failure.
 *
 * @throws the first error of `items` or of a worker, or the reason of `signal`.
 * @internal
 */
export async function runBounded<T>(
  items: AsyncIterable<T> | Iterable<T>,
  concurrency: number,
  signal: AbortSignal | undefined,
  worker: (item: T, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const stop = new AbortController();
  const shared = signal === undefined ? stop.signal : AbortSignal.any([signal, stop.signal]);
  // Every request in flight (and the SDK's HTTP handler for each) listens on this one signal:
  // more than Node's default of 10 listeners is expected here, not a leak.
  setMaxListeners(Math.max(10, concurrency * 4), shared);
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const fail = (error: unknown): void => {
    failure ??= { error };
    stop.abort(error);
  };
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  try {
    while (failure === undefined) {
      if (inFlight.size >= concurrency) {
        await Promise.race(inFlight);
        continue;
      }
      if (shared.aborted) {
        fail(signal?.aborted ? signal.reason : shared.reason);
        break;
      }
      const next = await iterator.next();
      if (next.done === true) break;
      const running: Promise<void> = worker(next.value, shared).then(
        () => void inFlight.delete(running),
        (error: unknown) => {
          inFlight.delete(running);
          fail(error);
        },
      );
      inFlight.add(running);
    }
  } catch (error) {
    fail(error);
  }
  await Promise.all(inFlight);
  if (failure !== undefined) {
    await iterator.return?.();
    throw failure.error;
  }
}

/**
 * Calls `attempt` until it succeeds, at most `attempts` times, while `retryable(error)` holds and
 * `signal` is not aborted. Each attempt must be idempotent (a part sent again replaces itself).
 *
 * @throws the last error.
 * @internal
 */
export async function withAttempts<T>(
  attempts: number,
  signal: AbortSignal,
  retryable: (error: unknown) => boolean,
  attempt: (n: number) => Promise<T>,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= attempts || signal.aborted || !retryable(error)) throw error;
    }
  }
}

/**
 * The four ways {@link EventEmitter} runs a resolved list of handlers: all of them or until one
 * responds, synchronously or awaiting each.
 *
 * Every variant shares the payload object among the handlers, skips registrations removed since
 * the list was resolved (so a disposed handler never runs again, even later in the same emit), and
 * takes a `once` registration out before calling it (so re-entering the event cannot run it twice).
 *
 * @module
 */
import { AsyncHandlerError } from "../errors.js";
import type { EventBase } from "./EventMap.js";
import type { Registration } from "./HandlerRegistry.js";

/**
 * Calls every handler in order and collects what they return.
 *
 * @internal
 * @throws {@link AsyncHandlerError} when a handler returns a thenable; any error a handler throws.
 * @example
 * ```ts
 * runHandlers(handlers, "creating-client-class.s3", payload); // [undefined, undefined]
 * ```
 */
export function runHandlers(handlers: readonly Registration[], name: string, payload: object): unknown[] {
  if (handlers.length === 0) return [];
  // Sized up front: growing an empty array on the first push costs more than the handler call.
  const results = new Array<unknown>(handlers.length);
  let count = 0;
  (payload as EventBase).eventName = name;
  for (const registration of handlers) {
    if (!registration.active) continue;
    if (registration.once) registration.owner.detach(registration);
    results[count++] = refuseThenable(registration.handler(payload), name);
  }
  // Only when a handler was skipped: assigning length takes a slow path even when it is unchanged.
  if (count < results.length) results.length = count;
  return results;
}

/**
 * Calls handlers in order until one returns something other than `undefined`, and returns it.
 *
 * @internal
 * @throws {@link AsyncHandlerError} when a handler returns a thenable; any error a handler throws.
 * @example
 * ```ts
 * runHandlersUntilResponse(handlers, "getattr.s3.listBuckets", payload); // the first non-undefined value
 * ```
 */
export function runHandlersUntilResponse(
  handlers: readonly Registration[],
  name: string,
  payload: object,
): unknown {
  if (handlers.length === 0) return undefined;
  (payload as EventBase).eventName = name;
  for (const registration of handlers) {
    if (!registration.active) continue;
    if (registration.once) registration.owner.detach(registration);
    const result = refuseThenable(registration.handler(payload), name);
    if (result !== undefined) return result;
  }
  return undefined;
}

/**
 * {@link runHandlers}, awaiting each returned thenable before calling the next handler.
 *
 * @internal
 * @throws Any error a handler throws or rejects with, as a rejection.
 * @example
 * ```ts
 * await runHandlersAsync(handlers, "after-call.s3.PutObject", payload);
 * ```
 */
export async function runHandlersAsync(
  handlers: readonly Registration[],
  name: string,
  payload: object,
): Promise<unknown[]> {
  const results: unknown[] = [];
  if (handlers.length === 0) return results;
  (payload as EventBase).eventName = name;
  for (const registration of handlers) {
    if (!registration.active) continue;
    if (registration.once) registration.owner.detach(registration);
    const result = registration.handler(payload);
    // Awaiting only thenables spares synchronous handlers a trip through the microtask queue.
    results.push(isThenable(result) ? await result : result);
  }
  return results;
}

/**
 * {@link runHandlersUntilResponse}, awaiting each returned thenable before looking at its value.
 *
 * @internal
 * @throws Any error a handler throws or rejects with, as a rejection.
 * @example
 * ```ts
 * const stubbed = await runHandlersUntilResponseAsync(handlers, "before-call.s3.GetObject", payload);
 * ```
 */
export async function runHandlersUntilResponseAsync(
  handlers: readonly Registration[],
  name: string,
  payload: object,
): Promise<unknown> {
  if (handlers.length === 0) return undefined;
  (payload as EventBase).eventName = name;
  for (const registration of handlers) {
    if (!registration.active) continue;
    if (registration.once) registration.owner.detach(registration);
    let result = registration.handler(payload);
    if (isThenable(result)) result = await result;
    if (result !== undefined) return result;
  }
  return undefined;
}

function refuseThenable(result: unknown, name: string): unknown {
  if (!isThenable(result)) return result;
  // Nobody can await this promise any more; without a rejection handler its failure would end the
  // process as an unhandled rejection and hide the AsyncHandlerError that explains it.
  result.then(undefined, () => undefined);
  throw new AsyncHandlerError(name);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

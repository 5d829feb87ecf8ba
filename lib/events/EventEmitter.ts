/**
 * The hierarchical event emitter: botocore's `HierarchicalEmitter`, typed by {@link EventMap},
 * with disposable registrations, `once`, asynchronous events and live parent/child layering.
 *
 * @module
 */
import type {
  AnyEventName,
  EmitPayload,
  EventBase,
  EventHandler,
  EventPattern,
  ResultOf,
  SyncEventName,
} from "./EventMap.js";
import {
  HandlerRegistry,
  type Disposer,
  type Registration,
  type RegisterOptions,
  type UnregisterOptions,
} from "./HandlerRegistry.js";
import { PrefixTrie, type Section } from "./PrefixTrie.js";
import {
  runHandlers,
  runHandlersAsync,
  runHandlersUntilResponse,
  runHandlersUntilResponseAsync,
} from "./runHandlers.js";

/**
 * Options of {@link EventEmitter.registerDynamic}.
 *
 * @internal
 */
export interface DynamicRegisterOptions extends RegisterOptions {
  /** @default "middle" */
  section?: Section;
  /** Unregister before the first call, as {@link EventEmitter.once} does. @default false */
  once?: boolean;
}

/**
 * What a handler registered through {@link EventEmitter.registerDynamic} receives.
 *
 * @internal
 */
export type DynamicPayload = EventBase & { readonly [field: string]: unknown };

/**
 * A handler registered through {@link EventEmitter.registerDynamic}.
 *
 * @internal
 */
export type DynamicEventHandler = (payload: DynamicPayload) => unknown;

/**
 * The handler type for pattern `P`: {@link EventHandler} for patterns of {@link EventMap}, and for
 * the root wildcard `*` (which matches every event of every kind) a handler that sees only the
 * fields all payloads share. A `*` handler should return nothing: a value would count as the
 * response of events read with `emitUntilResponse`.
 */
export type PatternHandler<P extends string> = [P] extends ["*"]
  ? (payload: EventBase) => void
  : EventHandler<P>;

/** Options of the {@link EventEmitter} constructor. */
export interface EventEmitterOptions {
  /** An emitter whose handlers, present and future, this one also runs; see {@link EventEmitter.child}. */
  parent?: EventEmitter;
}

interface CacheEntry {
  readonly stamp: number;
  readonly handlers: readonly Registration[];
}

/**
 * Runs handlers registered on dot-separated patterns when a matching event name is emitted.
 *
 * **Matching.** A registration on a prefix receives longer names (`a.b` gets `a.b.c`), never the
 * reverse. A whole `*` segment matches exactly one segment (`a.*` gets `a.b` and `a.b.c`, not
 * `a`); `b*` is a literal segment. A registration on `*` alone receives every event.
 *
 * **Order.** More specific registrations run first: deeper patterns before shallower ones; at
 * equal depth, the first position where two patterns differ decides, a literal segment before `*`.
 * For `a.b.c` that gives `a.b.c`, `a.*.c`, `a.b`, `a.*`, `a`. botocore orders differently: its
 * trie walk runs a whole `*` branch before the literal branch beside it whatever the depths
 * (`a.*.c`, `a.*`, `a.b.c`, `a.b`), so its `before-call.*.*` runs before `before-call.s3.PutObject`.
 * Within one pattern, {@link EventEmitter.registerFirst | registerFirst} handlers run first, then
 * {@link EventEmitter.register | register} (and {@link EventEmitter.once | once}) handlers, then
 * {@link EventEmitter.registerLast | registerLast} ones, each in registration order; these
 * sections never reorder across patterns.
 *
 * **Layering.** An emitter made with {@link EventEmitter.child | child()} runs its parent's
 * handlers too (recursively), including handlers registered on the parent after the child was
 * made; botocore instead copies the session's emitter into each client and loses later session
 * registrations. Handlers registered on a child stay local to it: the parent and other children
 * never see them. On one pattern, the parent's handlers run before the child's in each section,
 * as if registered earlier; across patterns the order above applies.
 *
 * **Emitting.** Every handler gets the same payload object, with `eventName` set on it, so what a
 * handler changes is seen by the later handlers and by the emitter's caller. An exception (or
 * rejection) from a handler reaches the caller at once and the later handlers do not run. A
 * registration made while an emit is under way affects later emits only; one removed meanwhile
 * (by its disposer, `unregister` or `once`) is skipped from then on, where botocore still calls it.
 *
 * **uniqueId** tables (see {@link RegisterOptions}) are per emitter: a child can reuse an id its
 * parent holds.
 *
 * Resolved handler lists are cached per emitted name and invalidated by any change to the emitter
 * or its ancestors, so emitting a name that nobody listens to costs a map lookup.
 *
 * @example
 * ```ts
 * const session = new EventEmitter();
 * const client = session.child();
 * session.register("after-call.s3", ({ operation }) => console.log("done:", operation));
 * using _ = client.registerFirst("before-sign.s3.PutObject", ({ request }) => {
 *   request.headers["x-request-tag"] = "upload";
 * });
 * await client.emitAsync("after-call.s3.PutObject", payload); // logs "done: PutObject"
 * ```
 */
export class EventEmitter {
  /** The emitter whose handlers this one also runs, if any. */
  readonly parent: EventEmitter | undefined;

  readonly #registry = new HandlerRegistry();
  readonly #cache = new Map<string, CacheEntry>();
  /** The registries of this emitter's ancestors and its own, the root first. */
  readonly #chain: readonly HandlerRegistry[];
  readonly #tries: readonly PrefixTrie<Registration>[];

  /**
   * @param options - `parent`: see {@link EventEmitter.child}.
   *
   * @example
   * ```ts
   * const session = new EventEmitter();
   * const client = new EventEmitter({ parent: session });
   * ```
   */
  constructor(options: EventEmitterOptions = {}) {
    this.parent = options.parent;
    this.#chain =
      options.parent === undefined ? [this.#registry] : [...options.parent.#chain, this.#registry];
    this.#tries = this.#chain.map((registry) => registry.trie);
  }

  /**
   * Makes an emitter that runs this one's handlers (including ones registered later) and its own,
   * which this one never sees. A session gives one to each client.
   *
   * @example
   * ```ts
   * const client = session.events.child();
   * client.register("after-call.s3", audit); // only this client's calls are audited
   * ```
   */
  child(): EventEmitter {
    return new EventEmitter({ parent: this });
  }

  /**
   * Registers `handler` on `pattern`, after the `registerFirst` handlers and before the
   * `registerLast` ones of the same pattern.
   *
   * @param pattern - An event kind, optionally followed by segments, any of them `*`; or `*` alone
   *   for every event.
   * @returns A function that unregisters this registration.
   * @throws TypeError when `handler` is not a function.
   * @throws {@link EventRegistrationError} when `options.uniqueId` is already registered with the
   *   other `uniqueIdUsesCount` mode, or when the pattern has an empty segment.
   *
   * @example
   * ```ts
   * const dispose = session.events.register("before-sign.s3", ({ request }) => {
   *   request.headers["x-trace-id"] = traceId();
   * }, { uniqueId: "trace-header" });
   * ```
   */
  register<P extends EventPattern | "*">(
    pattern: P,
    handler: PatternHandler<P>,
    options?: RegisterOptions,
  ): Disposer {
    return this.#registry.add(pattern, handler, "middle", false, options);
  }

  /**
   * Registers `handler` on `pattern` before the other handlers of that same pattern. It does not
   * move ahead of handlers on more specific patterns.
   *
   * @returns A function that unregisters this registration.
   * @throws TypeError when `handler` is not a function.
   * @throws {@link EventRegistrationError} when the `uniqueId` modes conflict.
   *
   * @example
   * ```ts
   * session.events.registerFirst("after-call.s3", fixStatusCode);
   * ```
   */
  registerFirst<P extends EventPattern | "*">(
    pattern: P,
    handler: PatternHandler<P>,
    options?: RegisterOptions,
  ): Disposer {
    return this.#registry.add(pattern, handler, "first", false, options);
  }

  /**
   * Registers `handler` on `pattern` after the other handlers of that same pattern. Handlers on
   * less specific patterns still run after it.
   *
   * @returns A function that unregisters this registration.
   * @throws TypeError when `handler` is not a function.
   * @throws {@link EventRegistrationError} when the `uniqueId` modes conflict.
   *
   * @example
   * ```ts
   * session.events.registerLast("before-send.s3", recordAttempt);
   * ```
   */
  registerLast<P extends EventPattern | "*">(
    pattern: P,
    handler: PatternHandler<P>,
    options?: RegisterOptions,
  ): Disposer {
    return this.#registry.add(pattern, handler, "last", false, options);
  }

  /**
   * Registers `handler` like {@link EventEmitter.register}, and unregisters it just before its
   * first call, so it runs at most once even when it emits the same event itself.
   *
   * @returns A function that unregisters it if it has not run yet.
   * @throws TypeError when `handler` is not a function.
   * @throws {@link EventRegistrationError} when the `uniqueId` modes conflict.
   *
   * @example
   * ```ts
   * client.events.once("after-call.s3.PutObject", ({ output }) => console.log(output.ETag));
   * ```
   */
  once<P extends EventPattern | "*">(
    pattern: P,
    handler: PatternHandler<P>,
    options?: RegisterOptions,
  ): Disposer {
    return this.#registry.add(pattern, handler, "middle", true, options);
  }

  /**
   * Removes a registration made on this emitter (never one of its parent's).
   *
   * Given a handler, removes its first registration on exactly `pattern` (no prefix or wildcard
   * matching), searching the `registerFirst`, then `register`, then `registerLast` handlers.
   * Given a `uniqueId`, removes the registration made with that id; in counted mode, each call
   * takes one off the count and only the call that brings it to zero removes the handler.
   * Unknown patterns, handlers and ids are ignored.
   *
   * @returns True when a handler was removed; false otherwise, including when a counted id was
   *   only decremented.
   * @throws {@link EventRegistrationError} when the id was registered with the other
   *   `uniqueIdUsesCount` mode, or on another pattern.
   *
   * @example
   * ```ts
   * session.events.unregister("before-sign.s3", { uniqueId: "trace-header" });
   * ```
   */
  unregister<P extends EventPattern | "*">(
    pattern: P,
    target: PatternHandler<P> | UnregisterOptions,
  ): boolean {
    return this.#registry.remove(pattern, target);
  }

  /**
   * Runs every handler of the synchronous event `name` in order.
   *
   * @param payload - Passed to every handler (the same object); `eventName` is set on it before the
   *   first handler runs.
   * @returns The handlers' return values in call order, `undefined` included; empty when none ran.
   * @throws {@link AsyncHandlerError} when a handler returns a promise; any error a handler throws.
   *
   * @example
   * ```ts
   * const classAttributes = new ClassAttributes();
   * events.emit("creating-client-class.s3", { service: "s3", classAttributes, baseClasses, operations });
   * ```
   */
  emit<N extends SyncEventName>(name: N, payload: EmitPayload<N>): Array<ResultOf<N> | undefined>;
  emit(name: string, payload: object): unknown[] {
    return runHandlers(this.#lookup(name), name, payload);
  }

  /**
   * Runs the handlers of the synchronous event `name` in order until one returns something other
   * than `undefined` (`null` counts as a response).
   *
   * @returns That value, or `undefined` when no handler returned one.
   * @throws {@link AsyncHandlerError} when a handler returns a promise; any error a handler throws.
   *
   * @example
   * ```ts
   * const endpoint = events.emitUntilResponse("choose-endpoint.s3", { service: "s3" }) ?? defaultEndpoint;
   * ```
   */
  emitUntilResponse<N extends SyncEventName>(name: N, payload: EmitPayload<N>): ResultOf<N> | undefined;
  emitUntilResponse(name: string, payload: object): unknown {
    return runHandlersUntilResponse(this.#lookup(name), name, payload);
  }

  /**
   * Runs every handler of `name` in order, awaiting each one that returns a promise before calling
   * the next.
   *
   * @returns The handlers' (awaited) return values in call order, `undefined` included.
   * @throws Any error a handler throws or rejects with (as a rejection).
   *
   * @example
   * ```ts
   * await events.emitAsync("after-call.s3.PutObject", { service: "s3", operation: "PutObject", output, context });
   * ```
   */
  emitAsync<N extends AnyEventName>(
    name: N,
    payload: EmitPayload<N>,
  ): Promise<Array<ResultOf<N> | undefined>>;
  emitAsync(name: string, payload: object): Promise<unknown[]> {
    return runHandlersAsync(this.#lookup(name), name, payload);
  }

  /**
   * Runs the handlers of `name` in order, awaiting each returned promise, until one produces
   * something other than `undefined`.
   *
   * @returns That (awaited) value, or `undefined` when no handler produced one.
   * @throws Any error a handler throws or rejects with (as a rejection).
   *
   * @example
   * ```ts
   * const stubbed = await events.emitUntilResponseAsync("before-call.s3.GetObject", payload);
   * if (stubbed !== undefined) return stubbed;
   * ```
   */
  emitUntilResponseAsync<N extends AnyEventName>(
    name: N,
    payload: EmitPayload<N>,
  ): Promise<ResultOf<N> | undefined>;
  emitUntilResponseAsync(name: string, payload: object): Promise<unknown> {
    return runHandlersUntilResponseAsync(this.#lookup(name), name, payload);
  }

  /**
   * True when emitting `name` would run at least one handler. It takes any string because callers
   * use it on names built at run time, to skip building a payload nobody reads; the answer comes
   * from the same cache as emitting.
   *
   * @example
   * ```ts
   * if (events.hasHandlers(`before-sign.s3.${operation}`)) addSigningHook(stack);
   * ```
   */
  hasHandlers(name: string): boolean {
    return this.#lookup(name).length > 0;
  }

  // The untyped twins below serve framework code that builds names at run time; the typed
  // methods above are the same code behind stricter signatures.

  /**
   * Untyped {@link EventEmitter.register} and its siblings, chosen by `section` and `once`.
   *
   * @internal
   * @throws As `register` does, and {@link EventRegistrationError} for an empty segment.
   * @example
   * ```ts
   * events.registerDynamic(`creating-client-class.${service}`, inject, { section: "first" })
   * ```
   */
  registerDynamic(pattern: string, handler: DynamicEventHandler, options?: DynamicRegisterOptions): Disposer {
    return this.#registry.add(
      pattern,
      handler,
      options?.section ?? "middle",
      options?.once === true,
      options,
    );
  }

  /**
   * Untyped {@link EventEmitter.unregister}.
   *
   * @internal
   * @throws As `unregister` does.
   * @example
   * ```ts
   * events.unregisterDynamic(`creating-client-class.${service}`, inject)
   * ```
   */
  unregisterDynamic(pattern: string, target: DynamicEventHandler | UnregisterOptions): boolean {
    return this.#registry.remove(pattern, target);
  }

  /**
   * Untyped {@link EventEmitter.emit}.
   *
   * @internal
   * @throws As `emit` does.
   * @example
   * ```ts
   * events.emitDynamic(`creating-client-class.${service}`, { service, classAttributes })
   * ```
   */
  emitDynamic(name: string, payload: object): unknown[] {
    return runHandlers(this.#lookup(name), name, payload);
  }

  /**
   * Untyped {@link EventEmitter.emitUntilResponse}.
   *
   * @internal
   * @throws As `emitUntilResponse` does.
   * @example
   * ```ts
   * events.emitUntilResponseDynamic(`getattr.${service}.${name}`, { client })
   * ```
   */
  emitUntilResponseDynamic(name: string, payload: object): unknown {
    return runHandlersUntilResponse(this.#lookup(name), name, payload);
  }

  /**
   * Untyped {@link EventEmitter.emitAsync}.
   *
   * @internal
   * @throws As `emitAsync` does.
   * @example
   * ```ts
   * await events.emitDynamicAsync(`after-call.${service}.${operation}`, payload)
   * ```
   */
  emitDynamicAsync(name: string, payload: object): Promise<unknown[]> {
    return runHandlersAsync(this.#lookup(name), name, payload);
  }

  /**
   * Untyped {@link EventEmitter.emitUntilResponseAsync}.
   *
   * @internal
   * @throws As `emitUntilResponseAsync` does.
   * @example
   * ```ts
   * await events.emitUntilResponseDynamicAsync(`before-call.${service}.${operation}`, payload)
   * ```
   */
  emitUntilResponseDynamicAsync(name: string, payload: object): Promise<unknown> {
    return runHandlersUntilResponseAsync(this.#lookup(name), name, payload);
  }

  #lookup(name: string): readonly Registration[] {
    // Generations only grow, so their sum along the chain changes whenever any emitter in it does.
    let stamp = 0;
    for (const registry of this.#chain) stamp += registry.generation;
    const cached = this.#cache.get(name);
    if (cached !== undefined && cached.stamp === stamp) return cached.handlers;
    const handlers = PrefixTrie.resolve(this.#tries, name);
    this.#cache.set(name, { stamp, handlers });
    return handlers;
  }
}

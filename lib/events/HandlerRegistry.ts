/**
 * What one emitter has registered: its handlers by pattern, its `uniqueId` table, and a counter
 * that changes whenever either does.
 *
 * @module
 */
import { EventRegistrationError } from "../errors.js";
import { PrefixTrie, type Section } from "./PrefixTrie.js";

/**
 * Undoes one registration. Call it, or let `using` call it: both are idempotent.
 *
 * @example
 * ```ts
 * const dispose = session.events.register("after-call.s3", onAfterCall);
 * dispose(); // onAfterCall no longer runs; calling dispose() again does nothing
 *
 * {
 *   using _ = session.events.register("after-call.s3", onAfterCall);
 *   await client.headBucket({ Bucket: "logs" });
 * } // unregistered here
 * ```
 */
export type Disposer = (() => void) & { [Symbol.dispose](): void };

/** Options of {@link EventEmitter.register} and its siblings. */
export interface RegisterOptions {
  /**
   * Makes the registration idempotent: while a registration with this id exists on the emitter,
   * registering the id again does nothing (even with another handler or pattern). Ids are per
   * emitter; a child does not see its parent's.
   */
  uniqueId?: string;
  /**
   * Count repeated registrations of {@link RegisterOptions.uniqueId | uniqueId} instead of
   * ignoring them; the handler goes away after as many unregistrations. Every use of one id must
   * agree on this flag.
   *
   * @default false
   */
  uniqueIdUsesCount?: boolean;
}

/** Selects a registration by its id in {@link EventEmitter.unregister}. */
export interface UnregisterOptions {
  /** The id given at registration. */
  uniqueId: string;
  /**
   * Must match the flag given at registration.
   *
   * @default false
   */
  uniqueIdUsesCount?: boolean;
}

/**
 * One handler on one pattern of one emitter.
 *
 * @internal
 */
export interface Registration {
  readonly owner: HandlerRegistry;
  readonly pattern: string;
  readonly handler: (payload: object) => unknown;
  /** Unregistered just before its first call. */
  readonly once: boolean;
  readonly uniqueId: string | undefined;
  /** False from the moment it is unregistered, so an emit already under way skips it. */
  active: boolean;
}

interface UniqueIdEntry {
  readonly registration: Registration;
  readonly counted: boolean;
  count: number;
}

/**
 * The registrations of one {@link EventEmitter}, with the `unique_id` rules of botocore's
 * `HierarchicalEmitter` and one improvement: removing a registration by any means frees its id,
 * where botocore keeps the id and silently ignores every later registration with it.
 *
 * @internal
 * @example
 * ```ts
 * const registry = new HandlerRegistry();
 * const dispose = registry.add("a.b", handler, "middle", false, { uniqueId: "x" });
 * PrefixTrie.resolve([registry.trie], "a.b.c"); // [the registration]
 * ```
 */
export class HandlerRegistry {
  /** The registrations by pattern; read it, change it only through this class. */
  readonly trie = new PrefixTrie<Registration>();
  readonly #uniqueIds = new Map<string, UniqueIdEntry>();
  #generation = 0;

  /** Bumped on every change and never decreased, so a sum over several registries is a version. */
  get generation(): number {
    return this.#generation;
  }

  /**
   * Adds `handler` on `pattern` at the end of `section`, unless `options.uniqueId` is already
   * registered (then nothing happens, or its count goes up).
   *
   * @returns A disposer that undoes exactly this call (one count, in counted mode).
   * @throws TypeError when `handler` is not a function.
   * @throws {@link EventRegistrationError} when the pattern has an empty segment, or the id is
   *   registered with the other `uniqueIdUsesCount` mode.
   */
  add(
    pattern: string,
    handler: unknown,
    section: Section,
    once: boolean,
    options?: RegisterOptions,
  ): Disposer {
    if (typeof handler !== "function") {
      throw new TypeError(
        `Cannot register on "${pattern}": expected a handler function, received ${render(handler)}`,
      );
    }
    if (typeof pattern !== "string" || pattern.split(".").includes("")) {
      throw new EventRegistrationError(
        `Cannot register on ${JSON.stringify(pattern)}: expected dot-separated non-empty segments such as "before-call.s3"`,
      );
    }
    const uniqueId = options?.uniqueId;
    const counted = options?.uniqueIdUsesCount === true;
    const existing = uniqueId === undefined ? undefined : this.#uniqueIds.get(uniqueId);
    if (uniqueId !== undefined && existing !== undefined) {
      checkMode(uniqueId, existing, counted);
      if (!counted) return disposer(() => undefined);
      existing.count++;
      return disposer(() => this.#release(uniqueId, existing));
    }
    const registration: Registration = {
      owner: this,
      pattern,
      handler: handler as Registration["handler"],
      once,
      uniqueId,
      active: true,
    };
    this.trie.add(pattern, section, registration);
    this.#generation++;
    if (uniqueId === undefined) return disposer(() => this.detach(registration));
    const entry: UniqueIdEntry = { registration, counted, count: 1 };
    this.#uniqueIds.set(uniqueId, entry);
    return disposer(() => (counted ? this.#release(uniqueId, entry) : this.detach(registration)));
  }

  /**
   * Removes the first registration of handler `target` on exactly `pattern`, or the registration
   * of id `target.uniqueId` (one count of it, in counted mode).
   *
   * @returns True when a handler was removed.
   * @throws TypeError when `target` is neither a function nor `{ uniqueId }`.
   * @throws {@link EventRegistrationError} when the id was registered with the other mode or on
   *   another pattern.
   */
  remove(pattern: string, target: unknown): boolean {
    if (typeof target === "function") {
      const found = this.trie.find(pattern, (registration) => registration.handler === target);
      if (found !== undefined) this.detach(found);
      return found !== undefined;
    }
    const { uniqueId, uniqueIdUsesCount } = (target ?? {}) as Partial<UnregisterOptions>;
    if (typeof uniqueId !== "string") {
      throw new TypeError(
        `Cannot unregister from "${pattern}": expected a handler function or { uniqueId }, received ${render(target)}`,
      );
    }
    const entry = this.#uniqueIds.get(uniqueId);
    if (entry === undefined) return false;
    checkMode(uniqueId, entry, uniqueIdUsesCount === true);
    if (entry.registration.pattern !== pattern) {
      throw new EventRegistrationError(
        `Cannot unregister uniqueId "${uniqueId}" from "${pattern}": it is registered on "${entry.registration.pattern}"`,
      );
    }
    return this.#release(uniqueId, entry);
  }

  /** Removes `registration` (which this registry owns) and frees its id; idempotent. */
  detach(registration: Registration): void {
    if (!registration.active) return;
    registration.active = false;
    this.trie.remove(registration.pattern, registration);
    this.#generation++;
    const { uniqueId } = registration;
    if (uniqueId !== undefined && this.#uniqueIds.get(uniqueId)?.registration === registration) {
      this.#uniqueIds.delete(uniqueId);
    }
  }

  /** Takes one use off a uniqueId entry; true when that removed the handler. */
  #release(uniqueId: string, entry: UniqueIdEntry): boolean {
    // A disposer can outlive its entry: removed by unregister, then the id registered again.
    if (this.#uniqueIds.get(uniqueId) !== entry) return false;
    if (entry.counted && entry.count > 1) {
      entry.count--;
      return false;
    }
    this.detach(entry.registration);
    return true;
  }
}

function checkMode(uniqueId: string, entry: UniqueIdEntry, counted: boolean): void {
  if (entry.counted === counted) return;
  throw new EventRegistrationError(
    `uniqueId "${uniqueId}" is registered with uniqueIdUsesCount: ${entry.counted}, ` +
      `but was used with uniqueIdUsesCount: ${counted}; every use of one id must agree`,
  );
}

function disposer(action: () => unknown): Disposer {
  let done = false;
  const dispose = (): void => {
    if (done) return;
    done = true;
    action();
  };
  return Object.assign(dispose, { [Symbol.dispose]: dispose });
}

function render(value: unknown): string {
  if (value === null || value === undefined) return `${value}`;
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return `the ${typeof value} ${value}`;
  }
  if (typeof value === "symbol") return value.toString();
  return `${typeof value === "function" ? "a function" : "an object"} ${Object.prototype.toString.call(value)}`;
}

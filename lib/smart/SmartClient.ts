/**
 * The smart client of a session: the node pool, the timers that keep it current (discovery and
 * health checks), the statistics, and the hook that routes the session's S3 clients.
 *
 * @module
 */
import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import type { MiddlewareStack } from "@smithy/types";
import type { EventEmitter } from "../events/EventEmitter.js";
import { SessionClosedError } from "./errors.js";
import type { RotationChangeReason } from "./events.js";
import { listDataNodes, pingNode } from "./nodeChecks.js";
import { NodePool } from "./NodePool.js";
import { parseHost, type NodeAddress, type ResolvedSmartClientOptions } from "./options.js";
import { guardRetries, isRetryStrategyV2, ROUTING_MIDDLEWARE, routingMiddleware } from "./routing.js";
import type { SmartNode, SmartNodeStats } from "./SmartNode.js";

/** What {@link SmartClient.stats} returns. */
export interface SmartClientStats {
  /** Every node, group by group, in the order requests try them. */
  readonly nodes: readonly SmartNodeStats[];
  /** How many groups there are (1 with `hosts`). */
  readonly groups: number;
  /** Sums over the nodes. */
  readonly totals: { readonly requests: number; readonly errors: number; readonly inFlight: number };
  /** When the last discovery finished; `undefined` before the first or without discovery. */
  readonly lastDiscovery: Date | undefined;
  /** Whether the session was closed. */
  readonly closed: boolean;
}

/**
 * Client-side load balancing over the data nodes of an ObjectScale cluster, for one session: made
 * by `new Session({ smartClient: ... })` and read through {@link Session.smartClient}. Every S3
 * client of the session that uses the session's endpoint sends each attempt to the least-loaded
 * node in the rotation; see the [Smart client guide](../../docs/guides/smart-client.md).
 *
 * Timers (discovery, health checks) never keep the process alive, and stop with
 * {@link Session.close}.
 *
 * @example
 * ```ts
 * const session = new Session({ endpoint: "http://10.0.0.11:9020", forcePathStyle: true, smartClient: { discovery: "listDataNodes" } });
 * await session.smartClient!.discover();
 * for (const node of session.smartClient!.stats().nodes) console.log(node.address, node.inRotation, node.latency.p95Ms);
 * await session.close();
 * ```
 */
export class SmartClient {
  readonly #options: ResolvedSmartClientOptions;
  readonly #events: EventEmitter;
  readonly #sdkConfig: S3ClientConfig;
  readonly #pool: NodePool;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #stop = new AbortController();
  readonly #running = new Set<Promise<unknown>>();
  #checker: S3Client | undefined;
  #lastDiscovery: Date | undefined;
  #closing: Promise<void> | undefined;

  /** @internal Made by the session, which validated `options`. */
  constructor(options: ResolvedSmartClientOptions, events: EventEmitter, sdkConfig: S3ClientConfig) {
    this.#options = options;
    this.#events = events;
    this.#sdkConfig = sdkConfig;
    this.#pool = new NodePool(options.groups, options.failureBackoffMs, (node, up, reason, error) =>
      this.#announce(node, up, reason, error),
    );
    if (options.discovery !== false) this.#every(options.discoveryIntervalMs, () => this.discover());
    if (options.healthCheck) this.#every(options.healthCheckIntervalMs, () => this.checkHealth());
  }

  /** Whether {@link Session.close} was called. */
  get closed(): boolean {
    return this.#closing !== undefined;
  }

  /**
   * A snapshot of every node's state and statistics.
   *
   * @example
   * ```ts
   * const { nodes, totals } = session.smartClient!.stats();
   * const down = nodes.filter((n) => !n.inRotation).map((n) => n.address);
   * ```
   */
  stats(): SmartClientStats {
    const now = Date.now();
    const nodes = this.#pool.nodes().map((n) => n.stats(now));
    const totals = { requests: 0, errors: 0, inFlight: 0 };
    for (const n of nodes) {
      totals.requests += n.requests;
      totals.errors += n.errors;
      totals.inFlight += n.inFlight;
    }
    return { nodes, groups: this.#pool.groupCount, totals, lastDiscovery: this.#lastDiscovery, closed: this.closed };
  }

  /**
   * Checks every node now (`GET /?ping`), whatever `healthCheck` says; the timer runs it every
   * `healthCheckIntervalMs` anyway. Resolves when every check has finished; never rejects: results
   * are in {@link SmartClient.stats} and the node events.
   *
   * @example
   * ```ts
   * emu.maintenanceMode = true;
   * await session.smartClient!.checkHealth(); // the node leaves the rotation now
   * ```
   */
  async checkHealth(): Promise<void> {
    if (this.closed) return;
    const client = this.#client();
    await this.#track(
      Promise.all(
        this.#pool.nodes().map(async (node) => {
          const outcome = await pingNode(client, node.address, this.#options.healthCheckTimeoutMs, this.#stop.signal);
          if (!this.closed) this.#pool.checked(node, outcome);
        }),
      ),
    );
  }

  /**
   * Refreshes the nodes of every group now, through the `discovery` setting (without discovery,
   * nothing changes). A group keeps its nodes when discovery fails or finds none. Never rejects.
   *
   * @example
   * ```ts
   * await session.smartClient!.discover();
   * session.smartClient!.stats().nodes.map((n) => n.address); // ["10.0.0.11:9020", "10.0.0.12:9020", ...]
   * ```
   */
  async discover(): Promise<void> {
    const discovery = this.#options.discovery;
    if (this.closed || discovery === false) return;
    await this.#track(
      Promise.all(
        Array.from({ length: this.#pool.groupCount }, async (_, g) => {
          const found = await this.#discoverGroup(g, discovery).catch(() => [] as readonly string[]);
          const addresses = found
            .map((text) => parseHost(text, this.#options.endpoint.port))
            .filter((a): a is NodeAddress => a !== undefined);
          if (!this.closed) this.#pool.replaceGroup(g, dedupe(addresses));
        }),
      ),
    );
    this.#lastDiscovery = new Date();
  }

  /**
   * Adds the routing to an SDK client of the session: a middleware between retries and signing,
   * and a retry strategy that does not repeat unsafe requests.
   *
   * @throws {@link SessionClosedError} after {@link Session.close}.
   * @internal
   */
  attach(sdk: S3Client): void {
    if (this.closed) throw new SessionClosedError("a new client");
    (sdk.middlewareStack as unknown as MiddlewareStack<object, object>).addRelativeTo(
      routingMiddleware(this.#pool, this.#options.endpoint, (operation) =>
        this.closed ? new SessionClosedError(operation) : undefined,
      ),
      { relation: "before", toMiddleware: "httpSigningMiddleware", name: ROUTING_MIDDLEWARE, override: true },
    );
    // The SDK asks its config for the strategy on every call; wrap whatever it resolves to.
    const config = sdk.config as { retryStrategy: () => Promise<unknown> };
    const resolve = config.retryStrategy;
    const guarded = new WeakMap<object, unknown>();
    config.retryStrategy = async () => {
      const strategy = await resolve();
      if (!isRetryStrategyV2(strategy)) return strategy;
      let wrapped = guarded.get(strategy);
      if (wrapped === undefined) guarded.set(strategy, (wrapped = guardRetries(strategy)));
      return wrapped;
    };
  }

  /**
   * Stops discovery and health checks (cancelling those under way) and refuses later calls.
   * Idempotent.
   *
   * @internal Called by {@link Session.close}.
   */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      for (const timer of this.#timers) clearTimeout(timer);
      this.#timers.clear();
      this.#stop.abort();
      await Promise.allSettled(this.#running);
      // A handler or agent given in the options may be shared with the session's clients: leave it
      // open (checks send `Connection: close`, so they leave no idle sockets behind).
      if (ownsConnections(this.#sdkConfig.requestHandler)) this.#checker?.destroy();
    })();
    return this.#closing;
  }

  #client(): S3Client {
    if (this.#checker === undefined) {
      const { retryStrategy: _ignored, ...config } = this.#sdkConfig;
      this.#checker = new S3Client({ ...config, maxAttempts: 1 });
    }
    return this.#checker;
  }

  async #discoverGroup(g: number, discovery: Exclude<ResolvedSmartClientOptions["discovery"], false>): Promise<readonly string[]> {
    const nodes = this.#pool.group(g);
    if (typeof discovery === "function") {
      return discovery({ group: g, current: nodes.map((n) => n.address.address) });
    }
    // Ask the nodes in the rotation first, then the others.
    const now = Date.now();
    const order = [...nodes].sort((a, b) => Number(b.inRotation(now)) - Number(a.inRotation(now)));
    for (const node of order) {
      if (this.closed) break;
      try {
        const found = await listDataNodes(this.#client(), node.address, this.#options.healthCheckTimeoutMs, this.#stop.signal);
        if (found.length > 0) return found;
      } catch {
        // This node could not answer; the next one may.
      }
    }
    return [];
  }

  #every(intervalMs: number, task: () => Promise<void>): void {
    const run = (): void => {
      void task().finally(() => {
        if (this.closed) return;
        const timer = setTimeout(() => {
          this.#timers.delete(timer);
          run();
        }, intervalMs);
        timer.unref();
        this.#timers.add(timer);
      });
    };
    const first = setTimeout(() => {
      this.#timers.delete(first);
      run();
    }, 0);
    first.unref();
    this.#timers.add(first);
  }

  async #track<T>(work: Promise<T>): Promise<void> {
    this.#running.add(work);
    try {
      await work;
    } finally {
      this.#running.delete(work);
    }
  }

  #announce(node: SmartNode, up: boolean, reason: RotationChangeReason, error: unknown): void {
    const payload = { service: "s3" as const, node: node.stats(Date.now()), reason, ...(error !== undefined ? { error } : {}) };
    try {
      if (up) this.#events.emit("smart-client-node-up.s3", payload);
      else this.#events.emit("smart-client-node-down.s3", payload);
    } catch (handlerError) {
      // A handler's bug must not fail the request or the timer that noticed the change.
      process.emitWarning(
        `A smart-client-node-${up ? "up" : "down"} handler threw: ${String(handlerError)}`,
        { type: "SmartClientHandlerWarning", detail: (handlerError as Error)?.stack },
      );
    }
  }
}

/** Whether an SDK client made with this `requestHandler` setting has sockets of its own only. */
function ownsConnections(handler: unknown): boolean {
  if (handler === undefined) return true;
  if (typeof handler !== "object" || handler === null) return false;
  const h = handler as { handle?: unknown; httpAgent?: { destroy?: unknown }; httpsAgent?: { destroy?: unknown } };
  const shared = (agent: { destroy?: unknown } | undefined) => typeof agent?.destroy === "function";
  return typeof h.handle !== "function" && !shared(h.httpAgent) && !shared(h.httpsAgent);
}

function dedupe(addresses: readonly NodeAddress[]): NodeAddress[] {
  const seen = new Set<string>();
  return addresses.filter((a) => !seen.has(a.address) && (seen.add(a.address), true));
}

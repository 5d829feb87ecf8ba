/**
 * Several emulator nodes over one shared store: the data nodes of one ObjectScale site, on
 * loopback, for testing client-side load balancing and failover.
 *
 * @module
 */
import type { S3ClientConfig } from "@aws-sdk/client-s3";

import { describeBucket, type BucketDescription } from "./describeBucket.js";
import { EmulatorState } from "./EmulatorState.js";
import { HttpListener } from "./http/HttpListener.js";
import { RequestLog, type RecordedRequest } from "./http/RequestLog.js";
import { serveRequest } from "./http/serveRequest.js";
import type { ClientConfigOptions, EmulatorCredentials, ObjectScaleEmulatorOptions } from "./ObjectScaleEmulator.js";
import { clientConfigFor, resolveSettings } from "./settings.js";

/** Options of {@link ObjectScaleEmulator.startCluster}: the emulator's, per node count. */
export interface EmulatorClusterOptions extends Omit<ObjectScaleEmulatorOptions, "port" | "maintenanceMode"> {
  /** How many nodes. @default 3 */
  readonly nodes?: number;
  /** The nodes' ports on 127.0.0.1, in order. @default free ports */
  readonly ports?: readonly number[];
  /**
   * What `GET /?endpoint` lists. Real ObjectScale nodes share a port and differ by IP; these
   * differ by port, so they are listed as `127.0.0.1:PORT`.
   * @default the nodes' addresses
   */
  readonly dataNodes?: readonly string[];
}

/**
 * One node of an {@link EmulatorCluster}: its own port, maintenance flag, load (`LOAD_FACTOR`) and
 * request log, over the cluster's shared buckets and objects.
 *
 * @example
 * ```ts
 * const [a, b] = cluster.nodes;
 * b!.maintenanceMode = true; // its ?ping reports ON and its other requests get 503
 * await a!.stop();           // connections to it are refused until restart()
 * await a!.restart();
 * ```
 */
export class EmulatorNode {
  /** The node's position in {@link EmulatorCluster.nodes}. */
  readonly index: number;
  /** The TCP port it listens on (kept across restarts). */
  readonly port: number;
  readonly #state: EmulatorState;
  readonly #log: RequestLog;
  #listener: HttpListener | undefined;

  /** @internal */
  constructor(index: number, listener: HttpListener, state: EmulatorState, log: RequestLog) {
    this.index = index;
    this.port = listener.port;
    this.#listener = listener;
    this.#state = state;
    this.#log = log;
  }

  /** `http://127.0.0.1:PORT`. */
  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** `127.0.0.1:PORT`, as `GET /?endpoint` lists it and as a smart-client host. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Whether it is listening (not stopped). */
  get running(): boolean {
    return this.#listener !== undefined;
  }

  /** Whether `?ping` reports maintenance mode (and the node's other requests get 503). */
  get maintenanceMode(): boolean {
    return this.#state.maintenanceMode;
  }

  set maintenanceMode(on: boolean) {
    this.#state.maintenanceMode = on;
  }

  /** The requests this node served, oldest first (kept across restarts). A copy. */
  get requests(): readonly RecordedRequest[] {
    return this.#log.snapshot();
  }

  /** Forgets this node's recorded requests. */
  clearRequests(): void {
    this.#log.clear();
  }

  /**
   * Stops listening and cuts its open connections (requests under way fail with a reset); the
   * data stays with the cluster. Idempotent.
   */
  async stop(): Promise<void> {
    const listener = this.#listener;
    this.#listener = undefined;
    await listener?.close();
  }

  /**
   * Listens again on the same port. Idempotent.
   *
   * @throws Error when the port was taken meanwhile (`EADDRINUSE`).
   */
  async restart(): Promise<void> {
    if (this.#listener !== undefined) return;
    this.#listener = await listen(this.port, this.#state, this.#log);
  }
}

/**
 * Emulator nodes over one shared store, made by {@link ObjectScaleEmulator.startCluster}. Settings
 * (credentials, namespace, region, ...) are the same for every node.
 *
 * @example
 * ```ts
 * await using cluster = await ObjectScaleEmulator.startCluster({ nodes: 3 });
 * const s3 = new S3Client(cluster.clientConfig()); // node 0
 * await s3.send(new CreateBucketCommand({ Bucket: "logs" }));
 * cluster.nodes[2]!.maintenanceMode = true;
 * ```
 */
export class EmulatorCluster {
  /** The nodes, in order. */
  readonly nodes: readonly EmulatorNode[];
  readonly #shared: EmulatorState;
  #stopping: Promise<void> | undefined;

  private constructor(nodes: readonly EmulatorNode[], shared: EmulatorState) {
    this.nodes = nodes;
    this.#shared = shared;
  }

  /**
   * Starts the nodes. Prefer {@link ObjectScaleEmulator.startCluster}.
   *
   * @throws RangeError when `nodes` is not a positive integer or `ports` has another length.
   * @throws Error when a port cannot be bound.
   */
  static async start(options: EmulatorClusterOptions = {}): Promise<EmulatorCluster> {
    const count = options.nodes ?? options.ports?.length ?? 3;
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`nodes: expected a positive integer, got ${count}`);
    if (options.ports !== undefined && options.ports.length !== count) {
      throw new RangeError(`ports: expected ${count} ports, one per node, got ${options.ports.length}`);
    }
    const dataNodes: string[] = [...(options.dataNodes ?? [])];
    const settings = { ...resolveSettings(options), dataNodes };
    const clock = options.clock;
    const now = clock === undefined ? Date.now : () => Number(clock());
    const shared = new EmulatorState(settings, now, false);
    const nodes: EmulatorNode[] = [];
    try {
      for (let i = 0; i < count; i++) {
        const state = new EmulatorState(settings, now, false, shared);
        const log = new RequestLog(settings.maxRecordedRequests);
        nodes.push(new EmulatorNode(i, await listen(options.ports?.[i] ?? 0, state, log), state, log));
      }
    } catch (error) {
      await Promise.all(nodes.map((n) => n.stop()));
      shared.dispose();
      throw error;
    }
    if (options.dataNodes === undefined) dataNodes.push(...nodes.map((n) => n.address));
    return new EmulatorCluster(nodes, shared);
  }

  /** Node 0's endpoint, `http://127.0.0.1:PORT`. */
  get endpoint(): string {
    return this.nodes[0]!.endpoint;
  }

  /** Every node's `127.0.0.1:PORT`, in order: the smart client's `hosts`. */
  get addresses(): string[] {
    return this.nodes.map((n) => n.address);
  }

  /** The region to configure clients with. */
  get region(): string {
    return this.#shared.settings.region;
  }

  /** The keys of the emulator's user. */
  get credentials(): EmulatorCredentials {
    const { accessKeyId, secretAccessKey } = this.#shared.settings;
    return { accessKeyId, secretAccessKey };
  }

  /** The user's default namespace. */
  get namespace(): string {
    return this.#shared.settings.namespace;
  }

  /** Every node's requests, node after node. */
  get requests(): readonly RecordedRequest[] {
    return this.nodes.flatMap((n) => n.requests);
  }

  /** Forgets every node's recorded requests. */
  clearRequests(): void {
    for (const node of this.nodes) node.clearRequests();
  }

  /** Settings for `new S3Client(...)` against node 0; see {@link ObjectScaleEmulator.clientConfig}. */
  clientConfig(options: ClientConfigOptions = {}): S3ClientConfig {
    return clientConfigFor(this.nodes[0]!.port, this.#shared.settings, options);
  }

  /** A snapshot of a bucket of the shared store, or `undefined`; see {@link ObjectScaleEmulator.describeBucket}. */
  describeBucket(name: string, namespace = this.namespace): BucketDescription | undefined {
    const bucket = this.#shared.store.find(namespace, name);
    return bucket && describeBucket(bucket);
  }

  /** Deletes every bucket and object; nodes, settings and logs stay. */
  reset(): void {
    this.#shared.store.clear();
  }

  /** Stops every node, cancels background tasks and frees all data. Idempotent. */
  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      await Promise.all(this.nodes.map((n) => n.stop()));
      for (const node of this.nodes) node.clearRequests();
      this.#shared.dispose();
    })();
    return this.#stopping;
  }

  /** `await using cluster = await ObjectScaleEmulator.startCluster()` stops it at the end of the scope. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }
}

function listen(port: number, state: EmulatorState, log: RequestLog): Promise<HttpListener> {
  return HttpListener.open(port, (req, res) => void serveRequest(req, res, state, log));
}

/**
 * Everything a running emulator holds besides its socket: resolved settings, the bucket store, the
 * clock, the maintenance flag and the timers of background tasks (so that `stop()` can cancel them).
 *
 * @module
 */
import { createHash, randomBytes } from "node:crypto";

import { Store } from "./store/Store.js";

/** Settings after defaults were applied (see `ObjectScaleEmulatorOptions` for their meaning). */
export interface EmulatorSettings {
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly namespace: string;
  /** Namespaces recognised as a host label (`bucket.ns.localhost`). */
  readonly namespaces: ReadonlySet<string>;
  readonly baseDomains: readonly string[];
  readonly dataNodes: readonly string[];
  readonly versionInfo: string;
  readonly maxClockSkewMs: number;
  readonly minPartSize: number;
  readonly maxBodyBytes: number;
  readonly retentionPolicies: ReadonlyMap<string, number>;
  readonly encryptionLicensed: boolean;
  readonly emptyBucketStepMs: number;
  readonly emptyBucketEntriesPerStep: number;
  readonly requireContentMd5: boolean;
  readonly legacyQueryEndMarker: boolean;
  readonly maxRecordedRequests: number;
  readonly recordBodyBytes: number;
}

/**
 * The emulator's mutable world. The nodes of a cluster each have one, made with the cluster's own
 * state as `shared`: they serve its store and run its background tasks, and keep their own
 * maintenance flag and load.
 */
export class EmulatorState {
  readonly store: Store;
  maintenanceMode: boolean;
  /** Requests being handled right now (reported as the ping `LOAD_FACTOR`). */
  inFlight = 0;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #shared: EmulatorState | undefined;
  #stopped = false;

  constructor(
    readonly settings: EmulatorSettings,
    readonly clock: () => number,
    maintenanceMode: boolean,
    shared?: EmulatorState,
  ) {
    this.maintenanceMode = maintenanceMode;
    this.#shared = shared;
    this.store = shared?.store ?? new Store();
  }

  /** The server's current time, in epoch milliseconds. */
  now(): number {
    return this.clock();
  }

  /** A fresh opaque version id. */
  newVersionId(): string {
    return randomBytes(16).toString("base64url");
  }

  /** A fresh upload id. */
  newUploadId(): string {
    return randomBytes(24).toString("hex");
  }

  /** An ECS-looking internal object id (64 hex digits). */
  newObjectId(namespace: string, bucket: string, key: string): string {
    return createHash("sha256")
      .update(`${namespace}/${bucket}/${key}/${randomBytes(8).toString("hex")}`)
      .digest("hex");
  }

  /** Runs `task` after `delayMs` unless the emulator stops first. */
  schedule(task: () => void, delayMs: number): void {
    // A cluster's task outlives the node that started it, as a real cluster's would.
    if (this.#shared !== undefined) return this.#shared.schedule(task, delayMs);
    if (this.#stopped) return;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      task();
    }, delayMs);
    timer.unref();
    this.#timers.add(timer);
  }

  /** Cancels every scheduled task and drops all data (a node's state leaves the shared ones alone). */
  dispose(): void {
    if (this.#shared !== undefined) return;
    this.#stopped = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.store.clear();
  }
}

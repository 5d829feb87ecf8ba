/**
 * The nodes of every group and the choice of a node per request: the least-loaded node in the
 * rotation (fewest attempts in flight), ties broken round-robin, within the group a bucket is
 * pinned to.
 *
 * @module
 */
import type { RotationChangeReason } from "./events.js";
import type { NodeAddress } from "./options.js";
import { SmartNode, type HealthCheckResult } from "./SmartNode.js";

/** Told each time a node leaves or joins the rotation. */
export type RotationListener = (node: SmartNode, inRotation: boolean, reason: RotationChangeReason, error?: unknown) => void;

/** What a health check found. */
export interface CheckOutcome extends HealthCheckResult {
  readonly maintenanceMode?: boolean;
  readonly loadFactor?: number;
  readonly error?: unknown;
}

/** @internal */
export class NodePool {
  readonly #groups: SmartNode[][];
  #all: SmartNode[];
  /** Round-robin cursors: one per group, then one for "every node". */
  readonly #cursors: number[];
  readonly #backoffMs: number;
  readonly #listener: RotationListener;
  /** The earliest back-off end, so a request only looks for expired back-offs when one is due. */
  #nextExpiry = Number.POSITIVE_INFINITY;

  constructor(groups: readonly (readonly NodeAddress[])[], backoffMs: number, listener: RotationListener) {
    this.#groups = groups.map((addresses, g) => addresses.map((a) => new SmartNode(a, g)));
    this.#all = this.#groups.flat();
    this.#cursors = new Array<number>(groups.length + 1).fill(0);
    this.#backoffMs = backoffMs;
    this.#listener = listener;
  }

  get groupCount(): number {
    return this.#groups.length;
  }

  nodes(): readonly SmartNode[] {
    return this.#all;
  }

  group(g: number): readonly SmartNode[] {
    return this.#groups[g] ?? [];
  }

  /**
   * The node for the next attempt. A bucket stays in the group its name hashes to while any node of
   * that group is in the rotation, then moves to the next group in hash order; without a bucket,
   * every node is a candidate. With no candidate in the rotation, every candidate is tried anyway:
   * the smart client never refuses a request because of health.
   */
  choose(bucket: string | undefined): SmartNode {
    const now = Date.now();
    if (now >= this.#nextExpiry) this.#expireBackoffs(now);
    const count = this.#groups.length;
    if (bucket === undefined || count === 1) {
      return this.#pick(this.#all, count, now, true) ?? this.#pick(this.#all, count, now, false)!;
    }
    const home = hashBucket(bucket) % count;
    for (let i = 0; i < count; i++) {
      const g = (home + i) % count;
      const node = this.#pick(this.#groups[g]!, g, now, true);
      if (node !== undefined) return node;
    }
    return this.#pick(this.#groups[home]!, home, now, false)!;
  }

  /** A request to `node` failed because of the node: out of the rotation for the back-off. */
  failed(node: SmartNode, error: unknown): void {
    if (this.#backoffMs === 0) return;
    const until = Date.now() + this.#backoffMs;
    node.backoffUntil = until;
    if (until < this.#nextExpiry) this.#nextExpiry = until;
    this.#report(node, "request-failed", error);
  }

  /** Records a health check; a passing one ends any back-off. */
  checked(node: SmartNode, outcome: CheckOutcome): void {
    const { maintenanceMode, loadFactor, error, ...result } = outcome;
    node.lastCheck = result;
    node.maintenanceMode = maintenanceMode;
    node.loadFactor = loadFactor;
    node.healthy = outcome.ok;
    if (outcome.ok) node.backoffUntil = 0;
    const reason = outcome.ok ? "health-check-passed" : maintenanceMode === true ? "maintenance-mode" : "health-check-failed";
    this.#report(node, reason, error);
  }

  /** Replaces the nodes of group `g`, keeping the state of nodes that stay. */
  replaceGroup(g: number, addresses: readonly NodeAddress[]): void {
    const old = this.#groups[g];
    if (old === undefined || addresses.length === 0) return;
    const byAddress = new Map(old.map((n) => [n.address.address, n]));
    const next = addresses.map((a) => byAddress.get(a.address) ?? new SmartNode(a, g));
    const kept = new Set(next);
    this.#groups[g] = next;
    this.#all = this.#groups.flat();
    for (const node of old) {
      if (!kept.has(node) && node.reportedInRotation) {
        node.reportedInRotation = false;
        this.#listener(node, false, "removed");
      }
    }
    for (const node of next) if (!byAddress.has(node.address.address)) this.#listener(node, true, "added");
  }

  #pick(list: readonly SmartNode[], cursor: number, now: number, inRotationOnly: boolean): SmartNode | undefined {
    const n = list.length;
    const start = this.#cursors[cursor]! % n;
    let best: SmartNode | undefined;
    let bestIndex = 0;
    for (let k = 0; k < n; k++) {
      const i = (start + k) % n;
      const node = list[i]!;
      if (inRotationOnly && !node.inRotation(now)) continue;
      if (best === undefined || node.inFlight < best.inFlight) {
        best = node;
        bestIndex = i;
      }
    }
    if (best !== undefined) this.#cursors[cursor] = bestIndex + 1;
    return best;
  }

  #expireBackoffs(now: number): void {
    let next = Number.POSITIVE_INFINITY;
    for (const node of this.#all) {
      if (node.backoffUntil === 0) continue;
      if (node.backoffUntil <= now) {
        node.backoffUntil = 0;
        this.#report(node, "backoff-expired");
      } else if (node.backoffUntil < next) next = node.backoffUntil;
    }
    this.#nextExpiry = next;
  }

  #report(node: SmartNode, reason: RotationChangeReason, error?: unknown): void {
    const now = Date.now();
    const inRotation = node.inRotation(now);
    if (inRotation === node.reportedInRotation) return;
    node.reportedInRotation = inRotation;
    this.#listener(node, inRotation, reason, error);
  }
}

/**
 * FNV-1a (32 bit) of a bucket name: stable across processes and versions, so every client pins a
 * bucket to the same group.
 *
 * @internal
 */
export function hashBucket(bucket: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bucket.length; i++) {
    hash ^= bucket.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

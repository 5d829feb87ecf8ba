/**
 * One data node as the smart client sees it: where it is, whether it is in the rotation, and its
 * request statistics.
 *
 * @module
 */
import type { NodeAddress } from "./options.js";

/** The result of a node's last health check. */
export interface HealthCheckResult {
  /** When the check finished. */
  readonly at: Date;
  /** Whether the node passed: it answered, not with 5xx, and not in maintenance mode. */
  readonly ok: boolean;
  /** The HTTP status of the answer; absent when none came (timeout, connection error). */
  readonly statusCode?: number;
  /** Why the check failed, or `"maintenance mode"`. */
  readonly reason?: string;
  /** Milliseconds the check took. */
  readonly durationMs: number;
}

/**
 * A node's statistics and state, as {@link SmartClient.stats} reports them: a snapshot, not live.
 */
export interface SmartNodeStats {
  /** `host:port`, as in the options or the discovery answer. */
  readonly address: string;
  readonly hostname: string;
  /** `undefined` for the scheme's default port. */
  readonly port: number | undefined;
  /** The node's group (0 with `hosts`). */
  readonly group: number;
  /** Whether new requests may be sent to it: healthy and not backing off after a failure. */
  readonly inRotation: boolean;
  /** Whether its last health check passed (`true` before the first one). */
  readonly healthy: boolean;
  /** `ON`/`OFF` from its last `?ping`; `undefined` when the server does not report it. */
  readonly maintenanceMode: boolean | undefined;
  /** `LOAD_FACTOR` from its last `?ping`; `undefined` when unknown. */
  readonly loadFactor: number | undefined;
  /** Its last health check; `undefined` before the first. */
  readonly lastCheck: HealthCheckResult | undefined;
  /** Until when it stays out after a failed request; `undefined` when not backing off. */
  readonly backoffUntil: Date | undefined;
  /** Attempts sent to it that have finished (succeeded or failed). */
  readonly requests: number;
  /** Attempts that failed because of the node: connection errors, timeouts and 5xx answers. */
  readonly errors: number;
  /** Attempts under way now. */
  readonly inFlight: number;
  /** Latency of finished attempts in milliseconds: from just before signing to the parsed answer. */
  readonly latency: LatencyStats;
}

/** Latency figures of a node, in milliseconds; all 0 before its first finished attempt. */
export interface LatencyStats {
  /** Mean over every finished attempt. */
  readonly meanMs: number;
  /** Exponentially weighted moving average (weight 0.2 on the newest attempt). */
  readonly ewmaMs: number;
  /** 95th percentile of the last {@link LATENCY_WINDOW} attempts. */
  readonly p95Ms: number;
}

/** How many recent latencies a node keeps for its percentile. */
export const LATENCY_WINDOW = 256;

const EWMA_WEIGHT = 0.2;

/** @internal A node's mutable state. */
export class SmartNode {
  readonly address: NodeAddress;
  readonly group: number;
  inFlight = 0;
  requests = 0;
  errors = 0;
  healthy = true;
  maintenanceMode: boolean | undefined;
  loadFactor: number | undefined;
  lastCheck: HealthCheckResult | undefined;
  /** Epoch ms; 0 when not backing off. */
  backoffUntil = 0;
  /** What the last rotation event said, so each change is reported once. */
  reportedInRotation = true;

  #latencyTotal = 0;
  #ewma = 0;
  readonly #window = new Float64Array(LATENCY_WINDOW);
  #windowNext = 0;

  constructor(address: NodeAddress, group: number) {
    this.address = address;
    this.group = group;
  }

  inRotation(now: number): boolean {
    return this.healthy && this.backoffUntil <= now;
  }

  finished(latencyMs: number, nodeFailure: boolean): void {
    this.inFlight--;
    this.requests++;
    if (nodeFailure) this.errors++;
    this.#latencyTotal += latencyMs;
    this.#ewma = this.requests === 1 ? latencyMs : this.#ewma + EWMA_WEIGHT * (latencyMs - this.#ewma);
    this.#window[this.#windowNext++ % LATENCY_WINDOW] = latencyMs;
  }

  stats(now: number): SmartNodeStats {
    const count = Math.min(this.#windowNext, LATENCY_WINDOW);
    const recent = Array.from(this.#window.subarray(0, count)).sort((a, b) => a - b);
    const p95 = count === 0 ? 0 : recent[Math.max(0, Math.ceil(0.95 * count) - 1)]!;
    return {
      address: this.address.address,
      hostname: this.address.hostname,
      port: this.address.port,
      group: this.group,
      inRotation: this.inRotation(now),
      healthy: this.healthy,
      maintenanceMode: this.maintenanceMode,
      loadFactor: this.loadFactor,
      lastCheck: this.lastCheck,
      backoffUntil: this.backoffUntil > now ? new Date(this.backoffUntil) : undefined,
      requests: this.requests,
      errors: this.errors,
      inFlight: this.inFlight,
      latency: {
        meanMs: this.requests === 0 ? 0 : this.#latencyTotal / this.requests,
        ewmaMs: this.#ewma,
        p95Ms: p95,
      },
    };
  }
}

import type { EventEmitter } from "../events/EventEmitter.js";
import type { ServiceName } from "../client/events.js";
import type { TransferDirection, TransferProgress } from "./events.js";

/** What a transfer reports progress about. @internal */
export interface ProgressTarget {
  readonly service: ServiceName;
  readonly direction: TransferDirection;
  readonly bucket: string;
  readonly key: string;
}

/**
 * Adds up the bytes of one transfer and reports each change as a `transfer-progress` event and
 * to the caller's `onProgress`. Emits nothing when nobody listens.
 *
 * @internal
 */
export class Progress {
  total: number | undefined;

  readonly #events: EventEmitter;
  readonly #target: ProgressTarget;
  readonly #onProgress: ((progress: TransferProgress) => void) | undefined;
  readonly #eventName: `transfer-progress.${ServiceName}.${TransferDirection}`;
  readonly #started = performance.now();
  #bytes = 0;

  constructor(
    events: EventEmitter,
    target: ProgressTarget,
    total: number | undefined,
    onProgress: ((progress: TransferProgress) => void) | undefined,
  ) {
    this.#events = events;
    this.#target = target;
    this.total = total;
    this.#onProgress = onProgress;
    this.#eventName = `transfer-progress.${target.service}.${target.direction}`;
  }

  /** Bytes reported so far. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Reports `delta` more bytes (negative when a retried part rewinds). */
  add(delta: number): void {
    if (delta === 0) return;
    this.#bytes += delta;
    const listening = this.#events.hasHandlers(this.#eventName);
    if (!listening && this.#onProgress === undefined) return;
    const seconds = Math.max((performance.now() - this.#started) / 1000, 1e-6);
    const progress: TransferProgress = {
      ...this.#target,
      bytes: this.#bytes,
      delta,
      total: this.total,
      rate: this.#bytes / seconds,
    };
    if (listening) this.#events.emitDynamic(this.#eventName, { ...progress });
    this.#onProgress?.(progress);
  }
}

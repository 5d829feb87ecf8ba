/**
 * The event of managed transfers, declared into {@link EventMap} by declaration merging.
 *
 * | Event | Fires | Return value |
 * | --- | --- | --- |
 * | `transfer-progress.<service>.<direction>` | uploads: per 64 KiB handed to the connection; downloads: per chunk received; copies: per part copied | ignored |
 *
 * @module
 */
import type { ServiceName } from "../client/events.js";
import type { EventBase } from "../events/EventMap.js";

/** Which way a managed transfer moves data. */
export type TransferDirection = "upload" | "download" | "copy";

/**
 * Payload of `transfer-progress.<service>.<direction>` and what `onProgress` receives. Handlers
 * run synchronously on the transfer's own path: keep them cheap.
 *
 * @example
 * ```ts
 * session.events.register("transfer-progress.s3.upload", ({ key, bytes, total, rate }) => {
 *   console.log(`${key}: ${bytes}/${total ?? "?"} bytes, ${(rate / 2 ** 20).toFixed(1)} MiB/s`);
 * });
 * ```
 */
export interface TransferProgress {
  readonly service: ServiceName;
  readonly direction: TransferDirection;
  /** The bucket written to (the destination of a copy). */
  readonly bucket: string;
  readonly key: string;
  /** Bytes transferred so far. */
  readonly bytes: number;
  /**
   * The change since the last report: positive, or negative when a retried part rewinds what it
   * had already reported (as boto3's callbacks do).
   */
  readonly delta: number;
  /** The size of the object, when known (not for a stream of unknown length until it ends). */
  readonly total: number | undefined;
  /** Average bytes per second since the transfer started. */
  readonly rate: number;
}

/** Payload of `transfer-progress` as handlers receive it. */
export type TransferProgressEvent = TransferProgress & EventBase;

declare module "../events/EventMap.js" {
  interface EventMap {
    "transfer-progress": {
      segments: [ServiceName, TransferDirection];
      keys: ["service", "direction"];
      payload: TransferProgress;
      result: void;
      sync: true;
    };
  }
}

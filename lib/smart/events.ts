/**
 * The events of the smart client, declared into {@link EventMap} by declaration merging. They fire
 * on the session's emitter (`session.events`).
 *
 * | Event | Fires | Return value |
 * | --- | --- | --- |
 * | `smart-client-node-down.<service>` | a node leaves the rotation (failed request, failed health check, maintenance mode, removed by discovery) | ignored |
 * | `smart-client-node-up.<service>` | a node (re)joins the rotation (passed health check, back-off over, added by discovery) | ignored |
 *
 * @module
 */
import type { ServiceName } from "../client/events.js";
import type { EventBase } from "../events/EventMap.js";
import type { SmartNodeStats } from "./SmartNode.js";

/** Why a node left or joined the rotation. */
export type RotationChangeReason =
  /** A request to it failed with a connection error, a timeout or a 5xx answer (down). */
  | "request-failed"
  /** Its health check timed out, could not connect or got 5xx (down). */
  | "health-check-failed"
  /** Its `?ping` reported maintenance mode (down). */
  | "maintenance-mode"
  /** Its health check passed again (up). */
  | "health-check-passed"
  /** Its back-off after a failed request ended, with no failing check meanwhile (up). */
  | "backoff-expired"
  /** Discovery found it (up). */
  | "added"
  /** Discovery no longer lists it (down). */
  | "removed";

/**
 * Payload of `smart-client-node-down.<service>` and `smart-client-node-up.<service>`. Handlers run
 * synchronously on the request path or in a timer: keep them cheap. An exception thrown by a
 * handler does not reach the request; it is reported with `process.emitWarning`.
 *
 * @example
 * ```ts
 * session.events.register("smart-client-node-down.s3", ({ node, reason }) => {
 *   console.warn(`${node.address} left the rotation: ${reason}`);
 * });
 * ```
 */
export interface SmartClientNodeEvent {
  readonly service: ServiceName;
  /** The node's state and statistics right after the change. */
  readonly node: SmartNodeStats;
  readonly reason: RotationChangeReason;
  /** The error behind a `request-failed` or `health-check-failed` change. */
  readonly error?: unknown;
}

/** Payload of the smart-client events as handlers receive them. */
export type SmartClientNodeEventPayload = SmartClientNodeEvent & EventBase;

declare module "../events/EventMap.js" {
  interface EventMap {
    "smart-client-node-down": {
      segments: [ServiceName];
      keys: ["service"];
      payload: SmartClientNodeEvent;
      result: void;
      sync: true;
    };
    "smart-client-node-up": {
      segments: [ServiceName];
      keys: ["service"];
      payload: SmartClientNodeEvent;
      result: void;
      sync: true;
    };
  }
}

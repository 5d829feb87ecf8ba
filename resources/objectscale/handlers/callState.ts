/**
 * What the plugin's handlers pass from one event of a call to a later one, kept under one key of
 * `context.custom`.
 *
 * @module
 */
import type { RequestContext } from "../../../lib/client/events.js";

/** The plugin's per-call state. */
export interface ObjectScaleCallState {
  /** `x-emc-*` headers from the call's `ObjectScale` member, written before signing. */
  headers?: Record<string, string>;
  /** A namespace for this call only (`CreateBucket`'s `ObjectScale.namespace`). */
  namespace?: string;
  /** The call's bucket, for the namespace host label. */
  bucket?: string;
  /** Set once the host carries the namespace, so retries do not add it again. */
  hostRewritten?: boolean;
}

/** The key of the state in `context.custom`. */
export const CALL_STATE_KEY = "objectScale";

/**
 * The call's state, created on first use.
 *
 * @example
 * ```ts
 * callState(context).bucket = "logs";
 * ```
 */
export function callState(context: RequestContext): ObjectScaleCallState {
  let state = context.custom[CALL_STATE_KEY] as ObjectScaleCallState | undefined;
  if (state === undefined) context.custom[CALL_STATE_KEY] = state = {};
  return state;
}

/**
 * The call's state if a handler created it.
 *
 * @example
 * ```ts
 * existingCallState(context)?.headers;
 * ```
 */
export function existingCallState(context: RequestContext): ObjectScaleCallState | undefined {
  return context.custom[CALL_STATE_KEY] as ObjectScaleCallState | undefined;
}

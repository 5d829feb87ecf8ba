/**
 * Event kinds for the emitter's unit tests. One `string` segment accepts any number of segments
 * after the kind (a template literal `${string}` also matches dots), so tests can emit names of
 * any depth under a kind and still go through the typed API.
 */
import type { EventBase } from "../../../lib/events/EventMap.js";

/** What the unit tests' handlers receive: a log they append to. */
export interface TestPayload {
  log: string[];
}

declare module "../../../lib/events/EventMap.js" {
  interface EventMap {
    "test-sync": { segments: [string]; keys: []; payload: TestPayload; result: unknown; sync: true };
    "test-async": { segments: [string]; keys: []; payload: TestPayload; result: unknown; sync: false };
  }
}

/** A handler that appends `label` to the payload's log and returns `result`. */
export function logs(label: string, result?: unknown): (payload: EventBase & TestPayload) => unknown {
  return ({ log }) => {
    log.push(label);
    return result;
  };
}

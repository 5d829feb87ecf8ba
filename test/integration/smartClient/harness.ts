/**
 * Sessions with the smart client on an emulator cluster, and what the tests read back.
 */
import { Session, type SessionOptions } from "../../../lib/Session.js";
import type { SmartClientOptions } from "../../../lib/smart/options.js";
import type { SmartClientNodeEvent } from "../../../lib/smart/events.js";
import type { EmulatorCluster, EmulatorNode, RecordedRequest } from "../../../lib/testing/index.js";

/** A session on `cluster` (endpoint node 0, path style) with the smart client over every node. */
export function smartSession(
  cluster: EmulatorCluster,
  smart: SmartClientOptions = {},
  overrides: Partial<SessionOptions> = {},
): Session {
  return new Session({
    endpoint: cluster.endpoint,
    region: cluster.region,
    credentials: { ...cluster.credentials },
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    smartClient: { ...(smart.groups === undefined ? { hosts: cluster.addresses } : {}), healthCheck: false, ...smart },
    ...overrides,
  });
}

/** What a node served, health checks left out. */
export function served(node: EmulatorNode): RecordedRequest[] {
  return node.requests.filter((r) => r.operation !== "Ping");
}

/** Collects the session's node events, in order. */
export function nodeEvents(session: Session): Array<{ kind: "up" | "down" } & SmartClientNodeEvent> {
  const seen: Array<{ kind: "up" | "down" } & SmartClientNodeEvent> = [];
  session.events.register("smart-client-node-down.s3", (e) => void seen.push({ kind: "down", ...e }));
  session.events.register("smart-client-node-up.s3", (e) => void seen.push({ kind: "up", ...e }));
  return seen;
}

/** Runs `tasks` with at most `limit` under way; rejects with the first failure after all settle. */
export async function runPool<T>(count: number, limit: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const errors: unknown[] = [];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) {
        const i = next++;
        try {
          results[i] = await task(i);
        } catch (error) {
          errors.push(error);
        }
      }
    }),
  );
  if (errors.length > 0) throw new AggregateError(errors, `${errors.length} of ${count} operations failed`);
  return results;
}

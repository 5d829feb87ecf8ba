/**
 * Cost of one emit of the hierarchical emitter, next to Node's own `node:events` emitter as the
 * in-process baseline. Run with `node build/bench/events.bench.js`.
 *
 * Each case runs `BATCH` emits per timed round; rounds of all cases are interleaved so drift
 * (thermal, GC, JIT) hits every case alike, and the median round is reported.
 *
 * @module
 */
import { EventEmitter as NodeEventEmitter } from "node:events";
import { pathToFileURL } from "node:url";
import { EventEmitter } from "../lib/events/index.js";
import { median, printTable, type BenchRow } from "./report.js";

const WARMUP = 200_000;
const ROUNDS = 21;
const BATCH = 200_000;

const NAME = "before-call.s3.GetObject";

interface Case {
  readonly name: string;
  /** Which node:events case this one is compared with. */
  readonly baseline?: string;
  /** Runs `n` emits; returns something derived from them so they cannot be optimised away. */
  readonly run: (n: number) => number;
}

const NODE_NONE = "node:events emit, no listener";
const NODE_ONE = "node:events emit, 1 listener";

function cases(): Case[] {
  const payload = { service: "s3", operation: "GetObject" };
  const handler = (): undefined => undefined;
  // One harness for every case, node:events included, so its own cost is the same on both sides.
  const loop =
    (emit: () => unknown) =>
    (n: number): number => {
      let sink = 0;
      for (let i = 0; i < n; i++) if (emit() !== undefined) sink++;
      return sink;
    };

  const nodeNone = new NodeEventEmitter();
  const nodeOne = new NodeEventEmitter();
  nodeOne.on(NAME, handler);

  // Handlers on other names, so "no listener" resolves against a populated trie.
  const quiet = new EventEmitter();
  quiet.registerDynamic("after-call.s3", handler);
  quiet.registerDynamic("before-call.s3.PutObject", handler);
  const exact = new EventEmitter();
  exact.registerDynamic(NAME, handler);
  const wildcard = new EventEmitter();
  wildcard.registerDynamic("before-call.*.GetObject", handler);
  const session = new EventEmitter();
  session.registerDynamic(NAME, handler);
  const client = session.child();
  const quietClient = quiet.child();

  return [
    { name: NODE_NONE, run: loop(() => nodeNone.emit(NAME, payload)) },
    { name: NODE_ONE, run: loop(() => nodeOne.emit(NAME, payload)) },
    {
      name: "emit, no listener (cached)",
      baseline: NODE_NONE,
      run: loop(() => quiet.emitDynamic(NAME, payload)),
    },
    {
      name: "child emit, no listener (cached)",
      baseline: NODE_NONE,
      run: loop(() => quietClient.emitDynamic(NAME, payload)),
    },
    {
      name: "emit, 1 handler on the exact name",
      baseline: NODE_ONE,
      run: loop(() => exact.emitDynamic(NAME, payload)),
    },
    {
      name: "emit, 1 handler on before-call.*.GetObject",
      baseline: NODE_ONE,
      run: loop(() => wildcard.emitDynamic(NAME, payload)),
    },
    {
      name: "child (client) emit, 1 handler on the parent (session)",
      baseline: NODE_ONE,
      run: loop(() => client.emitDynamic(NAME, payload)),
    },
  ];
}

function timeBatch(c: Case): number {
  const start = process.hrtime.bigint();
  c.run(BATCH);
  return Number(process.hrtime.bigint() - start) / BATCH;
}

/**
 * Measures ns per emit for each case and compares it with the matching `node:events` case.
 *
 * @example
 * ```ts
 * printTable(await runEventsBench());
 * ```
 */
export async function runEventsBench(): Promise<BenchRow[]> {
  const all = cases();
  for (const c of all) c.run(WARMUP);
  const samples = all.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    all.forEach((c, i) => samples[i]!.push(timeBatch(c)));
    // Let pending timers and I/O run between rounds, as they would in a real process.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const medians = new Map(all.map((c, i) => [c.name, median(samples[i]!)]));
  return all.map((c) => {
    const value = medians.get(c.name)!;
    const base = c.baseline === undefined ? undefined : medians.get(c.baseline);
    return {
      name: c.name,
      value: Number(value.toFixed(1)),
      unit: "ns/op",
      baseline: c.baseline,
      ratio: base === undefined ? undefined : Number((value / base).toFixed(2)),
      method: `median of ${ROUNDS} interleaved rounds × ${BATCH / 1000}k emits, after ${WARMUP / 1000}k warm-up`,
    };
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printTable(await runEventsBench());
}

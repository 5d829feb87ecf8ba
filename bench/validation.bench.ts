/**
 * Cost of client-side validation per call: `validateParams` (compiled DTO plans) next to
 * class-validator's stock path (`plainToInstance` + `validateSync`) on the same DTOs and inputs.
 * Run with `node build/bench/validation.bench.js`.
 *
 * Each case runs a batch of calls per timed round; rounds of all cases are interleaved so drift
 * (thermal, GC, JIT) hits every case alike, and the median round is reported.
 *
 * @module
 */
import { pathToFileURL } from "node:url";
import { plainToInstance } from "class-transformer";
import { validateSync } from "class-validator";
import { getValidator, validateParams } from "../lib/validation/index.js";
import { median, printTable, type BenchRow } from "./report.js";

const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 15);

interface Case {
  readonly name: string;
  readonly operation: string;
  readonly params: object;
  /** Calls per timed round. */
  readonly batch: number;
}

function cases(): Case[] {
  const keys = Array.from({ length: 1000 }, (_, i) => ({
    Key: `logs/2024/06/${String(i).padStart(4, "0")}.json.gz`,
  }));
  return [
    {
      name: "HeadObject {Bucket, Key}",
      operation: "HeadObject",
      params: { Bucket: "my-bucket", Key: "path/to/object.txt" },
      batch: 20_000,
    },
    {
      name: "PutObject with Body, ContentType, 3 Metadata entries",
      operation: "PutObject",
      params: {
        Bucket: "my-bucket",
        Key: "path/to/object.txt",
        Body: Buffer.alloc(1024),
        ContentType: "text/plain",
        Metadata: { owner: "alice", project: "apollo", "content-sha256": "9f86d081884c7d65" },
      },
      batch: 10_000,
    },
    {
      name: "DeleteObjects with 1000 keys",
      operation: "DeleteObjects",
      params: { Bucket: "my-bucket", Delete: { Objects: keys, Quiet: true } },
      batch: 40,
    },
  ];
}

type Runner = (params: object) => number;

const compiled =
  (operation: string): Runner =>
  (params) => {
    validateParams(operation, params);
    return 0;
  };

/** class-validator's documented flow: build instances with class-transformer, then validate. */
const stock = (operation: string): Runner => {
  const dto = getValidator(operation)!;
  return (params) =>
    validateSync(plainToInstance(dto, params), { validationError: { target: false, value: false } }).length;
};

function round(run: Runner, params: object, n: number): number {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += run(params);
  const micros = Number(process.hrtime.bigint() - start) / 1e3 / n;
  if (sink !== 0) throw new Error("a benchmark input failed validation");
  return micros;
}

/**
 * Measures µs per call of `validateParams` and of the stock class-validator path, for a
 * HeadObject, a PutObject with metadata and a DeleteObjects of 1000 keys.
 *
 * @example
 * ```ts
 * printTable(await runValidationBench());
 * ```
 */
export async function runValidationBench(): Promise<BenchRow[]> {
  const variants = cases().flatMap((c) => [
    { ...c, label: `validateParams: ${c.name}`, run: compiled(c.operation), batch: c.batch },
    {
      ...c,
      label: `plainToInstance + validateSync: ${c.name}`,
      run: stock(c.operation),
      batch: Math.max(1, Math.ceil(c.batch / 10)),
    },
  ]);
  for (const v of variants) round(v.run, v.params, v.batch); // warm-up, and proves every input valid
  const samples = variants.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) {
    variants.forEach((v, i) => samples[i]!.push(round(v.run, v.params, v.batch)));
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Variants come in pairs: ours (even index), then the stock path it replaces as its baseline.
  return variants.map((v, i): BenchRow => {
    const value = median(samples[i]!);
    const stockPath = i % 2 === 0 ? variants[i + 1]! : undefined;
    const base = i % 2 === 0 ? median(samples[i + 1]!) : undefined;
    return {
      name: v.label,
      value: Number(value.toFixed(value < 10 ? 3 : 1)),
      unit: "µs/call",
      baseline: stockPath?.label,
      ratio: base === undefined ? undefined : Number((value / base).toPrecision(3)),
      method: `median of ${ROUNDS} interleaved rounds × ${v.batch} calls, after one warm-up round`,
      ...(base === undefined ? {} : { note: `${(base / value).toFixed(1)}× faster than the stock path` }),
    };
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printTable(await runValidationBench());
}

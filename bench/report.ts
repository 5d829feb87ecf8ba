/**
 * Shared shape and printing of benchmark results, so every bench reports the same way.
 *
 * @module
 */

/**
 * One measured quantity, compared with a baseline measured in the same run unless it is a
 * baseline itself (or a figure such as seeding time that has no counterpart).
 */
export interface BenchRow {
  /** What was measured, such as `emit, no listener`. */
  name: string;
  /** The measurement, usually a median over rounds. */
  value: number;
  /** The unit of `value`, such as `ns/op` or `µs/call`. */
  unit: string;
  /** The name of the row this one is compared with. */
  baseline?: string;
  /** `value` divided by the baseline's value. */
  ratio?: number;
  /** How it was measured: repetitions, the statistic (median, p90, ...), sizes. */
  method: string;
  /** Caveats or further comparisons worth reading next to the number. */
  note?: string;
}

/**
 * The rows as a markdown table.
 *
 * @example
 * ```ts
 * formatTable([{ name: "emit", value: 12.3, unit: "ns/op", method: "median of 21 rounds" }]);
 * // | Benchmark | Value | Unit | Baseline | Ratio | Method | Note |
 * // | --- | ---: | --- | --- | ---: | --- | --- |
 * // | emit | 12.3 | ns/op |  |  | median of 21 rounds |  |
 * ```
 */
export function formatTable(rows: readonly BenchRow[]): string {
  const cell = (text: string | number | undefined): string => String(text ?? "").replaceAll("|", "\\|");
  const lines = [
    "| Benchmark | Value | Unit | Baseline | Ratio | Method | Note |",
    "| --- | ---: | --- | --- | ---: | --- | --- |",
    ...rows.map(
      (row) =>
        `| ${[
          row.name,
          row.value,
          row.unit,
          row.baseline,
          row.ratio === undefined ? undefined : `${row.ratio}×`,
          row.method,
          row.note,
        ]
          .map(cell)
          .join(" | ")} |`,
    ),
  ];
  return lines.join("\n");
}

/**
 * Prints the rows as a markdown table on standard output.
 *
 * @example
 * ```ts
 * printTable(await runEventsBench());
 * ```
 */
export function printTable(rows: readonly BenchRow[]): void {
  console.log(formatTable(rows));
}

/**
 * The median of `values` (the mean of the two middle ones for an even count).
 *
 * @throws RangeError when `values` is empty.
 * @example
 * ```ts
 * median([3, 1, 2]); // 2
 * ```
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median() of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The `p`-th percentile of `values` by nearest rank (`p` from 0 to 100): the smallest value with at
 * least `p`% of the values at or below it.
 *
 * @throws RangeError when `values` is empty or `p` is outside 0–100.
 * @example
 * ```ts
 * percentile([5, 1, 4, 2, 3], 90); // 5
 * ```
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError("percentile() of no values");
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside 0-100`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One awaited call that a per-call benchmark repeats. */
export interface CallVariant {
  readonly name: string;
  readonly call: () => Promise<unknown>;
}

/** How {@link perCallRows} repeats the calls. */
export interface PerCallSettings {
  /** Interleaved rounds; each runs one batch of every variant. */
  readonly rounds: number;
  /** Sequential awaited calls per batch. */
  readonly batch: number;
  /** Calls of each variant before the first round, not timed. */
  readonly warmup: number;
}

/**
 * Times `variants` in interleaved batches of sequential awaited calls (so drift of the machine
 * hits every variant alike) and returns one µs/call row each: the median over the rounds, the
 * first variant being the baseline of the others, with the median of the per-round differences.
 *
 * @example
 * ```ts
 * printTable(await perCallRows([{ name: "raw", call: () => raw.send(cmd) }, { name: "ours", call: () => ours.headObject(input) }], { rounds: 20, batch: 500, warmup: 1000 }));
 * ```
 */
export async function perCallRows(
  variants: readonly CallVariant[],
  { rounds, batch, warmup }: PerCallSettings,
): Promise<BenchRow[]> {
  const timeBatch = async (v: CallVariant, n: number): Promise<number> => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await v.call();
    return Number(process.hrtime.bigint() - t0) / 1e3 / n;
  };
  for (const v of variants) await timeBatch(v, warmup);
  const samples = variants.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < variants.length; i++) samples[i]!.push(await timeBatch(variants[i]!, batch));
  }
  const base = median(samples[0]!);
  return variants.map((v, i): BenchRow => {
    const us = median(samples[i]!);
    const paired = median(samples[i]!.map((x, r) => x - samples[0]![r]!));
    return {
      name: v.name,
      value: Number(us.toFixed(1)),
      unit: "µs/call",
      ...(i === 0 ? {} : { baseline: variants[0]!.name, ratio: Number((us / base).toFixed(3)) }),
      method: `median of ${rounds} interleaved rounds × ${batch} sequential awaited calls, after ${warmup} warm-up; stub transport, no network`,
      ...(i === 0 ? {} : { note: `median paired Δ per round ${paired.toFixed(1)} µs` }),
    };
  });
}

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

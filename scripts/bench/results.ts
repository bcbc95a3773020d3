// Benchmark figures: percentiles, one row per figure with its target, and the printed table.
//
// Interface:
//   percentile(sortedOrNot, p)               nearest-rank percentile (p in 0..100)
//   row(name, value, unit, target?)          { name, value, unit, target, ok }
//   printTable(rows)                         aligned text table on stdout

export interface Target {
  /** "<=" the value must not exceed; ">=" it must reach. */
  op: "<=" | ">=";
  limit: number;
}

export interface BenchRow {
  name: string;
  value: number | null;
  unit: string;
  /** "<= 50" and the like; null for figures given for information. */
  target: string | null;
  /** Whether the target was met; null when there is no target. A missing value fails. */
  ok: boolean | null;
}

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function round(value: number | null, digits = 1): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function row(name: string, value: number | null, unit: string, target?: Target): BenchRow {
  if (!target) return { name, value, unit, target: null, ok: null };
  const ok = value !== null && (target.op === "<=" ? value <= target.limit : value >= target.limit);
  return { name, value, unit, target: `${target.op} ${target.limit}`, ok };
}

export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [
    r.name,
    r.value === null ? "-" : r.value.toLocaleString("en-GB", { maximumFractionDigits: 2 }),
    r.unit,
    r.target ?? "",
    r.ok === null ? "" : r.ok ? "ok" : "FAIL",
  ]);
  const header = ["benchmark", "value", "unit", "target", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c.map((text, i) => (i === 1 ? text.padStart(widths[i]) : text.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

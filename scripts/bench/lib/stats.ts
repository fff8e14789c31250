/** Small statistics and formatting helpers shared by the benchmark scripts. */

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** How many values were summarized. */
  n: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarize(values: readonly number[]): Summary {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return {median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0};
  return {median: median(finite), min: Math.min(...finite), max: Math.max(...finite), n: finite.length};
}

/** "1.23 s" for milliseconds. */
export function formatSeconds(ms: number): string {
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a';
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${Math.round(ms)} ms`;
}

/** Kilobytes (1 KB = 1000 bytes) with one decimal. */
export function formatKB(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(1)} KB` : 'n/a';
}

/** Megabytes (1 MB = 10^6 bytes), no decimals. */
export function formatMB(bytes: number): string {
  return Number.isFinite(bytes) ? `${Math.round(bytes / 1e6)} MB` : 'n/a';
}

export function formatRatio(ours: number, plain: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(plain) || plain === 0) return 'n/a';
  return `${(ours / plain).toFixed(2)}x`;
}

/** "median (min–max)", or just the median when all values are equal. */
export function formatSummary(summary: Summary, format: (value: number) => string): string {
  if (summary.n === 0) return 'n/a';
  if (summary.min === summary.max) return format(summary.median);
  return `${format(summary.median)} (${format(summary.min)}–${format(summary.max)})`;
}

/** Renders rows as a plain-text table with left-aligned columns. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

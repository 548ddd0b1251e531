/** Medians, percentiles and formatting shared by the benchmarks. */

export interface Stats {
  median: number;
  p95: number;
  n: number;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
  // The median of an even count is the mean of the two middle samples.
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median: sorted.length ? median : NaN, p95: at(0.95), n: sorted.length };
}

export const ms = (value: number, digits = 2): string =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';

export const ratio = (ours: number, base: number): string =>
  base > 0 && Number.isFinite(ours) ? `${(ours / base).toFixed(2)}x` : 'n/a';

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** A Markdown table; the first row is the header. */
export function table(rows: readonly (readonly string[])[]): string {
  const [head, ...body] = rows;
  if (!head) return '';
  const line = (row: readonly string[]) => `| ${row.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
}

/** The same table as aligned plain text for the console. */
export function printTable(title: string, rows: readonly (readonly string[])[]): void {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  console.log(`\n${title}`);
  for (const row of rows) {
    console.log(
      '  ' +
        row
          .map((cell, col) => (col ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!)))
          .join('  '),
    );
  }
}

export const sleep = (msToWait: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, msToWait));

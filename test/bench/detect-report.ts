/**
 * The detection parts of BENCHMARKS.md: the whole detection's cost beside the tool's own
 * generations (detect-cost.ts), and the latency figures of the previous BENCHMARKS.md, read back
 * so this run's stand beside them.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { BenchResult } from './extract.bench.ts';
import { ms, table } from './stats.ts';

/** Detection with the generic reader: the content script's target, in Chromium. */
export const DETECTION_COST_TARGET_MS = 2;
/** From the DOM change to the sidebar listing the people: within a few frames. */
export const DETECTION_LATENCY_TARGET_MS = 50;

export interface PreviousRun {
  /** When the previous BENCHMARKS.md was written, as it says. */
  writtenAt: string;
  /** Its detection latency rows: the row's first cell → its "median (p95)" cell. */
  latency: Map<string, string>;
}

/** The detection latency of the BENCHMARKS.md at `file`, if it has one. */
export function previousRun(file: string): PreviousRun | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const writtenAt = text.match(/Written by `npm run bench` on (\S+)/)?.[1];
  const section = text.split(/^## /m).find((part) => part.startsWith('Detection latency'));
  if (!writtenAt || !section) return undefined;
  const latency = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.length >= 2 && /^\d/.test(cells[1]!)) latency.set(cells[0]!, cells[1]!);
  }
  return latency.size ? { writtenAt, latency } : undefined;
}

/** The row of the whole detection on the page only the generic reader reads. */
export const withGenericReader = (results: readonly BenchResult[]) =>
  results.find((r) => r.name.startsWith('people only') && r.name.includes('detectConversation'));

export function detectionCostSection(results: readonly BenchResult[]): string[] {
  return [
    '## Detection cost',
    '',
    "What the content script runs on every read, `detectConversation` (test/bench/detect-cost.ts, lib/adapters bundled by esbuild), in headless Chromium on pages of about 6,000 elements, beside the tool's own markup generations alone on the same page in the same run. First a page whose people only the generic reader finds (Gmail's generic-thread fixture with a 164-message thread and a 120-row inbox beside it): the generations find the conversation and nobody, then the generic reader reads the conversation's container. Then the Gmail-sized long thread, where the generations find the people and the generic reader does not run.",
    '',
    table([
      ['page: what runs', 'median', 'p95', 'elements'],
      ...results.map((r) => [r.name, ms(r.median, 3), ms(r.p95, 3), String(r.nodes)]),
    ]),
    '',
  ];
}

/** The latency table's extra column: the same row in the previous run, if it had it. */
export function previousCell(previous: PreviousRun | undefined, row: string): string {
  return previous?.latency.get(row) ?? 'n/a';
}

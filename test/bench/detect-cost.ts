/**
 * What the whole detection costs on a page of about 6,000 elements, in headless Chromium, as the
 * content script runs it (`detectConversation`, bundled from lib/adapters by esbuild):
 * - on a page whose people only the generic reader finds (Gmail's generic-thread fixture, its
 *   thread lengthened and an inbox of 120 rows added beside it): the tool's own generations
 *   alone (they find the conversation and nobody), beside the whole detection (generations, then
 *   the generic reader inside the conversation's container);
 * - on the Gmail-sized long thread (extract.bench.ts), where the tool's generations find the
 *   people and the generic reader never runs: the generations alone, beside the whole detection.
 * Each sample times a batch after a change inside the thread, so nothing is answered from a cache.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Adapter } from '../../lib/adapters/types';
import type { Conversation } from '../../lib/model';
import { EXECUTABLES } from '../e2e/paths';
import { gmailSizedPage, inboxRow, type BenchResult } from './extract.bench';

const HERE = dirname(fileURLToPath(import.meta.url));
const GENERIC_FIXTURE = join(HERE, '..', 'fixtures', 'gmail', 'generic-thread.html');
const ADAPTERS_ENTRY = join(HERE, '..', '..', 'lib', 'adapters', 'index.ts');
const GENERIC_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKmPwLbRtVnZsHqCdJkFgTyUx';
const LONG_URL = 'https://mail.google.com/mail/u/0/?ogbl#inbox/FMfcgzQXJWZkHhHlqzRnKbKNdpnGtrXs';
/** The pages are built to have at least this many elements. */
const MIN_ELEMENTS = 5_800;
const INBOX_ROWS = 120;
/** Copies of the generic thread's four messages (a 164-message thread: the container is large). */
const THREAD_COPIES = 40;
const WARMUP = 30;
const ITERATIONS = 300;
/** Chromium coarsens `performance.now()` to 0.1 ms, so each sample times a batch. */
const BATCH = 10;

/** generic-thread.html at Gmail's size: a long thread, and an inbox list beside it. */
export function genericSizedPage(): string {
  const html = readFileSync(GENERIC_FIXTURE, 'utf8');
  const items = html.match(/<article class="x9f-item">[\s\S]*?<\/article>/g);
  if (!items?.length) throw new Error('generic-thread.html: no messages found');
  const messages = items.join('\n');
  const thread = Array.from({ length: THREAD_COPIES }, () => messages).join('\n');
  const rows = Array.from({ length: INBOX_ROWS }, (_, i) => inboxRow(i)).join('\n');
  const inbox = `<div class="ae4" hidden><table class="F cf zt" role="grid"><tbody>\n${rows}\n</tbody></table></div>`;
  return html
    .replace(items[0]!, `${thread}\n${items[0]}`)
    .replace('<div role="main">', `${inbox}\n<div role="main">`);
}

type Task = 'generations' | 'detect';
type Bundle = {
  ADAPTERS: readonly Adapter[];
  detectConversation(document: Document, url: URL): Conversation | null;
};

export async function benchDetectionCost(): Promise<BenchResult[]> {
  if (!existsSync(EXECUTABLES.chromium)) return [];
  const [{ chromium }, { build }] = await Promise.all([
    import('playwright-core'),
    import('esbuild'),
  ]);
  const bundle = await build({
    entryPoints: [ADAPTERS_ENTRY],
    bundle: true,
    format: 'iife',
    globalName: 'insideOutAdapters',
    write: false,
    logLevel: 'silent',
  });
  const browser = await chromium.launch({
    executablePath: EXECUTABLES.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const results: BenchResult[] = [];
  try {
    for (const [label, html, href] of [
      ['people only the generic reader finds', genericSizedPage(), GENERIC_URL],
      ["people the tool's generations find", gmailSizedPage(), LONG_URL],
    ] as const) {
      const page = await browser.newPage();
      await page.setContent(html);
      await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
      // tsx compiles with esbuild's keepNames, which wraps functions sent to the page in `__name`.
      await page.addScriptTag({ content: 'globalThis.__name = (f) => f;' });
      const measure = (task: Task) =>
        page.evaluate(
          ({ task, href, warmup, iterations, batch }) => {
            const { ADAPTERS, detectConversation } = (
              globalThis as unknown as { insideOutAdapters: Bundle }
            ).insideOutAdapters;
            const gmail = ADAPTERS.find((a) => a.tool === 'gmail')!;
            const url = new URL(href);
            const marker = document.querySelector('[role="main"]');
            const run = () =>
              task === 'detect' ? detectConversation(document, url) : gmail.extract(document, url);
            const found = run();
            const samples: number[] = [];
            for (let i = 0; i < warmup + iterations; i++) {
              const start = performance.now();
              for (let j = 0; j < batch; j++) {
                marker?.setAttribute('data-bench-tick', String(i * batch + j));
                run();
              }
              if (i >= warmup) samples.push((performance.now() - start) / batch);
            }
            return {
              samples,
              nodes: document.querySelectorAll('*').length,
              people: found?.participants.length ?? -1,
            };
          },
          { task, href, warmup: WARMUP, iterations: ITERATIONS, batch: BATCH },
        );
      const generations = await measure('generations');
      const detect = await measure('detect');
      if (generations.nodes < MIN_ELEMENTS) {
        throw new Error(`${label}: ${generations.nodes} elements, not ${MIN_ELEMENTS}+`);
      }
      // The comparison is only what it says if each reading finds what the page shows.
      if (detect.people < 1) throw new Error(`${label}: the detection found nobody`);
      results.push(
        {
          name: `${label}: tool's generations only (${generations.people} people)`,
          ...summary(generations.samples),
          nodes: generations.nodes,
        },
        {
          name: `${label}: detectConversation, the whole detection (${detect.people} people)`,
          ...summary(detect.samples),
          nodes: detect.nodes,
        },
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

function summary(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: round(at(0.5)), p95: round(at(0.95)) };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

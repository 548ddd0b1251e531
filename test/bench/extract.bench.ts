/**
 * Extraction time on a Gmail-sized page: the long-thread fixture padded with a realistic inbox
 * list (hidden behind the open thread, as Gmail keeps it) and a thread of many messages, for
 * 5,000+ elements. The Gmail adapter runs many times, each after a small change to the page (as
 * when the content script's observer fires), beside a bare `querySelectorAll('*').length` over the
 * same page in the same run. Measured in headless Chromium (what the 2 ms target is about; the
 * row is left out where `/usr/bin/chromium` or `IO_CHROMIUM` is missing) and in the two DOM
 * emulators, whose selector engines are many times slower than a browser's.
 *
 * `benchExtraction()` is for the `npm run bench` runner; run directly, it prints a table:
 *   npx tsx test/bench/extract.bench.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { gmail } from '../../lib/adapters/gmail';
import type { Adapter } from '../../lib/adapters/types';
import { EXECUTABLES } from '../e2e/paths';

export type BenchResult = { name: string; median: number; p95: number; nodes: number };

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(HERE, '..', 'fixtures', 'gmail', 'thread-long.html');
const GMAIL_ADAPTER = join(HERE, '..', '..', 'lib', 'adapters', 'gmail.ts');
const URL_OF_PAGE = new URL(
  'https://mail.google.com/mail/u/0/?ogbl#inbox/FMfcgzQXJWZkHhHlqzRnKbKNdpnGtrXs',
);
/** The page is built to have at least this many elements. */
const MIN_ELEMENTS = 5_000;
const INBOX_ROWS = 100;
/** Copies of the fixture's thread messages: its 6 become 6 × (1 + copies). */
const THREAD_COPIES = 7;
const WARMUP = 30;
const ITERATIONS = 300;
/** Chromium coarsens `performance.now()` to 0.1 ms, so each browser sample times a batch. */
const BATCH = 10;

const PEOPLE = [
  ['Taylor Nguyen', 'taylor.nguyen@umbrella.example'],
  ['Dana Kim', 'dana.kim@globex.example'],
  ['Billing', 'billing@initech.example'],
  ['GitHub', 'notifications@github.example'],
  ['Priya Shah', 'priya.shah@acme.example'],
  ['Jordan Blake', 'jordan.blake88@gmail.com'],
] as const;

/** One inbox row as Gmail draws it: checkbox, star, importance, sender, subject, snippet, date. */
export function inboxRow(i: number): string {
  const [name, email] = PEOPLE[i % PEOPLE.length]!;
  const id = (0x18c5ff0000000000n + BigInt(i)).toString(16);
  return `<tr class="zA ${i % 3 ? 'yO' : 'zE'}" role="row" tabindex="-1" jscontroller="ZdOxDb" id=":r${i}">
  <td class="PF xY"></td>
  <td class="oZ-x3 xY" role="gridcell"><div class="oZ-jc T-Jo J-J5-Ji" role="checkbox" aria-checked="false" tabindex="-1"><div class="T-Jo-auh"></div></div></td>
  <td class="apU xY" role="gridcell"><span class="aXw T-KT" role="button" aria-label="Not starred" title="Not starred"><img class="T-KT-JX" src="data:," alt=""></span></td>
  <td class="WA xY" role="gridcell"><div class="pG" role="switch" aria-label="Not important"><div class="T-ays-a45"><span class="aol">Click to teach Gmail this conversation is important.</span></div><div class="pH-A7 a9q"></div></div></td>
  <td class="yX xY" role="gridcell"><div class="afn"><span class="bA4"><span class="zF" email="${email}" name="${name}" data-hovercard-id="${email}">${name}</span></span></div><div class="yW"><span class="bA4"><span class="yP" email="${email}" name="${name}">${name.split(' ')[0]}</span></span></div></td>
  <td class="xY a4W" role="gridcell"><div class="a4X"><div class="xS" role="link"><div class="xT"><div class="y6"><span class="bog"><span data-thread-id="#thread-f:${1785100000000000000n + BigInt(i)}" data-legacy-thread-id="${id}">Update ${i}: quarterly figures</span></span></div><span class="y2"> - <span class="Zt">&nbsp;</span>Here are the numbers we discussed for the next review, with the notes from finance…</span></div></div></div></td>
  <td class="yf xY" role="gridcell"><div class="brd"><span class="brg" title="report-${i}.pdf"><img class="yE" src="data:," alt="Attachment"></span></div></td>
  <td class="xW xY" role="gridcell"><span title="Nov ${(i % 28) + 1}, 2024, 9:${String(i % 60).padStart(2, '0')} AM" aria-label="Nov ${(i % 28) + 1}">Nov ${(i % 28) + 1}</span></td>
  <td class="bq4 xY" role="gridcell"><ul class="bqY" role="toolbar"><li class="bqX brq" data-tooltip="Archive"></li><li class="bqX bru" data-tooltip="Delete"></li><li class="bqX brr" data-tooltip="Mark as unread"></li><li class="bqX bq9" data-tooltip="Snooze"></li></ul></td>
</tr>`;
}

/**
 * The fixture padded to a Gmail-sized page: its hidden inbox list filled with rows, and its
 * thread lengthened with copies of its messages (same people, new message ids).
 */
export function gmailSizedPage(): string {
  const html = readFileSync(FIXTURE, 'utf8');
  const rows = Array.from({ length: INBOX_ROWS }, (_, i) => inboxRow(i)).join('\n');
  const withInbox = html.replace(/(<table class="F cf zt" role="grid">\s*<tbody>)/, `$1\n${rows}`);
  const list = withInbox.match(/<div role="list">([\s\S]*?)\n {10}<\/div>\n/);
  if (!list?.[1]) throw new Error('thread-long.html: no message list found');
  const messages = list[1];
  const copies = Array.from({ length: THREAD_COPIES }, (_, copy) =>
    messages.replace(/(data-(?:legacy-)?message-id="[^"]*)"/g, `$1-${copy}"`),
  ).join('\n');
  return withInbox.replace(list[0], `<div role="list">${copies}\n${messages}\n          </div>\n`);
}

type Page = { document: Document; close(): void };

function happyDomPage(html: string): Page {
  const window = new Window({
    url: URL_OF_PAGE.href,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  return { document: document as unknown as Document, close: () => void window.happyDOM.close() };
}

function linkedomPage(html: string): Page {
  return { document: parseHTML(html).document as unknown as Document, close: () => {} };
}

/**
 * Times `run` over the page, each time just after a change inside the thread (outside the
 * timing), so no DOM implementation can answer from a cache a real page would have dropped.
 */
function time(document: Document, run: () => unknown): { median: number; p95: number } {
  const marker = document.querySelector('[role="main"]');
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    marker?.setAttribute('data-bench-tick', String(i));
    const start = performance.now();
    run();
    const elapsed = performance.now() - start;
    if (i >= WARMUP) samples.push(elapsed);
  }
  return summary(samples);
}

function summary(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: round(at(0.5)), p95: round(at(0.95)) };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** The same measurement inside headless Chromium, with the adapter bundled by esbuild. */
async function inChromium(html: string): Promise<BenchResult[]> {
  if (!existsSync(EXECUTABLES.chromium)) return [];
  const [{ chromium }, { build }] = await Promise.all([
    import('playwright-core'),
    import('esbuild'),
  ]);
  const bundle = await build({
    entryPoints: [GMAIL_ADAPTER],
    bundle: true,
    format: 'iife',
    globalName: 'insideOutGmail',
    write: false,
    logLevel: 'silent',
  });
  const browser = await chromium.launch({
    executablePath: EXECUTABLES.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    // tsx compiles with esbuild's keepNames, which wraps functions sent to the page in `__name`.
    await page.addScriptTag({ content: 'globalThis.__name = (f) => f;' });
    const measure = (task: 'extract' | 'baseline') =>
      page.evaluate(
        ({ task, href, warmup, iterations, batch }) => {
          const { gmail } = (globalThis as unknown as { insideOutGmail: { gmail: Adapter } })
            .insideOutGmail;
          const url = new URL(href);
          const marker = document.querySelector('[role="main"]');
          const run = () =>
            task === 'extract'
              ? gmail.extract(document, url)
              : document.querySelectorAll('*').length;
          const samples: number[] = [];
          for (let i = 0; i < warmup + iterations; i++) {
            const start = performance.now();
            for (let j = 0; j < batch; j++) {
              marker?.setAttribute('data-bench-tick', String(i * batch + j));
              run();
            }
            if (i >= warmup) samples.push((performance.now() - start) / batch);
          }
          return { samples, nodes: document.querySelectorAll('*').length };
        },
        { task, href: URL_OF_PAGE.href, warmup: WARMUP, iterations: ITERATIONS, batch: BATCH },
      );
    const results: BenchResult[] = [];
    for (const [name, task] of [
      ['gmail extract (chromium)', 'extract'],
      ["querySelectorAll('*').length baseline (chromium)", 'baseline'],
    ] as const) {
      const { samples, nodes } = await measure(task);
      results.push({ name, ...summary(samples), nodes });
    }
    return results;
  } finally {
    await browser.close();
  }
}

export async function benchExtraction(): Promise<BenchResult[]> {
  const html = gmailSizedPage();
  const results: BenchResult[] = await inChromium(html);
  for (const [dom, open] of [
    ['happy-dom', happyDomPage],
    ['linkedom', linkedomPage],
  ] as const) {
    const page = open(html);
    const { document } = page;
    const nodes = document.querySelectorAll('*').length;
    if (nodes < MIN_ELEMENTS)
      throw new Error(`the page has ${nodes} elements, not ${MIN_ELEMENTS}+`);
    const found = gmail.extract(document, URL_OF_PAGE);
    if (!found?.participants.length) throw new Error(`${dom}: the Gmail adapter read nothing`);
    results.push({
      name: `gmail extract (${dom})`,
      ...time(document, () => gmail.extract(document, URL_OF_PAGE)),
      nodes,
    });
    results.push({
      name: `querySelectorAll('*').length baseline (${dom})`,
      ...time(document, () => document.querySelectorAll('*').length),
      nodes,
    });
    page.close();
  }
  return results;
}

function printTable(results: BenchResult[]): void {
  const rows = [
    ['benchmark', 'median ms', 'p95 ms', 'elements'],
    ...results.map((r) => [r.name, r.median.toFixed(3), r.p95.toFixed(3), String(r.nodes)]),
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  for (const row of rows) {
    console.log(
      row
        .map((cell, col) => (col ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!)))
        .join('  '),
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printTable(await benchExtraction());
}

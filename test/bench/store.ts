/**
 * The store and the popup, in the extension's own page, at 10,000, 100,000 and 1,000,000 logged
 * interactions. The log grows between sizes by bulk plain-IndexedDB writes of older history,
 * so the current week (and so the work the week's summary should do) stays the same size.
 */
import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from '../e2e/launch.ts';
import { BLANK_PAGE, STORE_PAGE } from './env.ts';
import type { IoTimes } from './store-page.ts';
import { sleep, stats, type Stats } from './stats.ts';

export const SCALES = [10_000, 100_000, 1_000_000] as const;

/**
 * The sizes this run measures: all of SCALES, or those listed in IO_BENCH_SCALES (comma
 * separated, e.g. `100000`), to time one size without seeding the others.
 */
export function scalesAsked(env = process.env.IO_BENCH_SCALES): number[] {
  if (!env) return [...SCALES];
  const asked = env.split(',').map((s) => Number(s.trim().replaceAll('_', '')));
  const unknown = asked.filter((n) => !(SCALES as readonly number[]).includes(n));
  if (unknown.length)
    throw new Error(`IO_BENCH_SCALES: no size ${unknown.join(', ')} (${SCALES.join(', ')})`);
  return SCALES.filter((n) => asked.includes(n));
}
const WEEK_INTERACTIONS = 400;

export interface ScaleResult {
  scale: number;
  seedMs: number;
  seedRows: number;
  log: number;
  week: number;
  append: { ours: Stats; bare: Stats };
  summary: { ours: Stats; bare: Stats };
  popup: { ours: Stats; bare: Stats };
  /** Open-to-numbers of the real popup page, ms from navigation start. */
  popupOpen: Stats;
  popupOpenFrame: Stats;
  /** The same opens: navigation start to the app's first render (its "Loading…"). */
  popupBoot: Stats;
  /** The same opens of a blank extension page, alternating with the popup's. */
  blankOpen: Stats;
  /** Opens that never showed their numbers (left out of the figures), and what they showed. */
  stuckOpens: string[];
  /** The same opens: navigation start to each of the popup's User Timing marks (popup:*). */
  popupSteps: Record<string, Stats>;
  /** Export and import of the whole log, at IO_SCALE only. */
  io?: IoTimes;
  /** The week's summary timed at the end on every size side by side (frozen copies). */
  summaryAtEnd?: { ours: Stats; bare: Stats };
}

/** The log size at which export and import are timed (issue: "at 100,000 entries"). */
export const IO_SCALE = 100_000;

interface BenchApi {
  setup(): Promise<{ weekStart: number }>;
  seed(total: number): Promise<{ rows: number; ms: number }>;
  measure(
    operation: 'append' | 'summary' | 'popup',
    rounds: number,
    warmup: number,
  ): Promise<{ ours: number[]; bare: number[] }>;
  check(): Promise<{ week: number; thanks: number; log: number }>;
  cleanup(): Promise<number>;
  io(): Promise<IoTimes>;
  freeze(): Promise<{ ms: number }>;
  summaryAtEverySize(
    rounds: number,
    warmup: number,
  ): Promise<{ ours: Record<number, number[]>; bare: Record<number, number[]> }>;
}

type Call = <K extends keyof BenchApi>(
  name: K,
  ...args: Parameters<BenchApi[K]>
) => Promise<Awaited<ReturnType<BenchApi[K]>>>;

function caller(page: Page): Call {
  return (name, ...args) =>
    page.evaluate(
      ([n, a]) =>
        (
          (
            globalThis as unknown as {
              insideOutBench: Record<string, (...x: unknown[]) => unknown>;
            }
          ).insideOutBench[n] as (...x: unknown[]) => Promise<never>
        )(...a),
      [name, args] as [string, unknown[]],
    ) as never;
}

/**
 * Records, inside popup.html, when the balance first carries numbers (and the next frame); in the
 * blank page, when its one element appears.
 */
const POPUP_PROBE = `(() => {
  if (location.pathname !== '/popup.html' && location.pathname !== '/bench-blank.html') return;
  const seen = () => document.querySelector('[data-testid="balance"][data-internal]');
  const observer = new MutationObserver(() => {
    const app = document.getElementById('app');
    if (app && app.childElementCount && window.__ioBootAt === undefined) {
      window.__ioBootAt = performance.now();
    }
    if (!seen()) return;
    observer.disconnect();
    window.__ioNumbersAt = performance.now();
    requestAnimationFrame(() => { window.__ioNumbersFrameAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/**
 * Opens popup.html as a tab `opens` times and, alternately with it (so the machine's load is the
 * same for both), the blank extension page: time from navigation start to the numbers.
 */
/** An open that has not shown its numbers by then is stuck, not slow. */
const STUCK_AFTER_MS = 10_000;

async function openPopupTimes(
  browser: LaunchedBrowser,
  opens: number,
  popupAddress: () => Promise<string>,
) {
  const context = browser.chromium!.context;
  const dom: number[] = [];
  const frame: number[] = [];
  const boot: number[] = [];
  const blank: number[] = [];
  const steps: Record<string, number[]> = {};
  const open = async (path: string) => {
    const page = await context.newPage();
    await page.goto(new URL(path, `${browser.extensionOrigin}/`).href);
    const shown = await page
      .waitForFunction(
        () => (window as unknown as { __ioNumbersFrameAt?: number }).__ioNumbersFrameAt,
        undefined,
        { timeout: STUCK_AFTER_MS, polling: 20 },
      )
      .then(
        () => true,
        () => false,
      );
    if (!shown) {
      // Under heavy load after a bulk write, Chromium's IndexedDB has been seen to hold every
      // open of the origin for many seconds: said and counted, never timed as if it were ours.
      const { text, marks } = await page.evaluate(() => ({
        text: document.body.innerText.slice(0, 100),
        marks: performance.getEntriesByType('mark').map((m) => m.name),
      }));
      await page.close();
      return {
        stuck: `${path.split('#')[0]} still showed "${text}" after ${STUCK_AFTER_MS / 1000} s (marks: ${marks.join(', ') || 'none'})`,
      };
    }
    const seen = await page.evaluate(() => {
      const w = window as unknown as {
        __ioNumbersAt: number;
        __ioNumbersFrameAt: number;
        __ioBootAt: number;
      };
      const marks = Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('popup:'))
          .map((m) => [m.name.slice('popup:'.length), m.startTime]),
      );
      return { at: w.__ioNumbersAt, frameAt: w.__ioNumbersFrameAt, bootAt: w.__ioBootAt, marks };
    });
    await page.close();
    await sleep(100);
    return seen;
  };
  const stuck: string[] = [];
  for (let i = 0, timed = 0; timed < opens; i++) {
    // The address the toolbar button opens: it carries the week's numbers as last read.
    const popup = await open(await popupAddress());
    const empty = await open(BLANK_PAGE);
    for (const seen of [popup, empty]) if ('stuck' in seen) stuck.push(seen.stuck);
    if (stuck.length > opens / 3) throw new Error(`Opens stuck: ${stuck.join('; ')}`);
    // The first two opens warm the browser's caches of the extension's files.
    if (i < 2 || 'stuck' in popup || 'stuck' in empty) continue;
    timed++;
    dom.push(popup.at);
    frame.push(popup.frameAt);
    boot.push(popup.bootAt);
    for (const [step, mark] of Object.entries(popup.marks)) (steps[step] ??= []).push(mark);
    blank.push(empty.at);
  }
  return {
    dom: stats(dom),
    frame: stats(frame),
    boot: stats(boot),
    blank: stats(blank),
    stuck,
    steps: Object.fromEntries(Object.entries(steps).map(([step, at]) => [step, stats(at)])),
  };
}

export async function benchStore(
  browser: LaunchedBrowser,
  log: (line: string) => void,
  options: { popupOpens: number; scales: readonly number[] },
): Promise<ScaleResult[]> {
  const context = browser.chromium!.context;
  await context.addInitScript({ content: POPUP_PROBE });
  const page = await context.newPage();
  await page.goto(`${browser.extensionOrigin}/${STORE_PAGE}`);
  await page.waitForFunction(() => 'insideOutBench' in globalThis);
  const call = caller(page);
  await call('setup');
  const results: ScaleResult[] = [];
  for (const scale of options.scales) {
    const seeded = await call('seed', scale - WEEK_INTERACTIONS);
    // Let the database settle after a bulk write (LevelDB compacts in the background).
    await sleep(Math.min(20_000, 2_000 + seeded.rows / 50));
    const check = await call('check');
    log(
      `  ${scale.toLocaleString('en')} interactions: seeded ${seeded.rows.toLocaleString('en')} ` +
        `rows in ${(seeded.ms / 1000).toFixed(1)} s (log ${check.log}, week ${check.week})`,
    );
    const summary = await call('measure', 'summary', 40, 5);
    const popup = await call('measure', 'popup', 40, 5);
    const append = await call('measure', 'append', 200, 20);
    await call('cleanup');
    const io = scale === IO_SCALE ? await call('io') : undefined;
    if (io) {
      log(
        `    export ${Math.round(io.exportMs)} ms, validate ${Math.round(io.validateMs)} ms, ` +
          `import ${Math.round(io.importMs)} ms, again ${Math.round(io.reimportMs)} ms ` +
          `(${io.entries.toLocaleString('en')} entries, ${(io.bytes / 1e6).toFixed(1)} MB)`,
      );
    }
    const opens = await openPopupTimes(browser, options.popupOpens, () =>
      page.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { action: { getPopup(details: object): Promise<string> } };
          }
        ).chrome.action.getPopup({}),
      ),
    );
    if (scale !== options.scales.at(-1)) {
      const copy = await call('freeze');
      log(
        `    kept a copy at this size for the side-by-side summary (${(copy.ms / 1000).toFixed(1)} s)`,
      );
    }
    results.push({
      scale,
      seedMs: seeded.ms,
      seedRows: seeded.rows,
      log: check.log,
      week: check.week,
      append: { ours: stats(append.ours), bare: stats(append.bare) },
      summary: { ours: stats(summary.ours), bare: stats(summary.bare) },
      popup: { ours: stats(popup.ours), bare: stats(popup.bare) },
      popupOpen: opens.dom,
      popupOpenFrame: opens.frame,
      popupBoot: opens.boot,
      blankOpen: opens.blank,
      stuckOpens: opens.stuck,
      popupSteps: opens.steps,
      io,
    });
    const last = results.at(-1)!;
    log(
      `    append ${last.append.ours.median.toFixed(2)} ms (bare ${last.append.bare.median.toFixed(2)}), ` +
        `summary ${last.summary.ours.median.toFixed(2)} ms (bare ${last.summary.bare.median.toFixed(2)}), ` +
        `popup numbers ${last.popup.ours.median.toFixed(2)} ms (bare ${last.popup.bare.median.toFixed(2)}), ` +
        `popup open-to-numbers ${last.popupOpen.median.toFixed(1)} ms (` +
        Object.entries(last.popupSteps)
          .map(([step, at]) => `${step} ${at.median.toFixed(1)}`)
          .join(', ') +
        ')',
    );
  }
  const atEnd = await call('summaryAtEverySize', 40, 5);
  for (const result of results) {
    const ours = atEnd.ours[result.scale];
    const bare = atEnd.bare[result.scale];
    if (ours && bare) result.summaryAtEnd = { ours: stats(ours), bare: stats(bare) };
  }
  log(
    `  the week's summary side by side: ` +
      results
        .map(
          (r) =>
            `${r.scale.toLocaleString('en')} ${r.summaryAtEnd?.ours.median.toFixed(2)} ms ` +
            `(bare ${r.summaryAtEnd?.bare.median.toFixed(2)})`,
        )
        .join(', '),
  );
  await page.close();
  return results;
}

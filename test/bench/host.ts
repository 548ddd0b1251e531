/**
 * What the extension costs the page it runs on, and how fast its sidebar follows the page.
 *
 * Host-page cost: the Gmail-sized page (5,000+ elements) with the extension and, in a second
 * Chromium launched without it, the same page; rounds alternate between the two. Each round
 * runs 200 bursts of DOM changes in the thread and the inbox, then types into the reply box.
 * Main-thread time comes from CDP's Performance metrics (TaskDuration, ScriptDuration: the
 * renderer's main thread, content scripts included); long tasks from a PerformanceObserver;
 * input delay as each keydown's time to the next animation frame.
 *
 * Detection: the sidebar open (as a user who opened it once has it), the time from a
 * conversation opening (a page load, or a single-page move from the inbox), from moving to
 * the next conversation (new content + history.pushState), and from the content of a
 * conversation whose address changed a frame before (as Gmail shows a thread it fetched), until
 * the sidebar frame lists that conversation's people; seen by a MutationObserver inside the
 * frame, on the same clock.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { LaunchedBrowser } from '../e2e/launch.ts';
import { FIXTURES, type BenchEnv } from './env.ts';
import { sleep, stats, type Stats } from './stats.ts';

const BURSTS = 200;
const BURST_EVERY_MS = 20;
const TYPED =
  'Thanks Dana, the new figures look right to me. I will send the review notes by Friday.';

export interface HostSide {
  taskMs: Stats;
  scriptMs: Stats;
  longTasks: number;
  longestTaskMs: number;
  keyToFrame: Stats;
  /** The longest single run of our content script inside any long animation frame (> 50 ms). */
  ourLongestScriptMs: number;
}

export interface HostResult {
  rounds: number;
  elements: number;
  with: HostSide;
  without: HostSide;
}

/** Long tasks and key-to-frame times, collected in the page's own world from the start. */
const PAGE_PROBE = `(() => {
  window.__ioLongTasks = [];
  window.__ioKeyToFrame = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.startTime >= (window.__ioWindowStart ?? Infinity)) window.__ioLongTasks.push(e.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  // Long animation frames name the scripts that ran in them: the longest run of ours.
  window.__ioOurLongest = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.startTime < (window.__ioWindowStart ?? Infinity)) continue;
        for (const s of e.scripts || []) {
          const where = (s.sourceURL || '') + ' ' + (s.invoker || '');
          if (where.includes('chrome-extension://')) {
            window.__ioOurLongest = Math.max(window.__ioOurLongest, s.duration);
          }
        }
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  addEventListener('keydown', (event) => {
    const t = event.timeStamp;
    requestAnimationFrame(() => window.__ioKeyToFrame.push(performance.now() - t));
  }, true);
})();`;

/** tsx keeps function names with a `__name` helper that functions sent to a page then call. */
const shim = (target: Page | Frame) =>
  target.evaluate('globalThis.__name = globalThis.__name || ((f) => f)');

/** 200 bursts: a message added to the thread, an old one dropped, inbox rows re-ordered. */
async function churn(page: Page): Promise<void> {
  await shim(page);
  await page.evaluate(
    ({ bursts, every }) =>
      new Promise<void>((resolve) => {
        const list = document.querySelector('[role="main"] [role="list"]');
        const inbox = document.querySelector('table.F tbody');
        const template = list?.lastElementChild;
        let n = 0;
        const step = () => {
          if (list && template) {
            const copy = template.cloneNode(true) as Element;
            copy.setAttribute('data-bench-burst', String(n));
            list.append(copy);
            if (list.childElementCount > 60) list.firstElementChild?.remove();
          }
          if (inbox?.lastElementChild) inbox.prepend(inbox.lastElementChild);
          const status = document.querySelector('[role="main"]');
          status?.setAttribute('data-bench-tick', String(n));
          if (++n < bursts) setTimeout(step, every);
          else resolve();
        };
        step();
      }),
    { bursts: BURSTS, every: BURST_EVERY_MS },
  );
}

interface RoundSample {
  taskMs: number;
  scriptMs: number;
  longTasks: number[];
  keyToFrame: number[];
  /** The longest single run of an extension script seen in a long animation frame. */
  ourLongestScript: number;
}

async function round(
  context: BrowserContext,
  url: string,
  withExtension: boolean,
): Promise<RoundSample> {
  const page = await context.newPage();
  await page.addInitScript({ content: PAGE_PROBE });
  await page.goto(url, { waitUntil: 'load' });
  if (withExtension) await page.waitForSelector('inside-out-root', { state: 'attached' });
  else await sleep(150);
  await sleep(300);
  const session = await context.newCDPSession(page);
  await session.send('Performance.enable');
  const read = async () =>
    Object.fromEntries(
      (await session.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
    );
  const before = await read();
  await page.evaluate(() => {
    (window as unknown as { __ioWindowStart: number }).__ioWindowStart = performance.now();
  });
  await churn(page);
  await page.click('[data-bench="reply"] [contenteditable]');
  await page.keyboard.type(TYPED, { delay: 15 });
  await page.keyboard.press('Enter');
  await page.keyboard.type(TYPED.slice(0, 30), { delay: 15 });
  // Let any read the extension scheduled run inside the window.
  await sleep(400);
  const after = await read();
  const probe = await page.evaluate(() => {
    const w = window as unknown as {
      __ioLongTasks: number[];
      __ioKeyToFrame: number[];
      __ioOurLongest: number;
    };
    return {
      longTasks: w.__ioLongTasks,
      keyToFrame: w.__ioKeyToFrame,
      ourLongestScript: w.__ioOurLongest,
    };
  });
  await session.detach();
  await page.close();
  return {
    taskMs: ((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000,
    scriptMs: ((after.ScriptDuration ?? 0) - (before.ScriptDuration ?? 0)) * 1000,
    ...probe,
  };
}

function side(samples: RoundSample[]): HostSide {
  const longTasks = samples.flatMap((s) => s.longTasks);
  return {
    taskMs: stats(samples.map((s) => s.taskMs)),
    scriptMs: stats(samples.map((s) => s.scriptMs)),
    longTasks: longTasks.length,
    longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
    keyToFrame: stats(samples.flatMap((s) => s.keyToFrame)),
    ourLongestScriptMs: Math.max(0, ...samples.map((s) => s.ourLongestScript)),
  };
}

export async function benchHost(
  env: BenchEnv,
  extension: LaunchedBrowser,
  plain: Browser,
  rounds: number,
  log: (line: string) => void,
): Promise<HostResult> {
  const url = env.server.urlFor(FIXTURES.heavy);
  const withContext = extension.chromium!.context;
  const withoutContext = await plain.newContext({ ignoreHTTPSErrors: true });
  const ours: RoundSample[] = [];
  const bare: RoundSample[] = [];
  // One warm-up round each, not counted.
  await round(withContext, url, true);
  await round(withoutContext, url, false);
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 ? (['without', 'with'] as const) : (['with', 'without'] as const);
    for (const which of order) {
      if (which === 'with') ours.push(await round(withContext, url, true));
      else bare.push(await round(withoutContext, url, false));
    }
    log(
      `  round ${i + 1}/${rounds}: main thread ${ours.at(-1)!.taskMs.toFixed(0)} ms with, ` +
        `${bare.at(-1)!.taskMs.toFixed(0)} ms without`,
    );
  }
  const elements = await (async () => {
    const page = await withoutContext.newPage();
    await page.goto(url);
    const n = await page.evaluate(() => document.querySelectorAll('*').length);
    await page.close();
    return n;
  })();
  await withoutContext.close();
  return { rounds, elements, with: side(ours), without: side(bare) };
}

// ---------------------------------------------------------------- detection latency

export interface DetectionResult {
  coldOpen: Stats;
  openFromInbox: Stats;
  nextConversation: Stats;
  /** The address changes first; timed from the content, which follows a frame later. */
  addressFirst: Stats;
}

function sidebarFrame(page: Page, origin: string): Frame | undefined {
  return page.frames().find((f) => f.url().startsWith(`${origin}/sidebar.html`));
}

async function waitForOverlay(page: Page, origin: string): Promise<Frame> {
  const started = Date.now();
  for (;;) {
    const frame = sidebarFrame(page, origin);
    if (frame) return frame;
    if (Date.now() - started > 10_000) throw new Error('the sidebar frame never appeared');
    await sleep(20);
  }
}

/** Arms an observer in the sidebar: the epoch time when it lists exactly `names`. */
async function armOverlay(frame: Frame, names: string[]): Promise<void> {
  await shim(frame);
  await frame.evaluate((wanted) => {
    const w = window as unknown as { __ioShownAt?: number };
    delete w.__ioShownAt;
    const key = [...wanted].sort().join('|');
    const check = () => {
      const shown = [...document.querySelectorAll<HTMLElement>('[data-testid="participant"]')]
        .map((p) => p.dataset.name ?? '')
        .sort()
        .join('|');
      if (shown === key) {
        w.__ioShownAt = performance.timeOrigin + performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    check();
  }, names);
}

async function shownAt(frame: Frame): Promise<number> {
  const handle = await frame.waitForFunction(
    () => (window as unknown as { __ioShownAt?: number }).__ioShownAt,
    undefined,
    { timeout: 10_000, polling: 25 },
  );
  return (await handle.jsonValue()) as number;
}

/** Who each conversation shows, read once from the sidebar after a page load. */
async function namesIn(frame: Frame): Promise<string[]> {
  await frame.waitForSelector('[data-testid="participant"]', { timeout: 10_000 });
  await sleep(300);
  return frame.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="participant"]')].map(
      (p) => p.dataset.name ?? '',
    ),
  );
}

/**
 * Swaps the page to another fixture's content and URL, as a single-page tool does: the content
 * then the address, or (`addressFirst`) the address, then the content a frame later; the time
 * returned is the content's change.
 */
async function swapTo(
  page: Page,
  html: string,
  url: string,
  how: { push: boolean; addressFirst?: boolean },
): Promise<number> {
  await shim(page);
  return page.evaluate(
    async ({ html, url, push, addressFirst }) => {
      const next = new DOMParser().parseFromString(html, 'text/html');
      const moveAddress = () => {
        if (push) history.pushState(null, '', url);
        else location.hash = new URL(url).hash;
      };
      if (addressFirst) {
        moveAddress();
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      }
      const t0 = performance.timeOrigin + performance.now();
      for (const child of [...document.body.children]) {
        if (child.tagName.toLowerCase() !== 'inside-out-root') child.remove();
      }
      document.title = next.title;
      document.body.append(...[...next.body.children].map((c) => document.adoptNode(c)));
      if (!addressFirst) moveAddress();
      return t0;
    },
    { html, url, push: how.push, addressFirst: how.addressFirst ?? false },
  );
}

export async function benchDetection(
  env: BenchEnv,
  extension: LaunchedBrowser,
  repeats: number,
  log: (line: string) => void,
): Promise<DetectionResult> {
  const context = extension.chromium!.context;
  const origin = extension.extensionOrigin;
  const worker = await extension.chromium!.serviceWorker();
  // The user opened the sidebar on Gmail once: it opens with every Gmail page from then on.
  await worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
    ).chrome.storage.local.set({
      'launcher:mail.google.com': { open: true, hidden: false, top: 40 },
    }),
  );
  const longUrl = env.server.urlFor(FIXTURES.long);
  const legacyUrl = env.server.urlFor(FIXTURES.legacy);
  const inboxUrl = env.server.urlFor(FIXTURES.inbox);
  const html = (id: string) => readFileSync(join(env.fixturesDir, `${id}.html`), 'utf8');
  const longHtml = html(FIXTURES.long);
  const legacyHtml = html(FIXTURES.legacy);

  // Whom each conversation shows (read once, outside any timing).
  const page = await context.newPage();
  await page.goto(longUrl);
  const longNames = await namesIn(await waitForOverlay(page, origin));
  await page.goto(legacyUrl);
  const legacyNames = await namesIn(await waitForOverlay(page, origin));

  // Cold: a page load of the conversation, from navigation start.
  const cold: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const tab = await context.newPage();
    await tab.goto(longUrl, { waitUntil: 'commit' });
    const start = await tab.evaluate(() => performance.timeOrigin);
    const frame = await waitForOverlay(tab, origin);
    await armOverlay(frame, longNames).catch(() => undefined);
    const shown = await shownAt(frame);
    cold.push(shown - start);
    await tab.close();
  }
  log(`  cold open: median ${stats(cold).median.toFixed(0)} ms`);

  // Single-page: inbox -> a conversation (hash change), then conversation -> conversation.
  const fromInbox: number[] = [];
  const next: number[] = [];
  const addressFirst: number[] = [];
  for (let i = 0; i < repeats; i++) {
    await page.goto(inboxUrl);
    const frame = await waitForOverlay(page, origin);
    await frame.waitForLoadState('load');
    await sleep(400);
    await armOverlay(frame, longNames);
    const t0 = await swapTo(page, longHtml, longUrl, { push: false });
    fromInbox.push((await shownAt(frame)) - t0);
    await sleep(300);
    await armOverlay(frame, legacyNames);
    const t1 = await swapTo(page, legacyHtml, legacyUrl, { push: true });
    next.push((await shownAt(frame)) - t1);
    await sleep(300);
    await armOverlay(frame, longNames);
    const t2 = await swapTo(page, longHtml, longUrl, { push: false, addressFirst: true });
    addressFirst.push((await shownAt(frame)) - t2);
    await sleep(300);
  }
  await page.close();
  return {
    coldOpen: stats(cold),
    openFromInbox: stats(fromInbox),
    nextConversation: stats(next),
    addressFirst: stats(addressFirst),
  };
}

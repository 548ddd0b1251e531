/**
 * The log's scrolling at 100,000 entries: the side panel's page of the real build, in a profile
 * of its own (the store section owns the other one's database), scrolled 120 steps of 640 px a
 * frame apart while a PerformanceObserver records long tasks (> 50 ms) on its main thread.
 */
import { seedBulkLog } from '../e2e/pages/seed.ts';
import { launchWithExtension, type BenchEnv } from './env.ts';

export const SCROLL_ENTRIES = 100_000;

export interface ScrollResult {
  /** Each long task's duration, ms. */
  longTasks: number[];
  scrolledPx: number;
  /** Log rows in the page at the end: only those in view are rendered. */
  rows: number;
}

export async function benchLogScroll(env: BenchEnv): Promise<ScrollResult> {
  const extension = await launchWithExtension(env);
  try {
    const page = await extension.chromium!.context.newPage();
    const panel = `${extension.extensionOrigin}/sidepanel.html`;
    await page.goto(`${panel}?tab=people`);
    await page.locator('[role="tabpanel"]').waitFor();
    await seedBulkLog(page, SCROLL_ENTRIES);
    await page.goto(`${panel}?tab=log`);
    await page.locator('[data-testid="log-entry"]').first().waitFor({ timeout: 30_000 });
    const { longTasks, scrolledPx } = await page.evaluate(async () => {
      const seen: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) seen.push(Math.round(entry.duration));
      });
      observer.observe({ type: 'longtask', buffered: false });
      const list = document.querySelector<HTMLElement>('.virtual-list')!;
      for (let step = 0; step < 120; step++) {
        list.scrollTop += 640;
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 16)));
      }
      // Long tasks are reported after they end: give the last one time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 500));
      observer.disconnect();
      return { longTasks: seen, scrolledPx: list.scrollTop };
    });
    const rows = await page.locator('[data-testid="log-entry"]').count();
    return { longTasks, scrolledPx, rows };
  } finally {
    await extension.close();
  }
}

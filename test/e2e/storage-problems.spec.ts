/**
 * Storage refused or broken: every page of the extension says what is wrong and what to do,
 * never "Loading…" forever. Its own browser: the log here is left unusable on purpose.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';

const problem = (page: Page) => page.locator('[data-testid="storage-problem"]');

describe('a log written by a newer version (a downgrade)', () => {
  const session = useBrowser('chromium');

  it('the popup, side panel and options page say so, and change nothing', async () => {
    const { browser } = session;
    const context = browser.chromium!.context;
    const setup = await context.newPage();
    // A page of ours that keeps no connection to the log open: one that did would be asked to
    // step aside mid-read by the upgrade below, a race this test is not about.
    await setup.goto(`${browser.extensionOrigin}/sidebar.html`);
    // What a newer version of the extension leaves behind: the log at a version this one lacks.
    await setup.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('inside-out', 1000);
          request.onupgradeneeded = () => request.result.createObjectStore('from-the-future');
          request.onsuccess = () => (request.result.close(), resolve());
          request.onerror = () => reject(request.error ?? new Error('open failed'));
        }),
    );
    await setup.close();

    for (const name of ['popup', 'sidepanel', 'options'] as const) {
      const page = await context.newPage();
      await page.goto(`${browser.extensionOrigin}/${name}.html`);
      await problem(page).waitFor();
      expect(await problem(page).getAttribute('data-problem')).toBe('newer-version');
      expect(await problem(page).innerText()).toMatch(/newer version of Inside Out/);
      expect(await page.getByText('Loading…').count()).toBe(0);
      await page.screenshot({ path: `test-results/screenshots/storage-newer-${name}.png` });
      await page.close();
    }

    // Nothing was changed: the newer version's log is still there as it left it.
    const check = await context.newPage();
    await check.goto(`${browser.extensionOrigin}/options.html`);
    const stores = await check.evaluate(
      () =>
        new Promise<{ version: number; names: string[] }>((resolve, reject) => {
          const request = indexedDB.open('inside-out');
          request.onsuccess = () => {
            const { version, objectStoreNames } = request.result;
            request.result.close();
            resolve({ version, names: [...objectStoreNames] });
          };
          request.onerror = () => reject(request.error ?? new Error('open failed'));
        }),
    );
    expect(stores.version).toBe(1000);
    expect(stores.names).toContain('from-the-future');
    await check.close();
  });
});

describe('a profile that refuses the in-page sidebar’s frame its storage', () => {
  const session = useBrowser('chromium', { denyFrameStorage: true });

  it('says so in the frame and hands over to the side panel, never "Loading…"', async () => {
    const { browser, server } = session;
    const context = browser.chromium!.context;
    await browser.newPage(server.urlFor('jira/browse-issue'));
    const page = context.pages().find((p) => p.url().includes('atlassian.net'))!;
    const launcher = page.locator('inside-out-root [data-testid="launcher"]');
    await launcher.click();
    const sidebar = () =>
      page.frames().find((f) => {
        try {
          return new URL(f.url()).pathname === '/sidebar.html';
        } catch {
          return false;
        }
      });
    await expect.poll(() => sidebar() !== undefined).toBe(true);
    const frame = sidebar()!;
    const problem = frame.locator('[data-testid="storage-problem"]');
    await problem.waitFor();
    expect(await problem.getAttribute('data-problem')).toBe('denied');
    expect(await problem.innerText()).toMatch(/Open the side panel instead/);
    expect(await frame.getByText('Loading…').count()).toBe(0);
    await page.screenshot({ path: 'test-results/screenshots/storage-denied-frame.png' });

    // The button opens the side panel, a page of the extension's own, and the frame closes.
    await frame.locator('[data-testid="open-in-side-panel"]').click();
    const worker = await browser.chromium!.serviceWorker();
    const sidePanels = () =>
      worker.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: {
              runtime: {
                getContexts(filter: object): Promise<Array<{ documentUrl?: string }>>;
              };
            };
          }
        ).chrome.runtime
          .getContexts({ contextTypes: ['SIDE_PANEL'] })
          .then((all) => all.map((c) => new URL(c.documentUrl ?? '').pathname)),
      );
    await expect.poll(sidePanels).toEqual(['/sidepanel.html']);
    const state = () => page.locator('inside-out-root').getAttribute('data-state');
    await expect.poll(state).toBe('closed');

    // From now on the launcher opens the side panel: no frame that cannot load again.
    await launcher.click();
    await launcher.click();
    expect(await state()).toBe('closed');
    expect(sidebar()).toBeUndefined();

    // A page opened later goes straight to the side panel too.
    await browser.newPage(server.urlFor('jira/browse-issue'));
    const second = context.pages().filter((p) => p.url().includes('atlassian.net'))[1]!;
    await second.locator('inside-out-root [data-testid="launcher"]').click();
    expect(await second.locator('inside-out-root').getAttribute('data-state')).toBe('closed');
  });
});

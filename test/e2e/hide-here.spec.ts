/**
 * "Hide here" takes the launcher tab off a site, with Undo at hand and a setting that brings
 * it back; on a site where it is hidden, "Thank this person" and the shortcut still open the
 * thank-you flow (they used to do nothing there).
 */
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import { callBackground } from './pages/background.ts';
import { sidebarFrame } from './pages/in-page-sidebar.ts';

interface Tab {
  id: number;
  windowId: number;
  url: string;
}

const tabAt = (worker: Worker, prefix: string): Promise<Tab> =>
  worker.evaluate(async (prefix) => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<Tab[]> } };
    };
    const tab = (await chrome.tabs.query({})).find((t) => t.url?.startsWith(prefix));
    if (!tab) throw new Error(`no tab at ${prefix}`);
    return tab;
  }, prefix);

describe('hiding the launcher on a site, in chromium', () => {
  const session = useBrowser('chromium');

  const launcher = (page: Page) => page.locator('inside-out-root [data-testid="launcher"]');

  async function openGmail(): Promise<Page> {
    const page = await session.browser.chromium!.context.newPage();
    await page.goto(session.server.urlFor('gmail/thread-long'));
    await launcher(page).waitFor();
    if ((await launcher(page).getAttribute('aria-expanded')) !== 'true')
      await launcher(page).click();
    await (await sidebarFrame(page)).locator('[data-testid="conversation"]').waitFor();
    return page;
  }

  async function hideHere(page: Page) {
    const frame = await sidebarFrame(page);
    await frame.locator('[data-testid="sidebar-layout-toggle"]').click();
    await frame.locator('[data-testid="hide-here"]').click();
    await expect.poll(() => launcher(page).isVisible()).toBe(false);
    return frame;
  }

  it('hides the tab with Undo at hand, by keyboard', async () => {
    const page = await openGmail();
    const frame = await hideHere(page);
    const notice = frame.locator('[data-testid="hidden-notice"]');
    expect(await notice.getAttribute('role')).toBe('status');
    // Focus is on Undo: Enter undoes.
    await expect
      .poll(() => frame.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('undo-hide');
    await page.keyboard.press('Enter');
    await expect.poll(() => launcher(page).isVisible()).toBe(true);
    expect(await notice.count()).toBe(0);
    await page.reload();
    await launcher(page).waitFor();
    expect(await launcher(page).isVisible()).toBe(true);
    await page.close();
  });

  it('where hidden, the shortcut still opens the thank-you flow, and Settings shows it again', async () => {
    const { browser } = session;
    let page = await openGmail();
    const frame = await hideHere(page);
    await frame.locator('[data-testid="close"]').click();
    await expect.poll(() => page.locator('inside-out-root').count()).toBe(0);
    await page.reload();
    await page.locator('h2.hP').waitFor();
    const worker = await browser.chromium!.serviceWorker();
    const tab = await tabAt(worker, 'https://mail.google.com/');
    // The content script has read the thread (the background knows its people).
    await expect
      .poll(
        async () =>
          (
            await callBackground<{ conversation: { participants: unknown[] } | null }>(
              browser,
              'conversationOf',
              tab.id,
            )
          ).conversation?.participants.length ?? 0,
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    expect(await page.locator('inside-out-root').count()).toBe(0);

    // What Alt+Shift+T calls (and "Thank this person" on the page).
    const result = await callBackground<{ ok: boolean }>(
      browser,
      'onContextMenuClick',
      { menuItemId: 'thank-here' },
      tab,
    );
    expect(result.ok).toBe(true);
    const sidebar = await sidebarFrame(page);
    await sidebar.locator('[data-testid="person-picker"]').waitFor();
    expect(await launcher(page).isVisible()).toBe(false);
    await sidebar.locator('[data-testid="person-picker"] button').first().click();
    await sidebar.locator('[data-testid="composer"]').waitFor();

    // The settings list the site, and bring the tab back.
    const options = await browser.chromium!.context.newPage();
    await options.goto(`${browser.extensionOrigin}/options.html`);
    const showAgain = options.getByRole('button', {
      name: 'Show the tab again on mail.google.com',
    });
    await showAgain.click();
    await options.getByText('None: the tab shows on every supported site.').waitFor();
    await options.close();
    // The page already open shows the tab again at once, without a reload.
    await launcher(page).waitFor({ state: 'visible' });
    await page.close();
    page = await session.browser.chromium!.context.newPage();
    await page.goto(session.server.urlFor('gmail/thread-long'));
    await launcher(page).waitFor();
    expect(await launcher(page).isVisible()).toBe(true);
    await page.close();
  });
});

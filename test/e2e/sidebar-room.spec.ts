/**
 * The in-page sidebar makes room: at a common laptop width it narrows the tool's page instead
 * of covering the conversation, a compact sidebar and floating over the page are remembered
 * per site, closing gives the page its whole width back, and it moves to the side panel.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import { sidebarFrame } from './pages/in-page-sidebar.ts';

interface Box {
  left: number;
  right: number;
}

/** Per fixture: the element that shows the conversation, which the sidebar must not cover. */
const CONVERSATIONS = [
  { fixture: 'gmail/thread-long', message: 'div.adn[data-message-id]' },
  { fixture: 'jira/issue-view-2026', message: '[data-testid^="comment-base-item-"]' },
  // The issue opened from a board is a dialog placed against the window (position: fixed).
  { fixture: 'jira/board-modal-2026', message: '[role="dialog"]' },
];

describe('a sidebar that makes room, in chromium', () => {
  const session = useBrowser('chromium');

  async function open(fixture: string): Promise<Page> {
    const page = await session.browser.chromium!.context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(session.server.urlFor(fixture));
    const launcher = page.locator('inside-out-root [data-testid="launcher"]');
    if ((await launcher.getAttribute('aria-expanded')) !== 'true') await launcher.click();
    await (await sidebarFrame(page)).locator('[data-testid="conversation"]').waitFor();
    return page;
  }

  /** Where the sidebar's frame is (found by the driver: the page cannot see it). */
  async function sidebarBox(page: Page): Promise<Box> {
    const box = await (await (await sidebarFrame(page)).frameElement()).boundingBox();
    if (!box) throw new Error('the sidebar has no box');
    return { left: box.x, right: box.x + box.width };
  }

  const launcherBox = (page: Page): Promise<Box> =>
    page.locator('inside-out-root [data-testid="launcher"]').evaluate((el) => {
      const { left, right } = el.getBoundingClientRect();
      return { left, right };
    });

  /** The rightmost edge of the conversation's elements. */
  const messageRight = (page: Page, selector: string): Promise<number> =>
    page.evaluate((selector) => {
      const boxes = [...document.querySelectorAll(selector)].map((e) => e.getBoundingClientRect());
      if (!boxes.some((b) => b.width > 0)) throw new Error(`nothing shown for ${selector}`);
      return Math.max(...boxes.map((b) => b.right));
    }, selector);

  const bodyStyle = (page: Page) => page.evaluate(() => document.body.getAttribute('style'));

  it.each(CONVERSATIONS)(
    '$fixture: at 1024 px the conversation is beside the sidebar, not under it',
    async ({ fixture, message }) => {
      const page = await open(fixture);
      const sidebar = await sidebarBox(page);
      expect(sidebar.right).toBe(1024);
      expect(sidebar.right - sidebar.left).toBe(360);
      const tab = await launcherBox(page);
      const right = await messageRight(page, message);
      expect(right).toBeLessThanOrEqual(tab.left);
      expect(tab.right).toBeLessThanOrEqual(sidebar.left);
      // Closing gives the page back exactly as it was.
      await page.locator('inside-out-root [data-testid="launcher"]').click();
      await expect.poll(() => bodyStyle(page)).toBeNull();
      expect(await messageRight(page, message)).toBeGreaterThan(sidebar.left);
      await page.close();
    },
  );

  it('compact and floating are the user’s choices, remembered on the site', async () => {
    const message = 'div.adn[data-message-id]';
    let page = await open('gmail/thread-long');
    const wide = await messageRight(page, message);
    let frame = await sidebarFrame(page);
    const layout = frame.locator('[data-testid="sidebar-layout-toggle"]');
    await layout.focus();
    await page.keyboard.press('Enter');
    expect(await layout.getAttribute('aria-expanded')).toBe('true');

    // Compact: a narrower sidebar, and the page gets the width back.
    await frame.locator('[data-testid="sidebar-compact"]').check();
    await expect.poll(async () => (await sidebarBox(page)).left).toBe(1024 - 280);
    expect(await messageRight(page, message)).toBeGreaterThan(wide);
    expect(await messageRight(page, message)).toBeLessThanOrEqual((await launcherBox(page)).left);

    await page.reload();
    frame = await sidebarFrame(page);
    await frame.locator('[data-testid="conversation"]').waitFor();
    await expect.poll(async () => (await sidebarBox(page)).left).toBe(1024 - 280);

    // Floating: the page keeps its whole width, under the sidebar (the user's choice).
    await frame.locator('[data-testid="sidebar-layout-toggle"]').click();
    expect(await frame.locator('[data-testid="sidebar-compact"]').isChecked()).toBe(true);
    await frame.locator('[data-testid="sidebar-push"]').uncheck();
    await expect.poll(() => bodyStyle(page)).toBeNull();
    await page.reload();
    await (await sidebarFrame(page)).locator('[data-testid="conversation"]').waitFor();
    expect(await bodyStyle(page)).toBeNull();
    expect(await messageRight(page, message)).toBeGreaterThan((await sidebarBox(page)).left);

    // Back to making room, and the full width, for the tests after this one.
    frame = await sidebarFrame(page);
    await frame.locator('[data-testid="sidebar-layout-toggle"]').click();
    await frame.locator('[data-testid="sidebar-push"]').check();
    await frame.locator('[data-testid="sidebar-compact"]').uncheck();
    await expect.poll(async () => (await sidebarBox(page)).left).toBe(1024 - 360);
    await page.close();
    page = await open('gmail/thread-long');
    expect(await messageRight(page, message)).toBeLessThanOrEqual((await sidebarBox(page)).left);
    await page.close();
  });

  it('moves to the browser’s side panel and closes in the page', async () => {
    const page = await open('jira/issue-view-2026');
    const frame = await sidebarFrame(page);
    await frame.locator('[data-testid="sidebar-layout-toggle"]').click();
    await frame.locator('[data-testid="move-to-side-panel"]').click();
    const worker = await session.browser.chromium!.serviceWorker();
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
    await expect
      .poll(() => page.locator('inside-out-root').getAttribute('data-state'))
      .toBe('closed');
    expect(await bodyStyle(page)).toBeNull();
    await page.close();
  });
});

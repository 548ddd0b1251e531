/**
 * The toolbar popup: the week at a glance. A first week teaches instead of showing zeros; once
 * the user logs people on both sides and thanks someone, the numbers and the chart follow, live.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import type { LaunchedBrowser } from './launch.ts';
import { axeViolations } from './pages/axe.ts';
import { callBackground } from './pages/background.ts';
import { logByHand, thankFromPeople } from './pages/log-by-hand.ts';
import { busyWeek, helper, seed } from './pages/seed.ts';

const balanceOf = (page: Page) =>
  page.locator('[data-testid="balance"]').evaluate((el: HTMLElement) => ({
    internal: Number(el.dataset.internal),
    external: Number(el.dataset.external),
    thanks: Number(el.dataset.thanks),
  }));

/** What the toolbar button shows or opens, as the browser's action keeps it. */
async function askToolbarButton(
  browser: LaunchedBrowser,
  question: 'getPopup' | 'getBadgeText',
): Promise<string> {
  const worker = await browser.chromium!.serviceWorker();
  type Action = Record<typeof question, (details: object) => Promise<string>>;
  return worker.evaluate(
    (asked: typeof question) =>
      (globalThis as unknown as { chrome: { action: Action } }).chrome.action[asked]({}),
    question,
  );
}

describe('the popup', () => {
  const session = useBrowser('chromium');

  it('teaches on an empty week, then shows both sides, thanks and the chart changing live', async () => {
    const { browser } = session;
    const context = browser.chromium!.context;
    const popup = await context.newPage();
    await popup.goto(`${browser.extensionOrigin}/popup.html`);
    await popup.locator('[data-testid="balance"]').waitFor();
    expect(await balanceOf(popup)).toEqual({ internal: 0, external: 0, thanks: 0 });
    expect(await popup.locator('[data-testid="first-week"]').isVisible()).toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
    // Chrome gives extension pages a 75% body font; the tokens put body text back at 14 px.
    expect(
      await popup.evaluate(() => getComputedStyle(document.querySelector('main')!).fontSize),
    ).toBe('14px');

    const panel = await context.newPage();
    await panel.goto(`${browser.extensionOrigin}/sidepanel.html?tab=log`);
    await logByHand(panel, { name: 'Rosa Delgado', relationship: 'internal', kind: 'in-person' });
    await logByHand(panel, { name: 'Pat Kim', relationship: 'external', kind: 'call' });
    await logByHand(panel, { name: 'Ivan Petrov', relationship: 'internal', kind: 'meeting' });
    await thankFromPeople(panel, 'Rosa Delgado', 'signed for the Globex parcels at 7 am');

    // The popup was open all along: it follows the log without a reload.
    await popup
      .locator('[data-testid="balance"][data-internal="2"][data-external="1"][data-thanks="1"]')
      .waitFor();
    expect(await popup.locator('[data-testid="first-week"]').count()).toBe(0);
    const thisWeek = popup.locator('[data-testid="trend-week"]').last();
    expect(await thisWeek.getAttribute('data-internal')).toBe('2');
    expect(await thisWeek.getAttribute('data-external')).toBe('1');
    expect(await popup.locator('[data-testid="trend-week"]').count()).toBe(12);
    expect(await popup.locator('.gauge').getAttribute('data-position')).toBe('balanced');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: 'test-results/screenshots/popup-week.png' });

    // Usable by keyboard: Tab reaches "Open the log".
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await popup.keyboard.press('Tab');
      reached = await popup.evaluate(
        () => document.activeElement?.getAttribute('data-testid') === 'open-log',
      );
    }
    expect(reached).toBe(true);
    await panel.close();
    await popup.close();
  });

  it("opens from the toolbar on the week's numbers as last read, painted before any read", async () => {
    const { browser } = session;
    const context = browser.chromium!.context;
    // The address the toolbar button opens, and the internal count it carries.
    const address = () => askToolbarButton(session.browser, 'getPopup');
    const internalIn = (url: string) =>
      JSON.parse(decodeURIComponent(new URL(url).hash.slice(1)) || 'null')?.balance?.internal;
    const plain = await context.newPage();
    await plain.goto(`${browser.extensionOrigin}/popup.html`);
    await plain.locator('[data-testid="balance"]').waitFor();
    await plain.locator('[data-testid="trend"]').waitFor();
    const before = (await balanceOf(plain)).internal;

    // A change made in the side panel: the background reads the week again.
    const panel = await context.newPage();
    await panel.goto(`${browser.extensionOrigin}/sidepanel.html?tab=log`);
    await logByHand(panel, { name: 'Noor Haddad', relationship: 'internal', kind: 'call' });
    await expect.poll(async () => internalIn(await address()), { timeout: 5_000 }).toBe(before + 1);

    const popup = await context.newPage();
    await popup.goto(await address());
    await popup.locator(`[data-testid="balance"][data-internal="${before + 1}"]`).waitFor();
    // The early script painted the numbers from the address before the log was read.
    const marks = await popup.evaluate(() =>
      performance.getEntriesByType('mark').map((mark) => mark.name),
    );
    expect(marks).toContain('popup:numbers-kept');
    await popup.locator('[data-testid="trend"]').waitFor();
    expect(await popup.locator('[data-testid="balance"]').count()).toBe(1);
    expect((await balanceOf(popup)).internal).toBe(before + 1);
    // The toolbar button itself opens the popup at that address.
    const worker = await browser.chromium!.serviceWorker();
    await worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }
      ).chrome.action.openPopup(),
    );
    const targets = await context.newCDPSession(plain);
    const toolbarPopup = async () =>
      (await targets.send('Target.getTargets')).targetInfos.find(
        (target) => target.type === 'page' && target.url === toolbarAddress && !target.attached,
      );
    const toolbarAddress = await address();
    await expect.poll(toolbarPopup, { timeout: 5_000 }).toBeDefined();
    await targets.send('Target.closeTarget', { targetId: (await toolbarPopup())!.targetId });
    for (const page of [plain, panel, popup]) await page.close();
  });

  it('puts the number of due thank-you prompts on the toolbar badge, and nothing when none', async () => {
    const { browser } = session;
    const badge = () => askToolbarButton(browser, 'getBadgeText');
    // Someone helped three days ago and has not been thanked since.
    const page = await browser.chromium!.context.newPage();
    await page.goto(`${browser.extensionOrigin}/popup.html`);
    await seed(page, helper('AMY', 'Amy Chen', 'amy@acme.example', 3));
    expect(await callBackground(browser, 'refreshBadge')).toBeGreaterThanOrEqual(1);
    expect(await badge()).not.toBe('');
    const count = Number(await badge());

    // Thanking Amy clears her prompt from the badge.
    const panel = await browser.chromium!.context.newPage();
    await panel.goto(`${browser.extensionOrigin}/sidepanel.html?tab=people`);
    await thankFromPeople(panel, 'Amy Chen', 'closed ACME-1 before the customer call');
    await expect
      .poll(async () => Number((await badge()) || 0), { timeout: 5_000 })
      .toBeLessThan(count);
    await panel.close();
    await page.close();
  });

  it('fits in 600 px with a busy week, labels its band and chart, counts who is unsorted, and reaches the settings', async () => {
    const { browser } = session;
    const context = browser.chromium!.context;
    const popup = await context.newPage();
    await popup.goto(`${browser.extensionOrigin}/popup.html`);
    const week = busyWeek();
    await seed(popup, week);
    await popup.reload();
    await popup.locator('[data-testid="suggestion"]').first().waitFor();

    // Chrome cuts a popup at 600 px: all of it shows at its own width.
    const size = await popup.evaluate(() => ({
      height: document.querySelector('main')!.getBoundingClientRect().bottom,
      width: document.querySelector('main')!.getBoundingClientRect().width,
    }));
    await popup.screenshot({ path: 'test-results/screenshots/popup-busy-week.png' });
    expect(size.height, 'popup height').toBeLessThanOrEqual(600);
    expect(size.width).toBeLessThanOrEqual(400);

    // Nobody unsorted is counted on either side; the popup says how many wait.
    expect(await popup.locator('[data-testid="unsorted"]').getAttribute('data-count')).toBe(
      String(week.unsorted),
    );
    expect(await popup.locator('[data-testid="unsorted"]').textContent()).toContain(
      `${week.unsorted} people you haven't sorted`,
    );
    // The band is labelled at both edges.
    expect(await popup.locator('.gauge-edge').allTextContents()).toEqual(['30%', '70%']);

    // The chart: one Tab stop on this week, whose values show on focus; arrows move a week.
    const thisWeek = popup.locator('[data-testid="trend-week"]').last();
    const { thanks } = await balanceOf(popup);
    expect(thanks).toBeGreaterThanOrEqual(week.thanksThisWeek);
    expect(await thisWeek.locator('.thank-mark').count()).toBe(thanks);
    let onChart = false;
    for (let i = 0; i < 20 && !onChart; i++) {
      await popup.keyboard.press('Tab');
      onChart = await popup.evaluate(
        () => document.activeElement?.getAttribute('data-testid') === 'trend-week',
      );
    }
    expect(onChart).toBe(true);
    const readout = popup.locator('[data-testid="trend-readout"]');
    expect(await readout.textContent()).toBe(await thisWeek.getAttribute('aria-label'));
    expect(await readout.textContent()).toContain(`thank-yous ${thanks}`);
    await popup.keyboard.press('ArrowLeft');
    const weekBefore = popup.locator('[data-testid="trend-week"]').nth(10);
    expect(await weekBefore.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await readout.textContent()).toBe(await weekBefore.getAttribute('aria-label'));
    // Hovering shows a week's values too.
    await popup.locator('[data-testid="trend-week"]').nth(3).hover();
    expect(await readout.textContent()).toBe(
      await popup.locator('[data-testid="trend-week"]').nth(3).getAttribute('aria-label'),
    );

    expect(await axeViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'light' });

    // Settings are one click away.
    const [settings] = await Promise.all([
      context.waitForEvent('page'),
      popup.locator('[data-testid="open-settings"]').click(),
    ]);
    await settings.waitForURL(/\/options\.html/);
    await settings.close();
    await popup.close();
  });
});

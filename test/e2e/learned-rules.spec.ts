/**
 * Teaching Inside Out a page no shipped generation reads (made-up markup at linear.app): pick
 * two people (one with the mouse, one with the keyboard alone), save; the sidebar lists them and
 * a third person of the same kind; another conversation at the same host is read by the learned
 * rule after a reload; removing the rule in the options page brings back "can't read this page".
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import { axeViolations } from './pages/axe.ts';
import { sidebarFrame } from './pages/in-page-sidebar.ts';

const participantNames = (sidebar: Frame) =>
  sidebar
    .locator('[data-testid="participant"]')
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.name ?? ''));

/** The sidebar's frame sits in a closed shadow root: found among the page's frames instead. */
async function openSidebar(page: Page): Promise<Frame> {
  await page.locator('[data-testid="launcher"]').waitFor();
  // The sidebar reopens by itself where it was left open.
  if ((await page.locator('inside-out-root').getAttribute('data-state')) !== 'open')
    await page.locator('[data-testid="launcher"]').click();
  const sidebar = await sidebarFrame(page);
  await sidebar.locator('[data-testid="pick-people"]').waitFor();
  return sidebar;
}

describe('teaching Inside Out who is who', () => {
  const session = useBrowser('chromium');

  it('learns from two people, reads a third and the next conversation, and forgets', async () => {
    const { browser, server } = session;
    const context = browser.chromium!.context;
    const page = await context.newPage();
    await page.goto(server.urlFor('learned/linear-redesign-a'));
    let sidebar = await openSidebar(page);
    expect(await participantNames(sidebar)).toEqual([]);
    // The ways to teach it (people, the title, where the conversation is) pass axe too.
    await sidebar.locator('[data-testid="pick-container"]').waitFor();
    expect(await axeViolations(sidebar)).toEqual([]);

    // Start picking; the page keeps only our outline, and a click chooses instead of acting.
    await sidebar.locator('[data-testid="pick-people"]').click();
    await sidebar.locator('[data-testid="picker"]').waitFor();
    await page.evaluate(() => {
      (window as unknown as { clicks: number }).clicks = 0;
      document.addEventListener('click', () => (window as unknown as { clicks: number }).clicks++);
    });
    await page.getByText('Ada Lovelace', { exact: true }).click();
    await expect.poll(() => sidebar.locator('[data-testid="pick-chosen-person"]').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(0);

    // The second person with the keyboard alone, from the sidebar.
    await sidebar.locator('[data-testid="pick-next"]').focus();
    for (let i = 0; i < 12; i++) {
      const shown = await sidebar.locator('[data-testid="pick-highlighted"]').textContent();
      if (shown?.includes('Grace Hopper')) break;
      await page.keyboard.press('Enter');
      await expect
        .poll(() => sidebar.locator('[data-testid="pick-highlighted"]').textContent())
        .not.toBe(shown);
    }
    await expect
      .poll(() => sidebar.locator('[data-testid="pick-highlighted"]').textContent())
      .toContain('Grace Hopper');
    await page.keyboard.press('Tab'); // to "Choose this one"
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        sidebar
          .locator('[data-testid="pick-chosen-person"]')
          .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.name)),
      )
      .toEqual(['Ada Lovelace', 'Grace Hopper']);
    await expect
      .poll(() => sidebar.locator('[data-testid="pick-preview"]').textContent())
      .toBe('This would read: Ada Lovelace, Grace Hopper, Alan Turing');

    // No personal data in the page's DOM while picking, and the sidebar passes axe.
    const pageText = await page.evaluate(() =>
      [...document.querySelectorAll('inside-out-root, inside-out-picker')]
        .map((el) => el.shadowRoot?.textContent ?? '')
        .join(''),
    );
    expect(pageText).not.toContain('Ada');
    expect(await axeViolations(sidebar)).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/chromium-picking.png' });

    await sidebar.locator('[data-testid="pick-save"]').click();
    await expect
      .poll(() => participantNames(sidebar))
      .toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
    expect(await page.locator('inside-out-picker').count()).toBe(0);

    // Another conversation of the same tool at the same host, after a reload.
    await page.goto(server.urlFor('learned/linear-redesign-b'));
    sidebar = await openSidebar(page);
    await expect
      .poll(() => participantNames(sidebar))
      .toEqual(['Katherine Johnson', 'Margaret Hamilton', 'Edsger Dijkstra']);

    // The options page lists the rule and removes it: back to reading no one.
    const options = await context.newPage();
    await options.goto(`${browser.extensionOrigin}/options.html`);
    const rule = options.locator('[data-testid="learned-rule"][data-host="linear.app"]');
    await rule.waitFor();
    expect(await rule.textContent()).toMatch(/3 people/);
    await rule.locator('[data-testid="learned-rule-try"]').click();
    await expect
      .poll(() => options.locator('[data-testid="learned-rules-status"]').textContent())
      .toMatch(/Katherine Johnson, Margaret Hamilton, Edsger Dijkstra/);
    await rule.locator('[data-testid="learned-rule-remove"]').click();
    await options.locator('[data-testid="learned-rules-empty"]').waitFor();
    await options.close();

    await page.reload();
    sidebar = await openSidebar(page);
    await sidebar.locator('[data-testid="conversation"]').waitFor();
    expect(await participantNames(sidebar)).toEqual([]);
    await page.close();
  });
});

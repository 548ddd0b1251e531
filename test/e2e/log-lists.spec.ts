/**
 * The side panel's log as a list a user works through (Chromium): it fills the panel, a
 * conversation's people are one row that opens to each of them, a filter folded away still
 * says it filters, and logging by hand suggests the people already known.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import { logByHand } from './pages/log-by-hand.ts';
import { fourPersonTicket, seed } from './pages/seed.ts';

const entries = (page: Page) => page.locator('[data-testid="log-entry"]');

describe('the log as a list', () => {
  const session = useBrowser('chromium');

  async function openLog(): Promise<Page> {
    const page = await session.browser.chromium!.context.newPage();
    await page.setViewportSize({ width: 400, height: 820 });
    await page.goto(`${session.browser.extensionOrigin}/sidepanel.html?tab=log`);
    await page.locator('[role="tabpanel"]').waitFor();
    return page;
  }

  it('fills the panel, and shows a four-person ticket as one row that opens to each person', async () => {
    const page = await openLog();
    await seed(page, fourPersonTicket());
    await page.reload();
    const group = page.locator('[data-testid="log-group"]');
    await group.waitFor();
    expect(await page.locator('[data-testid="log-list"] [role="listitem"]').count()).toBe(1);
    expect(await group.getAttribute('data-count')).toBe('4');
    expect(await group.textContent()).toMatch(
      /Rosa Delgado, Pat Kim, Ivan Petrov, Dana Kim.*Jira · OPS-7 Loading dock hours/,
    );
    // Closed, the row stands for each of the four entries.
    expect(await entries(page).evaluateAll((all) => all.map((e) => e.dataset.person))).toEqual([
      'Rosa Delgado',
      'Pat Kim',
      'Ivan Petrov',
      'Dana Kim',
    ]);

    // The list reaches down to the footer, whatever the window's height.
    const gap = await page.evaluate(() => {
      const list = document.querySelector('[data-testid="log-list"]')!.getBoundingClientRect();
      const footer = document.querySelector('.sidepanel-footer')!.getBoundingClientRect();
      return { gap: footer.top - list.bottom, height: list.height };
    });
    expect(gap.gap).toBeLessThan(24);
    expect(gap.height).toBeGreaterThan(600);

    // Opened (by keyboard), each person has a row of their own with their actions.
    const toggle = group.locator('[data-testid="log-group-toggle"]');
    expect(await toggle.textContent()).toBe('4 people');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.locator('.log-member').count()).toBe(4);
    expect(await entries(page).count()).toBe(4);
    const pat = page.locator('.log-member[data-person="Pat Kim"]');
    await pat.getByRole('button', { name: /Edit/ }).click();
    await pat.getByRole('button', { name: 'Internal' }).click();
    await expect.poll(() => pat.getAttribute('data-relationship')).toBe('internal');
    // Still one conversation, still open.
    expect(await group.count()).toBe(1);
    await page.screenshot({ path: 'test-results/screenshots/sidepanel-log-group.png' });
    await page.close();
  });

  it('says a folded-away filter still filters, and clears it in one click', async () => {
    const page = await openLog();
    await seed(page, fourPersonTicket());
    await page.reload();
    await page.locator('[data-testid="log-group"]').waitFor();
    const summary = page.locator('[data-testid="filter-summary"]');
    expect(await summary.count()).toBe(0);

    await page.locator('.filters > summary').click();
    await page.locator('[data-testid="filter-side"]').selectOption('external');
    await page.locator('[data-testid="log-search"]').fill('kim');
    await page.locator('.filters > summary').click();
    expect(await page.locator('.filters').getAttribute('open')).toBeNull();
    await expect.poll(() => summary.textContent()).toMatch(/^Filtered: External · “kim”/);
    await expect
      .poll(() => entries(page).evaluateAll((all) => all.map((e) => e.dataset.person)))
      .toEqual(['Pat Kim', 'Dana Kim']);

    await summary.getByRole('button', { name: 'Clear filters' }).click();
    expect(await summary.count()).toBe(0);
    await expect.poll(() => entries(page).count()).toBe(4);
    await page.close();
  });

  it('suggests Marta Lindqvist for "Marta", by keyboard, and logs to her instead of a second Marta', async () => {
    const page = await openLog();
    await logByHand(page, { name: 'Marta Lindqvist', relationship: 'internal', kind: 'in-person' });
    const form = page.locator('[data-testid="manual-entry"]');
    const name = form.locator('[data-testid="manual-name"]');
    await name.fill('Marta');
    const option = form.locator('[data-testid="manual-suggestion"]');
    await expect
      .poll(() => option.allTextContents())
      .toEqual([expect.stringContaining('Marta Lindqvist')]);
    expect(await name.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await name.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await name.inputValue()).toBe('Marta Lindqvist');
    expect(await name.getAttribute('aria-expanded')).toBe('false');
    expect(await form.locator('[data-testid="manual-picked"]').textContent()).toContain(
      'Marta Lindqvist',
    );
    await form.locator('[data-testid="manual-submit"]').click();
    await form.locator('[data-testid="manual-picked"]').waitFor({ state: 'detached' });

    await page.locator('[data-testid="tab-people"]').click();
    const marta = page.locator('[data-testid="person"][data-name^="Marta"]');
    await expect.poll(() => marta.count()).toBe(1);
    expect(await marta.getAttribute('data-name')).toBe('Marta Lindqvist');
    await expect.poll(() => marta.textContent()).toMatch(/2 interactions/);
    await page.close();
  });
});

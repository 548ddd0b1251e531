/**
 * axe finds nothing on any surface, in light and in dark (Chromium, `prefers-color-scheme`
 * emulated): the popup, every side-panel tab (the log with a conversation opened, a filter set
 * and the name suggestions showing; a person's editor), the options page, the welcome, and the
 * in-page sidebar with a conversation and the composer open. Body text is 14 px on every extension page
 * (Chrome's own style for them shrinks it to 75%).
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import { axeViolations } from './pages/axe.ts';
import { sidebarFrame } from './pages/in-page-sidebar.ts';
import { busyWeek, fourPersonTicket, seed } from './pages/seed.ts';

const SCHEMES = ['light', 'dark'] as const;

/** What a page or frame shows in the scheme it was given, checked before judging it. */
async function checkScheme(target: Page | Frame, scheme: (typeof SCHEMES)[number]) {
  expect(
    await target.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
    `${target.url()} is not in the ${scheme} scheme`,
  ).toBe(scheme === 'dark');
}

/** The body's computed type size, and a paragraph's. */
const bodyText = (target: Page | Frame) =>
  target.evaluate(() => ({
    body: getComputedStyle(document.body).fontSize,
    main: getComputedStyle(document.querySelector('main, #app > *')!).fontSize,
  }));

describe('every surface passes axe, light and dark', () => {
  const session = useBrowser('chromium');

  it('the popup, each side-panel tab, the options page and the welcome', async () => {
    const { browser } = session;
    const page = await browser.chromium!.context.newPage();
    await page.setViewportSize({ width: 400, height: 820 });
    const origin = browser.extensionOrigin;
    await page.goto(`${origin}/popup.html`);
    const week = busyWeek();
    const ticket = fourPersonTicket();
    await seed(page, {
      people: [...week.people!, ...ticket.people!],
      interactions: [...week.interactions!, ...ticket.interactions!],
      appreciations: week.appreciations,
      checkIns: week.checkIns,
    });

    const found: string[] = [];
    const judge = async (what: string, target: Page | Frame, scheme: string) => {
      for (const problem of await axeViolations(target))
        found.push(`${scheme} ${what}: ${problem}`);
    };
    const pages: Array<[string, string]> = [
      ['popup', 'popup.html'],
      ['side panel: now', 'sidepanel.html?tab=now'],
      ['side panel: log', 'sidepanel.html?tab=log'],
      ['side panel: people', 'sidepanel.html?tab=people'],
      ['side panel: check-ins', 'sidepanel.html?tab=check-ins'],
      ['side panel: review', 'sidepanel.html?tab=review'],
      ['options', 'options.html'],
      ['welcome', 'welcome.html'],
    ];
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [what, path] of pages) {
        await page.goto(`${origin}/${path}`);
        await page.locator('#app > *').first().waitFor();
        // Reads from IndexedDB and the settings fill the page; their last rows mark the end.
        if (path.includes('tab=log')) await page.locator('[data-testid="log-group"]').waitFor();
        if (path.includes('tab=people'))
          await page.locator('[data-testid="person"]').first().waitFor();
        if (path.includes('tab=check-ins'))
          await page.locator('[data-testid="check-in"]').first().waitFor();
        if (path === 'popup.html') await page.locator('[data-testid="balance"]').waitFor();
        if (path === 'options.html') await page.locator('[data-testid="settings-form"]').waitFor();
        if (path === 'welcome.html') await page.locator('[data-testid="welcome-form"]').waitFor();
        await checkScheme(page, scheme);
        expect(await bodyText(page), `${what}: body text`).toEqual({ body: '14px', main: '14px' });
        await judge(what, page, scheme);
        await page.screenshot({
          path: `test-results/screenshots/a11y-${scheme}-${what.replace(/\W+/g, '-')}.png`,
          fullPage: true,
        });
      }

      // The log with everything showing: a conversation opened, a filter set, suggestions.
      await page.goto(`${origin}/sidepanel.html?tab=log`);
      await page.locator('[data-testid="log-group-toggle"]').click();
      await page.locator('.filters > summary').click();
      await page.locator('[data-testid="filter-side"]').selectOption('internal');
      await page.locator('[data-testid="filter-summary"]').waitFor();
      await page.locator('[data-testid="manual-details"] > summary').click();
      await page.locator('[data-testid="manual-name"]').fill('Person');
      await page.keyboard.press('ArrowDown');
      await page.locator('[data-testid="manual-suggestion"][aria-selected="true"]').waitFor();
      await judge('side panel: log, all open', page, scheme);
      await page.screenshot({ path: `test-results/screenshots/a11y-${scheme}-log-open.png` });

      // A person's editor, with the merge choice.
      await page.goto(`${origin}/sidepanel.html?tab=people`);
      const first = page.locator('[data-testid="person"]').first();
      await first.getByRole('button', { name: 'Edit' }).click();
      await first.locator('form').waitFor();
      await judge('side panel: people, editing', page, scheme);
    }
    expect(found).toEqual([]);
    await page.close();
  });

  it('the in-page sidebar with a conversation and the composer open', async () => {
    const { browser, server } = session;
    const found: string[] = [];
    for (const scheme of SCHEMES) {
      const page = await browser.chromium!.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(server.urlFor('gmail/thread-long'));
      await page.locator('[data-testid="launcher"]').waitFor();
      // The sidebar reopens by itself where it was left open.
      if ((await page.locator('inside-out-root').getAttribute('data-state')) !== 'open')
        await page.locator('[data-testid="launcher"]').click();
      const sidebar = await sidebarFrame(page);
      await sidebar
        .locator('[data-testid="participant"]')
        .first()
        .waitFor({ timeout: 10_000 })
        .catch(async () => {
          throw new Error(
            `no one listed; the sidebar shows: ${await sidebar.locator('body').innerText()}`,
          );
        });
      await checkScheme(sidebar, scheme);
      expect(await bodyText(sidebar)).toEqual({ body: '14px', main: '14px' });
      for (const problem of await axeViolations(sidebar))
        found.push(`${scheme} sidebar: ${problem}`);

      await sidebar.locator('[data-testid="thank"]').first().click();
      await sidebar.locator('[data-testid="composer"]').waitFor();
      for (const problem of await axeViolations(sidebar))
        found.push(`${scheme} sidebar, composing: ${problem}`);
      await page.screenshot({
        path: `test-results/screenshots/a11y-${scheme}-sidebar-composer.png`,
      });
      // Cancelled, so the next page opens on the people again (a draft would reopen it).
      await sidebar.locator('[data-testid="composer-done"]').click();
      await sidebar.locator('[data-testid="composer"]').waitFor({ state: 'detached' });
      await page.close();
    }
    expect(found).toEqual([]);
  });
});

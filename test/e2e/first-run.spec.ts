/**
 * The first run in a tool (Chromium): on a fresh profile the sidebar asks once whether people at
 * the user's own domain are colleagues; "Yes" sorts everyone in the thread, and can be undone.
 * Tagging someone internal by hand then offers their domain for everyone; "No" is remembered.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import { sidebarFrame } from './pages/in-page-sidebar.ts';
import { helper, seed } from './pages/seed.ts';

/** The sidebar's frame sits in a closed shadow root: found among the page's frames instead. */
async function openSidebar(page: Page): Promise<Frame> {
  await page.locator('[data-testid="launcher"]').waitFor();
  // The sidebar reopens by itself where it was left open.
  if ((await page.locator('inside-out-root').getAttribute('data-state')) !== 'open')
    await page.locator('[data-testid="launcher"]').click();
  const sidebar = await sidebarFrame(page);
  await sidebar.locator('[data-testid="participant"]').first().waitFor();
  return sidebar;
}

const relationships = (panel: Frame) =>
  panel
    .locator('[data-testid="participant"]')
    .evaluateAll((people: HTMLElement[]) =>
      Object.fromEntries(people.map((p) => [p.dataset.email, p.dataset.relationship])),
    );

describe('the first run in a tool', () => {
  const session = useBrowser('chromium');

  it("asks whether the user's domain is the organisation's, then offers a tagged colleague's domain", async () => {
    const { browser, server } = session;
    const page = await browser.chromium!.context.newPage();
    await page.goto(server.urlFor('gmail/thread-long'));
    const panel = await openSidebar(page);

    // The page shows the signed-in address; no organisation is set yet, so the sidebar asks.
    const offer = panel.locator('[data-testid="own-domain-offer"]');
    await offer.waitFor({ timeout: 5_000 }).catch(async () => {
      throw new Error(`no question; the sidebar shows: ${await panel.locator('body').innerText()}`);
    });
    expect(await offer.getAttribute('data-domain')).toBe('acme.example');
    expect(await offer.textContent()).toContain('Are people at @acme.example your colleagues?');
    const before = await relationships(panel);
    expect(before['priya.shah@acme.example']).toBe('unknown');

    // By keyboard: focus "Yes" and press Enter.
    await offer.locator('[data-testid="domain-yes"]').focus();
    await page.keyboard.press('Enter');
    await panel.locator('[data-testid="domain-added"][data-domain="acme.example"]').waitFor();
    await expect
      .poll(async () => {
        const now = await relationships(panel);
        return [now['priya.shah@acme.example'], now['dana.kim@globex.example']];
      })
      .toEqual(['internal', 'external']);

    // Undo takes the domain out again, and the question comes back.
    await panel.locator('[data-testid="domain-undo"]').click();
    await offer.waitFor();
    await offer.locator('[data-testid="domain-yes"]').click();
    await panel.locator('[data-testid="domain-added"]').waitFor();

    // Someone at another company, tagged internal by hand: their domain is offered for everyone.
    const alex = panel.locator(
      '[data-testid="participant"][data-email="alex.chen@initech.example"]',
    );
    await alex.locator('[data-testid="tag-internal"]').click();
    const extend = panel.locator('[data-testid="extend-domain-offer"]');
    await extend.waitFor();
    expect(await extend.getAttribute('data-domain')).toBe('initech.example');
    expect(await extend.textContent()).toContain('like Alex Chen');
    await extend.locator('[data-testid="domain-no"]').click();
    await extend.waitFor({ state: 'detached' });

    // Asked once: after a reload neither question comes back.
    await page.reload();
    const again = await openSidebar(page);
    await again.locator('[data-testid="tag-internal"]').first().waitFor();
    expect(await again.locator('[data-testid="own-domain-offer"]').count()).toBe(0);
    await again
      .locator(
        '[data-testid="participant"][data-email="alex.chen@initech.example"] [data-testid="tag-internal"]',
      )
      .click();
    await again
      .locator(
        '[data-testid="participant"][data-email="alex.chen@initech.example"][data-relationship="internal"]',
      )
      .waitFor();
    expect(await again.locator('[data-testid="extend-domain-offer"]').count()).toBe(0);
    await page.close();
  });

  it('reaches the settings in one click from the sidebar', async () => {
    const { browser, server } = session;
    const context = browser.chromium!.context;
    const page = await context.newPage();
    await page.goto(server.urlFor('gmail/thread-long'));
    const panel = await openSidebar(page);
    const [settings] = await Promise.all([
      context.waitForEvent('page', { predicate: (p) => p.url().includes('/options.html') }),
      panel.locator('[data-testid="open-settings"]').click(),
    ]);
    await settings.locator('[data-testid="settings-form"]').waitFor();
    await settings.close();
    await page.close();
  });
});

describe('answering the question sorts the past', () => {
  const session = useBrowser('chromium');

  it('someone met at the domain before, still unknown, counts as internal once it is the organisation’s', async () => {
    const { browser, server } = session;
    const context = browser.chromium!.context;
    const popup = await context.newPage();
    await popup.goto(`${browser.extensionOrigin}/popup.html`);
    // Met this morning, before any organisation was set: not sorted, not counted.
    const ravi = helper('RAVI', 'Ravi Rao', 'ravi.rao@acme.example', 0);
    await seed(popup, {
      people: ravi.people!.map((p) => ({
        ...p,
        relationship: 'unknown',
        relationshipSource: 'rule',
      })),
      interactions: ravi.interactions!.map((i) => ({ ...i, relationship: 'unknown' })),
    });
    await popup.reload();
    const balance = popup.locator('[data-testid="balance"]');
    await popup.locator('[data-testid="unsorted"][data-count="1"]').waitFor();
    expect(await balance.getAttribute('data-internal')).toBe('0');

    const page = await context.newPage();
    await page.goto(server.urlFor('gmail/thread-long'));
    const panel = await openSidebar(page);
    await panel.locator('[data-testid="own-domain-offer"] [data-testid="domain-yes"]').click();

    // The popup follows the log as it changes: Ravi's morning now counts on the internal side.
    await popup.locator('[data-testid="balance"][data-internal="1"]').waitFor();
    expect(await popup.locator('[data-testid="unsorted"]').count()).toBe(0);
    await page.close();
    await popup.close();
  });
});

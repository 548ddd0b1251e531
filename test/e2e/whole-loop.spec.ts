/**
 * The loop a new user walks on day one, in Chromium, from a fresh profile: the welcome the
 * install opens (set up by keyboard, or skipped), a Gmail thread where the sidebar asks about the
 * user's own domain, a tag, a thank-you written by keyboard alone and delivered two ways, then one
 * thank-you in the popup and "Thanked today" on the person's card.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import type { LaunchedBrowser } from './launch.ts';
import { sidebarFrame } from './pages/in-page-sidebar.ts';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the driver, which extension pages' CSP does not apply to.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
      }
    ).axe;
    return (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** The welcome tab the install opened (the harness leaves it open here). */
async function welcomeTab(browser: LaunchedBrowser): Promise<Page> {
  // The install opens it: on a busy machine, a moment after the browser is up.
  const find = () =>
    browser.chromium!.context.pages().find((p) => p.url().endsWith('/welcome.html'));
  await expect.poll(() => find() !== undefined, { timeout: 10_000 }).toBe(true);
  const page = find();
  if (!page) throw new Error('the install opened no welcome');
  await page.locator('[data-testid="welcome"]').waitFor();
  return page;
}

const storedSettings = (page: Page) =>
  page.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome.storage.sync
      .get('settings')
      .then((s) => (s.settings ?? {}) as Record<string, unknown>),
  );

/** Which element has the keyboard's focus, by its test id. */
const focused = (target: Page | Frame) =>
  target.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? '');

/** Presses Tab until the element with this test id has focus (as a keyboard user would). */
async function tabTo(page: Page, target: Page | Frame, testid: string): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if ((await focused(target)) === testid) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testid} (focus is on "${await focused(target)}")`);
}

describe('the welcome', () => {
  const session = useBrowser('chromium', { keepWelcome: true });

  it('sets up the domain, the tools and a goal by keyboard in one go, and Done closes it', async () => {
    const { browser } = session;
    const welcome = await welcomeTab(browser);
    await welcome.screenshot({ path: 'test-results/screenshots/welcome.png', fullPage: true });
    expect(await axeViolations(welcome)).toEqual([]);
    await welcome.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(welcome)).toEqual([]);
    await welcome.emulateMedia({ colorScheme: 'light' });

    // Focus starts in the first field; the address fills the organisation's domain.
    await expect.poll(() => focused(welcome)).toBe('welcome-address');
    await welcome.keyboard.type('sam.rivera@acme.example');
    expect(await welcome.locator('[data-testid="org-domains"]').inputValue()).toBe('acme.example');
    // Not on Teams: its switch goes off from the keyboard.
    await tabTo(welcome, welcome, 'site-teams');
    await welcome.keyboard.press('Space');
    await tabTo(welcome, welcome, 'welcome-goal');
    await welcome.keyboard.press('ControlOrMeta+A');
    await welcome.keyboard.type('5');
    // A wrong goal is said, and nothing is saved.
    await welcome.keyboard.type('00');
    await welcome.keyboard.press('Enter');
    await welcome.locator('[data-testid="welcome-problems"]').waitFor();
    expect(await welcome.locator('[data-testid="welcome-problems"]').textContent()).toContain(
      'whole number from 0 to 100',
    );
    const options = await browser.chromium!.context.newPage();
    await options.goto(`${browser.extensionOrigin}/options.html`);
    expect(await storedSettings(options)).toEqual({});

    await welcome.bringToFront();
    await welcome.locator('[data-testid="welcome-goal"]').focus();
    await welcome.keyboard.press('Backspace');
    await welcome.keyboard.press('Backspace');
    // Enter acts on its key-down; the tab is gone before the key comes up.
    const closed = welcome.waitForEvent('close');
    await welcome.keyboard.down('Enter');
    await closed;
    const stored = await storedSettings(options);
    expect([
      stored.orgDomains,
      stored.weeklyThankGoal,
      (stored.sites as object)?.['teams' as never],
    ]).toEqual([['acme.example'], 5, false]);
    await options.close();
  });
});

describe('the whole loop', () => {
  const session = useBrowser('chromium', { keepWelcome: true });

  it('welcome skipped, the sidebar asks, a tag, a thank-you by keyboard delivered twice: one thank-you', async () => {
    const { browser, server } = session;
    const context = browser.chromium!.context;

    // The welcome, skipped from the keyboard: nothing is set.
    const welcome = await welcomeTab(browser);
    await tabTo(welcome, welcome, 'welcome-skip');
    const closed = welcome.waitForEvent('close');
    await welcome.keyboard.down('Enter');
    await closed;

    // In Gmail, the page shows the user's own address and no organisation is set: the sidebar asks.
    const page = await context.newPage();
    await page.goto(server.urlFor('gmail/thread-long'));
    await page.locator('[data-testid="launcher"]').waitFor();
    if ((await page.locator('inside-out-root').getAttribute('data-state')) !== 'open')
      await page.locator('[data-testid="launcher"]').click();
    const sidebar = await sidebarFrame(page);
    const offer = sidebar.locator('[data-testid="own-domain-offer"]');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('Are people at @acme.example your colleagues?');
    await offer.locator('[data-testid="domain-yes"]').focus();
    await page.keyboard.press('Enter');
    const priya = sidebar.locator(
      '[data-testid="participant"][data-email="priya.shah@acme.example"]',
    );
    await priya.and(sidebar.locator('[data-relationship="internal"]')).waitFor();

    // A tag: Dana, at a customer, marked external by hand.
    const dana = sidebar.locator(
      '[data-testid="participant"][data-email="dana.kim@globex.example"]',
    );
    await dana.locator('[data-testid="tag-external"]').focus();
    await page.keyboard.press('Enter');
    await dana.locator('[data-testid="tag-external"][aria-pressed="true"]').waitFor();

    // A thank-you by keyboard alone: Enter on Thank puts the focus in the first field.
    await dana.locator('[data-testid="thank"]').focus();
    await page.keyboard.press('Enter');
    const composer = sidebar.locator('[data-testid="composer"]');
    await composer.waitFor();
    // The composer moves the focus once it has rendered: waited for, so no keystroke goes first.
    await expect.poll(() => focused(sidebar)).toBe('composer-did');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('moved the delivery window to Thursday');
    await page.keyboard.press('Tab');
    await page.keyboard.type('we could ship the whole order at once');
    await page.screenshot({ path: 'test-results/screenshots/whole-loop-composer.png' });
    // Delivered twice: copied, then said in person.
    await tabTo(page, sidebar, 'send-copy');
    await page.keyboard.press('Enter');
    await composer.getByText('Copied and logged.').waitFor();
    await tabTo(page, sidebar, 'send-in-person');
    await page.keyboard.press('Enter');
    await composer.getByText('Logged. Thank you for noticing.').waitFor();
    await tabTo(page, sidebar, 'composer-done');
    await page.keyboard.press('Enter');

    // The person's card says so; the popup counts one thank-you.
    const history = dana.locator('[data-testid="person-history"][data-thanked="today"]');
    await history.waitFor();
    expect(await history.textContent()).toContain('Thanked today');
    await page.screenshot({ path: 'test-results/screenshots/whole-loop-sidebar.png' });
    const popup = await context.newPage();
    await popup.goto(`${browser.extensionOrigin}/popup.html`);
    await popup.locator('[data-testid="balance"][data-thanks="1"]').waitFor();
    await popup.close();

    // And the settings are one click from the sidebar.
    const [settings] = await Promise.all([
      context.waitForEvent('page', { predicate: (p) => p.url().includes('/options.html') }),
      sidebar.locator('[data-testid="open-settings"]').click(),
    ]);
    await settings.locator('[data-testid="org-domains"]').waitFor();
    expect(await settings.locator('[data-testid="org-domains"]').inputValue()).toBe('acme.example');
    await settings.close();
    await page.close();
  });
});

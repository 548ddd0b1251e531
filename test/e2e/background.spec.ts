/**
 * Background paths no driver can click, driven through the same handlers the browser calls
 * (Chromium): "Thank this person" and friends from the context menu, and the reminder alarm
 * turning into a notification, with its state surviving a stopped background.
 */
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import { callBackground } from './pages/background.ts';
import { helper, seed } from './pages/seed.ts';
import {
  findSidebarFrame,
  sidebarFrame,
  readInPageSidebar,
  waitForSidebarRoot,
} from './pages/in-page-sidebar.ts';

type Tab = { id: number; windowId: number; url: string };

async function tabAt(worker: Worker, urlPrefix: string): Promise<Tab> {
  return worker.evaluate(async (prefix) => {
    const api = (
      globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Tab[]> } } }
    ).chrome;
    const tabs = await api.tabs.query({});
    const tab = tabs.find((t) => t.url?.startsWith(prefix));
    if (!tab) throw new Error(`no tab at ${prefix}`);
    return { id: tab.id, windowId: tab.windowId, url: tab.url };
  }, urlPrefix);
}

describe('the background', () => {
  const session = useBrowser('chromium');

  it('“Thank this person” on a selected "Name <email>" opens the composer in the in-page sidebar', async () => {
    const { browser, server } = session;
    const page = await browser.newPage(server.urlFor('gmail/thread-long'));
    expect(await waitForSidebarRoot(page)).toBe(true);
    const worker = await browser.chromium!.serviceWorker();
    const tab = await tabAt(worker, 'https://mail.google.com/');
    const result = await callBackground<{ ok: boolean }>(
      browser,
      'onContextMenuClick',
      { menuItemId: 'thank', selectionText: 'Amy Chen <Amy.Chen@acme.example>', pageUrl: tab.url },
      tab,
    );
    expect(result.ok).toBe(true);
    // The panel opens on the page with the composer ready for Amy.
    let composer = '';
    for (let i = 0; i < 50 && !composer.includes('Thank Amy Chen'); i++) {
      const host = await readInPageSidebar(page);
      const frame = host.sidebarSrc ? await findSidebarFrame(page, host.sidebarSrc) : undefined;
      composer = frame
        ? await frame.evaluate(
            () => document.querySelector('[data-testid="composer"]')?.textContent ?? '',
          )
        : '';
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(composer).toContain('Thank Amy Chen');
    await page.close();
  });

  it('the keyboard shortcut offers the people of the open thread, and the thanks goes into the reply box', async () => {
    const { browser, server } = session;
    const page = await browser.chromium!.context.newPage();
    await page.goto(server.urlFor('gmail/thread-long'));
    await page.locator('inside-out-root').waitFor({ state: 'attached' });
    // The user has a reply open.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.setAttribute('contenteditable', 'true');
      box.setAttribute('aria-label', 'Message Body');
      box.id = 'reply';
      document.body.append(box);
    });
    const worker = await browser.chromium!.serviceWorker();
    const tab = await tabAt(worker, 'https://mail.google.com/');
    // The content script has read the thread and told the background (a user sees the sidebar).
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
    // What the command handler calls for Alt+Shift+T.
    await callBackground(browser, 'onContextMenuClick', { menuItemId: 'thank-here' }, tab);
    const panel = await sidebarFrame(page);
    await panel.locator('[data-testid="person-picker"]').waitFor();
    await panel.locator('[data-testid="person-picker"] button').first().click();
    const composer = panel.locator('[data-testid="composer"]');
    await composer.getByLabel('What did they do?').fill('found the held pallets');
    await composer.locator('[data-testid="send-insert"]').click();
    await composer.getByText('Logged').waitFor();
    expect(await page.locator('#reply').textContent()).toMatch(/found the held pallets/);
    // Said in person too: the same thank-you, delivered twice, is one.
    await composer.locator('[data-testid="send-in-person"]').click();
    await composer.locator('[data-testid="composer-done"]').click();
    // Back on the list, the person's card says so.
    await panel
      .locator('[data-testid="participant"] [data-testid="person-history"][data-thanked="today"]')
      .waitFor();
    expect(
      await panel.locator('[data-testid="person-history"][data-thanked="today"]').count(),
    ).toBe(1);
    expect(
      await panel.locator('[data-testid="person-history"][data-thanked="today"]').textContent(),
    ).toContain('Thanked today');
    const popup = await browser.chromium!.context.newPage();
    await popup.goto(`${browser.extensionOrigin}/popup.html`);
    await popup.locator('[data-testid="balance"][data-thanks="1"]').waitFor();
    await popup.close();
    await page.close();
  });

  it('marks a person from a mailto link, and asks which one when a name is ambiguous', async () => {
    const { browser, server } = session;
    const page = await browser.newPage(server.urlFor('harness/not-a-tool'));
    const tab = { id: -1, windowId: -1, url: 'https://example.org/' };
    const marked = await callBackground<{ ok: boolean; message: string }>(
      browser,
      'onContextMenuClick',
      { menuItemId: 'mark-external', linkUrl: 'mailto:pat@globex.example', pageUrl: tab.url },
      tab,
    );
    expect(marked).toEqual({ ok: true, message: expect.stringContaining('pat@globex.example') });
    const logged = await callBackground<{ ok: boolean }>(
      browser,
      'onContextMenuClick',
      { menuItemId: 'log', linkUrl: 'mailto:pat@globex.example', pageUrl: tab.url },
      tab,
    );
    expect(logged.ok).toBe(true);
    const nobody = await callBackground<{ ok: boolean; message: string }>(
      browser,
      'onContextMenuClick',
      {
        menuItemId: 'thank',
        selectionText: 'a whole paragraph of text that is clearly not anybody at all here',
        pageUrl: tab.url,
      },
      tab,
    );
    expect(nobody.ok).toBe(false);

    const panel = await browser.chromium!.context.newPage();
    await panel.goto(`${browser.extensionOrigin}/sidepanel.html?tab=people`);
    const pat = panel.locator('[data-testid="person"][data-name="pat@globex.example"]');
    await expect.poll(() => pat.getAttribute('data-relationship')).toBe('external');
    await expect.poll(() => pat.textContent()).toMatch(/1 interaction ·/);
    await panel.close();
    await page.close();
  });

  it('turns the reminder alarm into one nudge a day, acts on it, and keeps its state across a restart', async () => {
    const { browser } = session;
    const context = browser.chromium!.context;
    const page = await context.newPage();
    await page.goto(`${browser.extensionOrigin}/popup.html`);
    await seed(page, helper('PARK', 'Lee Park', 'lee.park@acme.example', 3));
    // No quiet hours for this test, whatever the machine's clock says.
    await page.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { sync: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.sync.set({
        settings: { quietHours: { start: '00:00', end: '00:00' }, weeklyThankGoal: 5 },
      }),
    );
    const worker = await browser.chromium!.serviceWorker();
    const alarms = () =>
      worker.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { alarms: { getAll(): Promise<Array<{ name: string }>> } };
          }
        ).chrome.alarms
          .getAll()
          .then((all) => all.map((a) => a.name).sort()),
      );
    await expect.poll(alarms).toEqual(['reminder', 'weekly-review']);

    expect(await callBackground(browser, 'reminderDue')).toBe('nudge');
    const notifications = () =>
      worker.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } };
          }
        ).chrome.notifications
          .getAll()
          .then((all) => Object.keys(all)),
      );
    expect(await notifications()).toContain('nudge');
    // At most one nudge a day.
    expect(await callBackground(browser, 'reminderDue')).toBe('none');

    // Stop the background: its state is in storage, not memory.
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.reload();
    expect(await callBackground(browser, 'reminderDue')).toBe('none');
    await expect.poll(alarms).toEqual(['reminder', 'weekly-review']);

    // "Thank now" opens the composer for the person the nudge named.
    await callBackground(browser, 'notificationClicked', 'nudge', 0);
    let composerPage: Page | undefined;
    await expect
      .poll(
        () =>
          (composerPage = context
            .pages()
            .find((p) => p.url().includes('sidepanel.html?tab=people'))) !== undefined,
      )
      .toBe(true);
    await composerPage!.locator('[data-testid="composer"]').waitFor();
    expect(await composerPage!.locator('[data-testid="composer"] h2').textContent()).toBe(
      'Thank Lee Park',
    );
    await composerPage!.close();

    // After three ignored prompts, it asks whether to keep them.
    await page.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.local.set({
        'reminder-state': { version: 1, ignoredInARow: 3, paused: false },
      }),
    );
    expect(await callBackground(browser, 'reminderDue')).toBe('ask-to-continue');
    await callBackground(browser, 'notificationClicked', 'ask-to-continue', 1);
    expect(await callBackground(browser, 'reminderDue')).toBe('none');
    await page.close();
  });
});

/**
 * The options page in Chromium: settings that save as they change, org domains with a live
 * preview, validation that refuses bad input and saves nothing, tools with the permission the
 * browser really holds, export/import, and a real custom-domain registration (script
 * registered, running, removed).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import { logByHand } from './pages/log-by-hand.ts';
import { waitForSidebarRoot } from './pages/in-page-sidebar.ts';
import { BUILD_DIRS } from './paths.ts';

const storedSettings = (page: Page) =>
  page.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome.storage.sync
      .get('settings')
      .then((s) => s.settings as Record<string, unknown> | undefined),
  );

describe('the options page', () => {
  const session = useBrowser('chromium');

  it('saves each setting as it changes, says so, and refuses bad input without saving', async () => {
    const { browser } = session;
    const context = browser.chromium!.context;
    const panel = await context.newPage();
    await panel.goto(`${browser.extensionOrigin}/sidepanel.html?tab=log`);
    await logByHand(panel, { name: 'Kenji Watanabe', relationship: 'internal', kind: 'meeting' });
    await panel.close();

    const page = await context.newPage();
    await page.goto(`${browser.extensionOrigin}/options.html`);
    await page.locator('[data-testid="settings-form"]').waitFor();
    // No Save button: the page saves as the user types, and says "Saved." where it stays in view.
    expect(
      await page
        .locator(
          '[data-testid="settings-form"] button:not([type="button"]), [data-testid="save-settings"]',
        )
        .count(),
    ).toBe(0);
    const status = page.locator('[data-testid="settings-status"]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await page.locator('[data-testid="org-domains"]').fill('acme.example');
    await expect
      .poll(() => page.locator('[data-testid="classification-preview"]').textContent())
      .toMatch(/of 1 person you know/);
    await page.locator('[data-testid="settings-status"][data-state="saved"]').waitFor();
    expect(await status.textContent()).toBe('Saved.');
    expect((await storedSettings(page))?.orgDomains).toEqual(['acme.example']);

    // A bad domain and an impossible band: a clear message, nothing saved.
    await page.locator('[data-testid="org-domains"]').fill('acme.example\nnot-a-domain');
    await page.getByLabel('Band minimum, percent').fill('90');
    await page.getByLabel('Band maximum, percent').fill('10');
    await page.locator('[data-testid="settings-status"][data-state="problem"]').waitFor();
    expect(await status.textContent()).toContain(
      'Not saved: “not-a-domain” is not a domain. Write it like acme.example.',
    );
    expect(await status.textContent()).toContain("the band's lower end must not be above");
    expect(await page.locator('[data-testid="org-domains"]').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await page.locator('h1').click();
    const stored = await storedSettings(page);
    expect(stored?.orgDomains).toEqual(['acme.example']);
    expect(stored?.band).toEqual({ min: 0.3, max: 0.7 });

    // Corrected, each saves; the page keeps what the user typed as typed.
    await page.locator('[data-testid="org-domains"]').fill('acme.example\nacme-labs.example');
    await page.getByLabel('Band maximum, percent').fill('95');
    await page.locator('[data-testid="settings-status"][data-state="saved"]').waitFor();
    await expect
      .poll(async () => {
        const now = await storedSettings(page);
        return [now?.orgDomains, now?.band];
      })
      .toEqual([['acme.example', 'acme-labs.example'], { min: 0.9, max: 0.95 }]);

    // Nothing is lost by leaving: a goal typed just before the tab closes is kept.
    await page.getByLabel('Weekly thank-you goal').fill('7');
    await page.close();
    const again = await context.newPage();
    await again.goto(`${browser.extensionOrigin}/options.html`);
    await expect.poll(async () => (await storedSettings(again))?.weeklyThankGoal).toBe(7);
    expect(await again.getByLabel('Weekly thank-you goal').inputValue()).toBe('7');

    // Every tool shows the access the browser really holds.
    await expect.poll(() => again.locator('text=access granted').count()).toBe(11);
    await again.screenshot({ path: 'test-results/screenshots/options.png', fullPage: true });
    await again.close();
  });

  it('exports everything and refuses a broken import with a list of problems, changing nothing', async () => {
    const { browser } = session;
    const page = await browser.chromium!.context.newPage();
    await page.goto(`${browser.extensionOrigin}/options.html`);
    const download = page.waitForEvent('download');
    await page.locator('[data-testid="export-json"]').click();
    const file = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
      format: string;
      people: Array<{ name: string }>;
      interactions: unknown[];
    };
    expect(file.format).toBe('inside-out');
    expect(file.people.map((p) => p.name)).toContain('Kenji Watanabe');

    const broken = { ...file, interactions: [{ id: 'nope' }] };
    await page.locator('[data-testid="import-file"]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await page.locator('[data-testid="import-problems"]').waitFor();
    expect(await page.locator('[data-testid="import-problems"] li').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="data-status"]').textContent()).toMatch(
      /Nothing was imported/,
    );

    // The same, valid file imports as "already here".
    await page.locator('[data-testid="import-file"]').setInputFiles({
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect
      .poll(() => page.locator('[data-testid="data-status"]').textContent())
      .toMatch(/0 added, 0 updated/);
    await page.close();
  });
});

/**
 * A browser's permission prompt is native UI no driver can click. This copy of the real build
 * has the self-hosted origin granted already, so `permissions.request` answers without a prompt
 * and everything after it (registration, the script running, removal) is the real code path.
 */
function preGrantedBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inside-out-custom-domain-'));
  cpSync(BUILD_DIRS.chromium, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push('https://jira.acme-corp.example/*');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

describe('a self-hosted tool from the options page', () => {
  const build = preGrantedBuild();
  const session = useBrowser('chromium', { extensionDir: build });
  afterAll(() => rmSync(build, { recursive: true, force: true }));

  it('adds a self-hosted tool: asks for that origin, registers the script, and removes both', async () => {
    const { browser, server } = session;
    const context = browser.chromium!.context;
    const page = await context.newPage();
    await page.goto(`${browser.extensionOrigin}/options.html`);
    await page.locator('[data-testid="custom-domain-form"] select').selectOption('jira');
    await page
      .locator('[data-testid="custom-domain-address"]')
      .fill('https://jira.acme-corp.example/browse/OPS-1');
    await page.locator('[data-testid="custom-domain-add"]').click();
    await expect
      .poll(() => page.locator('[data-testid="custom-domain-status"]').textContent(), {
        timeout: 10_000,
      })
      .toMatch(/Added https:\/\/jira\.acme-corp\.example as Jira/);
    expect(await page.locator('[data-testid="custom-domain"]').getAttribute('data-origin')).toBe(
      'https://jira.acme-corp.example',
    );

    // The Jira script now runs on that origin.
    const jira = await browser.newPage(server.urlFor('custom/jira-self-hosted'));
    expect(await waitForSidebarRoot(jira)).toBe(true);
    // Chrome frames the sidebar only on the supported tools' own addresses: here a real click
    // on the launcher opens the side panel instead, following this page's conversation.
    const host = context.pages().find((p) => p.url().startsWith('https://jira.acme-corp.example'))!;
    await host.locator('inside-out-root [data-testid="launcher"]').click();
    // Drivers see no side panel as a page; the extension itself lists its open contexts.
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
    await expect.poll(sidePanels, { timeout: 5_000 }).toEqual(['/sidepanel.html']);
    expect(host.frames().some((frame) => frame.url().endsWith('/sidebar.html'))).toBe(false);
    await jira.close();

    // Removing it unregisters the script (and gives the permission back; this copy's is built in).
    await page.getByRole('button', { name: 'Remove https://jira.acme-corp.example' }).click();
    await expect.poll(() => page.locator('[data-testid="custom-domain"]').count()).toBe(0);
    const registered = await page.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string }>> } };
        }
      ).chrome.scripting
        .getRegisteredContentScripts()
        .then((all) => all.map((s) => s.id)),
    );
    expect(registered).toEqual([]);

    // A tool added on another device arrives through sync: this device has no access to it,
    // and keeps it in the synced settings (offered to allow) rather than removing it everywhere.
    await page.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { sync: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.sync.set({
        'custom-domain:https://git.elsewhere.example': {
          tool: 'github',
          origin: 'https://git.elsewhere.example',
        },
      }),
    );
    const synced = page.locator('[data-origin="https://git.elsewhere.example"]');
    await synced.locator('[data-testid="not-allowed-here"]').waitFor();
    // The background heard the same change and synced this device's scripts: nothing removed.
    await page
      .getByRole('button', { name: 'Allow https://git.elsewhere.example on this device' })
      .waitFor();
    await page.reload();
    await synced.locator('[data-testid="not-allowed-here"]').waitFor();
    await page.screenshot({ path: 'test-results/screenshots/options-synced-domain.png' });
    // Renderers learn of the unregistration asynchronously: a fresh page soon stops getting it.
    let mounted = true;
    for (let attempt = 0; attempt < 5 && mounted; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const again = await browser.newPage(server.urlFor('custom/jira-self-hosted'));
      mounted = await waitForSidebarRoot(again, 1_500);
      await again.close();
    }
    expect(mounted).toBe(false);
    await page.close();
  });
});

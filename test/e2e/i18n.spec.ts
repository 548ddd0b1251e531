/**
 * "A translation is a file": this copy of the real build has its English messages.json replaced
 * by a pseudo-translation (every message wrapped in ⟦ ⟧, placeholders kept), so every word the
 * extension's pages show must arrive wrapped. A string left inline in the code shows up bare.
 * Data is exempt: the seeded people's names (marked « »), the conversation's participants,
 * addresses, the tools' product names, and the month and weekday names the browser's Intl writes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { MessageEntry } from '../../lib/i18n.ts';
import { TOOL_LABELS } from '../../lib/sites.ts';
import { useBrowser } from './harness.ts';
import {
  findSidebarFrame,
  openSidebar,
  readInPageSidebar,
  waitForSidebarRoot,
} from './pages/in-page-sidebar.ts';
import { helper, seed } from './pages/seed.ts';
import { BUILD_DIRS } from './paths.ts';

/** Gmail, Slack…: names of products, the same in every language. */
const PRODUCT_NAMES = Object.values(TOOL_LABELS);

function pseudoLocalisedBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inside-out-pseudo-'));
  cpSync(BUILD_DIRS.chromium, dir, { recursive: true });
  const path = join(dir, '_locales/en/messages.json');
  const messages = JSON.parse(readFileSync(path, 'utf8')) as Record<string, MessageEntry>;
  for (const entry of Object.values(messages)) entry.message = `⟦${entry.message}⟧`;
  writeFileSync(path, JSON.stringify(messages));
  return dir;
}

/** What a page shows that no message gave: text and labels with letters left after the exemptions. */
function untranslated(target: Page | Frame, data: string[]): Promise<string[]> {
  return target.evaluate((data) => {
    const intlWords = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const day = new Date(2026, i, 1 + (i % 7));
      for (const options of [
        { month: 'long' },
        { month: 'short' },
        { weekday: 'long' },
        { weekday: 'short' },
      ] as const) {
        intlWords.add(new Intl.DateTimeFormat(undefined, options).format(day));
      }
    }
    const bare = (raw: string): string => {
      let text = raw;
      for (let before = ''; before !== text;) {
        before = text;
        text = text.replace(/⟦[^⟦⟧]*⟧/g, ' ').replace(/«[^«»]*»/g, ' ');
      }
      for (const value of data) text = text.split(value).join(' ');
      return text
        .split(/\s+/)
        .map((word) => word.replace(/[,.;]$/, ''))
        .filter((word) => !/[:@/]|^[\w*-]+(\.[\w-]+)+$/.test(word)) // addresses, hosts, URLs
        .filter((word) => !intlWords.has(word))
        .join(' ')
        .trim();
    };
    const found: string[] = [];
    const report = (where: string, raw: string) => {
      const rest = bare(raw);
      if (/\p{L}/u.test(rest)) found.push(`${where}: "${raw.trim()}" → "${rest}"`);
    };
    report('title', document.title);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, textarea')) continue;
      report(`<${parent.localName}>`, node.textContent ?? '');
    }
    for (const element of document.body.querySelectorAll('*')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
        const value = element.getAttribute(name);
        if (value) report(`<${element.localName} ${name}>`, value);
      }
    }
    return found;
  }, data);
}

describe('every word the extension shows comes from _locales', () => {
  const build = pseudoLocalisedBuild();
  const session = useBrowser('chromium', { extensionDir: build });
  afterAll(() => rmSync(build, { recursive: true, force: true }));

  it('in the popup, every side-panel tab, the options page and the welcome, empty and with a log', async () => {
    const { browser } = session;
    const page = await browser.chromium!.context.newPage();
    const pages = [
      'popup.html',
      'sidepanel.html?tab=now',
      'sidepanel.html?tab=log',
      'sidepanel.html?tab=people',
      'sidepanel.html?tab=check-ins',
      'sidepanel.html?tab=review',
      'options.html',
      'welcome.html',
    ];
    const visit = async (path: string) => {
      await page.goto(`${browser.extensionOrigin}/${path}`);
      await page.locator('#app > *').first().waitFor();
      await page.waitForTimeout(400); // reads from IndexedDB settle
      return (await untranslated(page, PRODUCT_NAMES)).map((problem) => `${path} ${problem}`);
    };

    const empty: string[] = [];
    for (const path of pages) empty.push(...(await visit(path)));
    expect(empty).toEqual([]);

    await seed(page, helper('grace', '«Grace» «Okafor»', 'grace@acme.example', 3));
    await seed(page, helper('omar', '«Omar» «Haddad»', 'omar@acme.example', 12));
    const withLog: string[] = [];
    for (const path of pages) withLog.push(...(await visit(path)));
    expect(withLog).toEqual([]);
    // The check would catch a bare word: the pages did render text from messages.
    expect(await page.locator('body').textContent()).toContain('⟦');
    await page.close();
  });

  it('in the options page’s errors: a bad address and a file that is not an export', async () => {
    const { browser } = session;
    const page = await browser.chromium!.context.newPage();
    await page.goto(`${browser.extensionOrigin}/options.html`);
    await page.locator('[data-testid="custom-domain-address"]').fill('not an address');
    await page.locator('[data-testid="custom-domain-add"]').click();
    await expect
      .poll(() => page.locator('[data-testid="custom-domain-status"]').textContent())
      .toContain('⟦');
    for (const text of ['{ not json', '[]', JSON.stringify({ format: 'inside-out', version: 9 })]) {
      await page.locator('[data-testid="import-file"]').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await page.locator('[data-testid="import-problems"] li').first().waitFor();
      // (The browser's own JSON error goes inside our message, as a value.)
      const problems = await page.locator('[data-testid="import-problems"]').textContent();
      expect(problems).toMatch(/^⟦/);
      expect(await untranslated(page, [...PRODUCT_NAMES, 'not an address'])).toEqual([]);
    }
    await page.close();
  });

  it('in the in-page sidebar on Gmail', async () => {
    const { browser } = session;
    const page = await browser.newPage(
      'https://mail.google.com/mail/u/0/?ogbl#inbox/FMfcgzQXJWZkHhHlqzRnKbKNdpnGtrXs',
    );
    expect(await waitForSidebarRoot(page)).toBe(true);
    await openSidebar(page);
    // The conversation shows first; its people follow once the log has been read.
    await expect
      .poll(async () => (await readInPageSidebar(page)).participants.length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const sidebar = await readInPageSidebar(page);
    const frame = await findSidebarFrame(page, sidebar.sidebarSrc!);
    const names = sidebar.participants.flatMap((p) => [p.name ?? '', p.email ?? '']);
    const pwFrame = browser
      .chromium!.context.pages()
      .flatMap((p) => p.frames())
      .find((f) => f.url() === frame!.url());
    // The conversation's title is the host page's data, shown as it is.
    const title = await pwFrame!.locator('[data-testid="conversation"] .title').textContent();
    expect(
      await untranslated(pwFrame!, [...PRODUCT_NAMES, title ?? '', ...names.filter(Boolean)]),
    ).toEqual([]);
    expect(await pwFrame!.locator('body').textContent()).toContain('⟦');
    await page.close();
  });
});

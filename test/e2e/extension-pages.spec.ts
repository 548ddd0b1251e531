/**
 * Every extension page renders in Chromium without a console error, and leaves a screenshot in
 * SCREENSHOTS_DIR. (Firefox's BiDi cannot open moz-extension:// pages; see pages/extension-pages.)
 * The sidebar page opened on its own is the exception: nothing proved our content script opened
 * it, so it waits and shows nothing.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatErrors, useBrowser } from './harness.ts';
import { EXTENSION_PAGES, openExtensionPage } from './pages/extension-pages.ts';

describe('the extension pages in Chromium', () => {
  const session = useBrowser('chromium');

  it.each(EXTENSION_PAGES.filter((name) => name !== 'sidebar'))(
    '%s.html renders without console errors',
    async (name) => {
      const { browser } = session;
      browser.errors.length = 0;
      const page = await openExtensionPage(browser, name);
      const title = await page.evaluate(() => document.title);
      expect(title).not.toBe('');
      const shot = await page.screenshot(name);
      expect(existsSync(shot)).toBe(true);
      await page.close();
      expect(formatErrors(browser.errors)).toBe('');
    },
  );

  it('sidebar.html opened on its own waits, showing nothing, without console errors', async () => {
    const { browser } = session;
    browser.errors.length = 0;
    const page = await browser.newPage(`${browser.extensionOrigin}/sidebar.html`);
    expect(await page.waitForSelector('html[data-gate="waiting"]', 5_000)).toBe(true);
    const shown = await page.evaluate(() => ({
      title: document.title,
      controls: document.querySelectorAll('button, a, input, textarea, select').length,
      people: document.querySelectorAll('[data-testid="participant"]').length,
    }));
    expect(shown).toEqual({ title: expect.any(String), controls: 0, people: 0 });
    expect(shown.title).not.toBe('');
    await page.close();
    expect(formatErrors(browser.errors)).toBe('');
  });
});

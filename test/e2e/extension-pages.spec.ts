/**
 * Every extension page renders in Chromium without a console error, and leaves a screenshot in
 * SCREENSHOTS_DIR. (Firefox's BiDi cannot open moz-extension:// pages; see pages/extension-pages.)
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatErrors, useBrowser } from './harness.ts';
import { EXTENSION_PAGES, openExtensionPage } from './pages/extension-pages.ts';

describe('the extension pages in Chromium', () => {
  const session = useBrowser('chromium');

  it.each(EXTENSION_PAGES)('%s.html renders without console errors', async (name) => {
    const { browser } = session;
    browser.errors.length = 0;
    const page = await openExtensionPage(browser, name);
    const title = await page.evaluate(() => document.title);
    expect(title).not.toBe('');
    const shot = await page.screenshot(name);
    expect(existsSync(shot)).toBe(true);
    await page.close();
    expect(formatErrors(browser.errors)).toBe('');
  });
});

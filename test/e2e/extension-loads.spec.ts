/** The built extension loads in both browsers and its background reports no error. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatErrors, useBrowser } from './harness.ts';
import { BUILD_DIRS } from './paths.ts';

const manifest = (dir: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the extension loads', () => {
  describe('in Chromium', () => {
    const session = useBrowser('chromium');

    it('starts its service worker, which reports no error', async () => {
      const { browser } = session;
      const background = manifest(BUILD_DIRS.chromium).background as { service_worker: string };
      const worker = await browser.chromium!.serviceWorker();
      expect(worker.url()).toBe(`${browser.extensionOrigin}/${background.service_worker}`);
      const runtimeId = await worker.evaluate(
        () => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id,
      );
      expect(runtimeId).toBe(browser.extensionId);
      await settle(500);
      expect(formatErrors(browser.errors)).toBe('');
    });
  });

  describe('in Firefox', () => {
    const session = useBrowser('firefox');

    it('installs as a temporary add-on whose background reports no error', async () => {
      const { browser } = session;
      const gecko = (
        manifest(BUILD_DIRS.firefox).browser_specific_settings as {
          gecko: { id: string };
        }
      ).gecko;
      expect(browser.addonId).toBe(gecko.id);
      await settle(1_000);
      expect(formatErrors(browser.errors)).toBe('');
    });
  });
});

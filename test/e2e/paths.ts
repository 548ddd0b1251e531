/** Where the browser tests find the build, the fixtures and the browsers, and where they write. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The unpacked builds `wxt build` and `wxt build -b firefox` write. */
export const BUILD_DIRS: Readonly<Record<BrowserName, string>> = {
  chromium: join(REPO_ROOT, '.output/chrome-mv3'),
  firefox: join(REPO_ROOT, '.output/firefox-mv3'),
};

export const FIXTURES_DIR = join(REPO_ROOT, 'test/fixtures');

/** Screenshots of every extension page, `<browser>-<page>.png` (gitignored; the README uses them). */
export const SCREENSHOTS_DIR = join(REPO_ROOT, 'test-results/screenshots');

/** Debian's browsers; no test tool downloads one. */
export const EXECUTABLES: Readonly<Record<BrowserName, string>> = {
  chromium: process.env.IO_CHROMIUM ?? '/usr/bin/chromium',
  firefox: process.env.IO_FIREFOX ?? '/usr/bin/firefox-esr',
};

/**
 * The fixture server's HTTPS port. 443 lets Firefox reach it (its DNS override keeps the port);
 * Chromium can use any port (`IO_FIXTURE_PORT`), Firefox cannot.
 */
export const FIXTURE_PORT = Number(process.env.IO_FIXTURE_PORT ?? 443);
/** Plain HTTP, only to record stray http:// requests. */
export const FIXTURE_HTTP_PORT = Number(process.env.IO_FIXTURE_HTTP_PORT ?? 80);

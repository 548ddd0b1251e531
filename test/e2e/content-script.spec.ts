/**
 * The content script runs on the tools' real addresses (served locally, so the manifest's match
 * patterns apply unchanged) and nowhere else, in both browsers.
 */
import { MatchPattern } from '@webext-core/match-patterns';
import { describe, expect, it } from 'vitest';
import { formatErrors, useBrowser } from './harness.ts';
import { readInPageSidebar, waitForSidebarRoot } from './pages/in-page-sidebar.ts';
import { BROWSERS } from './paths.ts';

/**
 * Where the extension must run, written here independently of lib/sites.ts so that breaking the
 * manifest's match patterns fails this spec.
 */
const SUPPORTED = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  // On hosts anyone can make a site on, only where the tools show conversations (not a help
  // centre, a customer portal or a wiki a stranger can write).
  'https://*.atlassian.net/browse/*',
  'https://*.atlassian.net/jira/*',
  'https://*.atlassian.net/issues/*',
  'https://*.atlassian.net/projects/*',
  'https://*.atlassian.net/secure/*',
  'https://*.zendesk.com/agent/*',
  'https://github.com/*',
  'https://linear.app/*',
  'https://*.freshdesk.com/a/*',
  'https://*.freshdesk.com/helpdesk/*',
  'https://*.service-now.com/now/*',
  'https://*.service-now.com/*.do*',
  'https://app.slack.com/*',
  'https://teams.microsoft.com/*',
  'https://teams.cloud.microsoft/*',
  'https://chat.google.com/*',
].map((pattern) => new MatchPattern(pattern));
const isSupported = (url: URL): boolean => SUPPORTED.some((pattern) => pattern.includes(url.href));

/** How long "it does not appear" waits: the content script runs at document_idle. */
const ABSENCE_WAIT_MS = 1_500;

describe.each(BROWSERS)('the content script in %s', (name) => {
  const session = useBrowser(name);

  it('mounts <inside-out-root> with its launcher on Gmail at its real address', async () => {
    const { browser, server } = session;
    browser.errors.length = 0;
    const page = await browser.newPage(server.urlFor('harness/gmail-inbox'));
    expect(page.url()).toMatch(/^https:\/\/mail\.google\.com\/mail\/u\/0\/.*#inbox$/);
    expect(await waitForSidebarRoot(page)).toBe(true);
    const sidebar = await readInPageSidebar(page);
    expect(sidebar.roots).toBe(1);
    expect(sidebar.shadowRoot).toBe(true);
    expect(sidebar.launcher).toBe(true);
    await page.close();
    expect(formatErrors(browser.errors)).toBe('');
  });

  it('does not run on a host no tool lives at (https://example.org/)', async () => {
    const { browser, server } = session;
    const page = await browser.newPage(server.urlFor('harness/not-a-tool'));
    expect(page.url()).toBe('https://example.org/');
    expect(await waitForSidebarRoot(page, ABSENCE_WAIT_MS)).toBe(false);
    await page.close();
  });

  it('runs on every tool fixture at a supported address, and only there', async () => {
    const { browser, server } = session;
    browser.errors.length = 0;
    const wrong: string[] = [];
    const page = await browser.newPage();
    for (const fixture of server.fixtures.filter((f) => !f.id.startsWith('harness/'))) {
      const expected = isSupported(fixture.url);
      await page.goto(server.urlFor(fixture.id));
      const mounted = await waitForSidebarRoot(page, expected ? 5_000 : ABSENCE_WAIT_MS);
      if (mounted !== expected) {
        wrong.push(`${fixture.id} (${fixture.url.href}): ${mounted ? 'mounted' : 'no root'}`);
      }
    }
    await page.close();
    expect(wrong).toEqual([]);
    expect(formatErrors(browser.errors)).toBe('');
  });
});

/**
 * The network guard catches what it is there to catch: first on its own with made-up traffic,
 * then in each browser with a "canary" copy of the build whose background fetches URLs and
 * throws, to prove a background that fetches anything (or fails) makes a browser test fail.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from './fixture-server.ts';
import { useBrowser } from './harness.ts';
import { NetworkGuard } from './network-guard.ts';
import { BROWSERS, BUILD_DIRS, type BrowserName } from './paths.ts';

const hit = (
  host: string,
  path: string,
  extra: Partial<RecordedRequest> = {},
): RecordedRequest => ({
  scheme: 'https',
  method: 'GET',
  host,
  path,
  status: 200,
  at: 0,
  ...extra,
});

describe('the network guard on its own', () => {
  const allowedHosts = new Set(['mail.google.com', 'example.org']);

  it('lets fixture pages, favicons and blank pages through', () => {
    const serverLog = [
      hit('mail.google.com', '/mail/u/0/', { fetchDest: 'document' }),
      hit('mail.google.com', '/favicon.ico', { fetchDest: 'image' }),
      hit('elsewhere.test', '/__io/blank', { fetchDest: 'document' }),
      hit('update.googleapis.com', '/service/update2/json', { status: 404 }),
    ];
    const guard = new NetworkGuard({
      allowedHosts,
      serverLog,
      browserServiceHosts: ['update.googleapis.com'],
    });
    guard.observe({ url: 'https://mail.google.com/mail/u/0/', initiator: 'page', from: 'tab' });
    guard.observe({ url: 'chrome-extension://abc/popup.html', initiator: 'extension', from: 'x' });
    guard.observe({ url: 'data:image/gif;base64,R0lGOD', initiator: 'page', from: 'tab' });
    expect(guard.violations()).toEqual([]);
    expect(() => guard.assertClean()).not.toThrow();
  });

  it('reports a page request to a foreign host', () => {
    const guard = new NetworkGuard({ allowedHosts });
    guard.observe({ url: 'https://tracker.example.net/p', initiator: 'page', from: 'tab' });
    expect(guard.violations()).toEqual([
      'tab requested https://tracker.example.net/p, a host no fixture lives at',
    ]);
    expect(() => guard.assertClean()).toThrow(/tracker\.example\.net/);
  });

  it('reports any request the extension starts, even to a fixture host', () => {
    const guard = new NetworkGuard({ allowedHosts });
    guard.observe({ url: 'https://mail.google.com/x', initiator: 'extension', from: 'sw' });
    expect(guard.violations()).toEqual([
      'the extension requested https://mail.google.com/x (from sw)',
    ]);
  });

  it('reports what only the server saw', () => {
    const serverLog = [
      hit('evil.example.net', '/x', { origin: 'moz-extension://uuid', status: 404 }),
      hit('mail.google.com', '/api/sync', { status: 404 }),
      hit('mail.google.com', '/mail/u/0/', { fetchDest: 'empty' }),
      hit('update.googleapis.com', '/x', { status: 404 }),
    ];
    const guard = new NetworkGuard({ allowedHosts, serverLog });
    expect(guard.violations()).toEqual([
      'the extension (moz-extension://uuid) reached the server: https://evil.example.net/x',
      'something asked a fixture host for a page no fixture has: https://mail.google.com/api/sync',
      'a script fetched https://mail.google.com/mail/u/0/',
      'a request reached the server for a host no fixture lives at: https://update.googleapis.com/x',
    ]);
  });

  it('forgets earlier traffic on reset', () => {
    const serverLog = [hit('evil.example.net', '/x', { status: 404 })];
    const guard = new NetworkGuard({ allowedHosts, serverLog });
    guard.observe({ url: 'https://evil.example.net/y', initiator: 'page', from: 'tab' });
    guard.reset();
    expect(guard.violations()).toEqual([]);
  });
});

/** A copy of the build whose background fetches a foreign URL and a fixture host, then throws. */
function canaryBuild(browser: BrowserName): string {
  const dir = mkdtempSync(join(tmpdir(), `inside-out-canary-${browser}-`));
  cpSync(BUILD_DIRS[browser], dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    background: { service_worker?: string; scripts?: string[] };
  };
  const script = manifest.background.service_worker ?? manifest.background.scripts?.[0];
  if (!script) throw new Error(`no background script in ${dir}/manifest.json`);
  const canary = [
    "fetch('https://canary.example.net/phone-home').catch(() => {});",
    "fetch('https://mail.google.com/mail/u/0/?canary=1').catch(() => {});",
    "setTimeout(() => { throw new Error('canary uncaught error'); }, 2000);",
  ].join('\n');
  writeFileSync(join(dir, script), `${readFileSync(join(dir, script), 'utf8')}\n${canary}\n`);
  return dir;
}

const waitUntil = async (check: () => boolean, timeoutMs = 15_000): Promise<boolean> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
};

describe.each(BROWSERS)('the network guard in %s', (name) => {
  const canary = canaryBuild(name);
  const session = useBrowser(name, { extensionDir: canary, unguarded: true });
  afterAll(() => rmSync(canary, { recursive: true, force: true }));

  it('fails a test whose background fetches any URL or throws', async () => {
    const { browser, server } = session;
    const reached = await waitUntil(
      () =>
        server.requests.some((r) => r.host === 'canary.example.net') &&
        server.requests.some((r) => r.host === 'mail.google.com' && r.path.includes('canary')),
    );
    expect(reached).toBe(true);
    const violations = browser.guard.violations().join('\n');
    expect(violations).toMatch(/canary\.example\.net\/phone-home/);
    expect(violations).toMatch(/mail\.google\.com\/mail\/u\/0\/\?canary=1/);
    expect(() => browser.guard.assertClean()).toThrow(/Network guard/);
    expect(await waitUntil(() => browser.errors.some((e) => /canary uncaught/.test(e.text)))).toBe(
      true,
    );
    expect(browser.errors.find((e) => /canary uncaught/.test(e.text))?.source).toBe('extension');
  });

  it('reports a page that requests a foreign host', async () => {
    const { browser, server } = session;
    browser.guard.reset();
    const page = await browser.newPage(server.urlFor('harness/not-a-tool'));
    await page.evaluate(() =>
      fetch('https://tracker.example.net/pixel', { mode: 'no-cors' }).then(
        () => undefined,
        () => undefined,
      ),
    );
    await page.close();
    expect(browser.guard.violations().join('\n')).toMatch(/tracker\.example\.net\/pixel/);
  });
});

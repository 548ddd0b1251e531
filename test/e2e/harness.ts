/**
 * Vitest wiring for a spec that needs a browser: `const session = useBrowser('firefox')` inside a
 * describe block starts the fixture server and the browser before its tests and closes both
 * after. Around every test the network guard is reset and then asserted, together with "no
 * error came from the extension", so every browser test carries both checks.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server.ts';
import { launchBrowser, type LaunchedBrowser, type LoggedError } from './launch.ts';
import { FIXTURE_HTTP_PORT, FIXTURE_PORT, FIXTURES_DIR, type BrowserName } from './paths.ts';

export interface BrowserSession {
  /** The running browser (throws before `beforeAll` ran). */
  readonly browser: LaunchedBrowser;
  readonly server: FixtureServer;
}

export interface UseBrowserOptions {
  /** Load another unpacked build (canary tests). */
  extensionDir?: string;
  /** Chromium: a profile whose extension frames inside web pages are refused storage. */
  denyFrameStorage?: boolean;
  /** Skip the per-test network and extension-error checks (for tests of the guard itself). */
  unguarded?: boolean;
  /** Leave open the welcome a fresh install opens (closed by default). */
  keepWelcome?: boolean;
}

export function startServer(): Promise<FixtureServer> {
  return startFixtureServer({
    port: FIXTURE_PORT,
    httpPort: FIXTURE_HTTP_PORT,
    fixturesDir: FIXTURES_DIR,
  });
}

export const formatErrors = (errors: readonly LoggedError[]): string =>
  errors.map((e) => `[${e.source}] ${e.text}${e.url ? ` (${e.url})` : ''}`).join('\n');

export function useBrowser(name: BrowserName, options: UseBrowserOptions = {}): BrowserSession {
  let browser: LaunchedBrowser | undefined;
  let server: FixtureServer | undefined;

  beforeAll(async () => {
    server = await startServer();
    try {
      browser = await launchBrowser(name, {
        server,
        extensionDir: options.extensionDir,
        denyFrameStorage: options.denyFrameStorage,
        keepWelcome: options.keepWelcome,
      });
    } catch (error) {
      await server.close();
      throw error;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  if (!options.unguarded) {
    beforeEach(() => {
      browser?.guard.reset();
    });
    afterEach(() => {
      if (!browser) return;
      browser.guard.assertClean();
      const fromExtension = browser.errors.filter((e) => e.source === 'extension');
      if (fromExtension.length > 0) {
        throw new Error(`Errors from the extension:\n${formatErrors(fromExtension)}`);
      }
    });
  }

  return {
    get browser() {
      if (!browser) throw new Error(`${name} is not running (did beforeAll fail?)`);
      return browser;
    },
    get server() {
      if (!server) throw new Error('the fixture server is not running');
      return server;
    },
  };
}

/**
 * One launcher, two browsers: Debian's Chromium through playwright-core (CDP) and Debian's
 * Firefox ESR through puppeteer-core (WebDriver BiDi), each with the freshly built extension
 * loaded and every hostname sent to the local fixture server. Specs talk to the small common
 * interface below; `chromium` / `firefox` hold the raw driver objects for browser-specific work.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type Frame as PwFrame,
  type Page as PwPage,
  type Worker,
} from 'playwright-core';
import puppeteer, {
  type Browser as PptrBrowser,
  type Frame as PptrFrame,
  type Page as PptrPage,
} from 'puppeteer-core';
import type { FixtureServer } from './fixture-server.ts';
import { BROWSER_SERVICE_HOSTS, NetworkGuard, type Initiator } from './network-guard.ts';
import { BUILD_DIRS, EXECUTABLES, SCREENSHOTS_DIR, type BrowserName } from './paths.ts';

/** The moz-extension:// id Firefox gives the add-on (pinned by pref, so URLs are stable). */
export const FIREFOX_EXTENSION_UUID = '6f1c2a7e-1b2d-4c3e-9f4a-5b6c7d8e9f01';

export interface LoggedError {
  /** `extension`: its background, pages or in-page sidebar; `page`: the web page. */
  source: 'extension' | 'page';
  text: string;
  url?: string;
}

/** A frame of a page (the page itself or an iframe such as the sidebar). */
export interface TestFrame {
  url(): string;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

export interface TestPage extends TestFrame {
  goto(url: string): Promise<void>;
  /** Waits until `selector` matches in the light DOM; false on timeout. */
  waitForSelector(selector: string, timeoutMs?: number): Promise<boolean>;
  frames(): TestFrame[];
  /** Saves `<SCREENSHOTS_DIR>/<browser>-<name>.png` and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchedBrowser {
  name: BrowserName;
  /** Chromium's extension id, or Firefox's pinned moz-extension uuid. */
  extensionId: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  extensionOrigin: string;
  /** Firefox: the add-on id returned by installExtension. */
  addonId?: string;
  server: FixtureServer;
  guard: NetworkGuard;
  /** Console errors and uncaught errors seen so far; clear with `errors.length = 0`. */
  errors: LoggedError[];
  newPage(url?: string): Promise<TestPage>;
  close(): Promise<void>;
  chromium?: { context: BrowserContext; serviceWorker(): Promise<Worker> };
  firefox?: { browser: PptrBrowser };
}

export interface LaunchOptions {
  /** The running fixture server every hostname is sent to. */
  server: FixtureServer;
  /** Another unpacked build to load instead of `.output/<browser>-mv3` (canary tests). */
  extensionDir?: string;
  /** Show the browser window (the demo start script); headless by default. */
  headless?: boolean;
  /**
   * Chromium: a profile that refuses an extension frame inside a web page its storage, as
   * third-party storage blocking does (storage partitioning off, as in Playwright's defaults).
   */
  denyFrameStorage?: boolean;
  /**
   * Leave open the welcome a fresh install opens (tests of the welcome itself). By default the
   * launcher waits for it and closes it, so every test starts with the tabs it opens itself.
   */
  keepWelcome?: boolean;
}

/**
 * Debian's Chromium, quiet: no sandbox or GPU (containers), none of its own network chatter,
 * and every hostname sent to `target` (the fixture server) with its throw-away certificate.
 */
export function chromiumArgs(target: string, featuresOff: readonly string[] = []): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Autofill asks content-autofill.googleapis.com about every page with a form; network
    // time asks clients2.google.com for the time.
    `--disable-features=${['AutofillServerCommunication', 'NetworkTimeServiceQuerying', 'OptimizationGuideModelDownloading', 'OptimizationHintsFetching', 'OptimizationTargetPrediction', 'OptimizationGuideOnDeviceModel', ...featuresOff].join(',')}`,
    `--host-resolver-rules=MAP * ${target}`,
    '--ignore-certificate-errors',
  ];
}

export function launchBrowser(name: BrowserName, options: LaunchOptions): Promise<LaunchedBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

const screenshotPath = (browser: BrowserName, name: string): string => {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  return join(SCREENSHOTS_DIR, `${browser}-${name}.png`);
};

const newGuard = (server: FixtureServer, name: BrowserName): NetworkGuard =>
  new NetworkGuard({
    allowedHosts: server.hosts,
    serverLog: server.requests,
    browserServiceHosts: BROWSER_SERVICE_HOSTS[name],
  });

// ---------------------------------------------------------------- Chromium (playwright-core, CDP)

/** Reports uncaught errors in the service worker as console errors the context can see. */
const reportServiceWorkerErrors = (worker: Worker): Promise<void> =>
  worker
    .evaluate(() => {
      const scope = globalThis as unknown as {
        __ioErrorsReported?: boolean;
        addEventListener(type: string, listener: (event: unknown) => void): void;
      };
      if (scope.__ioErrorsReported) return;
      scope.__ioErrorsReported = true;
      scope.addEventListener('error', (event) =>
        console.error(
          `Uncaught ${String((event as ErrorEvent).error ?? (event as ErrorEvent).message)}`,
        ),
      );
      scope.addEventListener('unhandledrejection', (event) =>
        console.error(`Unhandled rejection ${String((event as PromiseRejectionEvent).reason)}`),
      );
    })
    .catch(() => undefined);

async function launchChromium({
  server,
  extensionDir,
  headless,
  denyFrameStorage,
  keepWelcome,
}: LaunchOptions): Promise<LaunchedBrowser> {
  const dir = extensionDir ?? BUILD_DIRS.chromium;
  const profile = mkdtempSync(join(tmpdir(), 'inside-out-chromium-'));
  // Every hostname to loopback: nothing leaves the machine, and the fixture server sees it all.
  // Without a port, https:// keeps 443 and http:// keeps 80.
  const target = server.port === 443 ? '127.0.0.1' : `127.0.0.1:${server.port}`;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLES.chromium,
    headless: headless ?? true,
    args: [
      ...chromiumArgs(target, denyFrameStorage ? ['ThirdPartyStoragePartitioning'] : []),
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
  });
  const guard = newGuard(server, 'chromium');
  const errors: LoggedError[] = [];
  let origin = '';
  const fromExtension = (url: string | undefined): boolean =>
    origin !== '' && (url ?? '').startsWith(origin);

  context.on('request', (request) => {
    const worker = request.serviceWorker();
    let initiator: Initiator = 'page';
    let from = worker ? `service worker ${worker.url()}` : '';
    if (worker) initiator = fromExtension(worker.url()) ? 'extension' : 'page';
    else {
      try {
        from = request.frame().url();
      } catch {
        // A navigation issued before its frame exists: a tab being opened (the welcome on install).
      }
      // A navigation is the test's doing, even when the tab showed an extension page before.
      if (!request.isNavigationRequest() && fromExtension(from)) initiator = 'extension';
    }
    guard.observe({ url: request.url(), initiator, from });
  });
  // An error is the extension's when its context, its script or its stack is at the extension's
  // origin (content-script errors surface on the page but point into the extension).
  const sourceOf = (...clues: (string | undefined)[]): LoggedError['source'] =>
    origin !== '' && clues.some((clue) => clue?.includes(origin)) ? 'extension' : 'page';
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.worker()?.url() ?? message.page()?.url();
    const text = message.text();
    errors.push({ source: sourceOf(url, message.location().url, text), text, url });
  });
  context.on('weberror', (webError) => {
    const url = webError.page()?.url();
    const error = webError.error();
    const text = String(error);
    errors.push({ source: sourceOf(url, text, error.stack), text, url });
  });

  const isOurs = (worker: Worker): boolean => worker.url().startsWith('chrome-extension://');
  context.on('serviceworker', (worker) => {
    if (isOurs(worker)) void reportServiceWorkerErrors(worker);
  });
  const serviceWorker = async (): Promise<Worker> => {
    const running = context.serviceWorkers().find(isOurs);
    if (running) return running;
    return context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 10_000 });
  };
  let worker: Worker;
  try {
    worker = await serviceWorker();
  } catch (error) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    throw new Error(
      `The extension's service worker never started from ${dir}: does background.js throw at ` +
        `the top level, or did a build rewrite the folder meanwhile? (${String(error)})`,
    );
  }
  await reportServiceWorkerErrors(worker);
  const extensionId = new URL(worker.url()).host;
  origin = `chrome-extension://${extensionId}`;
  // A fresh profile is a fresh install: the extension opens its welcome once.
  const isWelcome = (page: PwPage): boolean => page.url() === `${origin}/welcome.html`;
  const welcome =
    context.pages().find(isWelcome) ??
    (await context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }));
  if (!keepWelcome) await welcome.close();

  const wrapFrame = (frame: PwFrame): TestFrame => ({
    url: () => frame.url(),
    evaluate: (fn, arg) => frame.evaluate(fn, arg as never),
  });
  const wrapPage = (page: PwPage): TestPage => ({
    ...wrapFrame(page.mainFrame()),
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    async waitForSelector(selector, timeoutMs = 5_000) {
      return page
        .waitForSelector(selector, { state: 'attached', timeout: timeoutMs })
        .then(() => true)
        .catch(() => false);
    },
    frames: () => page.frames().map(wrapFrame),
    async screenshot(name) {
      const path = screenshotPath('chromium', name);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: () => page.close(),
  });

  return {
    name: 'chromium',
    extensionId,
    extensionOrigin: origin,
    server,
    guard,
    errors,
    async newPage(url) {
      const page = wrapPage(await context.newPage());
      if (url) await page.goto(url);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
    chromium: { context, serviceWorker },
  };
}

// ------------------------------------------------------------ Firefox (puppeteer-core, BiDi)

const geckoId = (dir: string): string => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
};

async function launchFirefox({
  server,
  extensionDir,
  headless,
  keepWelcome,
}: LaunchOptions): Promise<LaunchedBrowser> {
  if (server.port !== 443) {
    throw new Error(
      `Firefox needs the fixture server on port 443 (it is on ${server.port}): its DNS override ` +
        'sends hostnames to 127.0.0.1 but keeps the port.',
    );
  }
  const dir = extensionDir ?? BUILD_DIRS.firefox;
  const id = geckoId(dir);
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    headless: headless ?? true,
    acceptInsecureCerts: true,
    // Lets the remote-settings pref below take effect in a release build.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      // Every hostname to loopback: nothing leaves the machine, the fixture server sees it all.
      'network.dns.forceResolve': '127.0.0.1',
      // MV3 host permissions granted at install, as a user accepting the prompt would.
      'extensions.originControls.grantByDefault': true,
      'extensions.webextensions.uuids': JSON.stringify({ [id]: FIREFOX_EXTENSION_UUID }),
      // Keep Firefox's own remote-settings polling off the network.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
    },
  });
  const guard = newGuard(server, 'firefox');
  const errors: LoggedError[] = [];
  const fromExtension = (url: string | undefined): boolean => (url ?? '').startsWith(origin);
  const sourceOf = (...clues: (string | undefined)[]): LoggedError['source'] =>
    clues.some((clue) => clue?.includes(origin)) ? 'extension' : 'page';

  // Firefox prints uncaught errors of every context, the add-on's background included, as
  // "JavaScript error: <url>, line <n>: <message>". Pages are covered by BiDi events below.
  let pending = '';
  const onOutput = (chunk: Buffer): void => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^JavaScript error: (moz-extension:\/\/\S+?), line \d+: (.*)$/.exec(line);
      if (match) errors.push({ source: 'extension', text: match[2] ?? line, url: match[1] });
    }
  };
  browser.process()?.stderr?.on('data', onOutput);
  browser.process()?.stdout?.on('data', onOutput);

  let addonId: string;
  const before = new Set(browser.targets());
  try {
    addonId = await browser.installExtension(dir);
  } catch (error) {
    await browser.close();
    throw new Error(`Firefox refused the add-on in ${dir}: ${String(error)}`);
  }
  // The install opens the welcome in a tab of its own (BiDi reports its address as
  // about:blank): the only page that was not there before.
  const welcome = await browser.waitForTarget(
    (target) => target.type() === 'page' && !before.has(target),
    { timeout: 10_000 },
  );
  if (!keepWelcome) await (await welcome.page())?.close();

  const wrapFrame = (frame: PptrFrame): TestFrame => ({
    url: () => frame.url(),
    evaluate: (fn, arg) => frame.evaluate(fn as never, arg as never) as never,
  });
  const wrapPage = (page: PptrPage): TestPage => {
    page.on('request', (request) => {
      const from = request.frame()?.url() ?? page.url();
      const initiator: Initiator =
        !request.isNavigationRequest() && fromExtension(from) ? 'extension' : 'page';
      guard.observe({ url: request.url(), initiator, from });
    });
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      const at = message.location().url;
      errors.push({ source: sourceOf(at, text), text, url: at ?? page.url() });
    });
    page.on('pageerror', (error) => {
      const text = String(error);
      errors.push({
        source: sourceOf(text, error instanceof Error ? error.stack : undefined),
        text,
        url: page.url(),
      });
    });
    return {
      ...wrapFrame(page.mainFrame()),
      async goto(url) {
        await page.goto(url, { waitUntil: 'load' });
      },
      async waitForSelector(selector, timeoutMs = 5_000) {
        return page
          .waitForSelector(selector, { timeout: timeoutMs })
          .then(() => true)
          .catch(() => false);
      },
      frames: () => page.frames().map(wrapFrame),
      async screenshot(name) {
        const path = screenshotPath('firefox', name);
        await page.screenshot({ path, fullPage: true });
        return path;
      },
      close: () => page.close(),
    };
  };

  return {
    name: 'firefox',
    extensionId: FIREFOX_EXTENSION_UUID,
    extensionOrigin: origin,
    addonId,
    server,
    guard,
    errors,
    async newPage(url) {
      const page = wrapPage(await browser.newPage());
      if (url) await page.goto(url);
      return page;
    },
    async close() {
      await browser.close();
    },
    firefox: { browser },
  };
}

/**
 * `npm start`: build both browsers' extensions, serve the demo workplace (demo/workplace/: an
 * inbox, a ticket and a chat channel at the tools' real addresses) and open a browser with the
 * extension loaded on it, with a month of sample history imported through the options page.
 *
 *   npm start                      Chromium, with the sample history
 *   npm start -- --no-history      start from an empty log
 *   npm start -- --firefox         Firefox ESR (needs port 443, so root)
 *   npm start -- --screenshots     headless: write docs/screenshots/*.png and exit
 *                                  (scripts/screenshots.ts)
 *   npm start -- --no-build        reuse .output/ as it is
 *
 * Without a display (no DISPLAY or WAYLAND_DISPLAY) it says how to load the build by hand.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_ORG_DOMAIN, GMAIL_THREADS, HISTORY_FILE, writeHistory } from '../demo/history.ts';
import { startFixtureServer, type FixtureServer } from '../test/e2e/fixture-server.ts';
import { launchBrowser, type LaunchedBrowser } from '../test/e2e/launch.ts';
import { BUILD_DIRS, EXECUTABLES, REPO_ROOT, type BrowserName } from '../test/e2e/paths.ts';
import { openSidebar, takeScreenshots } from './screenshots.ts';

const DEMO_DIR = join(REPO_ROOT, 'demo/workplace');

const DEMO_PAGES = {
  mail: `https://mail.google.com/mail/u/0/#inbox/${GMAIL_THREADS.pallets}`,
  ticket: 'https://brightwater.atlassian.net/browse/OPS-214',
  chat: 'https://app.slack.com/client/T0BRIGHTW1/C07GLOBEX01',
} as const;

const USAGE = `Usage: npm start -- [--firefox] [--no-history | --with-history] [--screenshots] [--no-build]`;

interface Options {
  browser: BrowserName;
  history: boolean;
  screenshots: boolean;
  build: boolean;
}

function parseArgs(args: string[]): Options {
  const options: Options = { browser: 'chromium', history: true, screenshots: false, build: true };
  for (const arg of args) {
    if (arg === '--firefox') options.browser = 'firefox';
    else if (arg === '--chromium' || arg === '--chrome') options.browser = 'chromium';
    else if (arg === '--no-history') options.history = false;
    else if (arg === '--with-history') options.history = true;
    else if (arg === '--screenshots') options.screenshots = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`Unknown option ${arg}\n${USAGE}`);
      process.exit(2);
    }
  }
  return options;
}

const say = (text: string): void => console.log(`\n${text}`);
const rel = (path: string): string => relative(process.cwd(), path) || '.';

const LOAD_BY_HAND = `Load it by hand:
  Chrome / Chromium: open chrome://extensions, switch on "Developer mode", choose
    "Load unpacked" and pick ${rel(BUILD_DIRS.chromium)}
  Firefox: open about:debugging#/runtime/this-firefox, choose "Load Temporary Add-on…" and
    pick ${rel(join(BUILD_DIRS.firefox, 'manifest.json'))}
  Then open Gmail, Jira or Slack and click the "Inside Out" tab on the page's right edge.
  Sample history to try it with (made-up people; "Wipe everything…" removes them): Settings →
    Your data → "Import a JSON export…" → ${rel(HISTORY_FILE)}`;

function build(): void {
  say('Building the extension for Chrome and Firefox (npm run build)…');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: REPO_ROOT });
  if (result.status !== 0) {
    console.error('\nThe build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}

function browserMissing(name: BrowserName): boolean {
  if (existsSync(EXECUTABLES[name])) return false;
  const pkg = name === 'chromium' ? 'chromium' : 'firefox-esr';
  console.error(
    `\n${EXECUTABLES[name]} is missing. The demo uses Debian's ${pkg}; install the browsers with\n` +
      `  sudo apt-get update && sudo apt-get install -y chromium firefox-esr\n` +
      `or, as root, run  bash scripts/ensure-browsers.sh`,
  );
  return true;
}

async function startServer(name: BrowserName): Promise<FixtureServer> {
  // Chromium maps every host to any port; Firefox's DNS override keeps the URL's port (443).
  const port = name === 'chromium' ? 0 : 443;
  try {
    return await startFixtureServer({ port, fixturesDir: DEMO_DIR });
  } catch (error) {
    console.error(`\n${(error as Error).message}`);
    if (name === 'firefox') {
      console.error(
        'Firefox reaches the demo pages only on port 443, which needs root (or a free port 443).\n' +
          'Run it as root (sudo npm start -- --firefox), or use Chromium: npm start',
      );
    }
    process.exit(1);
  }
}

// ------------------------------------------------------------------- driving the real UI

/** Sets the demo company's domain and imports the history through the options page. */
async function prepareChromium(context: BrowserContext, origin: string, history: boolean) {
  const options = await context.newPage();
  await options.goto(`${origin}/options.html`);
  await options.fill('[data-testid="org-domains"]', DEMO_ORG_DOMAIN);
  // The page saves as the field changes, and says so.
  await options
    .locator('[data-testid="settings-status"][data-state="saved"]')
    .waitFor({ timeout: 10_000 });
  if (history) {
    await options.setInputFiles('input[type=file][data-testid="import-file"]', HISTORY_FILE);
    const status = options.locator('[data-testid="data-status"]');
    await status.filter({ hasText: /^(Imported|Nothing was imported)/ }).waitFor({
      timeout: 30_000,
    });
    const text = (await status.textContent())?.trim() ?? '';
    if (!text.startsWith('Imported')) throw new Error(`The sample history did not import: ${text}`);
    console.log(`  Sample history: ${text}`);
  }
  return options;
}

// ------------------------------------------------------------------------------- main

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const display = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

  if (options.build) build();
  if (options.history) {
    const file = await writeHistory(new Date());
    say(`Sample history for the last month written to ${rel(file)}.`);
    console.log('  (Start without it: npm start -- --no-history)');
  } else {
    say('Starting without the sample history (drop --no-history to load a month of it).');
  }

  if (!display && !options.screenshots) {
    say(
      `Built: ${rel(BUILD_DIRS.chromium)} (Chrome) and ${rel(BUILD_DIRS.firefox)} (Firefox).\n\n` +
        'No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window can\n' +
        `open. ${LOAD_BY_HAND}\n\n` +
        'To see it on this machine anyway, write screenshots of the in-page sidebar, the composer,\n' +
        'the popup, the side panel, the welcome and the settings to docs/screenshots/:\n' +
        '  npm start -- --screenshots',
    );
    return;
  }

  if (options.screenshots && options.browser === 'firefox') {
    console.error(
      'Screenshots are taken in Chromium (Firefox cannot open extension pages by script).',
    );
    options.browser = 'chromium';
  }
  if (browserMissing(options.browser)) {
    say(`Meanwhile, the build is ready. ${LOAD_BY_HAND}`);
    process.exit(1);
  }

  const server = await startServer(options.browser);
  let browser: LaunchedBrowser;
  try {
    browser = await launchBrowser(options.browser, {
      server,
      headless: options.screenshots || !display,
    });
  } catch (error) {
    await server.close();
    console.error(`\nThe browser did not start: ${(error as Error).message}`);
    console.error('If the build was being rewritten meanwhile, run npm start again.');
    process.exit(1);
  }
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await server.close();
  };

  try {
    if (options.screenshots) {
      await prepareChromium(browser.chromium!.context, browser.extensionOrigin, options.history);
      const written = await takeScreenshots(
        browser.chromium!.context,
        browser.extensionOrigin,
        DEMO_PAGES.mail,
      );
      say(`Screenshots:\n${written.map((path) => `  ${rel(path)}`).join('\n')}`);
      await stop();
      return;
    }

    if (browser.chromium) {
      const context = browser.chromium.context;
      const settings = await prepareChromium(context, browser.extensionOrigin, options.history);
      const pages: Page[] = [];
      for (const url of [DEMO_PAGES.ticket, DEMO_PAGES.chat, DEMO_PAGES.mail]) {
        const page = await context.newPage();
        await page.goto(url);
        pages.push(page);
      }
      await settings.close();
      for (const page of context.pages()) if (!pages.includes(page)) await page.close();
      const mail = pages[pages.length - 1]!;
      await mail.bringToFront();
      await openSidebar(mail).catch(() => undefined);
      say(
        'Chromium is open on the demo workplace: an inbox (mail.google.com), a ticket\n' +
          '(brightwater.atlassian.net) and a chat channel (app.slack.com), all served from this\n' +
          'machine. The "Inside Out" tab on the right edge opens the in-page sidebar; the\n' +
          "toolbar's puzzle icon holds the popup. Close the browser (or press Ctrl+C) to stop.",
      );
      await new Promise<void>((resolve) => {
        context.on('close', () => resolve());
        process.once('SIGINT', () => resolve());
      });
    } else {
      const ff = browser.firefox!.browser;
      const pages = await ff.pages();
      for (const url of [DEMO_PAGES.ticket, DEMO_PAGES.chat, DEMO_PAGES.mail]) {
        const page = await ff.newPage();
        await page.goto(url);
      }
      for (const page of pages) await page.close().catch(() => undefined);
      say(
        'Firefox is open on the demo workplace (inbox, ticket, chat). Click the "Inside Out" tab\n' +
          "on a page's right edge. Firefox does not let a script open the add-on's pages, so for\n" +
          "the sample history open the add-on's settings (about:addons → Inside Out → Options →\n" +
          `Your data → "Import a JSON export…") and pick ${rel(HISTORY_FILE)}, and set the\n` +
          `org domain to ${DEMO_ORG_DOMAIN}. Close the browser (or press Ctrl+C) to stop.`,
      );
      await new Promise<void>((resolve) => {
        ff.on('disconnected', () => resolve());
        process.once('SIGINT', () => resolve());
      });
    }
  } catch (error) {
    console.error(`\n${(error as Error).stack ?? String(error)}`);
    await stop();
    process.exit(1);
  }
  await stop();
}

await main();

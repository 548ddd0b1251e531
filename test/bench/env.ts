/**
 * What every browser benchmark needs: a throw-away copy of the built extension (so a rebuild of
 * `.output/` during the run cannot change what is measured, and so the store benchmark can add
 * its page without touching the build), a fixture server on a port of its own, and Chromium
 * with the extension and without it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { gmailSizedPage } from './extract.bench.ts';
import { startFixtureServer, type FixtureServer } from '../e2e/fixture-server.ts';
import { chromiumArgs, launchBrowser, type LaunchedBrowser } from '../e2e/launch.ts';
import { BUILD_DIRS, EXECUTABLES, FIXTURES_DIR, REPO_ROOT } from '../e2e/paths.ts';

/** Not 443: the e2e suite may be using that port at the same time. */
export const BENCH_PORT = Number(process.env.IO_BENCH_PORT ?? 8443);

export const STORE_PAGE = 'bench-store.html';
/** A blank extension page: what any page of ours costs to open, for the popup's comparison. */
export const BLANK_PAGE = 'bench-blank.html';

/** Fixture ids in the bench's own fixtures folder. */
export const FIXTURES = {
  heavy: 'gmail/heavy',
  inbox: 'gmail/inbox',
  long: 'gmail/thread-long',
  legacy: 'gmail/thread-legacy',
} as const;

/** The build measured: `.output/chrome-mv3`, or `IO_BENCH_BUILD` (see wxt.bench.config.ts). */
export const BUILD_DIR = process.env.IO_BENCH_BUILD ?? BUILD_DIRS.chromium;

export function requireBuild(): string {
  const dir = BUILD_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(
      `No build at ${dir}.\nRun \`npm run build\` first: the benchmarks measure the real build.`,
    );
    process.exit(1);
  }
  return dir;
}

export interface BenchEnv {
  work: string;
  extensionDir: string;
  fixturesDir: string;
  server: FixtureServer;
  cleanup(): Promise<void>;
}

/** Copies the build and adds the store page (lib/store bundled by esbuild) to the copy only. */
export async function prepare(): Promise<BenchEnv> {
  const work = mkdtempSync(join(tmpdir(), 'inside-out-bench-'));
  const extensionDir = join(work, 'extension');
  cpSync(requireBuild(), extensionDir, { recursive: true });
  await build({
    entryPoints: [join(REPO_ROOT, 'test/bench/store-page.ts')],
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    minify: true,
    outfile: join(extensionDir, 'bench-store.js'),
    tsconfig: join(REPO_ROOT, 'tsconfig.json'),
    logLevel: 'silent',
  });
  writeFileSync(
    join(extensionDir, STORE_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>store bench</title>' +
      '<script type="module" src="/bench-store.js"></script></head><body></body></html>',
  );

  // It boots as the popup does (a module script that renders) and renders the element the popup
  // probe waits for, with no data behind it.
  writeFileSync(
    join(extensionDir, 'bench-blank.js'),
    "const p = document.createElement('p'); p.dataset.testid = 'balance'; p.dataset.internal = '0';" +
      " p.textContent = '0'; document.getElementById('app').append(p);",
  );
  writeFileSync(
    join(extensionDir, BLANK_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title>' +
      '<script type="module" src="/bench-blank.js"></script></head><body><div id="app"></div></body></html>',
  );

  // The bench's fixtures: three real Gmail fixtures and the Gmail-sized page (5,000+ elements).
  const fixturesDir = join(work, 'fixtures');
  mkdirSync(join(fixturesDir, 'gmail'), { recursive: true });
  for (const name of ['inbox', 'thread-long', 'thread-legacy']) {
    cpSync(join(FIXTURES_DIR, 'gmail', `${name}.html`), join(fixturesDir, 'gmail', `${name}.html`));
  }
  writeFileSync(join(fixturesDir, 'gmail', 'heavy.html'), heavyPage());
  const server = await startFixtureServer({ port: BENCH_PORT, fixturesDir });
  return {
    work,
    extensionDir,
    fixturesDir,
    server,
    async cleanup() {
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** The Gmail-sized page with a reply box open under the thread, as when the user replies. */
function heavyPage(): string {
  const reply =
    '<div class="ip iq" data-bench="reply"><div class="Am Al editable LW-avf" role="textbox" ' +
    'aria-label="Message Body" aria-multiline="true" contenteditable="true" tabindex="1" ' +
    'style="min-height:80px;border:1px solid #ccc"><br></div></div>';
  // Inside the thread view ([role="main"]), where Gmail puts it: typing there is inside the
  // part of the page the content script watches.
  // Its own address (the inbox's path, told apart by the server's io-fixture parameter).
  const page = gmailSizedPage().replace(
    'content="https://mail.google.com/mail/u/0/?ogbl#inbox/',
    'content="https://mail.google.com/mail/u/0/#inbox/',
  );
  const at = page.indexOf('<div role="list">');
  if (at < 0) throw new Error('the Gmail-sized page has no message list');
  return page.slice(0, at) + reply + page.slice(at);
}

export function launchWithExtension(env: BenchEnv): Promise<LaunchedBrowser> {
  return launchBrowser('chromium', { server: env.server, extensionDir: env.extensionDir });
}

/** The same Chromium, same flags, no extension: the baseline for the host page. */
export function launchWithout(env: BenchEnv): Promise<Browser> {
  return chromium.launch({
    executablePath: EXECUTABLES.chromium,
    headless: true,
    args: chromiumArgs(`127.0.0.1:${env.server.port}`),
  });
}

/**
 * What each entrypoint of a build loads, gzipped: an HTML page's module scripts and everything
 * they import statically (the chunks the page must fetch before it runs), a content script or
 * the background as its one file. Dynamic imports are counted apart ("lazy"), loaded only when
 * used. Shared by `npm run bench` and `scripts/check-size.ts`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrySize {
  name: string;
  kind: 'page' | 'content script' | 'background';
  files: string[];
  raw: number;
  gzip: number;
  /** Chunks imported dynamically (not loaded at start). */
  lazyGzip: number;
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Static and dynamic relative imports of one built ES module. */
function importsOf(code: string): { static: string[]; dynamic: string[] } {
  const statics = [
    ...code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g),
  ]
    .map((m) => m[1]!)
    .concat(
      [...code.matchAll(/export\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+)["']/g)].map((m) => m[1]!),
    );
  const dynamic = [...code.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
  return { static: statics, dynamic };
}

function closure(dir: string, roots: string[]): { files: string[]; lazy: string[] } {
  const seen = new Set<string>();
  const lazy = new Set<string>();
  const visit = (rel: string) => {
    if (seen.has(rel)) return;
    const file = join(dir, rel);
    if (!existsSync(file)) return;
    seen.add(rel);
    const { static: deps, dynamic } = importsOf(readFileSync(file, 'utf8'));
    for (const dep of deps) visit(posix.normalize(posix.join(posix.dirname(rel), dep)));
    for (const dep of dynamic) lazy.add(posix.normalize(posix.join(posix.dirname(rel), dep)));
  };
  for (const root of roots) visit(root);
  return { files: [...seen], lazy: [...lazy].filter((f) => !seen.has(f)) };
}

export function entrySizes(dir: string): EntrySize[] {
  const sizes: EntrySize[] = [];
  const measure = (name: string, kind: EntrySize['kind'], roots: string[]) => {
    const { files, lazy } = closure(dir, roots);
    const lazyAll = closure(dir, lazy).files.filter((f) => !files.includes(f));
    sizes.push({
      name,
      kind,
      files,
      raw: files.reduce((sum, f) => sum + readFileSync(join(dir, f)).length, 0),
      gzip: files.reduce((sum, f) => sum + gz(join(dir, f)), 0),
      lazyGzip: lazyAll.reduce((sum, f) => sum + gz(join(dir, f)), 0),
    });
  };
  for (const html of readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    if (html.startsWith('bench-')) continue;
    const text = readFileSync(join(dir, html), 'utf8');
    const roots = [
      ...text.matchAll(/<script[^>]*\bsrc="([^"]+)"/g),
      ...text.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    ].map((m) => m[1]!.replace(/^\//, ''));
    measure(html.replace(/\.html$/, ''), 'page', roots);
  }
  if (existsSync(join(dir, 'background.js')))
    measure('background', 'background', ['background.js']);
  const scripts = join(dir, 'content-scripts');
  if (existsSync(scripts)) {
    for (const file of readdirSync(scripts)
      .filter((f) => f.endsWith('.js'))
      .sort()) {
      measure(file.replace(/\.js$/, ''), 'content script', [`content-scripts/${file}`]);
    }
  }
  return sizes;
}

export const BUDGETS = {
  /**
   * Every content script, gzipped. Back to 12 KB in 2026-12 (it was raised to 14 KB when the
   * generic reader, frame reading and learned rules joined every bundle): content scripts now use
   * the browser's own API instead of webextension-polyfill (wxt.config.ts), about 2.7 KB less.
   * The picker is not in it: it loads only when picking starts.
   */
  contentScript: 12 * 1024,
  /** The popup page's scripts and the chunks they load, gzipped. */
  popup: 40 * 1024,
} as const;

/** The budgets a build breaks, in words; empty when it keeps them all. */
export function overBudget(sizes: readonly EntrySize[]): string[] {
  const problems: string[] = [];
  for (const s of sizes) {
    if (s.kind === 'content script' && s.gzip > BUDGETS.contentScript) {
      problems.push(`content script ${s.name}: ${s.gzip} B gzipped > ${BUDGETS.contentScript} B`);
    }
    if (s.kind === 'page' && s.name === 'popup' && s.gzip > BUDGETS.popup) {
      problems.push(`popup: ${s.gzip} B gzipped > ${BUDGETS.popup} B`);
    }
  }
  return problems;
}

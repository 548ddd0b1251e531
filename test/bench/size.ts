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
   * Every content script, gzipped. 13 KB since 2026-12-02: Gmail's bundle (two adapters, mail
   * and Chat inside Gmail) reached 12.4 KB when the sidebar learned to make room on the page and
   * Insert to type at the cursor on a line of its own. It was 12 KB before, 14 KB before that.
   * The insertion has since moved out (injected when the user inserts, as the picker is when
   * picking starts): Gmail's is 11.9 KB.
   */
  contentScript: 13 * 1024,
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

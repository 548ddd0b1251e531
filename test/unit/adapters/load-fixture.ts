/**
 * Loads a saved tool page for the adapter tests: `test/fixtures/<tool>/<name>.html`, parsed with
 * the test environment's DOMParser, at the address named by its `inside-out-fixture-url` meta.
 * Needs a DOM environment (`// @vitest-environment happy-dom`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Adapter } from '../../../lib/adapters/types';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

export function loadFixture(
  tool: string,
  name: string,
): { document: Document; url: URL; html: string } {
  const html = readFileSync(join(FIXTURES, tool, `${name}.html`), 'utf8');
  const document = new DOMParser().parseFromString(html, 'text/html');
  const address = document
    .querySelector('meta[name="inside-out-fixture-url"]')
    ?.getAttribute('content');
  if (!address) throw new Error(`fixture ${tool}/${name} has no inside-out-fixture-url meta`);
  // Browser tests may reach no CDN, so fixtures keep third-party image addresses (avatars whose
  // URL carries an account id) in data-fixture-src; here they go back where the tool has them.
  for (const image of document.querySelectorAll('img[data-fixture-src]')) {
    image.setAttribute('src', image.getAttribute('data-fixture-src') ?? '');
    image.removeAttribute('data-fixture-src');
  }
  attachDeclarativeShadowRoots(document);
  return { document, url: new URL(address), html };
}

/**
 * What a browser's parser does with `<template shadowrootmode>` when it loads a page (a shell of
 * web components saved as a fixture): the template becomes its parent's shadow root. DOMParser
 * leaves such templates as they are, by the standard, so the tests do it here.
 */
export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    const shadow = host.attachShadow({ mode });
    shadow.append(template.content);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

/** The names of a tool's fixture pages (`test/fixtures/<tool>/*.html`, without `.html`). */
export function fixtureNames(tool: string): string[] {
  return readdirSync(join(FIXTURES, tool))
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.slice(0, -'.html'.length))
    .sort();
}

/** What an adapter reads off one of its fixture pages, at the page's own address. */
export function extractFrom(adapter: Adapter, name: string) {
  const { document, url } = loadFixture(adapter.tool, name);
  return adapter.extract(document, url);
}

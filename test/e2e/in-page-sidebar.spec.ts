/**
 * The in-page sidebar on every supported tool, at its real address: it shows the people the
 * tool's page shows, tagging one sticks across a reload and counts in the week, and moving to
 * another conversation in the same tab updates it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../lib/adapters/index.ts';
import type { Tool } from '../../lib/sites.ts';
import { useBrowser } from './harness.ts';
import type { TestFrame, TestPage } from './launch.ts';
import { getBalance, openPopup } from './pages/extension-pages.ts';
import {
  ensureSidebarOpen,
  findSidebarFrame,
  openSidebar,
  readInPageSidebar,
  waitForSidebarRoot,
  type InPageSidebar,
} from './pages/in-page-sidebar.ts';
import { FIXTURES_DIR, type BrowserName } from './paths.ts';

/** Per tool: a conversation to open, and another to move to in the same tab. */
const CONVERSATIONS: Record<Tool, [string, string]> = {
  gmail: ['thread-long', 'thread-legacy'],
  outlook: ['office-thread', 'live-legacy'],
  jira: ['board-modal-2026', 'server-issue'],
  zendesk: ['ticket-2026', 'legacy-ticket'],
  github: ['issue-react-2026', 'pull-classic'],
  linear: ['issue-2026', 'issue-short'],
  freshdesk: ['ticket-2026', 'legacy-ticket'],
  servicenow: ['incident', 'next-experience'],
  slack: ['channel-connect', 'dm-classic'],
  teams: ['chat-v2', 'conversation-classic'],
  'google-chat': ['space-long', 'gmail-dm'],
};

const FIREFOX_TOOLS: Tool[] = ['gmail', 'jira', 'slack'];

function fixtureHtml(tool: Tool, name: string): string {
  return readFileSync(join(FIXTURES_DIR, tool, `${name}.html`), 'utf8');
}

function fixtureUrl(html: string): string {
  const match = html.match(/name="inside-out-fixture-url" content="([^"]+)"/);
  if (!match) throw new Error('fixture without its address');
  return match[1]!.replaceAll('&amp;', '&');
}

/** Who the tool's adapter finds on the fixture: what the sidebar must show. */
function expectedNames(tool: Tool, name: string): string[] {
  const html = fixtureHtml(tool, name);
  const window = new Window({ url: fixtureUrl(html) });
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  const adapter = ADAPTERS.find((a) => a.tool === tool)!;
  const conversation = adapter.extract(document as unknown as Document, new URL(fixtureUrl(html)));
  void window.happyDOM.close();
  if (!conversation?.participants.length) throw new Error(`${tool}/${name} has nobody to show`);
  return conversation.participants.map((p) => p.name).sort();
}

async function until<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 8_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const names = (sidebar: InPageSidebar) => sidebar.participants.map((p) => p.name ?? '').sort();

async function panel(page: TestPage): Promise<TestFrame> {
  const host = await readInPageSidebar(page);
  const frame = host.sidebarSrc ? await findSidebarFrame(page, host.sidebarSrc) : undefined;
  if (!frame) throw new Error('the panel is not open');
  return frame;
}

/** Moves to another conversation the way a single-page tool does: new content, new URL. */
async function navigateInPage(page: TestPage, html: string, url: string): Promise<void> {
  await page.evaluate(
    ({ html, url }) => {
      const next = new DOMParser().parseFromString(html, 'text/html');
      for (const child of [...document.body.children]) {
        if (child.tagName.toLowerCase() !== 'inside-out-root') child.remove();
      }
      // The head too: some tools say who is signed in there (a meta tag).
      const title = next.title;
      for (const child of [...document.head.children]) child.remove();
      document.head.append(...[...next.head.children].map((c) => document.adoptNode(c)));
      document.title = title;
      document.body.append(...[...next.body.children].map((c) => document.adoptNode(c)));
      history.pushState(null, '', url);
    },
    { html, url },
  );
}

function runTools(name: BrowserName, tools: Tool[]) {
  describe(`the in-page sidebar in ${name}`, () => {
    const session = useBrowser(name);

    it.each(tools)(
      '%s: shows the people, tags stick, the week counts, navigation updates',
      async (tool) => {
        const { browser, server } = session;
        const [first, second] = CONVERSATIONS[tool];
        const page = await browser.newPage(server.urlFor(`${tool}/${first}`));
        expect(await waitForSidebarRoot(page)).toBe(true);

        // The sidebar shows who the page shows, inside the extension's own frame.
        let sidebar = await openSidebar(page);
        sidebar = await until(
          () => readInPageSidebar(page),
          (s) => s.participants.length > 0,
        );
        expect(sidebar.sidebarSrc).toMatch(
          new RegExp(`^${browser.extensionOrigin}/sidebar\\.html`),
        );
        expect(sidebar.conversation?.tool).toBe(tool);
        expect(names(sidebar)).toEqual(expectedNames(tool, first));
        // No personal data reaches the host page's DOM.
        const hostText = await page.evaluate(
          () => document.querySelector('inside-out-root')?.shadowRoot?.textContent ?? '',
        );
        for (const person of sidebar.participants) expect(hostText).not.toContain(person.name);

        // Tag the first person not yet internal; it sticks across a reload.
        const target = sidebar.participants.find((p) => p.relationship !== 'internal')!;
        const before = name === 'chromium' ? await readWeek(session.browser) : null;
        const frame = await panel(page);
        await frame.evaluate((who) => {
          const row = [
            ...document.querySelectorAll<HTMLElement>('[data-testid="participant"]'),
          ].find((r) => r.dataset.name === who);
          row?.querySelector<HTMLElement>('[data-testid="tag-internal"]')?.click();
        }, target.name);
        sidebar = await until(
          () => readInPageSidebar(page),
          (s) => s.participants.find((p) => p.name === target.name)?.relationship === 'internal',
        );
        expect(sidebar.participants.find((p) => p.name === target.name)?.relationship).toBe(
          'internal',
        );

        await page.goto(server.urlFor(`${tool}/${first}`));
        // The panel was left open on this site, so it opens again by itself.
        sidebar = await until(
          () => readInPageSidebar(page),
          (s) => s.participants.some((p) => p.name === target.name),
        );
        expect(sidebar.participants.find((p) => p.name === target.name)?.relationship).toBe(
          'internal',
        );

        if (before) {
          const after = await readWeek(session.browser);
          expect(after.internal).toBeGreaterThan(before.internal);
        }

        // Another conversation in the same tab.
        const html = fixtureHtml(tool, second);
        const url = fixtureUrl(html);
        if (new URL(url).origin === new URL(page.url()).origin) {
          // The sidebar has heard from its content script through the channel that came with
          // its token, and takes conversations from there alone: the next one comes that way.
          const frame = await findSidebarFrame(page);
          expect(
            await frame?.evaluate(() => document.documentElement.dataset.conversationFrom),
          ).toBe('content-script');
          await navigateInPage(page, html, url);
        } else {
          // Another site of the same tool: its launcher has its own open/closed memory.
          await page.goto(server.urlFor(`${tool}/${second}`));
          expect(await waitForSidebarRoot(page)).toBe(true);
          await ensureSidebarOpen(page);
        }
        const wanted = expectedNames(tool, second);
        sidebar = await until(
          () => readInPageSidebar(page),
          (s) => JSON.stringify(names(s)) === JSON.stringify(wanted),
        );
        expect(names(sidebar)).toEqual(wanted);
        await page.close();
      },
    );
  });
}

async function readWeek(browser: import('./launch.ts').LaunchedBrowser) {
  const popup = await openPopup(browser);
  const balance = await until(
    () => getBalance(popup),
    (b) => b !== null,
  );
  await popup.close();
  if (!balance) throw new Error('the popup shows no balance');
  return balance;
}

runTools('chromium', Object.keys(CONVERSATIONS) as Tool[]);
runTools('firefox', FIREFOX_TOOLS);

/**
 * Google Chat at the addresses it opens spaces and direct messages at today: the standalone
 * client's `chat.google.com/u/0/app/chat/<id>` and Chat inside Gmail's own address
 * (`mail.google.com/mail/u/0/#chat/space/<id>`). The sidebar names the conversation and lists
 * its people, not the navigation's or the inbox's.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import {
  ensureSidebarOpen,
  readInPageSidebar,
  waitForSidebarRoot,
} from './pages/in-page-sidebar.ts';
import type { InPageSidebar } from './pages/in-page-sidebar.ts';

/** Polls the sidebar until `ok` (the page and the extension work asynchronously). */
async function until(
  read: () => Promise<InPageSidebar>,
  ok: (value: InPageSidebar) => boolean,
  timeoutMs = 8_000,
): Promise<InPageSidebar> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const names = (sidebar: InPageSidebar) => sidebar.participants.map((p) => p.name ?? '').sort();

/** Fixture, the people the page shows in the conversation, people only beside it. */
const PAGES: Array<[string, string[], string[]]> = [
  [
    'google-chat/app-chat',
    ['Alex Chen', 'Dana Kim', 'Lee Park'],
    ['Taylor Nguyen', 'Morgan Yu', 'Sam Rivera'],
  ],
  [
    'google-chat/mail-hash',
    ['Kenji Watanabe', 'Priya Shah'],
    ['Casey Ortiz', 'Dana Kim', 'Taylor Nguyen', 'Zendesk'],
  ],
];

describe('Google Chat at its newer addresses in chromium', () => {
  const session = useBrowser('chromium');

  it.each(PAGES)('%s: the sidebar shows the conversation and its people', async (id, want, not) => {
    const { browser, server } = session;
    const page = await browser.newPage(server.urlFor(id));
    expect(await waitForSidebarRoot(page)).toBe(true);
    await ensureSidebarOpen(page);
    const sidebar = await until(
      () => readInPageSidebar(page),
      (s) => JSON.stringify(names(s)) === JSON.stringify(want),
    );
    expect(sidebar.conversation?.tool).toBe('google-chat');
    expect(names(sidebar)).toEqual(want);
    for (const other of not) expect(names(sidebar)).not.toContain(other);
    await page.close();
  });
});

/**
 * ServiceNow's default interface, the Next Experience shell (`/now/nav/ui/classic/params/target/…`):
 * the record form is a same-origin frame inside the shell's shadow roots, where no content script
 * of ours runs. The one sidebar, on the shell page, lists the form's people; the user the shell's
 * header shows is left out, and the shell's menus, notifications and the form's viewers too.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';
import {
  ensureSidebarOpen,
  readInPageSidebar,
  waitForSidebarRoot,
} from './pages/in-page-sidebar.ts';
import type { InPageSidebar } from './pages/in-page-sidebar.ts';

/** Polls the sidebar until `ok` (the frame loads after the shell; the extension is async). */
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

/** The people of INC0010052's form (polaris-form.html), as the shell shows it. */
const ON_THE_FORM = [
  'Abel Tuter',
  'Beth Anglin',
  'David Loo',
  'Don Goodliffe',
  'it-desk@acme.example',
];
/** The user (watch list, a mention, a work note), and people only in the shell or beside the form. */
const NOT_LISTED = ['Sam Rivera', 'Fred Luddy', 'Bud Richman', 'Luke Wilson', 'Rick Berzle'];

describe('ServiceNow Next Experience shell in chromium', () => {
  const session = useBrowser('chromium');

  it("lists the framed form's people on the shell page, without the user", async () => {
    const { browser, server } = session;
    const page = await browser.newPage(server.urlFor('servicenow/polaris-shell'));
    expect(await waitForSidebarRoot(page)).toBe(true);
    await ensureSidebarOpen(page);
    const sidebar = await until(
      () => readInPageSidebar(page),
      (s) => JSON.stringify(names(s)) === JSON.stringify(ON_THE_FORM),
    );
    expect(sidebar.conversation?.tool).toBe('servicenow');
    expect(names(sidebar)).toEqual(ON_THE_FORM);
    for (const other of NOT_LISTED) expect(names(sidebar)).not.toContain(other);
    // The sidebar stays one, in the top frame: none in the form's frame.
    expect(sidebar.roots).toBe(1);
    await page.close();
  });
});

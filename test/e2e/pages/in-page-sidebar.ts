/**
 * Reads the in-page sidebar through the test contract (DESIGN.md, "Test contract"): one
 * `<inside-out-root>` with an open shadow root holding `[data-testid="launcher"]` and
 * `data-state="open"` while the panel is open; the panel is a frame of the extension's
 * sidebar.html in a closed shadow root (page scripts cannot reach it), so it is found among the
 * page's frames by its path, and it lists the conversation and its participants.
 */
import type { Frame as PwFrame, Page as PwPage } from 'playwright-core';
import type { TestFrame, TestPage } from '../launch.ts';

export interface Participant {
  name: string | null;
  email: string | null;
  handle: string | null;
  relationship: string | null;
}

export interface InPageSidebar {
  /** How many `<inside-out-root>` elements the page has (the contract says one). */
  roots: number;
  /** The first root has an open shadow root. */
  shadowRoot: boolean;
  launcher: boolean;
  /** The address of the open panel's frame, or null when the panel is closed. */
  sidebarSrc: string | null;
  /** Read from inside the sidebar frame; null when the panel is closed or not loaded. */
  conversation: { tool: string | null; kind: string | null } | null;
  participants: Participant[];
}

interface HostState {
  roots: number;
  shadowRoot: boolean;
  launcher: boolean;
  open: boolean;
}

const readHost = (page: TestPage): Promise<HostState> =>
  page.evaluate(() => {
    const roots = document.querySelectorAll<HTMLElement>('inside-out-root');
    const shadow = roots[0]?.shadowRoot ?? null;
    return {
      roots: roots.length,
      shadowRoot: shadow !== null,
      launcher: shadow?.querySelector('[data-testid="launcher"]') != null,
      open: roots[0]?.dataset.state === 'open',
    };
  });

const isOverlayAddress = (url: string): boolean => {
  try {
    return (
      /^(chrome|moz)-extension:$/.test(new URL(url).protocol) &&
      new URL(url).pathname === '/sidebar.html'
    );
  } catch {
    return false;
  }
};

/**
 * Every frame of the page showing sidebar.html, with the address it reports. Firefox's BiDi keeps
 * reporting an extension iframe as about:blank, so frames are asked for their own location too.
 */
export async function sidebarFrames(page: TestPage): Promise<{ frame: TestFrame; url: string }[]> {
  const found: { frame: TestFrame; url: string }[] = [];
  for (const frame of page.frames()) {
    const url = isOverlayAddress(frame.url())
      ? frame.url()
      : await frame.evaluate(() => location.href).catch(() => '');
    if (isOverlayAddress(url)) found.push({ frame, url });
  }
  return found;
}

/** Which frame our content script's handshake opened (`data-gate="open"`), if any. */
const isGranted = (frame: TestFrame): Promise<boolean> =>
  frame.evaluate(() => document.documentElement.dataset.gate === 'open').catch(() => false);

const findGranted = async (page: TestPage) => {
  for (const found of await sidebarFrames(page)) if (await isGranted(found.frame)) return found;
  return undefined;
};

/**
 * The sidebar's frame: the sidebar frame that passed the handshake (a page may have framed
 * sidebar.html too; that copy stays empty). `sidebarSrc` is accepted for older callers.
 */
export async function findSidebarFrame(
  page: TestPage,
  _sidebarSrc?: string,
): Promise<TestFrame | undefined> {
  return (await findGranted(page))?.frame;
}

/** Chromium only: the sidebar's frame as a Playwright frame, once it passed the handshake. */
export async function sidebarFrame(page: PwPage, timeoutMs = 10_000): Promise<PwFrame> {
  const started = Date.now();
  for (;;) {
    for (const frame of page.frames())
      if (isOverlayAddress(frame.url()) && (await isGranted(frame))) return frame;
    if (Date.now() - started > timeoutMs) throw new Error('the sidebar did not open');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function readInPageSidebar(page: TestPage): Promise<InPageSidebar> {
  const { open, ...host } = await readHost(page);
  const granted = open ? await findGranted(page) : undefined;
  const frame = granted?.frame;
  const inside = frame
    ? await frame.evaluate(() => {
        const conversation = document.querySelector<HTMLElement>('[data-testid="conversation"]');
        return {
          conversation: conversation
            ? { tool: conversation.dataset.tool ?? null, kind: conversation.dataset.kind ?? null }
            : null,
          participants: [
            ...document.querySelectorAll<HTMLElement>('[data-testid="participant"]'),
          ].map((person) => ({
            name: person.dataset.name ?? null,
            email: person.dataset.email ?? null,
            handle: person.dataset.handle ?? null,
            relationship: person.dataset.relationship ?? null,
          })),
        };
      })
    : { conversation: null, participants: [] };
  const sidebarSrc = granted?.url ?? null;
  return { ...host, sidebarSrc, ...inside };
}

/** Waits until the content script has mounted its root; false on timeout. */
export async function waitForSidebarRoot(page: TestPage, timeoutMs = 5_000): Promise<boolean> {
  return page.waitForSelector('inside-out-root', timeoutMs);
}

/**
 * Opens the sidebar unless it came back open by itself (the launcher remembers being open on a
 * site): the host says so at once, while its frame may still be on its way through the handshake.
 */
export async function ensureSidebarOpen(page: TestPage, timeoutMs = 5_000): Promise<void> {
  const state = await page.evaluate(
    () => document.querySelector<HTMLElement>('inside-out-root')?.dataset.state,
  );
  if (state !== 'open') await openSidebar(page, timeoutMs);
}

/** Clicks the launcher and waits for the panel to show a conversation; returns what it shows. */
export async function openSidebar(page: TestPage, timeoutMs = 5_000): Promise<InPageSidebar> {
  await page.evaluate(() => {
    const root = document.querySelector('inside-out-root')?.shadowRoot;
    const launcher = root?.querySelector<HTMLElement>('[data-testid="launcher"]');
    if (!launcher) throw new Error('no [data-testid="launcher"] in <inside-out-root>');
    launcher.click();
  });
  const started = Date.now();
  for (;;) {
    const sidebar = await readInPageSidebar(page);
    if (sidebar.conversation || Date.now() - started > timeoutMs) return sidebar;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

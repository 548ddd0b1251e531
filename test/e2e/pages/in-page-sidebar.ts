/**
 * Reads the in-page sidebar through the test contract (DESIGN.md, "Test contract"): one
 * `<inside-out-root>` with an open shadow root holding `[data-testid="launcher"]`, and when the
 * panel is open an `iframe[data-testid="panel"]` of the extension's overlay.html, which lists the
 * conversation and its participants.
 */
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
  /** Absolute src of the panel iframe, or null when the panel is closed. */
  panelSrc: string | null;
  /** Read from inside the overlay frame; null when the panel is closed or not loaded. */
  conversation: { tool: string | null; kind: string | null } | null;
  participants: Participant[];
}

interface HostState {
  roots: number;
  shadowRoot: boolean;
  launcher: boolean;
  panelSrc: string | null;
}

const readHost = (page: TestPage): Promise<HostState> =>
  page.evaluate(() => {
    const roots = document.querySelectorAll('inside-out-root');
    const shadow = roots[0]?.shadowRoot ?? null;
    const panel = shadow?.querySelector<HTMLIFrameElement>('iframe[data-testid="panel"]');
    return {
      roots: roots.length,
      shadowRoot: shadow !== null,
      launcher: shadow?.querySelector('[data-testid="launcher"]') != null,
      panelSrc: panel ? panel.src : null,
    };
  });

const withoutHash = (url: string): string => url.split('#')[0] ?? url;

/**
 * The overlay frame the panel iframe shows, found by its address. Firefox's BiDi keeps reporting
 * an extension iframe as about:blank, so frames are asked for their own location as a fallback.
 */
export async function findPanelFrame(
  page: TestPage,
  panelSrc: string,
): Promise<TestFrame | undefined> {
  const wanted = withoutHash(panelSrc);
  const frames = page.frames();
  const named = frames.find((frame) => withoutHash(frame.url()) === wanted);
  if (named) return named;
  for (const frame of frames) {
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (withoutHash(href) === wanted) return frame;
  }
  return undefined;
}

export async function readInPageSidebar(page: TestPage): Promise<InPageSidebar> {
  const host = await readHost(page);
  const frame = host.panelSrc ? await findPanelFrame(page, host.panelSrc) : undefined;
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
  return { ...host, ...inside };
}

/** Waits until the content script has mounted its root; false on timeout. */
export async function waitForSidebarRoot(page: TestPage, timeoutMs = 5_000): Promise<boolean> {
  return page.waitForSelector('inside-out-root', timeoutMs);
}

/** Clicks the launcher and waits for the panel to show a conversation; returns what it shows. */
export async function openPanel(page: TestPage, timeoutMs = 5_000): Promise<InPageSidebar> {
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

/**
 * The platform door for the content script: just messaging and per-site sidebar preferences.
 * Kept apart from platform/index.ts so zod, Preact and the store stay out of host pages.
 */
import { browser } from 'wxt/browser';
import type { MessageKey } from '@/lib/i18n';
// Types only: the protocol's schemas (zod) stay out of host pages.
import type { Handlers, MessageOf, MessageTo, ReplyOf } from '@/lib/messages';

/** The launcher's few words, in the browser's language. */
export const t = (key: MessageKey): string => browser.i18n.getMessage(key);

export function sidebarUrl(): string {
  return browser.runtime.getURL('/sidebar.html');
}

/** Sends to the background; a closed or restarting background is not an error for the page. */
export async function sendToBackground<T extends MessageTo<'background'>>(
  message: MessageOf<T> & { type: T },
): Promise<ReplyOf<T> | undefined> {
  try {
    return (await browser.runtime.sendMessage(message)) as ReplyOf<T>;
  } catch {
    return undefined;
  }
}

/**
 * Messages to the content script are accepted only from our own extension pages, and only the
 * types `handlers` take; each handler checks the fields it reads (no zod in host pages). A reply
 * goes back through `sendResponse`: content scripts use the browser's own API, not the
 * polyfill (wxt.config.ts), and Chrome ignores a listener's returned promise.
 */
export function onExtensionMessage(
  handlers: Handlers<MessageTo<'content-script'>, void>,
): () => void {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  const listener = (
    raw: unknown,
    sender: { id?: string; url?: string },
    sendResponse: (reply: unknown) => void,
  ): boolean => {
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(origin)) return false;
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return false;
    const handle = handlers[type as keyof typeof handlers] as (message: unknown) => unknown;
    const reply = handle(raw);
    if (reply === undefined) return false;
    Promise.resolve(reply).then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export interface SidebarPrefs {
  open: boolean;
  hidden: boolean;
  /** Vertical position of the launcher tab, in percent of the viewport height. */
  top: number;
  /** The narrow sidebar. */
  compact: boolean;
  /** The sidebar narrows the page to make room for itself (where the tool allows it). */
  push: boolean;
}

const DEFAULT_PREFS: SidebarPrefs = {
  open: false,
  hidden: false,
  top: 40,
  compact: false,
  push: true,
};

function prefsKey(host: string): string {
  return `launcher:${host}`;
}

export async function loadSidebarPrefs(host: string): Promise<SidebarPrefs> {
  try {
    const stored = (await browser.storage.local.get(prefsKey(host)))[prefsKey(host)] as
      Partial<SidebarPrefs> | undefined;
    return {
      open: stored?.open === true,
      hidden: stored?.hidden === true,
      compact: stored?.compact === true,
      push: stored?.push !== false,
      top:
        typeof stored?.top === 'number' && stored.top >= 0 && stored.top <= 95
          ? stored.top
          : DEFAULT_PREFS.top,
    };
  } catch {
    return { ...DEFAULT_PREFS };
  }
}

export async function saveSidebarPrefs(host: string, prefs: SidebarPrefs): Promise<void> {
  try {
    await browser.storage.local.set({ [prefsKey(host)]: prefs });
  } catch {
    // Preferences are a convenience: failing to save one must not disturb the page.
  }
}

const PREFS_PREFIX = prefsKey('');

/** The sites (hosts) where the user hid the launcher tab, for the settings to list. */
export async function hiddenSites(): Promise<string[]> {
  const all = (await browser.storage.local.get(null)) as Record<string, unknown>;
  return Object.entries(all)
    .filter(
      ([key, prefs]) =>
        key.startsWith(PREFS_PREFIX) && (prefs as Partial<SidebarPrefs> | null)?.hidden === true,
    )
    .map(([key]) => key.slice(PREFS_PREFIX.length))
    .sort();
}

/**
 * Calls back when the launcher tab is brought back on `host` elsewhere (the settings' "Show
 * again"), so an open page shows it at once rather than on its next load.
 */
export function onLauncherShownAgain(host: string, callback: () => void): () => void {
  const key = prefsKey(host);
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => {
    const change = changes[key];
    const was = change?.oldValue as Partial<SidebarPrefs> | undefined;
    const now = change?.newValue as Partial<SidebarPrefs> | undefined;
    if (was?.hidden === true && now?.hidden === false) callback();
  };
  browser.storage.local.onChanged.addListener(listener);
  return () => browser.storage.local.onChanged.removeListener(listener);
}

/** Brings the launcher tab back on a site where it was hidden (its other choices stay). */
export async function showLauncherOn(host: string): Promise<void> {
  await saveSidebarPrefs(host, { ...(await loadSidebarPrefs(host)), hidden: false });
}

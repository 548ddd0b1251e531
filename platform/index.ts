/**
 * The one door to the browser's extension APIs. Everything that differs between Chrome and
 * Firefox (side panel vs sidebar, script registration) is decided here, so entrypoints stay thin
 * and lib/ stays pure.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  parseMessage,
  type Handlers,
  type MessageOf,
  type MessageTo,
  type MessageType,
  type ReplyOf,
} from '@/lib/messages';
import { originPattern, scriptId } from '@/lib/custom-domains';
import type { Settings } from '@/lib/model';
import type { Tool } from '@/lib/sites';
import { readSettings } from '@/lib/settings';
import { openStore, type Store } from '@/lib/store';

export * from './core';
import { extensionOrigin, SETTINGS_KEY } from './core';

// ---- messages ----

export type Sender = Browser.runtime.MessageSender;

/** A message from one of our own extension pages (popup, side panel, overlay, options). */
export function isFromExtensionPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && !!sender.url?.startsWith(extensionOrigin());
}

/** A message from our own content script running in a tab. */
export function isFromContentScript(sender: Sender): boolean {
  return (
    sender.id === browser.runtime.id &&
    sender.tab?.id !== undefined &&
    !sender.url?.startsWith(extensionOrigin())
  );
}

// Pages ask the background as the content script does.
export { sendToBackground } from './content';

/**
 * Tells every open extension page, and the tab's own frames (Firefox's in-page frames hear
 * only their tab's messages), that a tab's conversation or picking changed.
 */
export async function tellPages(
  tabId: number,
  message: MessageOf<'conversation-changed'> | MessageOf<'picked'>,
): Promise<void> {
  await Promise.all([
    browser.runtime.sendMessage(message).catch(() => undefined),
    browser.tabs.sendMessage(tabId, message).catch(() => undefined),
  ]);
}

export async function sendToTab<T extends MessageTo<'content-script'>>(
  tabId: number,
  message: MessageOf<T> & { type: T },
): Promise<ReplyOf<T> | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, message)) as ReplyOf<T>;
  } catch {
    return undefined;
  }
}

/**
 * Listens for the messages `handlers` take: anything that is not a valid message of the
 * protocol, or that `accept` refuses for its sender, is dropped unanswered.
 */
export function onMessage<T extends MessageType>(
  accept: (sender: Sender) => boolean,
  handlers: Handlers<T, Sender>,
): () => void {
  const listener = (raw: unknown, sender: Sender) => {
    if (!accept(sender)) return undefined;
    const message = parseMessage(raw);
    const handle = message && (handlers as Record<string, unknown>)[message.type];
    if (typeof handle !== 'function') return undefined;
    return handle(message, sender) ?? undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

// ---- settings (storage.sync, so the browser's own sync carries them) ----

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return readSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
}

export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
    if (area === 'sync' && changes[SETTINGS_KEY]) {
      callback(readSettings(changes[SETTINGS_KEY].newValue));
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

// ---- the log, read and written ----

let storePromise: Promise<Store> | undefined;
export function getStore(): Promise<Store> {
  storePromise ??= openStore().then((store) => {
    void keepLogFromEviction();
    return store;
  });
  return storePromise;
}

/**
 * Asks the browser never to evict the log under storage pressure (with `unlimitedStorage` it
 * has no quota to outgrow either). A refusal changes nothing: the log stays as it is.
 */
export async function keepLogFromEviction(): Promise<boolean> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}

/** A plain notification: for what the user must hear about when no page of ours is open. */
export async function notify(id: string, title: string, message: string): Promise<void> {
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
}

// ---- permissions (host access per tool, custom domains) ----

export function hasOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.contains({ origins });
}

/** Must be called from a click: the browser shows its own prompt. */
export function requestOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}

// ---- what the tools showed about the user (offered as org domains) ----

const SEEN_DOMAINS = 'seen-org-domains';

export async function rememberSignedInDomain(domain: string): Promise<void> {
  const known = await seenOrgDomains();
  if (!known.includes(domain)) {
    await browser.storage.local.set({ [SEEN_DOMAINS]: [...known, domain].slice(-10) });
  }
}

export async function seenOrgDomains(): Promise<string[]> {
  const stored = (await browser.storage.local.get(SEEN_DOMAINS))[SEEN_DOMAINS];
  return Array.isArray(stored) ? stored.filter((d): d is string => typeof d === 'string') : [];
}

// ---- custom domains: optional host permission + a content script registered at run time ----

/**
 * Adds a self-hosted tool. Must be called straight from the user's click: the permission
 * prompt needs the gesture, so it is asked before anything else is awaited.
 */
export async function addCustomDomain(tool: Tool, origin: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
  if (!granted) return false;
  await registerCustomScript(tool, origin);
  const settings = await loadSettings();
  const others = settings.customDomains.filter((d) => d.origin !== origin);
  await saveSettings({ ...settings, customDomains: [...others, { tool, origin }] });
  return true;
}

/** Removes both the script and the permission, and forgets the domain. */
export async function removeCustomDomain(origin: string): Promise<void> {
  const settings = await loadSettings();
  const ids = settings.customDomains
    .filter((d) => d.origin === origin)
    .map((d) => scriptId(d.tool, d.origin));
  await unregisterScripts(ids);
  await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
  await saveSettings({
    ...settings,
    customDomains: settings.customDomains.filter((d) => d.origin !== origin),
  });
}

/**
 * Makes the registered scripts match the settings and the permissions the browser really holds:
 * a permission removed in the browser's own UI removes its domain too.
 */
export async function syncCustomDomains(): Promise<void> {
  const settings = await loadSettings();
  const kept: Settings['customDomains'] = [];
  for (const domain of settings.customDomains) {
    if (await hasOrigins([originPattern(domain.origin)])) kept.push(domain);
  }
  const wanted = new Set(kept.map((d) => scriptId(d.tool, d.origin)));
  const registered = await browser.scripting.getRegisteredContentScripts();
  await unregisterScripts(
    registered.map((s) => s.id).filter((id) => id.startsWith('custom:') && !wanted.has(id)),
  );
  const present = new Set(registered.map((s) => s.id));
  for (const d of kept)
    if (!present.has(scriptId(d.tool, d.origin))) await registerCustomScript(d.tool, d.origin);
  if (kept.length !== settings.customDomains.length)
    await saveSettings({ ...settings, customDomains: kept });
}

async function registerCustomScript(tool: Tool, origin: string): Promise<void> {
  const id = scriptId(tool, origin);
  await unregisterScripts([id]);
  await browser.scripting.registerContentScripts([
    {
      id,
      matches: [originPattern(origin)],
      js: [`content-scripts/${tool}.js`],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

async function unregisterScripts(ids: string[]): Promise<void> {
  if (!ids.length) return;
  const registered = new Set(
    (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id),
  );
  const present = ids.filter((id) => registered.has(id));
  if (present.length) await browser.scripting.unregisterContentScripts({ ids: present });
}

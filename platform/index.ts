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
import type { Settings } from '@/lib/model';
import { readSettings, updateSettings } from '@/lib/settings';
import { joinSettings, planSettingsWrite } from '@/lib/settings-sync';
import { SETTINGS_KEY } from '@/lib/defaults';
import { openStore, type Store } from '@/lib/store';
import { onOwnStoreChange } from '@/lib/store/changes';
import { sendToBackground } from './content';

export * from './core';
import { extensionOrigin, onSettingsStorageChange, storedKey } from './core';
import { SEEN_ORG_DOMAINS } from '@/lib/stored-keys';

// ---- messages ----

export type Sender = Browser.runtime.MessageSender;

/** A message from one of our own extension pages (popup, side panel, in-page sidebar, options). */
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
export { sendToBackground };

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

/** The settings, with each self-hosted tool from its own item (lib/settings-sync.ts). */
export async function loadSettings(): Promise<Settings> {
  return joinSettings(await browser.storage.sync.get(null));
}

/**
 * Saves the settings (not the custom domains: their own commands write them). Refuses, with
 * SyncQuotaError and nothing written, what storage.sync would not hold.
 */
export async function saveSettings(settings: Settings): Promise<void> {
  const writes = planSettingsWrite(await browser.storage.sync.get(null), { settings });
  await browser.storage.sync.set(writes);
}

/**
 * Changes some settings on top of what is stored now (read, changed and written in one step), so
 * a page never writes back fields another page or device changed meanwhile. Throws a
 * ValidationError (nothing written) when the result would be invalid, or SyncQuotaError.
 */
export async function changeSettings(changes: Partial<Settings>): Promise<Settings> {
  const next = updateSettings(await loadSettings(), changes);
  await saveSettings(next);
  return next;
}

/**
 * For a page that is being closed: writes the settings item in one call made at once (no read
 * before it, which a closing page would not live to finish). Custom domains are not in it.
 */
export function saveSettingsWhileLeaving(settings: Settings): void {
  const item: Partial<Settings> = { ...settings };
  delete item.customDomains;
  void browser.storage.sync.set({ [SETTINGS_KEY]: item });
}

/** Adds one domain to the organisation's (read, changed and written in one step). */
export async function addOrgDomain(domain: string): Promise<Settings> {
  const current = await loadSettings();
  if (current.orgDomains.includes(domain)) return current;
  return changeSettings({ orgDomains: [...current.orgDomains, domain] });
}

/** Takes one domain out of the organisation's again (the undo of addOrgDomain). */
export async function removeOrgDomain(domain: string): Promise<void> {
  const current = await loadSettings();
  await saveSettings(
    updateSettings(current, { orgDomains: current.orgDomains.filter((d) => d !== domain) }),
  );
}

export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  return onSettingsStorageChange(() => void loadSettings().then(callback));
}

/**
 * Calls back with the organisation's domains whenever they change (here, from the sync of
 * another device, from any page), with what the settings hold now.
 */
export function onOrgDomainsChanged(callback: (orgDomains: string[]) => void): () => void {
  return onSettingsStorageChange((changes) => {
    const change = changes[SETTINGS_KEY];
    if (!change) return;
    const domainsOf = (stored: unknown) => JSON.stringify(readSettings(stored).orgDomains);
    if (domainsOf(change.oldValue) !== domainsOf(change.newValue))
      callback(readSettings(change.newValue).orgDomains);
  });
}

// ---- the log, read and written ----

let storePromise: Promise<Store> | undefined;
export function getStore(): Promise<Store> {
  storePromise ??= openStore().then((store) => {
    void keepLogFromEviction();
    // A page's changes wake the background, which keeps the badge and the popup's numbers.
    if (import.meta.env.ENTRYPOINT !== 'background')
      onOwnStoreChange(() => void sendToBackground({ type: 'log-changed' }).catch(() => undefined));
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

// ---- what the tools showed about the user (offered as org domains) ----

const seenDomains = storedKey(SEEN_ORG_DOMAINS);

export async function rememberSignedInDomain(domain: string): Promise<void> {
  const known = await seenDomains.get();
  if (!known.includes(domain)) await seenDomains.set([...known, domain].slice(-10));
}

export const seenOrgDomains = (): Promise<string[]> => seenDomains.get();

// ---- wiping: everything the extension keeps about the user's days, not just the log ----

/**
 * Session keys that hold no trace of the user: which frame in a tab is our sidebar, and whether
 * this browser refuses such frames their storage.
 */
const KEPT_ON_WIPE = /^(frame:\d+|frames-denied-storage)\$?$/;
/**
 * Local keys that are this device's setup, like the settings, not a trace of the user's days: the
 * self-hosted origins this device was allowed to reach (their permissions and scripts stay).
 */
const DEVICE_SETUP = ['custom-domain-grants'];

/**
 * Forgets what the browser's storage areas hold beside the log: each site's launcher state, the
 * domains the tools showed, the reminder state, the workspaces answered, the composer waiting,
 * each tab's conversation, the learned rules' readings. Settings (synced, no personal data beyond
 * what the user typed into the options page) and this device's grants stay; an open in-page
 * sidebar keeps its handshake.
 */
export async function forgetBrowserState(): Promise<void> {
  const local = Object.keys(await browser.storage.local.get(null));
  // A versioned item keeps its metadata under its key and `$`.
  const kept = new Set(DEVICE_SETUP.flatMap((key) => [key, `${key}$`]));
  const localTraces = local.filter((key) => !kept.has(key));
  if (localTraces.length) await browser.storage.local.remove(localTraces);
  const session = Object.keys(await browser.storage.session.get(null));
  const traces = session.filter((key) => !KEPT_ON_WIPE.test(key));
  if (traces.length) await browser.storage.session.remove(traces);
}

export * from './custom-domains';

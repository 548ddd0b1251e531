/**
 * The zod-free part of the door to the browser: what a page that only reads the log needs
 * before it paints (the popup) — messages in the user's language, the read-only store, the
 * popup's address, the side panel and the pending composer. platform/index.ts re-exports all of
 * it.
 */
import { browser, type Browser } from 'wxt/browser';
import { isSettingsKey } from '@/lib/defaults';
import type { MessageKey, Substitution, Translate } from '@/lib/i18n';
import { openReader, type StoreReader } from '@/lib/store/reader';
import {
  COMPOSER_DRAFT,
  DECLINED_DOMAIN_OFFERS,
  PENDING_COMPOSER,
  type PendingComposer,
  type StoredKey,
} from '@/lib/stored-keys';
import { popupAddressWith, type WeekNumbers } from '@/lib/week-numbers';

export type { Browser };

/** A string from public/_locales in the browser's language, with $1…$9 filled in. */
export const t: Translate = (key: MessageKey, ...substitutions: Substitution[]) =>
  browser.i18n.getMessage(key, substitutions.map(String));

/** The browser's UI language, for dates and numbers written in sentences. */
export function uiLocale(): string {
  return browser.i18n.getUILanguage();
}

/** Tells the page (screen readers, hyphenation, the tab's title) which language it is in. */
export function showInUiLanguage(): void {
  document.documentElement.lang = uiLocale();
  document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  document.title = t('extName');
}

export function extensionOrigin(): string {
  return new URL(browser.runtime.getURL('/')).origin;
}

type StorageChanges = Record<string, Browser.storage.StorageChange>;

/** The one watch on the settings: calls back with each change to their keys in storage.sync. */
export function onSettingsStorageChange(callback: (changes: StorageChanges) => void): () => void {
  const listener = (changes: StorageChanges, area: string) => {
    if (area === 'sync' && Object.keys(changes).some(isSettingsKey)) callback(changes);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

// ---- keys kept with the browser's own calls (lib/stored-keys.ts says why) ----

type AreaName = 'local' | 'session';
// Firefox gives an extension frame inside a web page no storage.session: keep it locally there.
const areaOf = (name: AreaName) =>
  (name === 'session' && browser.storage.session) || browser.storage.local;

/** One stored key, read through its parser, in storage.local (or session, where there is one). */
export function storedKey<T>({ key, parse }: StoredKey<T>, areaName: AreaName = 'local') {
  return {
    get: async (): Promise<T> => parse((await areaOf(areaName).get(key))[key]),
    set: (value: T): Promise<void> => areaOf(areaName).set({ [key]: value }),
    remove: (): Promise<void> => areaOf(areaName).remove(key),
    /** Calls back with each new value, parsed; returns the call that stops watching. */
    watch(callback: (value: T) => void): () => void {
      const listener = (changes: StorageChanges, area: string) => {
        const change = changes[key];
        if (area === areaName && change) callback(parse(change.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

// ---- a draft kept while the sidebar is closed ----

const draft = storedKey(COMPOSER_DRAFT, 'session');
export const loadComposerDraft = (): Promise<unknown> => draft.get();
export const saveComposerDraft = (value: unknown): Promise<void> => draft.set(value);
export const clearComposerDraft = (): Promise<void> => draft.remove();

// ---- the week's numbers, carried in the popup's address for its first paint ----

/** Gives the toolbar popup's address this week's numbers (lib/week-numbers.ts). */
export async function keepWeekNumbers(numbers: WeekNumbers): Promise<void> {
  await browser.action.setPopup({ popup: popupAddressWith(numbers) });
}

// ---- the log, read-only ----

let readerPromise: Promise<StoreReader> | undefined;
export function getReader(): Promise<StoreReader> {
  readerPromise ??= openReader();
  return readerPromise;
}

// ---- side panel (Chrome) / sidebar (Firefox) ----

interface FirefoxSidebarAction {
  open(): Promise<void>;
}

/** Opens the side panel for a tab. Must be called from a user gesture in both browsers. */
export async function openSidePanel(tabId?: number, windowId?: number): Promise<void> {
  const sidebarAction = (browser as unknown as { sidebarAction?: FirefoxSidebarAction })
    .sidebarAction;
  if (sidebarAction) return sidebarAction.open();
  const sidePanel = (browser as unknown as { sidePanel?: typeof Browser.sidePanel }).sidePanel;
  if (!sidePanel) return;
  if (tabId !== undefined) await sidePanel.open({ tabId });
  else if (windowId !== undefined) await sidePanel.open({ windowId });
}

export async function activeTab(): Promise<Browser.tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

const declinedOffers = storedKey(DECLINED_DOMAIN_OFFERS);

/** Domains the user said no to ("are people at @x your colleagues?"): never asked again. */
export const loadDeclinedDomainOffers = (): Promise<string[]> => declinedOffers.get();

export async function declineDomainOffer(domain: string): Promise<void> {
  const declined = await declinedOffers.get();
  if (!declined.includes(domain)) await declinedOffers.set([...declined, domain]);
}

export const onDeclinedDomainOffersChanged = (
  callback: (declined: string[]) => void,
): (() => void) => declinedOffers.watch(callback);

const pendingComposer = storedKey(PENDING_COMPOSER);

/** Closes the tab this page is in (the welcome's "Done" and "Skip"). */
export async function closeThisTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  else window.close();
}

/** Opens the settings (the options page) in a tab of its own. */
export async function openSettings(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/** Opens the side panel from a click in the popup (the user gesture both browsers require). */
export async function openSidePanelFromClick(): Promise<void> {
  // Firefox needs sidebarAction.open() called synchronously inside the gesture.
  const sidebarAction = (browser as unknown as { sidebarAction?: FirefoxSidebarAction })
    .sidebarAction;
  if (sidebarAction) return sidebarAction.open();
  const tab = await activeTab();
  await openSidePanel(tab?.id, tab?.windowId);
}

/** Remembers whom the next composer (in-page sidebar or side panel) opens for. */
export async function setPendingComposer(
  target: { person: { id: string } } | { candidates: Array<{ id: string }> },
): Promise<void> {
  const pending: PendingComposer =
    'person' in target
      ? { personId: target.person.id }
      : { candidateIds: target.candidates.map((c) => c.id) };
  await pendingComposer.set({ ...pending, at: Date.now() });
}

/** Opens the side panel with the thank-you composer ready for one person. */
export async function openComposerInSidePanel(personId: string): Promise<void> {
  const opening = openSidePanelFromClick();
  await setPendingComposer({ person: { id: personId } });
  await opening;
}

/** Calls back whenever someone asks for a composer (the menu, a notification, the popup). */
export const onPendingComposer = (callback: () => void): (() => void) =>
  pendingComposer.watch(() => callback());

/** Calls back when the user switches tabs. */
export function onTabActivated(callback: () => void): () => void {
  const listener = () => callback();
  browser.tabs.onActivated.addListener(listener);
  return () => browser.tabs.onActivated.removeListener(listener);
}

/** Whom a newly opened composer is for, taken once (a minute at most after the click). */
export async function takePendingComposer(): Promise<PendingComposer | undefined> {
  const pending = await pendingComposer.get();
  if (!pending) return undefined;
  await pendingComposer.remove();
  if (Date.now() - pending.at > 60_000) return undefined;
  return 'personId' in pending
    ? { personId: pending.personId }
    : { candidateIds: pending.candidateIds };
}

/**
 * The zod-free part of the door to the browser: what a page that only reads the log needs (the
 * popup) — the live settings for display, the read-only store, the side panel and the pending
 * composer. platform/index.ts re-exports all of it.
 */
import { browser, type Browser } from 'wxt/browser';
import { isSettingsKey, SETTINGS_KEY, settingsForDisplay } from '@/lib/defaults';
import type { MessageKey, Substitution, Translate } from '@/lib/i18n';
import type { Settings } from '@/lib/model';
import { openReader, type StoreReader } from '@/lib/store/reader';

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

/** Settings as stored, for display only; pages that write parse them (platform/index.ts). */
export async function loadDisplaySettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return settingsForDisplay(stored[SETTINGS_KEY]);
}

export function onDisplaySettingsChanged(callback: (settings: Settings) => void): () => void {
  return onSettingsStorageChange((changes) => {
    if (changes[SETTINGS_KEY]) callback(settingsForDisplay(changes[SETTINGS_KEY].newValue));
  });
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

// ---- a draft kept while the sidebar is closed ----

// Firefox gives an extension frame inside a web page no storage.session: keep it locally there.
const draftArea = () => browser.storage.session ?? browser.storage.local;
const DRAFT_KEY = 'composer-draft';

export async function loadComposerDraft(): Promise<unknown> {
  return (await draftArea().get(DRAFT_KEY))[DRAFT_KEY];
}

export async function saveComposerDraft(draft: unknown): Promise<void> {
  await draftArea().set({ [DRAFT_KEY]: draft });
}

export async function clearComposerDraft(): Promise<void> {
  await draftArea().remove(DRAFT_KEY);
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

const DECLINED_DOMAIN_OFFERS = 'declined-domain-offers';

/** Domains the user said no to ("are people at @x your colleagues?"): never asked again. */
export async function loadDeclinedDomainOffers(): Promise<string[]> {
  return readDomainList(
    (await browser.storage.local.get(DECLINED_DOMAIN_OFFERS))[DECLINED_DOMAIN_OFFERS],
  );
}

export async function declineDomainOffer(domain: string): Promise<void> {
  const declined = await loadDeclinedDomainOffers();
  if (!declined.includes(domain))
    await browser.storage.local.set({ [DECLINED_DOMAIN_OFFERS]: [...declined, domain] });
}

export function onDeclinedDomainOffersChanged(callback: (declined: string[]) => void): () => void {
  const listener = (changes: Record<string, Browser.storage.StorageChange>, area: string) => {
    if (area === 'local' && changes[DECLINED_DOMAIN_OFFERS])
      callback(readDomainList(changes[DECLINED_DOMAIN_OFFERS].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

// Stored values are input like any other: a list of strings, or nothing.
const readDomainList = (stored: unknown): string[] =>
  Array.isArray(stored) ? stored.filter((d): d is string => typeof d === 'string') : [];

const PENDING_COMPOSER = 'pending-composer';

/** Whom the next composer opens for: one person, or several to choose from. */
export type PendingComposer = { personId: string } | { candidateIds: string[] };

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
  // storage.local, not session: Firefox gives extension frames inside web pages no session area.
  await browser.storage.local.set({ [PENDING_COMPOSER]: { ...pending, at: Date.now() } });
}

/** Opens the side panel with the thank-you composer ready for one person. */
export async function openComposerInSidePanel(personId: string): Promise<void> {
  const opening = openSidePanelFromClick();
  await setPendingComposer({ person: { id: personId } });
  await opening;
}

/** Calls back whenever someone asks for a composer (the menu, a notification, the popup). */
export function onPendingComposer(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && PENDING_COMPOSER in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Calls back when the user switches tabs. */
export function onTabActivated(callback: () => void): () => void {
  const listener = () => callback();
  browser.tabs.onActivated.addListener(listener);
  return () => browser.tabs.onActivated.removeListener(listener);
}

/** Whom a newly opened composer is for, taken once (a minute at most after the click). */
export async function takePendingComposer(): Promise<PendingComposer | undefined> {
  const pending = (await browser.storage.local.get(PENDING_COMPOSER))[PENDING_COMPOSER] as
    (PendingComposer & { at: number }) | undefined;
  if (!pending) return undefined;
  await browser.storage.local.remove(PENDING_COMPOSER);
  if (Date.now() - pending.at > 60_000) return undefined;
  return 'personId' in pending
    ? { personId: pending.personId }
    : { candidateIds: pending.candidateIds };
}

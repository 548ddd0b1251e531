/**
 * Where the in-page sidebar cannot serve, the side panel does: on self-hosted pages (Chrome lets
 * only the supported tools' own pages frame it) and wherever its frame may not use storage
 * (third-party storage blocked by a setting or a policy). Once a frame has been refused storage,
 * every launcher opens the side panel for the rest of the session.
 */
import { isSupportedAddress } from '@/lib/custom-domains';
import type { MessageOf } from '@/lib/messages';
import { openSidePanel, sendToTab, type Sender } from '@/platform';
import { openExtensionWindow } from '@/platform/background';
import { framesDeniedStorageItem } from '@/platform/storage';
import { isGrantedSidebar, isSidebarFrame } from './frames';

/**
 * The side panel for a tab. Called straight from a click's message, so Chrome still counts the
 * click; Firefox does not count a content script's click, so there (or if Chrome refuses) the
 * same page opens in a small window, following that tab.
 */
export async function openSidePanelFor(tabId: number, windowId?: number): Promise<void> {
  await openSidePanel(tabId, windowId).catch(() =>
    openExtensionWindow(`/sidepanel.html?tab=now&for=${tabId}`),
  );
}

/** Whether the page at `url` may show the sidebar in its own frame. */
export async function mayFrameSidebar(url: string): Promise<boolean> {
  return isSupportedAddress(url) && !(await framesDeniedStorageItem().get());
}

/** Our sidebar frame was refused storage: its tab's launcher, and every later one, hand over. */
export async function frameStorageDenied(
  message: MessageOf<'frame-storage-denied'>,
  sender: Sender,
): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !isSidebarFrame(sender)) return;
  // Opened before anything is awaited, or Chrome no longer counts the click. Harmless whoever
  // framed the page: it opens the extension's own page beside this tab, nothing more.
  const opening = message.open ? openSidePanelFor(tabId, sender.tab?.windowId) : undefined;
  if (!(await isGrantedSidebar(sender))) return;
  await opening;
  await framesDeniedStorageItem().set(true);
  await sendToTab(tabId, { type: 'use-side-panel' });
  if (message.open) await sendToTab(tabId, { type: 'close-sidebar' });
}

/** The in-page sidebar asks to move to the side panel: it opens for that tab, the frame closes. */
export async function moveToSidePanel(_message: unknown, sender: Sender): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !isSidebarFrame(sender)) return;
  // Before anything is awaited, as above: the click must still count.
  const opening = openSidePanelFor(tabId, sender.tab?.windowId);
  if (!(await isGrantedSidebar(sender))) return;
  await opening;
  await sendToTab(tabId, { type: 'close-sidebar' });
}

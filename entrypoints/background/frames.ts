/**
 * The handshake that tells our in-page sidebar from a copy a page framed itself (see
 * lib/frame-gate.ts). The grant is kept per tab in session storage, so a restarted background
 * still knows which frame is the sidebar.
 */
import type { FrameGrantReply } from '@/lib/messages';
import { claimGrant, issueGrant, isGrantedFrame } from '@/lib/frame-gate';
import { extensionOrigin, type Sender } from '@/platform';
import { frameGrantItem } from '@/platform/storage';

/** The content script's sidebar frame has loaded: a token for it, and where to post it. */
export async function grantFrame(sender: Sender): Promise<FrameGrantReply | undefined> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return undefined;
  const token = crypto.randomUUID();
  await frameGrantItem(tabId).set(issueGrant(token, Date.now()));
  return { token, origin: extensionOrigin() };
}

/** The sidebar frame presents its token; true when it is the frame the content script opened. */
export async function claimFrame(token: string, sender: Sender): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !isSidebarFrame(sender)) return false;
  const claimed = claimGrant(await readGrant(tabId), token, sender.frameId, Date.now());
  if (!claimed) return false;
  await frameGrantItem(tabId).set(claimed);
  return true;
}

/** The in-page sidebar page, wherever it runs (ours or framed by a page). */
export function isSidebarFrame(sender: Sender): boolean {
  try {
    return new URL(sender.url ?? '').pathname === '/sidebar.html';
  } catch {
    return false;
  }
}

/** True for the sidebar frame our content script opened in the sender's tab. */
export async function isGrantedSidebar(sender: Sender): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !isSidebarFrame(sender)) return false;
  return isGrantedFrame(await readGrant(tabId), sender.frameId);
}

export function forgetFrame(tabId: number): Promise<void> {
  return frameGrantItem(tabId).remove();
}

const readGrant = (tabId: number) => frameGrantItem(tabId).get();

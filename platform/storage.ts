/**
 * The extension's own keys in browser storage, each one typed item: its area and key, the
 * parser every read goes through (storage is input like any other), its default and version.
 * Reads, writes and watching go through the item, never through raw keys.
 */
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { readWorkspaceAnswers, type AutoLogVerdict } from '@/lib/auto-log';
import { readFrameGrant, type FrameGrant } from '@/lib/frame-gate';
import type { Conversation } from '@/lib/model';
import { readReminderState } from '@/lib/reminders';
import { readStringList } from '@/lib/stored-keys';

export interface StoredItem<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  /** Calls back with each new value (parsed); returns the call that stops watching. */
  watch(callback: (value: T) => void): () => void;
}

export function defineStoredItem<T>(
  key: StorageItemKey,
  options: { parse(stored: unknown): T; version: number },
): StoredItem<T> {
  const item = storage.defineItem<unknown>(key, { version: options.version });
  return {
    get: async () => options.parse(await item.getValue()),
    set: (value) => item.setValue(value),
    remove: () => item.removeValue(),
    watch: (callback) => item.watch((value) => callback(options.parse(value))),
  };
}

// ---- the background's state (it is stopped at any time: nothing lives only in memory) ----

/** Reminders' memory: what was shown, ignored and snoozed (lib/reminders.ts reads it). */
export const reminderStateItem = defineStoredItem('local:reminder-state', {
  version: 1,
  parse: readReminderState,
});

/** Whom the last nudge was about, for its "Thank now". */
export const nudgedPersonItem = defineStoredItem('local:nudge-person', {
  version: 1,
  parse: (stored) => (typeof stored === 'string' ? stored : undefined),
});

/** What a tab shows, since when: kept for the session, so a restarted background knows it. */
export interface TabConversation {
  conversation: Conversation | null;
  since: number;
  /** The page's host, from the browser (a page can change its path, not its host). */
  host: string;
  /** What the auto-log timer decided, once it ran (for the sidebar and for tests). */
  verdict?: AutoLogVerdict;
}

export function tabConversationItem(tabId: number): StoredItem<TabConversation | undefined> {
  return defineStoredItem(`session:tab:${tabId}`, {
    version: 1,
    // Written only by the background from a parsed message: a shape check is enough here.
    parse: (stored) =>
      stored && typeof stored === 'object' && 'since' in stored
        ? { host: '', ...(stored as Omit<TabConversation, 'host'>) }
        : undefined,
  });
}

/** Which frame in a tab is the sidebar our content script opened (lib/frame-gate.ts). */
export function frameGrantItem(tabId: number): StoredItem<FrameGrant | undefined> {
  return defineStoredItem(`session:frame:${tabId}`, { version: 1, parse: readFrameGrant });
}

/** Self-hosted origins this device was allowed to reach, by the user, for a custom domain. */
export const customDomainGrantsItem = defineStoredItem('local:custom-domain-grants', {
  version: 1,
  parse: readStringList,
});

/**
 * An extension frame inside a web page was refused storage this session (third-party blocking).
 * Made when asked: Firefox's in-page frames, which load this module, have no session area.
 */
export function framesDeniedStorageItem(): StoredItem<boolean> {
  return defineStoredItem('session:frames-denied-storage', {
    version: 1,
    parse: (stored) => stored === true,
  });
}

/** The user's answers to "is this workspace yours?" (lib/auto-log.ts), per tool and host. */
export const workspaceAnswersItem = defineStoredItem('local:workspaces', {
  version: 1,
  parse: readWorkspaceAnswers,
});

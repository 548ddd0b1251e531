import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  conversationOf,
  conversationReported,
  tabClosed,
} from '@/entrypoints/background/conversations';
import type { Conversation } from '@/lib/model';
import { alarmTime, clearAlarm, setAlarm } from '@/platform/background';
import { forgetBrowserState, getStore, seenOrgDomains } from '@/platform';
import { nudgedPersonItem, reminderStateItem, tabConversationItem } from '@/platform/storage';

beforeEach(() => fakeBrowser.reset());

const conversation: Conversation = {
  tool: 'gmail',
  kind: 'mail',
  threadKey: 'gmail:thread-7',
  title: 'Dock hours',
  url: 'https://mail.google.com/mail/u/0/#inbox/thread-7',
  participants: [{ name: 'Dana Park', email: 'dana@acme.example', role: 'sender' }],
  self: { name: 'Me', email: 'me@acme.example' },
};

describe('typed storage items', () => {
  it('read what is stored through their parser, and a default for what is not theirs', async () => {
    expect((await reminderStateItem.get()).ignoredInARow).toBe(0);
    await fakeBrowser.storage.local.set({ 'reminder-state': { version: 1, ignoredInARow: 2 } });
    expect((await reminderStateItem.get()).ignoredInARow).toBe(2);
    await fakeBrowser.storage.local.set({ 'nudge-person': 42 });
    expect(await nudgedPersonItem.get()).toBeUndefined();
    await nudgedPersonItem.set('01J00000000000000000000000');
    expect(await nudgedPersonItem.get()).toBe('01J00000000000000000000000');
  });

  it('keep each tab apart, and forget a tab when asked', async () => {
    await tabConversationItem(3).set({ conversation, since: 5, host: 'mail.google.com' });
    expect(await tabConversationItem(3).get()).toEqual({
      conversation,
      since: 5,
      host: 'mail.google.com',
    });
    expect(await tabConversationItem(4).get()).toBeUndefined();
    // An entry from before hosts were kept reads with no host (no workspace is confirmed by it).
    await fakeBrowser.storage.session.set({ 'tab:4': { conversation, since: 6 } });
    expect(await tabConversationItem(4).get()).toEqual({ conversation, since: 6, host: '' });
    await tabConversationItem(3).remove();
    expect(await tabConversationItem(3).get()).toBeUndefined();
  });
});

describe('alarms through the door', () => {
  it('are set, read and cleared by name', async () => {
    await setAlarm('reminder', Date.now() + 60_000);
    expect(await alarmTime('reminder')).toBeGreaterThan(Date.now());
    await clearAlarm('reminder');
    expect(await alarmTime('reminder')).toBeUndefined();
  });
});

describe('the background keeps each tab’s conversation', () => {
  const sender = (tabId: number) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId } }) as never;

  beforeEach(() => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
  });

  it('answers for the tab that reported, tells its pages, until the tab closes', async () => {
    await fakeBrowser.storage.sync.set({ settings: { autoLog: 'manual' } });
    await conversationReported({ type: 'conversation', conversation }, sender(9));
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(9, {
      type: 'conversation-changed',
      tabId: 9,
      conversation,
    });
    expect(await conversationOf(9)).toEqual({ tabId: 9, conversation });
    expect(await conversationOf(10)).toEqual({ tabId: 10, conversation: null });
    expect(await conversationOf(undefined)).toEqual({ tabId: null, conversation: null });
    // The user's own work address is offered as an org domain.
    expect(await seenOrgDomains()).toEqual(['acme.example']);
    await tabClosed(9);
    expect(await conversationOf(9)).toEqual({ tabId: 9, conversation: null });
  });

  it('keeps when a thread was opened while the same thread is reported again', async () => {
    await fakeBrowser.storage.sync.set({ settings: { autoLog: 'manual' } });
    await conversationReported({ type: 'conversation', conversation }, sender(2));
    const first = await tabConversationItem(2).get();
    await conversationReported({ type: 'conversation', conversation }, sender(2));
    expect((await tabConversationItem(2).get())?.since).toBe(first?.since);
  });
});

describe('forgetting the browser state on a wipe', () => {
  it("removes every trace of the user's days, and keeps this device's setup and the handshake", async () => {
    await fakeBrowser.storage.local.set({
      'launcher:acme.zendesk.com': { open: true, top: 40 },
      'seen-org-domains': ['acme.example'],
      'reminder-state': { version: 1, ignoredInARow: 2 },
      'learned-rules': [{ tool: 'linear', host: 'linear.app' }],
      workspaces: { 'zendesk:acme.zendesk.com': true },
      'custom-domain-grants': ['https://git.acme.example'],
    });
    await fakeBrowser.storage.session.set({
      'tab:3': { conversation, since: 5, host: 'mail.google.com' },
      'frame:3': { issuedAt: 1, frameId: 2 },
      'frames-denied-storage': true,
    });
    await forgetBrowserState();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      'custom-domain-grants': ['https://git.acme.example'],
    });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({
      'frame:3': { issuedAt: 1, frameId: 2 },
      'frames-denied-storage': true,
    });
  });
});

describe("a page's changes to the log", () => {
  it('wake the background, which keeps the badge and the popup numbers', async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.sendMessage = vi.fn(async (message: unknown) => {
      sent.push(message);
    }) as typeof fakeBrowser.runtime.sendMessage;
    const store = await getStore();
    expect(sent).toEqual([]);
    await store.createPerson({
      name: 'Noor Haddad',
      emails: [],
      handles: [],
      relationship: 'internal',
      relationshipSource: 'manual',
    });
    expect(sent).toEqual([{ type: 'log-changed' }]);
    store.close();
  });
});

/**
 * What each tab shows: the content script reports its conversation, the background keeps the
 * latest per tab in session storage (so a restart of the background loses nothing), tells open
 * extension pages, and logs it once it has stayed open for the user's auto-log delay, where
 * lib/auto-log.ts allows (a confirmed workspace, not a crowd, a thread the user takes part in).
 */
import { autoLogVerdict, workspaceOf } from '@/lib/auto-log';
import { domainOf, isPublicMailDomain } from '@/lib/classify';
import { describeFailedWrite } from '@/lib/storage-errors';
import type { ConversationReply, MessageOf, WorkspaceState } from '@/lib/messages';
import {
  getStore,
  loadSettings,
  notify,
  rememberSignedInDomain,
  t,
  tellPages,
  type Sender,
} from '@/platform';
import {
  tabConversationItem,
  workspaceAnswersItem,
  type TabConversation,
} from '@/platform/storage';

export async function conversationReported(
  message: MessageOf<'conversation'>,
  sender: Sender,
): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  const host = hostOf(sender.url ?? sender.tab?.url);
  // Pages hear of it first and it is stored after: the sidebar starts reading its people while
  // storage still writes. A page asking meanwhile gets what it was told (`told`).
  const fresh: TabConversation = { conversation: message.conversation, since: Date.now(), host };
  told.set(tabId, fresh);
  await tellPages(tabId, {
    type: 'conversation-changed',
    tabId,
    conversation: message.conversation,
  });
  const entry = await oneAfterAnother(tabId, async () => {
    const previous = await tabConversationItem(tabId).get();
    const same = previous?.conversation?.threadKey === message.conversation?.threadKey;
    const entry = same && previous ? { ...fresh, since: previous.since } : fresh;
    await tabConversationItem(tabId).set(entry);
    return entry;
  });
  if (told.get(tabId) === fresh) told.delete(tabId);
  const selfDomain = domainOf(message.conversation?.self?.email);
  if (selfDomain && !isPublicMailDomain(selfDomain)) await rememberSignedInDomain(selfDomain);
  // The timer decides (lib/auto-log.ts): the user may confirm the workspace meanwhile.
  if (message.conversation) scheduleAutoLog(tabId, entry);
}

/** Told to the tab's pages, not yet stored. */
const told = new Map<number, TabConversation>();
/** Each tab's writes, in the order reported, so an older report never lands over a newer one. */
const writes = new Map<number, Promise<unknown>>();

function oneAfterAnother<T>(tabId: number, write: () => Promise<T>): Promise<T> {
  const done = (writes.get(tabId) ?? Promise.resolve()).catch(() => undefined).then(write);
  writes.set(tabId, done);
  const forget = () => {
    if (writes.get(tabId) === done) writes.delete(tabId);
  };
  done.then(forget, forget);
  return done;
}

/** The tab's entry: what its pages were told last, or else what is stored. */
async function entryOf(tabId: number): Promise<TabConversation | undefined> {
  return told.get(tabId) ?? (await tabConversationItem(tabId).get());
}

export async function conversationOf(tabId: number | undefined): Promise<ConversationReply> {
  if (tabId === undefined) return { tabId: null, conversation: null };
  const entry = await entryOf(tabId);
  const workspace = entry ? await workspaceState(entry) : undefined;
  return { tabId, conversation: entry?.conversation ?? null, ...(workspace ? { workspace } : {}) };
}

/** The user answered "is this your workplace?" in the sidebar of this tab. */
export async function workspaceAnswered(
  tabId: number,
  log: boolean,
): Promise<WorkspaceState | undefined> {
  const entry = await tabConversationItem(tabId).get();
  const workspace = entry?.conversation && workspaceOf(entry.conversation, entry.host);
  if (!entry || !workspace) return undefined;
  await workspaceAnswersItem.set({ ...(await workspaceAnswersItem.get()), [workspace.key]: log });
  if (log) scheduleAutoLog(tabId, entry);
  return workspaceState(entry);
}

async function workspaceState(entry: TabConversation): Promise<WorkspaceState | undefined> {
  const workspace = entry.conversation && workspaceOf(entry.conversation, entry.host);
  if (!workspace) return undefined;
  const answer = (await workspaceAnswersItem.get())[workspace.key];
  return { host: workspace.host, tool: workspace.tool, log: answer ?? null };
}

function hostOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').hostname;
  } catch {
    return '';
  }
}

export function tabClosed(tabId: number): Promise<void> {
  told.delete(tabId);
  return oneAfterAnother(tabId, () => tabConversationItem(tabId).remove());
}

function scheduleAutoLog(tabId: number, entry: TabConversation): void {
  void (async () => {
    const settings = await loadSettings();
    if (settings.autoLog !== 'after-open') return;
    const wait = Math.max(0, entry.since + settings.autoLogDelaySeconds * 1000 - Date.now());
    setTimeout(
      () => void autoLog(tabId, entry.conversation!.threadKey).catch(showFailedWrite),
      wait,
    );
  })();
}

/** A write nobody clicked for (auto-log) failed: say so where the user will see it. */
function showFailedWrite(error: unknown): Promise<void> {
  return notify('inside-out-write-failed', t('extName'), describeFailedWrite(error, t));
}

/** Logs the tab's conversation if it is still the one that was open when the timer started. */
async function autoLog(tabId: number, threadKey: string): Promise<void> {
  const current = await tabConversationItem(tabId).get();
  const conversation = current?.conversation;
  if (!conversation || conversation.threadKey !== threadKey) return;
  const settings = await loadSettings();
  if (settings.autoLog !== 'after-open') return;
  const verdict = autoLogVerdict(conversation, current.host, await workspaceAnswersItem.get());
  // Recorded on the tab's latest entry, unless the tab moved on meanwhile.
  const latest = await tabConversationItem(tabId).get();
  if (latest?.conversation?.threadKey === threadKey)
    await tabConversationItem(tabId).set({ ...latest, verdict });
  if (verdict !== 'log') return;
  const store = await getStore();
  const resolved = await store.resolveParticipants(conversation, settings);
  await store.logConversation(
    conversation,
    resolved.map((r) => r.person),
    settings,
  );
}

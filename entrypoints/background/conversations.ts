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
  const previous = await tabConversationItem(tabId).get();
  const same = previous?.conversation?.threadKey === message.conversation?.threadKey;
  const entry: TabConversation = {
    conversation: message.conversation,
    since: same && previous ? previous.since : Date.now(),
    host: hostOf(sender.url ?? sender.tab?.url),
  };
  await tabConversationItem(tabId).set(entry);
  const selfDomain = domainOf(message.conversation?.self?.email);
  if (selfDomain && !isPublicMailDomain(selfDomain)) await rememberSignedInDomain(selfDomain);
  await tellPages(tabId, {
    type: 'conversation-changed',
    tabId,
    conversation: message.conversation,
  });
  // The timer decides (lib/auto-log.ts): the user may confirm the workspace meanwhile.
  if (message.conversation) scheduleAutoLog(tabId, entry);
}

export async function conversationOf(tabId: number | undefined): Promise<ConversationReply> {
  if (tabId === undefined) return { tabId: null, conversation: null };
  const entry = await tabConversationItem(tabId).get();
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
  return tabConversationItem(tabId).remove();
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

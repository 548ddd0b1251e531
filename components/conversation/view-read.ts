/**
 * The sidebar's read of a conversation, started as soon as the conversation is known. The
 * message that brings it arrives a render before the panel that shows it: starting the read
 * there lets the database work while the panel renders.
 */
import type { Conversation, Settings } from '@/lib/model';
import type { Store } from '@/lib/store';
import type { ConversationView } from '@/lib/store/conversation-view';

let started: { key: string; read: Promise<ConversationView> } | undefined;

const keyOf = (conversation: Conversation, orgDomains: readonly string[], version: number) =>
  JSON.stringify([conversation, orgDomains, version]);

/** Starts reading what the panel will ask for with these same arguments. */
export function startReadingView(
  store: Store,
  conversation: Conversation,
  settings: Pick<Settings, 'orgDomains'>,
  version: number,
): void {
  const read = store.conversationView(conversation, settings);
  // The panel reports a failure when it takes the read; until then it is nobody's to report.
  read.catch(() => undefined);
  started = { key: keyOf(conversation, settings.orgDomains, version), read };
}

/**
 * The view of this conversation: the read already started for these same arguments, once, or
 * a new one. A read started for anything else (another conversation, the log changed since:
 * `version`) is left.
 */
export function readView(
  store: Store,
  conversation: Conversation,
  settings: Pick<Settings, 'orgDomains'>,
  version: number,
): Promise<ConversationView> {
  const ready = started;
  started = undefined;
  if (ready?.key === keyOf(conversation, settings.orgDomains, version)) return ready.read;
  return store.conversationView(conversation, settings);
}

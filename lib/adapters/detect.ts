/**
 * The whole detection for one tool's page, in the order the content script runs it:
 * learned rules (when given), the tool's own markup generations, the same in its same-origin
 * frames (for tools whose shell frames the conversation), then the shared generic reader inside
 * the conversation's container when nobody was found. Never throws: a broken page reads as null.
 */
import { bareThread, readLearned, type Learned } from '../learned-rules/detect';
import { findThread } from '../learned-rules/thread';
import type { Conversation, Tool } from '../model';
import { dedupeParticipants, type SelfShown } from './dom';
import { frameDocuments } from './frames';
import { readPeople } from './generic';
import type { Adapter } from './types';

export interface DetectOptions {
  /**
   * The rule the user taught for this tool at this host (issue 19): tried first; when it reads
   * people, they win. The one way a learned rule reads a page, for the content script's watcher
   * and for the options page's "try it on the open tab" alike.
   */
  learned?: Learned;
}

export function detectWith(
  adapter: Adapter,
  document: Document,
  url: URL,
  options: DetectOptions = {},
): Conversation | null {
  try {
    const learned = options.learned;
    const thread = learned?.rule.thread && findThread(learned.rule.thread, document);
    if (learned) {
      const found = readLearned(adapter, learned, document, url, thread);
      if (found) return found;
    }
    const place = locate(adapter, document, url);
    // A taught thread is a conversation the shipped generations no longer see.
    const read = place?.conversation ?? (thread ? bareThread(adapter.tool, document, url) : null);
    if (!read) return null;
    const conversation = thread?.title ? { ...read, title: thread.title } : read;
    if (conversation.participants.length) return conversation;
    const container = thread?.container ?? adapter.container?.(place?.document ?? document);
    return { ...conversation, participants: genericPeople(container, adapter.tool, conversation) };
  } catch {
    return null;
  }
}

/** The conversation and the document it was read from: the page's own, or a frame's. */
function locate(
  adapter: Adapter,
  document: Document,
  url: URL,
): { conversation: Conversation; document: Document } | null {
  const here = adapter.extract(document, url);
  if (here || !adapter.framed) return here && { conversation: here, document };
  for (const frame of frameDocuments(document)) {
    const inner = adapter.extract(frame.document, frame.url);
    if (inner)
      return { conversation: withSelf(inner, adapter.self?.(document)), document: frame.document };
  }
  return null;
}

/** A conversation read in a frame, with the user the top frame shows (and without them). */
function withSelf(found: Conversation, self: SelfShown | undefined): Conversation {
  if (!self || found.self) return found;
  const participants = dedupeParticipants(found.participants, self);
  const shown = {
    ...(self.name ? { name: self.name } : {}),
    ...(self.email ? { email: self.email } : {}),
    ...(self.handle ? { handle: self.handle } : {}),
  };
  const known = shown.name || shown.email || shown.handle;
  return { ...found, participants, ...(known ? { self: shown } : {}) };
}

function genericPeople(container: Element | null | undefined, tool: Tool, found: Conversation) {
  const doc = container?.ownerDocument;
  // Never the whole page: people all over it (inbox rows, channel lists) are not in this thread.
  if (!container || container === doc?.body || container === doc?.documentElement) return [];
  return dedupeParticipants(readPeople(container, tool), found.self).slice(0, 500);
}

/**
 * The element whose subtree holds the conversation, for the content script's observer: the
 * adapter's container in this document, else in a same-origin frame when the tool frames it.
 */
export function conversationContainer(
  adapter: Adapter,
  document: Document,
  options: DetectOptions = {},
): Element | null {
  try {
    const thread = options.learned?.rule.thread;
    const taught = thread?.container && findThread({ container: thread.container }, document);
    if (taught) return taught.container ?? null;
    const here = adapter.container?.(document) ?? null;
    if (here || !adapter.framed) return here;
    for (const frame of frameDocuments(document)) {
      const inner = adapter.container?.(frame.document);
      if (inner) return inner;
    }
  } catch {
    // A page that breaks our reading is observed as a whole.
  }
  return null;
}

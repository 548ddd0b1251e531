/**
 * The whole detection for one tool's page, in the order the content script runs it:
 * learned rules (when given), the tool's own markup generations, the same in its same-origin
 * frames (for tools whose shell frames the conversation), then the shared generic reader inside
 * the conversation's container when nobody was found. Never throws: a broken page reads as null.
 */
import { readLearned, type Learned } from '../learned-rules/detect';
import type { Conversation } from '../model';
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
    if (options.learned) {
      const found = readLearned(adapter, options.learned, document, url);
      if (found) return found;
    }
    const place = locate(adapter, document, url);
    if (!place) return null;
    const { conversation } = place;
    if (conversation.participants.length) return conversation;
    return { ...conversation, participants: genericPeople(adapter, place.document, conversation) };
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

function genericPeople(adapter: Adapter, document: Document, found: Conversation) {
  const container = adapter.container?.(document);
  // Never the whole page: people all over it (inbox rows, channel lists) are not in this thread.
  if (!container || container === document.body || container === document.documentElement) {
    return [];
  }
  return dedupeParticipants(readPeople(container, adapter.tool), found.self).slice(0, 500);
}

/**
 * The element whose subtree holds the conversation, for the content script's observer: the
 * adapter's container in this document, else in a same-origin frame when the tool frames it.
 */
export function conversationContainer(adapter: Adapter, document: Document): Element | null {
  try {
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

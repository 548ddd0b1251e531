/**
 * Learned rules come first: what `detectWith` runs before the shipped generations when the
 * content script has a rule for its tool and host (`DetectOptions.learned`). The rule's people
 * part reads the people; the thread (key, title) comes from the tool's own generations where they
 * read it, its title from the rule's thread part when taught. A people part that reads nobody
 * yields null, so detection falls through to the shipped generations, and `ruleOutcome` says
 * whether that means it needs teaching again.
 */
import { withinLimits } from '../adapters/dom';
import type { Adapter } from '../adapters/types';
import type { Conversation, ConversationKind, Participant } from '../model';
import type { Tool } from '../sites';
import { readWithRule } from './apply';
import { ruleProblem, type RuleParts } from './rule';
import type { ThreadFound } from './thread';

const KIND: Record<Tool, ConversationKind> = {
  gmail: 'mail',
  outlook: 'mail',
  jira: 'ticket',
  zendesk: 'ticket',
  github: 'ticket',
  linear: 'ticket',
  freshdesk: 'ticket',
  servicenow: 'ticket',
  slack: 'chat',
  teams: 'chat',
  'google-chat': 'chat',
};

/** What the rule read on the page it was just tried on. */
export interface RuleRead {
  /** Everyone it read, the signed-in user included (the options page's "try" shows these). */
  participants: Participant[];
  containerFound: boolean;
  refused?: 'too-many';
  /** Set when the rule has a thread part: whether it found the container or the title here. */
  threadFound?: boolean;
  /** Whether the rule has a people part (else its outcome is the thread's). */
  taughtPeople: boolean;
}

/** The learned part of detection: the rule, and who hears what it read on each attempt. */
export interface Learned {
  rule: RuleParts;
  onRead?: (read: RuleRead) => void;
}

/**
 * The conversation the learned rule's people part reads on this page, or null to fall through;
 * tells `onRead` what every part found (`thread` is what the thread part found here).
 */
export function readLearned(
  adapter: Adapter,
  learned: Learned,
  document: Document,
  url: URL,
  thread: ThreadFound | undefined,
): Conversation | null {
  const { people } = learned.rule;
  const reading =
    people && !ruleProblem(people)
      ? readWithRule(people, document)
      : { participants: [], containerFound: false, refused: undefined };
  const { participants, refused } = reading;
  learned.onRead?.({
    participants,
    containerFound: reading.containerFound || !!thread,
    ...(refused ? { refused } : {}),
    ...(learned.rule.thread ? { threadFound: !!thread } : {}),
    taughtPeople: !!people,
  });
  if (!participants.length) return null;
  let shipped: Conversation | null = null;
  try {
    shipped = adapter.extract(document, url);
  } catch {
    // The shipped generations broke: the learned rule still reads the page.
  }
  const found = withPeople(participants, shipped ?? bareThread(adapter.tool, document, url));
  return found && thread?.title ? { ...found, title: thread.title } : found;
}

/** A conversation the shipped generations do not see: known by its address alone. */
export function bareThread(tool: Tool, document: Document, url: URL): Conversation {
  return {
    tool,
    kind: KIND[tool],
    threadKey: `${tool}:${url.host}${url.pathname}${url.hash}`,
    title: document.title.trim(),
    url: `${url.origin}${url.pathname}${url.hash}`,
    participants: [],
  };
}

/**
 * How many people the rule read, as the sidebar and options page show it: 0 when it no longer
 * matches a conversation that is open (the page shows one, by the shipped generations or the
 * rule's container); undefined when the page says nothing either way (a list, settings).
 */
export function ruleOutcome(read: RuleRead, detected: Conversation | null): number | undefined {
  if (!read.taughtPeople) {
    // Only the thread was taught: it did its part when it was found and people were read.
    if (read.threadFound) return detected?.participants.length || undefined;
    return detected ? 0 : undefined;
  }
  if (read.participants.length) return read.participants.length;
  return detected || read.containerFound ? 0 : undefined;
}

function withPeople(participants: Participant[], thread: Conversation): Conversation | null {
  const self = thread.self;
  const others = participants.filter(
    (p) => !(self?.email && p.email === self.email) && !(self?.name && p.name === self.name),
  );
  return others.length ? withinLimits({ ...thread, participants: others }) : null;
}

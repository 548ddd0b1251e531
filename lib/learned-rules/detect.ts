/**
 * Learned rules come first: what `detectWith` runs before the shipped generations when the
 * content script has a rule for its tool and host (`DetectOptions.learned`). The rule reads the
 * people; the thread (key, title) still comes from the tool's own generations where they read it.
 * A rule that reads nobody yields null, so detection falls through to the shipped generations,
 * and `ruleOutcome` says whether that means it needs teaching again.
 */
import { withinLimits } from '../adapters/dom';
import type { Adapter } from '../adapters/types';
import type { Conversation, ConversationKind, Participant } from '../model';
import type { Tool } from '../sites';
import { readWithRule } from './apply';
import { ruleProblem, type PeopleRule } from './rule';

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
}

/** The learned part of detection: the rule, and who hears what it read on each attempt. */
export interface Learned {
  rule: PeopleRule;
  onRead?: (read: RuleRead) => void;
}

/** The conversation the learned rule reads on this page, or null to fall through. */
export function readLearned(
  adapter: Adapter,
  learned: Learned,
  document: Document,
  url: URL,
): Conversation | null {
  if (ruleProblem(learned.rule)) return null;
  const { participants, containerFound, refused } = readWithRule(learned.rule, document);
  learned.onRead?.({ participants, containerFound, ...(refused ? { refused } : {}) });
  if (!participants.length) return null;
  let shipped: Conversation | null = null;
  try {
    shipped = adapter.extract(document, url);
  } catch {
    // The shipped generations broke: the learned rule still reads the page.
  }
  return withPeople(participants, adapter.tool, document, url, shipped);
}

/**
 * How many people the rule read, as the sidebar and options page show it: 0 when it no longer
 * matches a conversation that is open (the page shows one, by the shipped generations or the
 * rule's container); undefined when the page says nothing either way (a list, settings).
 */
export function ruleOutcome(read: RuleRead, detected: Conversation | null): number | undefined {
  if (read.participants.length) return read.participants.length;
  return detected || read.containerFound ? 0 : undefined;
}

function withPeople(
  participants: Participant[],
  tool: Tool,
  document: Document,
  url: URL,
  shipped: Conversation | null,
): Conversation | null {
  const self = shipped?.self;
  const others = participants.filter(
    (p) => !(self?.email && p.email === self.email) && !(self?.name && p.name === self.name),
  );
  const thread: Conversation = shipped ?? {
    tool,
    kind: KIND[tool],
    threadKey: `${tool}:${url.host}${url.pathname}${url.hash}`,
    title: document.title.trim(),
    url: `${url.origin}${url.pathname}${url.hash}`,
    participants: [],
  };
  return others.length ? withinLimits({ ...thread, participants: others }) : null;
}

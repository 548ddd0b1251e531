/**
 * Learned rules come first: a reader for detectWith's `learned` seam. On a host with a rule, the
 * rule reads the people; the thread (key, title) still comes from the tool's own generations
 * where they read it. A rule that reads nobody returns null, so detection falls through to the
 * shipped generations, and `ruleOutcome` says whether that means it needs teaching again.
 */
import { withinLimits } from '../adapters/dom';
import type { Reader } from '../adapters/detect';
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

/** What the rule read on the last page it was tried on. */
export interface RuleRead {
  count: number;
  containerFound: boolean;
}

/** The learned rule as the first reader detection tries; `onRead` hears every attempt. */
export function learnedReader(
  adapter: Adapter,
  rule: () => PeopleRule | undefined,
  onRead: (read: RuleRead) => void,
): Reader {
  return (document, url) => {
    const learned = rule();
    if (!learned || ruleProblem(learned)) return null;
    const { participants, containerFound } = readWithRule(learned, document);
    onRead({ count: participants.length, containerFound });
    if (!participants.length) return null;
    let shipped: Conversation | null = null;
    try {
      shipped = adapter.extract(document, url);
    } catch {
      // The shipped generations broke: the learned rule still reads the page.
    }
    return withPeople(participants, adapter.tool, document, url, shipped);
  };
}

/**
 * How many people the rule read, as the sidebar and options page show it: 0 when it no longer
 * matches a conversation that is open (the page shows one, by the shipped generations or the
 * rule's container); undefined when the page says nothing either way (a list, settings).
 */
export function ruleOutcome(read: RuleRead, detected: Conversation | null): number | undefined {
  if (read.count) return read.count;
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

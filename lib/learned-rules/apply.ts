/**
 * Reads a page with a learned rule: finds the conversation's container (in the page, or in a
 * frame of the same origin), the people inside it, and each one's name and address. Pure over
 * the DOM it is given; never writes to it. A rule that reads more than MAX_PEOPLE is refused.
 */
import { attr, dedupeParticipants, findEmail, parseNameAndEmail, text } from '../adapters/dom';
import type { Participant } from '../model';
import { MAX_PEOPLE, selectorOf, type PeopleRule } from './rule';

export interface RuleReading {
  /** One entry per element the rule matched, in page order (the picker shows these). */
  elements: Element[];
  participants: Participant[];
  /** Set when the rule matched but was refused. */
  refused?: 'too-many';
}

/** Documents to look in: the page, then frames of the same origin (others throw or are null). */
export function documentsOf(document: Document, depth = 2): Document[] {
  const out = [document];
  if (depth === 0) return out;
  for (const frame of document.querySelectorAll('iframe, frame')) {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner?.documentElement) out.push(...documentsOf(inner, depth - 1));
    } catch {
      // A frame of another origin: not ours to read.
    }
  }
  return out;
}

/** The elements a rule matches, from the first document whose container has any. */
export function matchRule(rule: PeopleRule, document: Document): Element[] {
  const containerSelector = selectorOf(rule.container);
  const personSelector = rule.item
    ? `${selectorOf(rule.item)} ${selectorOf(rule.person)}`
    : selectorOf(rule.person);
  for (const doc of documentsOf(document)) {
    for (const container of safeAll(doc, containerSelector)) {
      if (container === doc.documentElement || container === doc.body) continue;
      const found = safeAll(container, personSelector);
      if (found.length) return found;
    }
  }
  return [];
}

/** What a rule reads on a page now. */
export function readWithRule(rule: PeopleRule, document: Document): RuleReading {
  const elements = matchRule(rule, document);
  if (elements.length > MAX_PEOPLE) return { elements: [], participants: [], refused: 'too-many' };
  const raw = elements.map((el) => ({ ...personOf(rule, el), role: 'member' as const }));
  return { elements, participants: dedupeParticipants(raw) };
}

/** One person's name and address, read where the rule says they are. */
export function personOf(rule: PeopleRule, el: Element): { name?: string; email?: string } {
  const shown = rule.nameFrom === 'text' ? text(el) : attr(el, rule.nameFrom);
  const parsed = shown ? parseNameAndEmail(shown) : {};
  const email = (rule.emailFrom ? findEmail(attr(el, rule.emailFrom)) : undefined) ?? parsed.email;
  return { name: parsed.name?.slice(0, 200), email };
}

function safeAll(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

/**
 * Reads a page with a learned rule: finds the conversation's container (in the page, or in a
 * frame of the same origin), the people inside it, and each one's name and address. Pure over
 * the DOM it is given; never writes to it. A rule that reads more than MAX_PEOPLE is refused.
 */
import { attr, dedupeParticipants, findEmail, parseNameAndEmail, text } from '../adapters/dom';
import { frameDocuments } from '../adapters/frames';
import type { Participant } from '../model';
import { MAX_PEOPLE, selectorOf, type PeopleRule } from './rule';

export interface RuleReading {
  /** One entry per element the rule matched, in page order (the picker shows these). */
  elements: Element[];
  participants: Participant[];
  /** Whether the conversation's container is on the page at all. */
  containerFound: boolean;
  /** Set when the rule matched but was refused. */
  refused?: 'too-many';
}

/** The elements a rule matches: in the page, else in its same-origin frames (a tool's shell). */
export function matchRule(
  rule: PeopleRule,
  document: Document,
): { elements: Element[]; containerFound: boolean } {
  const here = matchIn(rule, document);
  if (here.elements.length) return here;
  for (const frame of frameDocuments(document)) {
    const inner = matchIn(rule, frame.document);
    if (inner.elements.length) return inner;
    here.containerFound ||= inner.containerFound;
  }
  return here;
}

function matchIn(rule: PeopleRule, doc: Document) {
  const personSelector = rule.item
    ? `${selectorOf(rule.item)} ${selectorOf(rule.person)}`
    : selectorOf(rule.person);
  let containerFound = false;
  for (const container of safeAll(doc, selectorOf(rule.container))) {
    if (container === doc.documentElement || container === doc.body) continue;
    containerFound = true;
    const elements = safeAll(container, personSelector);
    if (elements.length) return { elements, containerFound };
  }
  return { elements: [] as Element[], containerFound };
}

/** What a rule reads on a page now. */
export function readWithRule(rule: PeopleRule, document: Document): RuleReading {
  const { elements, containerFound } = matchRule(rule, document);
  if (elements.length > MAX_PEOPLE)
    return { elements: [], participants: [], containerFound, refused: 'too-many' };
  const raw = elements.map((el) => ({ ...personOf(rule, el), role: 'member' as const }));
  return { elements, participants: dedupeParticipants(raw), containerFound };
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

/**
 * A learned rule: what the user showed us about one tool at one host, kept as structure only.
 * A rule is a few steps (tag, attribute tests, semantic classes), never a selector string and
 * never text from the page; the attribute values it may test are limited to structural ones
 * (test ids, roles, link shapes), checked by the shapes below and again by the zod schema.
 * Zod-free: the content script applies rules and must stay small.
 */
import type { Tool } from '../sites';

/** A rule that reads more people than this on one page is reading the page, not a conversation. */
export const MAX_PEOPLE = 50;

/** Attributes whose exact value is structure (a test id, a role), not content. */
export const VALUE_ATTRIBUTES = [
  'data-testid',
  'data-test-id',
  'data-qa',
  'data-tid',
  'data-component',
  'data-role',
  'data-type',
  'data-kind',
  'data-view-id',
  'role',
  'itemprop',
  'itemtype',
  'rel',
] as const;

/** Attributes holding a link, tested by its shape (`/users/`, `mailto:`), never its target. */
export const LINK_ATTRIBUTES = ['href', 'data-hovercard-url'] as const;

/** Attributes a name or an address may be read from (the attribute's name, never its value). */
export const NAME_ATTRIBUTES = [
  'aria-label',
  'title',
  'alt',
  'data-name',
  'data-label',
  'data-member-label',
  'data-user-name',
] as const;
export const EMAIL_ATTRIBUTES = ['href', 'email', 'data-email', 'title', 'data-hovercard-id'];

/** `data-*` / `aria-*` names made of words, no digits (`data-v-7ba5bd90` is generated). */
export const ATTRIBUTE_NAME = /^(?:(?:data|aria)-[a-z]+(?:-[a-z]+)*|role|itemprop|itemtype|rel)$/;
/** A test id or role: a word-like token without digit runs (ids), spaces or `@`. */
export const STRUCTURAL_VALUE = /^(?!.*\d{3})[A-Za-z][A-Za-z0-9_.:/-]{0,79}$/;
/** A link's shape: its first path segment (`/users/`), or its scheme (`mailto:`). */
export const LINK_PREFIX = /^(?:\/[a-z][a-z_-]{0,30}\/|mailto:|tel:)$/;
/** A class written by a person (`c-message__sender`), not by a CSS-in-JS tool or a minifier. */
export const SEMANTIC_CLASS =
  /^(?!(?:css|sc|jsx|emotion|styled|svelte|tw)-)[a-z][a-z]*(?:[-_]{1,2}[a-z]+)*$/;
export const TAG = /^[a-z][a-z0-9]{0,15}(?:-[a-z0-9]+){0,4}$/;

/** Has the attribute; has this structural value; holds a link of this shape. */
export type AttributeTest =
  | { name: string; op: 'present' }
  | { name: (typeof VALUE_ATTRIBUTES)[number]; op: 'equals'; value: string }
  | { name: (typeof LINK_ATTRIBUTES)[number]; op: 'prefix'; value: string };

/** One element's structure: a tag, attribute tests and classes, all of which must hold. */
export interface Step {
  tag?: string;
  attributes: AttributeTest[];
  classes: string[];
}

export interface PeopleRule {
  /** What holds the conversation; the rule reads nothing outside it. */
  container: Step;
  /** Each person's entry (a message, a chip), when it has a structure of its own. */
  item?: Step;
  /** The element that names one person. */
  person: Step;
  /** Where the name is: the element's visible text, or one of NAME_ATTRIBUTES. */
  nameFrom: 'text' | (typeof NAME_ATTRIBUTES)[number];
  /** Where an address is, when the page shows one. */
  emailFrom?: string;
}

/** Where the thread is, taught where the shipped generations no longer find it. */
export interface ThreadRule {
  /** What holds the conversation: observed for changes, and read for people by the generic reader. */
  container?: Step;
  /** The conversation's title: the first element matching `element`, inside `within` when set. */
  title?: { within?: Step; element: Step };
}

/** What the user taught about one tool at one host: who is who, where the thread is, or both. */
export interface RuleParts {
  people?: PeopleRule;
  thread?: ThreadRule;
}

export interface LearnedRule extends RuleParts {
  version: 1;
  tool: Tool;
  host: string;
  learnedAt: number;
  /** When it last read someone, and how many people that was. */
  lastMatchedAt?: number;
  lastCount?: number;
  /** When it last read nobody on a page of its host: it needs teaching again. */
  missedAt?: number;
}

/**
 * A rule after the user taught one more part: the new part replaces the same part, the others
 * are kept (the people stay when the title is taught, and so on); its history starts anew.
 */
export function withTaught(
  existing: LearnedRule | undefined,
  taught: RuleParts,
  at: { tool: Tool; host: string; now: number; count: number },
): LearnedRule {
  const people = taught.people ?? existing?.people;
  const thread = { ...existing?.thread, ...taught.thread };
  return {
    version: 1,
    tool: at.tool,
    host: at.host,
    ...(people ? { people } : {}),
    ...(thread.container || thread.title ? { thread } : {}),
    learnedAt: at.now,
    lastMatchedAt: at.now,
    lastCount: Math.min(at.count, MAX_PEOPLE),
  };
}

/** A rule that no longer reads its pages: the sidebar asks for it to be taught again. */
export function needsTeaching(rule: Pick<LearnedRule, 'lastMatchedAt' | 'missedAt'>): boolean {
  return rule.missedAt !== undefined && rule.missedAt > (rule.lastMatchedAt ?? 0);
}

/**
 * The CSS selector of one step. Stored rules were parsed by the schema (no quote or escape can be
 * in a value); a value that still has one is left out rather than trusted.
 */
export function selectorOf(step: Step): string {
  let out = step.tag ?? '';
  for (const test of step.attributes) {
    if (test.op === 'present') out += `[${test.name}]`;
    else if (/^[^"\\\n]*$/.test(test.value))
      out += `[${test.name}${test.op === 'prefix' ? '^=' : '='}"${test.value}"]`;
  }
  for (const name of step.classes) out += `.${name}`;
  return out || '*';
}

/** Whether a step says anything about structure beyond its tag. */
export function hasStructure(step: Step): boolean {
  return step.attributes.length > 0 || step.classes.length > 0;
}

export type RuleProblem = 'whole-page' | 'no-structure';

/**
 * Why a rule would read far more than a conversation: anchored to the page itself, or finding
 * people by nothing but a tag. Checked before a rule is saved, imported or applied.
 */
export function ruleProblem(rule: PeopleRule): RuleProblem | undefined {
  const { container } = rule;
  const pageTag = ['html', 'body', 'head'].includes(container.tag ?? '');
  const anchored =
    hasStructure(container) || container.tag === 'main' || container.tag === 'article';
  if (pageTag || !anchored) return 'whole-page';
  if (!hasStructure(rule.person) && !(rule.item && hasStructure(rule.item))) return 'no-structure';
  return undefined;
}

/** Why a thread rule would read the page rather than a conversation, or nothing at all. */
export function threadProblem(thread: ThreadRule): RuleProblem | undefined {
  const { container, title } = thread;
  if (!container && !title) return 'no-structure';
  if (container) {
    const pageTag = ['html', 'body', 'head'].includes(container.tag ?? '');
    const anchored =
      hasStructure(container) || container.tag === 'main' || container.tag === 'article';
    if (pageTag || !anchored) return 'whole-page';
  }
  if (title && !hasStructure(title.element) && !(title.within && hasStructure(title.within)))
    return 'no-structure';
  return undefined;
}

/** Why a learned rule cannot be kept: a part would read the whole page, or it has no part. */
export function partsProblem(parts: RuleParts): RuleProblem | undefined {
  if (!parts.people && !parts.thread) return 'no-structure';
  return (
    (parts.people && ruleProblem(parts.people)) ||
    (parts.thread && threadProblem(parts.thread)) ||
    undefined
  );
}

/** The CSS selector of a taught title. */
export function titleSelector(title: NonNullable<ThreadRule['title']>): string {
  const element = selectorOf(title.element);
  return title.within ? `${selectorOf(title.within)} ${element}` : element;
}

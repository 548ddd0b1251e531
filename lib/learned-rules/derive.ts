/**
 * From one or two people the user chose on a page, a rule that finds them and their like.
 *
 * Written here rather than with a selector generator (css-selector-generator and its kind): those
 * look for a selector unique to the chosen elements — the opposite of finding a third person of
 * the same kind — and fall back to ids, any attribute value and `:nth-child` chains, all of which
 * we must not keep. The generalisation needed is small: intersect the chosen elements' stable
 * structure (test ids, roles, `data-*` names, link shapes, classes written by people), anchor it
 * to the nearest ancestor that marks the conversation, and check what it reads.
 */
import { attr, findEmail, text } from '../adapters/dom';
import { readWithRule, type RuleReading } from './apply';
import {
  ATTRIBUTE_NAME,
  EMAIL_ATTRIBUTES,
  LINK_ATTRIBUTES,
  LINK_PREFIX,
  NAME_ATTRIBUTES,
  SEMANTIC_CLASS,
  STRUCTURAL_VALUE,
  TAG,
  VALUE_ATTRIBUTES,
  type AttributeTest,
  type PeopleRule,
  type Step,
} from './rule';

export type DeriveProblem = 'no-name' | 'no-structure' | 'no-container' | 'too-many' | 'misses';

export type Derived =
  | { ok: true; rule: PeopleRule; reading: RuleReading; chosen: Element[] }
  | { ok: false; problem: DeriveProblem };

/** How far above a chosen element its entry (or its own marked element) may be. */
const CLIMB = 4;
const CONTAINER_TAGS = new Set(['main', 'article', 'section', 'aside', 'ul', 'ol', 'table']);

export function deriveRule(picked: readonly Element[]): Derived {
  if (!picked.length) return { ok: false, problem: 'misses' };
  const names = picked.map(nameShown);
  if (names.some((n) => !n)) return { ok: false, problem: 'no-name' };
  const avoid = wordsOf(names.join(' '));

  let best: Derived = { ok: false, problem: 'no-structure' };
  for (let depth = 0; depth < CLIMB; depth++) {
    const people = picked.map((el) => ancestorAt(el, depth));
    if (people.some((p, i) => !p || !sameName(p, names[i]!))) break;
    const found = ruleFor(people as Element[], avoid);
    if (found.ok) return found;
    if (best.problem === 'no-structure') best = found;
  }
  return best;
}

function ruleFor(people: Element[], avoid: string[]): Derived {
  const person = common(people.map((p) => signatureOf(p, avoid)));
  const nameFrom = nameSourceOf(people);
  if (!nameFrom) return { ok: false, problem: 'no-name' };
  const emailFrom = EMAIL_ATTRIBUTES.find((a) => people.every((p) => findEmail(attr(p, a))));
  const item = itemOf(people, avoid);
  // With one person, the first marked ancestor may be the conversation itself, not an entry.
  const shapes: Array<{ item?: Step; above: Element[] }> = [
    ...(item ? [{ item: item.step, above: item.elements }] : []),
    { above: people },
  ];
  let problem: DeriveProblem = 'no-container';
  for (const shape of shapes) {
    if (!strong(person) && !(shape.item && strong(shape.item))) {
      problem = 'no-structure';
      continue;
    }
    const container = containerOf(shape.above, avoid);
    if (!container) continue;
    const rule: PeopleRule = { container, person, nameFrom };
    if (shape.item) rule.item = shape.item;
    if (emailFrom) rule.emailFrom = emailFrom;
    const reading = readWithRule(rule, people[0]!.ownerDocument);
    if (reading.refused) problem = 'too-many';
    else if (people.every((p) => reading.elements.includes(p)))
      return { ok: true, rule, reading, chosen: people };
    else problem = 'misses';
  }
  return { ok: false, problem };
}

/** The name an element shows: its text, or a naming attribute. */
export function nameShown(el: Element): string {
  const shown = text(el);
  if (shown && shown.length <= 100) return shown;
  for (const a of NAME_ATTRIBUTES) {
    const value = attr(el, a);
    if (value) return value;
  }
  return '';
}

function nameSourceOf(people: Element[]): PeopleRule['nameFrom'] | undefined {
  if (people.every((p) => text(p) && text(p).length <= 100)) return 'text';
  return NAME_ATTRIBUTES.find((a) => people.every((p) => attr(p, a)));
}

function sameName(el: Element, name: string): boolean {
  return nameShown(el) === name;
}

function ancestorAt(el: Element, depth: number): Element | null {
  let at: Element | null = el;
  for (let i = 0; i < depth && at; i++) at = at.parentElement;
  return at && at !== at.ownerDocument.body && at !== at.ownerDocument.documentElement ? at : null;
}

/** The element's stable structure, without any value that mentions what the page shows. */
export function signatureOf(el: Element, avoid: readonly string[]): Step {
  const attributes: AttributeTest[] = [];
  for (const { name, value } of [...el.attributes]) {
    if ((LINK_ATTRIBUTES as readonly string[]).includes(name)) {
      const prefix = linkShape(value);
      if (prefix && !mentions(prefix, avoid))
        attributes.push({ name: name as 'href', op: 'prefix', value: prefix });
    } else if (!ATTRIBUTE_NAME.test(name)) {
      continue;
    } else if (
      (VALUE_ATTRIBUTES as readonly string[]).includes(name) &&
      STRUCTURAL_VALUE.test(value) &&
      !mentions(value, avoid)
    ) {
      attributes.push({ name: name as 'role', op: 'equals', value });
    } else if (name.startsWith('data-') || name.startsWith('aria-')) {
      attributes.push({ name, op: 'present' });
    }
  }
  const classes = [...el.classList].filter(
    (c) => c.length >= 4 && SEMANTIC_CLASS.test(c) && !mentions(c, avoid),
  );
  const tag = el.tagName.toLowerCase();
  const step = { ...(TAG.test(tag) ? { tag } : {}), attributes, classes };
  // Where stable attributes mark it, classes add nothing but a way to break: a minifier's
  // lowercase names (`qxjzv`) look like words and change with every release.
  if (strong(step)) step.classes = [];
  return step;
}

/** `/users/ada` -> `/users/`; `mailto:…` -> `mailto:`; anything else has no shape we keep. */
function linkShape(href: string): string | undefined {
  const scheme = /^(mailto|tel):/i.exec(href)?.[1];
  if (scheme) return `${scheme.toLowerCase()}:`;
  const segments = /^\/([^/?#]+)\/[^/?#]+/.exec(href);
  const prefix = segments ? `/${segments[1]}/` : undefined;
  return prefix && LINK_PREFIX.test(prefix) ? prefix : undefined;
}

/** What every step has in common; a test id that differs becomes "has a test id". */
export function common(steps: Step[]): Step {
  const [head, ...rest] = steps as [Step, ...Step[]];
  const attributes: AttributeTest[] = [];
  for (const test of head.attributes) {
    const others = rest.map((s) => s.attributes.find((t) => t.name === test.name));
    if (others.some((t) => !t)) continue;
    const same = others.every((t) => JSON.stringify(t) === JSON.stringify(test));
    attributes.push(same ? test : { name: test.name, op: 'present' });
  }
  const classes = head.classes.filter((c) => rest.every((s) => s.classes.includes(c)));
  const tag = rest.every((s) => s.tag === head.tag) ? head.tag : undefined;
  return { ...(tag ? { tag } : {}), attributes, classes };
}

/** A step that marks structure by more than a class or an `aria-*` state. */
function strong(step: Step): boolean {
  return step.attributes.some(
    (t) => t.op !== 'present' || t.name.startsWith('data-') || t.name === 'role',
  );
}

/** The nearest ancestor above these elements that marks itself as a stable part of the page. */
function containerOf(elements: Element[], avoid: string[]): Step | null {
  let at: Element | null = commonAncestor(elements);
  if (elements.length === 1) at = at?.parentElement ?? null;
  for (; at; at = at.parentElement) {
    const step = containerStepAt(at, avoid);
    if (step !== undefined) return step;
  }
  return null;
}

/**
 * The step of an element that marks a stable part of the page (found by what it is, not how it
 * looks: no classes); undefined when it is not one, null at the page itself (body, html).
 */
export function containerStepAt(at: Element, avoid: readonly string[]): Step | null | undefined {
  const doc = at.ownerDocument;
  if (at === doc.body || at === doc.documentElement) return null;
  const step = signatureOf(at, avoid);
  step.classes = [];
  const markedByTag = CONTAINER_TAGS.has(step.tag ?? '') && step.attributes.length > 0;
  if (strong(step) || markedByTag || step.tag === 'main' || step.tag === 'article') return step;
  return undefined;
}

/**
 * Each person's entry (a message, a row): the nearest level above them with common structure,
 * below the element that holds them all.
 */
function itemOf(people: Element[], avoid: string[]): { step: Step; elements: Element[] } | null {
  for (let depth = 1; depth <= CLIMB; depth++) {
    const entries = people.map((p) => ancestorAt(p, depth));
    if (entries.some((e) => !e)) return null;
    if (people.length > 1 && entries.some((e) => people.every((p) => e!.contains(p)))) return null;
    const step = common(entries.map((e) => signatureOf(e!, avoid)));
    if (strong(step)) return { step, elements: entries as Element[] };
  }
  return null;
}

function commonAncestor(elements: Element[]): Element | null {
  let at: Element | null = elements[0]!;
  while (at && !elements.every((e) => at!.contains(e))) at = at.parentElement;
  return at;
}

/** Words of three letters or more in what the user chose: no rule value may contain one. */
export function wordsOf(shown: string): string[] {
  return [...new Set(shown.toLowerCase().split(/[^\p{L}\p{N}]+/u))].filter((w) => w.length >= 3);
}

function mentions(value: string, avoid: readonly string[]): boolean {
  const lower = value.toLowerCase();
  return avoid.some((word) => lower.includes(word));
}

/**
 * The shared last generation: when a tool's own selectors find the conversation but nobody in
 * it, read what marks a person in any web app, inside the conversation's container only:
 * profile and hovercard links, `mailto:` links, attributes carrying an address or a user id,
 * avatars whose `alt` or `aria-label` names someone, labels such as "More information about …".
 * Navigation lists, quoted text and the signed-in user are left out; labels that are not a
 * person's name ("User menu") are dropped by dedupeParticipants.
 */
import type { Tool } from '../model';
import { nameInLabel } from '../person-name';
import { findEmail, safeDecode, text, type RawParticipant } from './dom';

/** Attributes whose value is a person's address or id in the apps we know and many others. */
const ID_ATTRIBUTES = [
  'data-email',
  'email',
  'data-hovercard-id',
  'data-user-id',
  'data-userid',
  'data-account-id',
  'data-member-id',
  'data-person-id',
  'data-actor-id',
  'data-author-id',
  'data-user',
  'data-username',
  'data-login',
] as const;

/** How labels introduce a person: "Avatar of Dana Kim", "More information about Dana Kim". */
const LABEL_PREFIXES = [
  'More information about',
  'More info about',
  'Avatar of',
  'Avatar for',
  'Profile picture of',
  'Profile picture for',
  'Profile photo of',
  'Profile image of',
  'Photo of',
  'Picture of',
  'Open profile of',
  'View profile of',
  'Go to profile of',
];
const LABEL_PREFIX = new RegExp(`^(${LABEL_PREFIXES.join('|')})\\b`, 'i');
/** What marks a person by itself. */
const MARKED = [
  'a[href^="mailto:" i]',
  ...ID_ATTRIBUTES.map((a) => `[${a}]`),
  '[data-hovercard-url]',
  '[data-hovercard-type="user"]',
  '[itemprop="author"]',
  'a[rel~="author"]',
  'a[href*="/people/"]',
  'a[href*="/users/"]',
  'a[href*="/user/"]',
  'a[href*="/profile/"]',
  '[class*="avatar" i] img[alt]',
  'img[class*="avatar" i][alt]',
  '[class*="avatar" i][role="img"][aria-label]',
].join(', ');
/**
 * What marks a person, or may carry a label naming one ("Avatar of …"); one selector, so the
 * browser walks the container once. Labels are read in script: a selector per prefix and
 * attribute made the browser test 39 more selectors on every element.
 */
const PERSON = `${MARKED}, [aria-label], [alt], [title]`;

/** Where people appear who are not in the conversation: navigation, pickers, quoted mail. */
const ELSEWHERE = [
  'nav',
  'aside',
  '[role="navigation"]',
  '[role="listbox"]',
  '[role="tablist"]',
  '[role="menu"]',
  '[role="menubar"]',
  '[role="tree"]',
  'blockquote',
  '.gmail_quote',
  '.gmail_extra',
  '#divRplyFwdMsg',
  '#appendonsend',
  '.yahoo_quoted',
  '[class*="quoted" i]',
  '[contenteditable="true"]',
  'template',
].join(', ');

/** Enough for any real conversation; keeps a pathological page cheap. */
const MAX_CANDIDATES = 400;

/** The people marked inside `container`, as raw participants (dedupeParticipants cleans them). */
export function readPeople(container: Element, tool: Tool): RawParticipant[] {
  const raw: RawParticipant[] = [];
  const candidates = container.querySelectorAll(PERSON);
  if (!candidates.length) return raw;
  // Found once, then looked up from each candidate's ancestors: a `closest(ELSEWHERE)` per
  // candidate cost most of the reading on a long thread (a quote in every message).
  const away = new Set(container.querySelectorAll(ELSEWHERE));
  let taken = 0;
  for (let i = 0; i < candidates.length && taken < MAX_CANDIDATES; i++) {
    const el = candidates[i]!;
    // A label that names nobody (a button's "Reply") is no candidate.
    const label = labelled(el);
    if (!label && !el.matches(MARKED)) continue;
    taken++;
    if (away.size && isInside(el, container, away)) continue;
    const person = personAt(el, tool, label);
    if (person) raw.push(person);
  }
  return raw;
}

/** Whether `el`, or an ancestor of it below `container`, is one of `places`. */
function isInside(el: Element, container: Element, places: ReadonlySet<Element>): boolean {
  for (let node: Element | null = el; node && node !== container; node = node.parentElement) {
    if (places.has(node)) return true;
  }
  return false;
}

function personAt(el: Element, tool: Tool, label: string | undefined): RawParticipant | undefined {
  const href = el.tagName === 'A' ? (el.getAttribute('href') ?? '') : '';
  const mailto = /^mailto:/i.test(href) ? findEmail(safeDecode(href.slice(7).split('?')[0]!)) : '';
  const { email: shownEmail, id } = addressAndId(el);
  const email = mailto || shownEmail;
  const marked = email || id || label || isProfileLink(el, href) || el.matches(AVATAR);
  if (!marked) return undefined;
  const shown = label ?? nameOf(el);
  if (!shown && !email) return undefined;
  const mention = /^@/.test(shown ?? '');
  return {
    name: shown?.replace(/^@/, ''),
    email,
    handle: id ? `${tool}:${id}` : undefined,
    role: mention ? 'mention' : 'member',
  };
}

/**
 * The address and the user id the element's attributes carry, each from the first attribute in
 * ID_ATTRIBUTES order that has one. The element's few attributes are read once, rather than
 * asking it for each of the thirteen names.
 */
function addressAndId(el: Element): { email?: string; id?: string } {
  let email: string | undefined;
  let id: string | undefined;
  let emailRank = Infinity;
  let idRank = Infinity;
  const attributes = el.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const { name, value: raw } = attributes[i]!;
    const rank = ID_RANK.get(name);
    if (rank === undefined) continue;
    const value = raw.trim();
    if (!value) continue;
    const found = findEmail(value);
    if (found && found.length === value.length) {
      if (rank < emailRank) [email, emailRank] = [found, rank];
    } else if (!found && /^[\w.:@-]{2,100}$/.test(value) && rank < idRank) {
      [id, idRank] = [value, rank];
    }
  }
  return { email, id };
}

const ID_RANK = new Map<string, number>(ID_ATTRIBUTES.map((name, rank) => [name, rank]));

const AVATAR =
  '[class*="avatar" i] img[alt], img[class*="avatar" i][alt], [class*="avatar" i][role="img"][aria-label]';

/** A name given by a person label ("Avatar of Dana Kim") on the element. */
function labelled(el: Element): string | undefined {
  for (const attribute of ['aria-label', 'alt', 'title']) {
    const value = el.getAttribute(attribute);
    if (value && LABEL_PREFIX.test(value.trim())) return nameInLabel(value);
  }
  return undefined;
}

function isProfileLink(el: Element, href: string): boolean {
  if (el.hasAttribute('data-hovercard-url') || el.matches('[itemprop="author"], a[rel~="author"]'))
    return true;
  return /\/(people|users?|profile)\/[^/?#]+/i.test(href);
}

/** The name an element shows: a name attribute or label, else its text when it is short. */
function nameOf(el: Element): string | undefined {
  // Tried in order, each only when the ones before named nobody.
  const candidates = [
    () => el.getAttribute('data-name'),
    () => el.getAttribute('name'),
    () => el.querySelector('[itemprop="name"]')?.textContent,
    () => el.getAttribute('aria-label'),
    () => el.getAttribute('alt'),
    // A whole message may carry its author's id: its text is no name.
    () => (el.getElementsByTagName('*').length <= SMALL ? text(el) : undefined),
    () => el.getAttribute('title'),
  ];
  for (const read of candidates) {
    const value = read();
    const clean = value?.replace(/\s+/g, ' ').trim();
    const name = clean && clean.length <= MAX_NAME ? nameInLabel(clean) : undefined;
    if (name) return name;
  }
  return undefined;
}

/** An element with more descendants than this is a block of content, not a name chip. */
const SMALL = 6;
/** Longer than this, a text is a sentence, not a name. */
const MAX_NAME = 80;

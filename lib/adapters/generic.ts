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
const LABELLED = ['aria-label', 'alt', 'title'].flatMap((a) =>
  LABEL_PREFIXES.map((p) => `[${a}^="${p}" i]`),
);

/** What marks a person; one selector, so the browser walks the container once. */
const PERSON = [
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
  ...LABELLED,
].join(', ');

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
  const limit = Math.min(candidates.length, MAX_CANDIDATES);
  for (let i = 0; i < limit; i++) {
    const el = candidates[i]!;
    const away = el.closest(ELSEWHERE);
    if (away && container.contains(away)) continue;
    const person = personAt(el, tool);
    if (person) raw.push(person);
  }
  return raw;
}

function personAt(el: Element, tool: Tool): RawParticipant | undefined {
  const href = el.tagName === 'A' ? (el.getAttribute('href') ?? '') : '';
  const mailto = /^mailto:/i.test(href) ? findEmail(safeDecode(href.slice(7).split('?')[0]!)) : '';
  let email = mailto || undefined;
  let id: string | undefined;
  for (const name of ID_ATTRIBUTES) {
    const value = el.getAttribute(name)?.trim();
    if (!value) continue;
    const found = findEmail(value);
    if (found && found.length === value.length) email ??= found;
    else if (!found && /^[\w.:@-]{2,100}$/.test(value)) id ??= value;
  }
  const label = labelled(el);
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
  const candidates = [
    el.getAttribute('data-name'),
    el.getAttribute('name'),
    el.querySelector('[itemprop="name"]')?.textContent,
    el.getAttribute('aria-label'),
    el.getAttribute('alt'),
    // A whole message may carry its author's id: its text is no name.
    el.getElementsByTagName('*').length <= SMALL ? text(el) : undefined,
    el.getAttribute('title'),
  ];
  for (const value of candidates) {
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

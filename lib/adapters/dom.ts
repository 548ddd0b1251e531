/**
 * Small DOM readers shared by the adapters. Every reader tolerates missing nodes and
 * returns undefined rather than throwing: host pages change their markup without notice.
 */
import type { Conversation, Participant } from '../model';
import { looksLikePersonName } from '../person-name';

/** The first element matching any selector, tried in order (newest markup generation first). */
export function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** All elements matching the first selector that matches anything. */
export function allOf(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll(selector);
    if (found.length) return [...found];
  }
  return [];
}

/** Visible text with whitespace collapsed; screen-reader-only copies are skipped. */
export function text(element: Element | null | undefined): string {
  if (!element) return '';
  let out = '';
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (isScreenReaderOnly(el)) return;
    for (const child of el.childNodes) walk(child);
  };
  walk(element);
  return out.replace(/\s+/g, ' ').trim();
}

/** Classes tools use for text only screen readers get (AUI's `assistive` in Jira). */
const SCREEN_READER_ONLY =
  /(^|\s)(sr-only|visually-hidden|offscreen|a11y-hidden|c-visually-hidden|assistive)(\s|$)/;

function isScreenReaderOnly(el: Element): boolean {
  if (el.getAttribute('aria-hidden') === 'true') return true;
  return SCREEN_READER_ONLY.test(el.getAttribute('class') ?? '');
}

export function attr(element: Element | null | undefined, name: string): string | undefined {
  const value = element?.getAttribute(name)?.trim();
  return value ? value : undefined;
}

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,63}/;
/** The address shape the Conversation schema accepts (zod's `z.email()`). */
const VALID_EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** A lower-case email if the string is (or contains) a well-formed one. */
export function findEmail(value: string | null | undefined): string | undefined {
  const found = value?.match(EMAIL)?.[0];
  return found && found.length <= LIMITS.email && VALID_EMAIL.test(found)
    ? found.toLowerCase()
    : undefined;
}

/** Reads `Name <email>`, `"Name" <email>`, `email`, or a bare name. */
export function parseNameAndEmail(value: string): { name?: string; email?: string } {
  const email = findEmail(value);
  const name = value
    .replace(/<[^>]*>/g, '')
    .replace(email ?? '\u0000', '')
    .replace(/["()]/g, '')
    .replace(/^(from|to|cc|bcc):\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { name: name || undefined, email };
}

/** `decodeURIComponent`, or the value as it is when it is not valid percent-encoding. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The element itself, else its nearest ancestor, else its first descendant matching `selector`. */
export function nearest(el: Element | null | undefined, selector: string): Element | null {
  if (!el) return null;
  return el.matches(selector) ? el : (el.closest(selector) ?? el.querySelector(selector));
}

/** Whether a sibling of the element reads like `label` (a badge such as "External"). */
export function hasSiblingLabel(el: Element, label: RegExp): boolean {
  return [...(el.parentElement?.children ?? [])].some((c) => c !== el && label.test(text(c)));
}

const GOOGLE_ACCOUNT = [
  'a[aria-label^="Google Account:"]',
  'header a[href*="accounts.google.com/SignOutOptions"][aria-label]',
];

/** The signed-in Google account (Gmail, Google Chat): `Google Account: Name (email)`. */
export function googleAccount(document: Document): SelfShown | undefined {
  const label = attr(first(document, GOOGLE_ACCOUNT), 'aria-label')?.replace(/^[^:]*:/, '');
  const { name, email } = label ? parseNameAndEmail(label) : {};
  return name || email ? { ...(name ? { name } : {}), ...(email ? { email } : {}) } : undefined;
}

/** Who the signed-in user is, as far as the page shows it. */
export type SelfShown = { name?: string; email?: string; handle?: string };

/** A person as an adapter first reads them: any part may be missing. */
export type RawParticipant = Partial<Participant>;

const ROLE_RANK: Record<Participant['role'], number> = {
  requester: 0,
  sender: 1,
  author: 2,
  assignee: 3,
  recipient: 4,
  cc: 5,
  member: 6,
  mention: 7,
};

const normName = (name: string | undefined) => name?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * One entry per person, without the signed-in user:
 * - entries without a name (or email) or role are dropped;
 * - entries with the same name lend each other the email/handle one of them shows (unless two
 *   of them show different ones), so a name-only field meets the same person's linked comment;
 * - the same email or handle is kept once, with its strongest role and any tool signal;
 *   people with neither are matched by name;
 * - the user is left out by email or handle, and by name where the entry and `self` have no
 *   kind of identity in common to compare (many pages show only the user's name).
 */
export function dedupeParticipants(raw: RawParticipant[], self?: SelfShown): Participant[] {
  const people = raw.flatMap((p) => cleaned(p) ?? []);
  shareIdentitiesByName(people);
  const isSelf = selfMatcher(self);
  const out: Participant[] = [];
  const byKey = new Map<string, Participant>();
  for (const p of people) {
    if (isSelf(p)) continue;
    const keys = identityKeys(p);
    const existing = keys.map((k) => byKey.get(k)).find(Boolean);
    if (existing) {
      if (ROLE_RANK[p.role] < ROLE_RANK[existing.role]) existing.role = p.role;
      existing.email ??= p.email;
      existing.handle ??= p.handle;
      existing.signal ??= p.signal;
      for (const k of identityKeys(existing)) byKey.set(k, existing);
      continue;
    }
    out.push(p);
    for (const k of keys) byKey.set(k, p);
  }
  return out;
}

function cleaned(raw: RawParticipant): Participant | undefined {
  const email = findEmail(raw.email);
  // A label that is not a name ("User menu") is never a person: the address stands in, if any.
  const shown = normName(raw.name);
  const name = looksLikePersonName(shown) ? shown : email;
  if (!name || !raw.role) return undefined;
  const p: Participant = { name: name.slice(0, LIMITS.name), role: raw.role };
  if (email) p.email = email;
  if (raw.handle && raw.handle.length <= LIMITS.handle && HANDLE.test(raw.handle)) {
    p.handle = raw.handle;
  }
  if (raw.signal) p.signal = raw.signal;
  return p;
}

/** Email and handle keys, or the name when the entry has neither. */
function identityKeys(p: Participant): string[] {
  if (p.email && p.handle) return [`e:${p.email}`, `h:${p.handle}`];
  if (p.email) return [`e:${p.email}`];
  if (p.handle) return [`h:${p.handle}`];
  return [`n:${p.name.toLowerCase()}`];
}

/** Same-named entries take the one email and the one handle their group shows (in place). */
function shareIdentitiesByName(people: Participant[]): void {
  const ids = new Map<string, { email?: string; handle?: string } | null>();
  for (const p of people) {
    if (!p.email && !p.handle) continue;
    const key = p.name.toLowerCase();
    const seen = ids.get(key);
    if (seen === null) continue;
    if (!seen) {
      ids.set(key, { email: p.email, handle: p.handle });
    } else if (
      (p.email && seen.email && p.email !== seen.email) ||
      (p.handle && seen.handle && p.handle !== seen.handle)
    ) {
      ids.set(key, null); // two identities under one name: lend neither
    } else {
      seen.email ??= p.email;
      seen.handle ??= p.handle;
    }
  }
  if (!ids.size) return;
  for (const p of people) {
    const id = ids.get(p.name.toLowerCase());
    if (!id) continue;
    if (!p.email && id.email) p.email = id.email;
    if (!p.handle && id.handle) p.handle = id.handle;
  }
}

function selfMatcher(self: SelfShown | undefined): (p: Participant) => boolean {
  const email = self?.email?.toLowerCase();
  const handle = self?.handle;
  const shown = normName(self?.name);
  const name = looksLikePersonName(shown) ? shown.toLowerCase() : '';
  return (p) => {
    if (email && p.email === email) return true;
    if (handle && p.handle === handle) return true;
    const comparable = Boolean((email && p.email) || (handle && p.handle));
    return !comparable && Boolean(name) && p.name.toLowerCase() === name;
  };
}

/** What ConversationSchema (lib/model.ts) allows, so what an adapter returns always passes it. */
const LIMITS = {
  name: 200,
  email: 320,
  handle: 300,
  title: 1_000,
  threadKey: 1_000,
  url: 4_000,
  participants: 500,
};
/** `tool:value`, the value without white space. */
const HANDLE = /^[a-z-]+:\S+$/;

/**
 * The conversation as the schema allows it: long titles and names clipped, too many people cut;
 * a key or address too long to be right means nothing usable was read (null).
 */
export function withinLimits(found: Conversation): Conversation | null {
  if (found.threadKey.length > LIMITS.threadKey || found.url.length > LIMITS.url) return null;
  const { self, ...rest } = found;
  const shown = self?.name?.trim();
  const name = looksLikePersonName(shown) ? shown?.slice(0, LIMITS.name) : undefined;
  const email = findEmail(self?.email);
  const handle =
    self?.handle && self.handle.length <= LIMITS.handle && HANDLE.test(self.handle)
      ? self.handle
      : undefined;
  const user = {
    ...(name ? { name } : {}),
    ...(email ? { email } : {}),
    ...(handle ? { handle } : {}),
  };
  return {
    ...rest,
    title: found.title.slice(0, LIMITS.title),
    participants: found.participants.slice(0, LIMITS.participants),
    ...(name || email || handle ? { self: user } : {}),
  };
}

/**
 * Gmail: the open thread (subject, thread id) and everyone on its message headers.
 *
 * Gmail navigates by hash (`/mail/u/<n>/#inbox/<threadId>`, `#label/Work/<id>`,
 * `#search/<query>/<id>`): a thread is open when the hash ends in a thread id. The inbox list
 * stays in the DOM while a thread is open, so people are read only inside the thread view and
 * only from message headers (never from bodies or quoted text).
 */
import { APP_PAGE_ROOM } from '../page-room';
import type { Participant } from '../model';
import { TOOL_MATCHES } from '../sites';
import { googleChat } from './google-chat';
import {
  attr,
  dedupeParticipants,
  findEmail,
  first,
  googleAccount,
  text,
  withinLimits,
} from './dom';
import type { Adapter } from './types';

// Markup generations, newest first.
const SUBJECT = ['h2.hP[data-legacy-thread-id]', 'h2[data-thread-perm-id]', 'h2.hP'];
const THREAD_ID: ReadonlyArray<readonly [selector: string, attribute: string]> = [
  ['h2[data-legacy-thread-id]', 'data-legacy-thread-id'],
  ['[data-thread-perm-id]', 'data-thread-perm-id'],
];
/** The split (preview) pane beside the list, and the list's selected row. */
const PREVIEW_PANE = ['.a98.iY', '.aia .iY'];
const SELECTED_ROW = ['[gh="tl"] tr.aps [data-legacy-thread-id]', 'tr.aps [data-legacy-thread-id]'];
/** One message, expanded or collapsed; nested matches are folded into their outermost one. */
const MESSAGE = 'div.adn, div.kv, [data-message-id], [data-legacy-message-id]';
const THREAD_VIEW = '[role="main"]';
const SENDER = ['span.gD[email]', 'td.gF span[email]', 'h3.iw span[email]'];
/** The header's details table: one row per `from:` / `to:` / `cc:` / `bcc:`. */
const DETAIL_ROW = ['table.ajC tr.ajv', 'tr.ajv'];
/** The compact "to me, Priya, Lee" line, when the details table is absent. */
const RECIPIENT = ['.hb span[email]', 'span.g2[email]'];

/** Views whose hash carries a label or query before the thread id. */
const NESTED_VIEWS = new Set(['label', 'search', 'category', 'advanced-search']);
/** Legacy hex ids are 16 characters; current ones (`FMfcgz…`) are longer. */
const THREAD_ID_IN_HASH = /^[A-Za-z0-9]{16,}$/;

/** The thread id at the end of the hash, with the hash's view, or undefined. */
function threadInHash(url: URL): { id: string; segments: string[] } | undefined {
  const hash = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  const segments = hash.split('/').filter(Boolean);
  const view = segments[0];
  const id = segments[segments.length - 1];
  if (!view || !id || view === 'chat') return undefined;
  if (segments.length < (NESTED_VIEWS.has(view) ? 3 : 2)) return undefined;
  return THREAD_ID_IN_HASH.test(id) ? { id, segments } : undefined;
}

/** The thread address without volatile parts: a search query becomes `#all`. */
function canonicalUrl(url: URL, segments: string[]): string {
  const view = segments[0] === 'search' || segments[0] === 'advanced-search' ? 'all' : undefined;
  const hash = view ? `${view}/${segments[segments.length - 1]}` : segments.join('/');
  return `${url.origin}${url.pathname}#${hash}`;
}

/** `Subject - sam@acme.example - Acme Mail` (the tab title) → `Subject`. */
function titleFromDocument(document: Document): string {
  const parts = document.title.split(' - ');
  const accountAt = parts.findIndex((part) => findEmail(part));
  return accountAt > 0 ? parts.slice(0, accountAt).join(' - ').trim() : '';
}

/** Elements in document order without those inside an earlier one (one pass, not n²). */
function outermost(elements: Element[]): Element[] {
  const out: Element[] = [];
  for (const el of elements) {
    const last = out[out.length - 1];
    if (!last || !last.contains(el)) out.push(el);
  }
  return out;
}

/** A person chip (`<span email="…" name="…">`): its name and email. */
function personOf(el: Element, role: Participant['role']): Partial<Participant> {
  const email = findEmail(attr(el, 'email') ?? attr(el, 'data-hovercard-id'));
  // The chip's text is read only when its `name` attribute is missing or says "me".
  const shown = usableName(attr(el, 'name')) ?? usableName(text(el));
  return { name: shown ?? email, email, role };
}

function usableName(name: string | undefined): string | undefined {
  return name && name.toLowerCase() !== 'me' && !findEmail(name) ? name : undefined;
}

function recipientsOf(message: Element): Array<Partial<Participant>> {
  const out: Array<Partial<Participant>> = [];
  for (const selector of DETAIL_ROW) {
    for (const row of message.querySelectorAll(selector)) {
      const label = text(row.querySelector('td')).toLowerCase();
      const role = /^to\b/.test(label) ? 'recipient' : /^b?cc\b/.test(label) ? 'cc' : undefined;
      if (!role) continue;
      for (const chip of row.querySelectorAll('[email]')) out.push(personOf(chip, role));
    }
    if (out.length) return out;
  }
  for (const selector of RECIPIENT) {
    const chips = [...message.querySelectorAll(selector)];
    if (chips.length) return chips.map((chip) => personOf(chip, 'recipient'));
  }
  return out;
}

/** The Google account menu, else the address in the tab title (`Subject - sam@… - Mail`). */
function signedInUser(document: Document): { name?: string; email?: string } | undefined {
  const account = googleAccount(document);
  const email = account?.email ?? findEmail(document.title);
  return account?.email || !email ? account : { ...account, email };
}

function threadView(document: Document): Element | null {
  const anchor = first(document, SUBJECT) ?? document.querySelector(MESSAGE);
  if (!anchor) return null;
  return anchor.closest(PREVIEW_PANE.join(', ')) ?? anchor.closest(THREAD_VIEW) ?? document.body;
}

/** The thread's own id; `data-thread-perm-id` can read "undefined" (gmail.js #814, 2025). */
function threadIdIn(view: Element): string | undefined {
  for (const [selector, attribute] of THREAD_ID) {
    const found = attr(view.querySelector(selector), attribute);
    if (found && found !== 'undefined') return found;
  }
  return undefined;
}

/**
 * With the split pane, the address can stay on the list (`#inbox`) while a thread shows beside
 * it: the preview's own id (else the selected row's) names it, under the list's view.
 */
function threadInPreview(document: Document, view: Element, url: URL) {
  if (!view.matches(PREVIEW_PANE.join(', '))) return undefined;
  const id = threadIdIn(view) ?? attr(first(document, SELECTED_ROW), 'data-legacy-thread-id');
  const segments = url.hash.replace(/^#/, '').split('?')[0]?.split('/').filter(Boolean) ?? [];
  if (!id || !THREAD_ID_IN_HASH.test(id) || segments[0] === 'chat') return undefined;
  return { id, segments: [...(segments.length ? segments : ['inbox']), id] };
}

export const gmail: Adapter = {
  tool: 'gmail',
  matches: TOOL_MATCHES.gmail,
  room: APP_PAGE_ROOM,
  container: (document) => threadView(document) ?? document.querySelector(THREAD_VIEW),
  extract(document, url) {
    if (url.pathname.startsWith('/chat/')) return null;
    // Chat inside Gmail's own address (`/mail/u/0/#chat/space/<id>`) is Google Chat's to read.
    if (url.hash.startsWith('#chat/')) return googleChat.extract(document, url);
    const view = threadView(document);
    const inHash = threadInHash(url) ?? (view && threadInPreview(document, view, url));
    if (!inHash || !view) return null;

    const messages = outermost([...view.querySelectorAll(MESSAGE)]);
    const people: Array<Partial<Participant>> = [];
    for (const message of messages.length ? messages : [view]) {
      const sender = first(message, SENDER);
      if (sender) people.push(personOf(sender, 'sender'));
      people.push(...recipientsOf(message));
    }

    const threadId = threadIdIn(view) ?? inHash.id;
    const self = signedInUser(document);
    return withinLimits({
      tool: 'gmail',
      kind: 'mail',
      threadKey: `gmail:${threadId}`,
      title: text(first(view, SUBJECT)) || titleFromDocument(document),
      url: canonicalUrl(url, inHash.segments),
      participants: dedupeParticipants(people, self),
      ...(self ? { self } : {}),
    });
  },
};

/*
 * Fixture pages (test/fixtures/gmail/), newest markup first:
 * - thread-split-pane.html — the split pane (2025–26): the address stays `#inbox`, the thread
 *                            shows in `.a98.iY` beside the visible list (other people's rows),
 *                            `data-thread-perm-id="undefined"`, quoted "On … wrote:" and
 *                            forwarded headers in the body, an open hovercard; none listed
 * - thread-long.html       — `#inbox/<id>`, details table with to/cc, collapsed messages
 * - thread-legacy.html     — `#label/Customers/<hex id>`, older markup (no ids on the subject,
 *                            no gD/g2 classes), the account only in the tab title
 * - inbox.html             — the inbox list, nothing open (null)
 * Chat inside Gmail (`#chat/…`) is read by google-chat.ts (fixture google-chat/mail-hash).
 *
 * Sources (facts only):
 * - KartikTalwar/gmail.js src/gmail.js (last changed 2025-03-02): sender `span[email].gD`,
 *   recipients `span[email].g2` in `span.hb`, body `div.a3s`, message `div.adn` with
 *   `data-message-id` (`#msg-f:…`) and `data-legacy-message-id`, thread `div.if`/`div.iY`,
 *   subject `h2.hP`, thread ids `h2[data-legacy-thread-id]` and `[data-thread-perm-id]`,
 *   compose recipients `div[data-hovercard-id]`; the user's address is read from page globals.
 * - gmail.js issue #814 (2025-11-09): on Workspace accounts the subject reads
 *   `<h2 class="hP" jsname="r4nke" data-thread-perm-id="undefined" data-legacy-thread-id="…">`.
 * - InboxSDK pull request #1309 (2026-08-06): split pane `.aia` / `.a98.iY`, the selected row
 *   `[gh=tl] tr.aps [data-legacy-thread-id]`, body `div.ii.gt`; `.adP` and `table.Bs` are gone.
 * - gmail.js issue #531 (2018-09-19): a just-sent message has no legacy id for a few seconds.
 * Still a guess: whether the split pane's address ever carries the thread id (both handled);
 * the account chip's "Google Account: Name (email)" label (seen in Google Chat tests, 2026).
 */

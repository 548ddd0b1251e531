/**
 * Freshdesk: the open ticket and who is on it.
 *
 * A ticket lives at `/a/tickets/<id>` (the classic helpdesk at `/helpdesk/tickets/<id>`). The
 * requester card shows a contact's name and email (a contact is a customer: signal 'external');
 * the Agent property lists agents only, and private notes are written by agents (signal
 * 'internal'). Contact ids from `/a/contacts/<id>` links give handles `freshdesk:<id>`.
 */
import type { Conversation } from '../model';
import { TOOL_MATCHES } from '../sites';
import {
  allOf,
  attr,
  dedupeParticipants,
  findEmail,
  first,
  nearest,
  parseNameAndEmail,
  text,
  type RawParticipant,
  withinLimits,
} from './dom';
import type { Adapter } from './types';

/** Markup generations, newest first. */
const SUBJECT = ['.ticket-subject-heading', 'h2.subject'];
const DISPLAY_ID = ['[data-test-id="ticket-display-id"]', '#ticket-display-id'];
const REQUESTER_CARD = ['[data-test-id="requester-info"]', '.requester-details'];
const REQUESTER_NAME = ['[data-test-id="requester-name"]', '.requester-name'];
const REQUESTER_EMAIL = [
  '[data-test-id="requester-email"]',
  '.requester-email',
  'a[href^="mailto:"]',
];
const AGENT = [
  '[data-test-id="tkt-properties-responder_id"] .ember-power-select-selected-item',
  '#helpdesk_ticket_responder_id option[selected]',
];
const CC_EMAILS = ['[data-test-id="ticket-cc-emails"] li', '.cc-emails li'];
const ITEMS = ['[data-test-id="conversation-item"]', '.conversation'];
const AUTHOR = ['[data-test-id="conversation-author"]', '.user_name'];
const AUTHOR_EMAIL = ['[data-test-id="conversation-from-email"]', '.from-email'];
const PRIVATE_NOTE = ['.private-note', '.private'];
const SELF_NAME = [
  '[data-test-id="profile-menu"] [data-test-id="profile-name"]',
  '#user-profile-menu .name',
];
const SELF_EMAIL = [
  '[data-test-id="profile-menu"] [data-test-id="profile-email"]',
  '#user-profile-menu .email',
];
const CONTAINER = ['[data-test-id="ticket-details-page"]', '#ticket-details', '.ticket-details'];

/** What Freshdesk shows in an empty Agent field. */
const NOBODY = /^(-+|unassigned|none)$/i;

function contactHandle(el: Element | null): string | undefined {
  const link = nearest(el, 'a[href*="/contacts/"]');
  const id = attr(link, 'href')?.match(/\/contacts\/(\d+)/)?.[1];
  return id ? `freshdesk:${id}` : undefined;
}

/** The signed-in agent from the profile menu, with only the parts the page shows. */
function readSelf(document: Document): { name?: string; email?: string } | undefined {
  const name = text(first(document, SELF_NAME));
  const email = findEmail(text(first(document, SELF_EMAIL)));
  if (!name && !email) return undefined;
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

function extract(document: Document, url: URL): Conversation | null {
  const id = url.pathname.match(/^\/(?:a|helpdesk)\/tickets\/(\d+)/)?.[1];
  if (!id) return null;
  const shownId = text(first(document, DISPLAY_ID)).replace(/^#/, '');
  if (shownId && shownId !== id) return null; // the page still shows the previous ticket
  const title = text(first(document, SUBJECT));
  if (!title) return null;

  const raw: RawParticipant[] = [];
  const card = first(document, REQUESTER_CARD);
  if (card) {
    const nameEl = first(card, REQUESTER_NAME);
    const email = findEmail(
      text(first(card, REQUESTER_EMAIL)) || attr(first(card, REQUESTER_EMAIL), 'href'),
    );
    raw.push({
      name: text(nameEl) || email,
      email,
      handle: contactHandle(nameEl) ?? contactHandle(card),
      role: 'requester',
      signal: 'external',
    });
  }
  const agent = text(first(document, AGENT));
  if (agent && !NOBODY.test(agent)) raw.push({ name: agent, role: 'assignee', signal: 'internal' });
  for (const cc of allOf(document, CC_EMAILS)) {
    const shown = parseNameAndEmail(text(cc) || attr(cc, 'title') || '');
    if (shown.email) raw.push({ name: shown.name ?? shown.email, email: shown.email, role: 'cc' });
  }
  for (const item of allOf(document, ITEMS)) {
    const author = first(item, AUTHOR);
    const isNote = PRIVATE_NOTE.some((selector) => item.matches(selector));
    raw.push({
      name: text(author),
      email: findEmail(text(first(item, AUTHOR_EMAIL))),
      handle: contactHandle(author),
      role: 'author',
      ...(isNote ? { signal: 'internal' as const } : {}),
    });
  }

  const self = readSelf(document);
  return withinLimits({
    tool: 'freshdesk',
    kind: 'ticket',
    threadKey: `freshdesk:${url.host}:${id}`,
    title,
    url: `${url.origin}/a/tickets/${id}`,
    participants: dedupeParticipants(raw, self),
    ...(self ? { self } : {}),
  });
}

export const freshdesk: Adapter = {
  tool: 'freshdesk',
  matches: TOOL_MATCHES.freshdesk,
  extract,
  container: (document) =>
    first(document, CONTAINER) ?? first(document, SUBJECT)?.closest('main') ?? null,
};

// Fixture pages: test/fixtures/freshdesk/
//   ticket.html         /a/tickets/1187, newest markup, long conversation, CCs, private notes
//   legacy-ticket.html  /helpdesk/tickets/1042, classic markup (`h2.subject`, `#ticket-display-id`)
//   ticket-list.html    /a/tickets/filters/all_tickets: null

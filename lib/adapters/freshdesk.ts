/**
 * Freshdesk: the open ticket and who is on it.
 *
 * A ticket lives at `/a/tickets/<id>` (the classic helpdesk at `/helpdesk/tickets/<id>`). The
 * description is written by the requester (a customer: signal 'external'); replies marked as an
 * agent's, private notes and the Agent property are staff (signal 'internal'). Each reply lists
 * its To/Cc/Notified addresses. Contact ids from `/a/contacts/<id>` links give handles
 * `freshdesk:<id>`.
 */
import { APP_PAGE_ROOM } from '../page-room';
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

/** Markup generations, newest first (sources at the end of the file). */
const SUBJECT = ['.sentiment-ticket-heading', '.ticket-subject-heading', 'h2.subject'];
const DISPLAY_ID = [
  '[data-test-id="ticket-display-id"]',
  '#ticket-display-id',
  '.breadcrumb__item.active',
];
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
/** The ticket's description (written by the requester), then each reply and note. */
const ITEMS = [
  '.requestor-wrap, [data-test-id="ticket-description"], [data-test-id="conversation-wrapper"]',
  '[data-test-id="conversation-item"]',
  '.conversation',
];
const DESCRIPTION = '.requestor-wrap, [data-test-id="ticket-description"]';
const AUTHOR = [
  '[data-test-id="user-name"] b',
  '[data-test-id="user-name"]',
  '[data-test-id="conversation-author"]',
  '.user_name',
];
const AUTHOR_EMAIL = ['[data-test-id="conversation-from-email"]', '.from-email'];
const PRIVATE_NOTE = ['.ticket-details__privatenote', '.private-note', '.private'];
/** Marks an agent's reply in the current conversation view. */
const AGENT_MARK = '[data-test-is-agent]';
/** Recipient lists of a reply or note, by role. */
const RECIPIENTS = [
  ['to-emails', 'recipient'],
  ['cc-emails', 'cc'],
  ['bcc-emails', 'cc'],
  ['notified-to-emails', 'cc'],
] as const;
const SELF_NAME = [
  '[data-test-id="profile-menu"] [data-test-id="profile-name"]',
  '#user-profile-menu .name',
];
const SELF_EMAIL = [
  '[data-test-id="profile-menu"] [data-test-id="profile-email"]',
  '#user-profile-menu .email',
];
const CONTAINER = [
  '.ticket-details-wrapper',
  '[data-test-id="ticket-details-page"]',
  '#ticket-details',
  '.ticket-details',
];

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

/** An item's author, and the people its recipient lists name. */
function itemPeople(item: Element): RawParticipant[] {
  const author = first(item, AUTHOR);
  const isNote = PRIVATE_NOTE.some((selector) => item.matches(selector));
  const isAgent = isNote || Boolean(item.querySelector(AGENT_MARK));
  const isDescription = item.matches(DESCRIPTION);
  const people: RawParticipant[] = [
    {
      name: text(author),
      email: findEmail(text(first(item, AUTHOR_EMAIL))),
      handle: contactHandle(author),
      role: isDescription ? 'requester' : 'author',
      ...(isAgent
        ? { signal: 'internal' as const }
        : isDescription
          ? { signal: 'external' as const }
          : {}),
    },
  ];
  for (const [list, role] of RECIPIENTS) {
    const shown = item.querySelector(`[data-test-id="${list}"] [data-test-id="display-emails"]`);
    for (const address of splitAddresses(text(shown))) {
      const { name, email } = parseNameAndEmail(address);
      if (email) people.push({ name: name ?? email, email, role });
    }
  }
  return people;
}

/** `Ingrid Holm <ingrid@x>, raj@y; …`: commas inside `<…>` or quotes do not split. */
function splitAddresses(list: string): string[] {
  return list
    .split(/[,;](?=(?:[^"]*"[^"]*")*[^"]*$)(?![^<]*>)/)
    .map((a) => a.trim())
    .filter(Boolean);
}

function extract(document: Document, url: URL): Conversation | null {
  const id = url.pathname.match(/^\/(?:a|helpdesk)\/tickets\/(\d+)/)?.[1];
  if (!id) return null;
  const shownId = text(first(document, DISPLAY_ID)).replace(/^#/, '');
  // The page still shows the previous ticket (a breadcrumb that is not a number says nothing).
  if (/^\d+$/.test(shownId) && shownId !== id) return null;
  const root: ParentNode = first(document, CONTAINER) ?? document;
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
  for (const item of allOf(root, ITEMS)) raw.push(...itemPeople(item));

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
  room: APP_PAGE_ROOM,
  extract,
  container: (document) =>
    first(document, CONTAINER) ?? first(document, SUBJECT)?.closest('main') ?? null,
};

/*
 * Fixture pages (test/fixtures/freshdesk/):
 *   ticket-2026.html    /a/tickets/2231, current ticket view: `.sentiment-ticket-heading`,
 *                       description `.requestor-wrap`, `conversation-wrapper` items with
 *                       `user-name`, `data-test-is-agent`, private notes, To/Cc/Notified lists,
 *                       a quoted reply; ticket list, collision notice and contact card around it
 *   ticket.html         /a/tickets/1187, an earlier guess at the Mint markup (kept as a fallback)
 *   legacy-ticket.html  /helpdesk/tickets/1042, classic markup (`h2.subject`, `#ticket-display-id`)
 *   ticket-list.html    /a/tickets/filters/all_tickets: null
 *
 * Sources (facts only):
 * - clockify/browser-extension src/integrations/freshdesk.js (2026-03-10): ticket page
 *   `.app-main-wrapper:has(#ticket-details) #mainactionbar .page-actions__left`, subject
 *   `.sentiment-ticket-heading` (else the tab title `#<id> <subject> : <portal>`), number
 *   `.breadcrumb__item.active` (else the path's `/tickets/<id>`).
 * - toggl/track-extension src/content/freshdesk.js (2021-12-02): `.ticket-subject-heading`,
 *   `.breadcrumb__item.active`; classic `h2.subject`, `#ticket-display-id`.
 * - A Freshdesk message collector with tests (index, 2026, repository not shown): containers
 *   `.ticket-details-wrapper`, `.tickets-conversation-pane`; items `.ticket-details__item` with
 *   `[data-test-id^="conversation-"]` or `[data-test-id="conversation-wrapper"]`; author
 *   `[data-test-id="user-name"]` (name in `<b>`); `[data-test-is-agent]` on agents' items;
 *   class `…privatenote` on notes, `requestor` on the requester's; `conversation-status`,
 *   `time-ago`, `time-info`; recipients `[data-test-id="to-emails|cc-emails|bcc-emails|
 *   notified-to-emails"] [data-test-id="display-emails"]`; hosts *.freshdesk.com,
 *   *.freshworks.com, *.myfreshworks.com.
 * - Freshdesk agent userscripts (index, 2025–2026): description `[data-test-id="ticket-description"]`
 *   or `.requestor-wrap[data-album="ticket_<id>"]`, replies `[data-album="note_<id>"]`, header
 *   `.conversation-header .sender-info`, `.ticket-details__privatenote`, `.created-time`,
 *   body `[data-test-conversation="conversation-text"] .ticket_note`, quotes `.freshdesk_quote`.
 * Still a guess: the requester card, the Agent property and the profile menu (no public source
 * reads them), the display-emails list format, and whether *.myfreshworks.com serves tickets.
 */

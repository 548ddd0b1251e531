/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com): the
 * conversation in the reading pane and the people on its message headers.
 *
 * The item id is in the URL (`/mail/<folder>/id/<itemId>`) once a message is opened; with the
 * reading pane beside the list the pane (or the selected list row) carries `data-convid`.
 * Outlook has no stable public selector for people, so persona elements are found by what
 * they carry ("Name <email>" in a title or aria-label, mailto links) and their role by the
 * "From:" / "To:" / "Cc:" label around them. Message bodies are never read.
 */
import { APP_PAGE_ROOM } from '../page-room';
import type { Participant } from '../model';
import { TOOL_MATCHES } from '../sites';
import {
  attr,
  dedupeParticipants,
  findEmail,
  first,
  parseNameAndEmail,
  safeDecode,
  text,
  withinLimits,
} from './dom';
import type { Adapter } from './types';

// Markup generations, newest first.
const READING_PANE = [
  '#ReadingPaneContainerId',
  '[data-app-section="ReadingPane"]',
  '[data-automationid="ReadingPaneContainer"]',
  '[data-app-section="MailReadCompose"]',
  '[role="main"][aria-label="Reading Pane"]',
  '[aria-label="Reading Pane"]',
  '[role="region"][aria-label="Reading pane"]',
];
const SUBJECT = [
  '[role="heading"][aria-level="2"][title]',
  '[data-automationid="MessageSubject"]',
  '[role="heading"][title]',
  '[aria-level="2"]',
];
const CONVERSATION_ID = ['[data-convid]'];
/** Beside the list, outside the pane: the selected row of the message list. */
const SELECTED_ROW = [
  '[role="listbox"] [role="option"][aria-selected="true"][data-convid]',
  '[aria-selected="true"][data-convid]',
];
/** Whoever carries an address: persona buttons, chips, mailto links. */
const ADDRESSED = '[aria-label*="@"], [title*="@"], a[href^="mailto:"]';
/**
 * People shown by name only (colleagues resolved from the organisation's directory): the
 * "From:" persona, persona cards' hover targets, and the chips inside a "To:"/"Cc:" group.
 */
const NAMED = [
  'button[name^="From:"]',
  '[aria-label^="From:"]',
  '[data-automationid="From"]',
  '[aria-label^="Opens card for"]',
  '[data-lpc-hover-target]',
  '[data-persona-id]',
].join(', ');
const RECIPIENT_GROUP = '[aria-label^="To:"], [aria-label^="Cc:"], [aria-label^="Bcc:"]';
const CHIP = 'button, [role="button"], a, [title], [data-persona-id]';
/** Message bodies and quoted text: addresses there are not participants. */
const MESSAGE_BODY =
  '[aria-label="Message body"], [id^="UniqueMessageBody"], #divRplyFwdMsg, blockquote';
/** Ids a persona element may carry (directory object ids): a handle, never shown. */
const PERSONA_ID = ['data-persona-id', 'data-oid', 'data-objectid'];
const SELF_NAME = ['#mectrl_currentAccount_primary', '.mectrl_name'];
const SELF_EMAIL = ['#mectrl_currentAccount_secondary', '.mectrl_secondaryText'];
const ACCOUNT_BUTTON = [
  '#mectrl_main_trigger',
  '#O365_MainLink_Me',
  'button[aria-label^="Account manager for"]',
];

const ROLE_LABEL = /^(from|to|cc|bcc)\s*:/i;
const ROLES: Record<string, Participant['role']> = {
  from: 'sender',
  to: 'recipient',
  cc: 'cc',
  bcc: 'cc',
};
/** Words screen-reader labels put before a name. */
const LABEL_NOISE =
  /^(?:(?:from|to|cc|bcc)\s*:|opens? (?:the )?(?:contact |profile )?card for)\s*/i;
/** Chips that stand for more people, not a person ("+2 others", "3 more"). */
const NOT_A_NAME = /^\+?\d+\b|\b(more|others)\b/i;

/** `/mail/inbox/id/AAQk…` (also `/mail/0/…`, `/mail/deeplink/read/…`): the item id. */
function idInUrl(url: URL): string | undefined {
  const match = url.pathname.match(/\/mail\/(?:.*\/)?(?:id|read)\/([^/]+)/);
  return match?.[1] ? safeDecode(match[1]) : undefined;
}

function roleFromLabel(value: string | undefined): Participant['role'] | undefined {
  const match = value?.match(ROLE_LABEL);
  return match?.[1] ? ROLES[match[1].toLowerCase()] : undefined;
}

/** A bare `To:` / `Cc:` label somewhere before the node among its siblings. */
function labelBefore(node: Node): Participant['role'] | undefined {
  for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) {
    const value =
      sibling.nodeType === 1 ? text(sibling as Element) : (sibling.nodeValue ?? '').trim();
    if (/^(from|to|cc|bcc)\s*:$/i.test(value)) return roleFromLabel(value);
  }
  return undefined;
}

/** The role a persona has by its own label, an enclosing labelled group, or a label before it. */
function roleOf(el: Element, pane: Element): Participant['role'] {
  for (let node: Element | null = el; node && node !== pane; node = node.parentElement) {
    const role =
      roleFromLabel(attr(node, 'name')) ??
      roleFromLabel(attr(node, 'aria-label')) ??
      (attr(node, 'data-automationid') === 'From' ? 'sender' : undefined) ??
      labelBefore(node);
    if (role) return role;
  }
  return 'recipient';
}

function countEmails(value: string | undefined): number {
  return value?.match(/@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g)?.length ?? 0;
}

type Shown = { name?: string; email?: string; handle?: string };

/** Name, address and directory id of one persona element; undefined for a group's label. */
function personOf(el: Element): Shown | undefined {
  const labels = [attr(el, 'aria-label'), attr(el, 'title'), attr(el, 'name')];
  if (labels.some((label) => countEmails(label) > 1 || label?.includes(';'))) return undefined;
  const href = attr(el, 'href')?.replace(/^mailto:/i, '');
  const email = [...labels, href].map(findEmail).find(Boolean);
  const names = [...labels, text(el)].map(
    (value) => value && parseNameAndEmail(value.replace(LABEL_NOISE, '')).name,
  );
  const name = names.find((n) => n && !n.includes('@') && !NOT_A_NAME.test(n));
  const id = PERSONA_ID.map((a) => attr(el, a)).find(Boolean);
  if (!email && !name) return undefined;
  return { name, email, ...(id ? { handle: `outlook:${id}` } : {}) };
}

/** "To: Dana Kim; Lee Park" on a group with no chips inside: one person per entry. */
function peopleInGroupLabel(group: Element): Shown[] {
  const label = attr(group, 'aria-label')?.replace(ROLE_LABEL, '') ?? '';
  return label
    .split(';')
    .map((entry) => parseNameAndEmail(entry.trim()))
    .filter((p) => (p.name && !NOT_A_NAME.test(p.name)) || p.email);
}

/** Everyone on the pane's message headers (bodies and quoted text left out). */
function peopleIn(pane: Element): Array<Partial<Participant>> {
  const people: Array<Partial<Participant>> = [];
  const seen = new Set<Element>();
  const add = (el: Element) => {
    if (seen.has(el) || el.closest(MESSAGE_BODY)) return;
    seen.add(el);
    const person = personOf(el);
    if (person) people.push({ ...person, role: roleOf(el, pane) });
  };
  for (const el of pane.querySelectorAll(`${ADDRESSED}, ${NAMED}`)) add(el);
  for (const group of pane.querySelectorAll(RECIPIENT_GROUP)) {
    if (group.closest(MESSAGE_BODY)) continue;
    const chips = [...group.querySelectorAll(CHIP)];
    for (const chip of chips) add(chip);
    if (!chips.length) {
      const role = roleFromLabel(attr(group, 'aria-label')) ?? 'recipient';
      for (const person of peopleInGroupLabel(group)) people.push({ ...person, role });
    }
  }
  return people;
}

function signedInUser(document: Document): { name?: string; email?: string } | undefined {
  const button = attr(first(document, ACCOUNT_BUTTON), 'aria-label');
  const name =
    text(first(document, SELF_NAME)) ||
    button?.replace(/^account manager for\s*/i, '').replace(/\s*<[^>]*>\s*$/, '') ||
    undefined;
  const email = findEmail(text(first(document, SELF_EMAIL))) ?? findEmail(button);
  if (!name && !email) return undefined;
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

export const outlook: Adapter = {
  tool: 'outlook',
  matches: TOOL_MATCHES.outlook,
  room: APP_PAGE_ROOM,
  container: (document) => first(document, READING_PANE),
  extract(document, url) {
    const pane = first(document, READING_PANE);
    if (!pane) return null;
    const id =
      idInUrl(url) ??
      attr(first(pane, CONVERSATION_ID), 'data-convid') ??
      attr(first(document, SELECTED_ROW), 'data-convid');
    if (!id) return null;

    const subject = first(pane, SUBJECT);
    const title = attr(subject, 'title') ?? text(subject);
    const people = peopleIn(pane);
    const self = signedInUser(document);
    const participants = dedupeParticipants(people, self);
    if (!title && !participants.length) return null;

    // office.com and office365.com serve the same mailboxes; live.com is the consumer service.
    const service = url.hostname === 'outlook.live.com' ? 'live' : 'office';
    return withinLimits({
      tool: 'outlook',
      kind: 'mail',
      threadKey: `outlook:${service}:${id}`,
      title,
      url: `${url.origin}${url.pathname}`,
      participants,
      ...(self ? { self } : {}),
    });
  },
};

/*
 * Fixture pages (test/fixtures/outlook/), newest markup first:
 * - office-internal.html — outlook.office.com/mail/id/<id>: an internal thread whose people are
 *                          shown by name only (persona ids on some), a "+2 others" chip, a
 *                          "To:" group with no chips, quoted "From: … Sent: …" headers, the
 *                          message list beside it and an open contact card; none listed
 * - office-thread.html   — outlook.office.com/mail/inbox/id/<id>, From/To/Cc persona buttons
 *                          carrying "Name <email>"
 * - live-legacy.html     — outlook.live.com/mail/0/inbox/id/<id>, older markup: "Reading Pane"
 *                          region, subject by aria-level only, mailto links and title chips
 * - office365-pane.html  — outlook.office365.com/mail/inbox with the reading pane beside the
 *                          list: the id comes from data-convid
 * - inbox.html           — the list with nothing selected (null)
 *
 * Sources (facts only):
 * - auslong427/Outlook-Copy content.js (2025-10-17): reading pane `#ReadingPaneContainerId`,
 *   `[data-automationid="ReadingPaneContainer"]` or a region labelled "Reading…"; headers
 *   `[data-automationid="MessageHeader"]`, subject `[data-automationid="MessageSubject"]` or
 *   `h1/h2[role="heading"]`, sender `[data-automationid="From"]` / `span[aria-label^="From"]`;
 *   the sender's address is often not in the header at all and is read from the persona card
 *   that opens on hover — colleagues are shown by name.
 * - An Outlook fetcher's selectors (code index, repository not named; 2025): `[data-app-section="MailReadingPaneContainer"]`,
 *   `…Live` on outlook.live.com, `[data-app-section="SubjectLine"]`, `"SenderLine"`,
 *   `"RecipientsLine"`; message lists carry `[data-convid]` on `[role="option"]` rows.
 * - OfficeDev/office-js issues #2819 (2022-09-07) and #3122 (2023-02-01): inside a tenant,
 *   recipients resolve to directory users ("user") rather than addresses.
 * Still a guess: `data-persona-id` / `data-lpc-hover-target` as persona markers, and the exact
 * "To:" group labels; no public source shows Outlook's current header markup in full.
 */

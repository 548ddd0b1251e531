/**
 * Zendesk agent workspace: the open ticket and who is on it.
 *
 * A ticket lives at `/agent/tickets/<id>`; several tickets may be open as tabs, each in its own
 * pane, so only the active pane is read. The requester is an end user (signal 'external'); the
 * assignee field lists agents only, shown as `Group/Agent`, and internal notes are written by
 * agents (signal 'internal'). CCs may be either, so they carry no signal.
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
const ACTIVE_PANE = [
  '.ticket-panes-grid-layout[data-is-active="true"]',
  '.workspace:not([style*="display: none"]):not([style*="display:none"])',
];
const ANY_PANE = ['.ticket-panes-grid-layout', '.workspace'];
const ACTIVE_TAB = ['header div[data-selected="true"][data-entity-id]'];
const SUBJECT = ['input[data-test-id="omni-header-subject"]', 'input[name="subject"]'];
const TAB_TITLE = ['[data-test-id="header-tab-title"]'];
const REQUESTER = [
  '[data-test-id="ticket-system-field-requester-select"]',
  '.requester_id .zd-selectmenu-base-content',
];
const ASSIGNEE = ['[data-test-id="assignee-field"]', '.assignee_id .zd-selectmenu-base-content'];
const CCS = ['[data-test-id="ticket-fields-collaborators"]', '.collaborators'];
const CC_TAG = ['[data-garden-id="tags.tag"]', '.zd-tag-item'];
/** The selected value inside a Garden select, when it is wrapped. */
const VALUE = ['[data-garden-id="typography.ellipsis"]'];
const CONTEXT_USER = ['[data-test-id="customer-context-section-user"]'];
const CONTEXT_NAME = ['[data-test-id="customer-context-username"]'];
const CONTEXT_EMAIL = ['[data-test-id="customer-context-user-email"]'];
const LOG_ITEMS = ['[data-test-id="omni-log-comment-item"]', '.event.comment'];
const LOG_SENDER = ['[data-test-id="omni-log-item-sender"]', '.actor .name'];
const INTERNAL_NOTE = ['[data-test-id="omni-log-internal-note-badge"]', '.private_note'];
const PROFILE = ['[data-test-id="header-profile-menu-button"] img[alt]', '#face_box img[alt]'];

const userHandle = (el: Element | null): string | undefined => {
  const link = nearest(el, 'a[href*="/agent/users/"]');
  const id = attr(link, 'href')?.match(/\/agent\/users\/(\d+)/)?.[1];
  return id ? `zendesk:${id}` : undefined;
};

/** The pane of the ticket being shown, or null when it cannot be told apart from other tabs. */
function activePane(document: Document): ParentNode | null {
  const active = first(document, ACTIVE_PANE);
  if (active) return active;
  // No pane markers: only a page showing a single ticket can be read safely.
  if (allOf(document, ANY_PANE).length > 1) return null;
  return document.querySelectorAll(SUBJECT.join(', ')).length === 1 ? document : null;
}

function selectedValue(field: Element | null): string {
  return field ? text(first(field, VALUE) ?? field) : '';
}

function extract(document: Document, url: URL): Conversation | null {
  const id = url.pathname.match(/^\/agent\/tickets\/(\d+)/)?.[1];
  if (!id) return null;
  const tabId = attr(first(document, ACTIVE_TAB), 'data-entity-id');
  if (tabId && tabId !== id) return null; // the tab strip has not caught up with the address yet
  const pane = activePane(document);
  if (!pane) return null;

  const subject = first(pane, SUBJECT) as HTMLInputElement | null;
  const title =
    (subject?.value ?? attr(subject, 'value') ?? '').trim() ||
    text(first(first(document, ACTIVE_TAB) ?? document, TAB_TITLE));

  const raw: RawParticipant[] = [];
  const requesterName = selectedValue(first(pane, REQUESTER));
  if (requesterName) {
    const context = first(pane, CONTEXT_USER);
    const contextName = text(first(context ?? pane, CONTEXT_NAME));
    const same = context && contextName.toLowerCase() === requesterName.toLowerCase();
    raw.push({
      name: requesterName,
      email: same ? findEmail(text(first(context, CONTEXT_EMAIL))) : undefined,
      handle: same ? userHandle(context) : undefined,
      role: 'requester',
      signal: 'external',
    });
  }
  // `Group/Agent`; a group alone (no '/') is not a person.
  const agent = selectedValue(first(pane, ASSIGNEE)).split('/');
  const agentName = agent.length > 1 ? agent[agent.length - 1]?.trim() : undefined;
  if (agentName) raw.push({ name: agentName, role: 'assignee', signal: 'internal' });

  const ccs = first(pane, CCS);
  for (const tag of ccs ? allOf(ccs, CC_TAG) : []) {
    const shown = parseNameAndEmail(text(tag));
    const email = shown.email ?? findEmail(attr(tag, 'title'));
    raw.push({ name: shown.name ?? email, email, handle: userHandle(tag), role: 'cc' });
  }
  for (const item of allOf(pane, LOG_ITEMS)) {
    const sender = first(item, LOG_SENDER);
    const internal = Boolean(first(item, INTERNAL_NOTE));
    raw.push({
      name: text(sender),
      handle: userHandle(sender),
      role: 'author',
      ...(internal ? { signal: 'internal' as const } : {}),
    });
  }

  const selfName = attr(first(document, PROFILE), 'alt');
  return withinLimits({
    tool: 'zendesk',
    kind: 'ticket',
    threadKey: `zendesk:${url.host}:${id}`,
    title,
    url: `${url.origin}/agent/tickets/${id}`,
    participants: dedupeParticipants(raw, { name: selfName }),
    ...(selfName ? { self: { name: selfName } } : {}),
  });
}

export const zendesk: Adapter = {
  tool: 'zendesk',
  matches: TOOL_MATCHES.zendesk,
  extract,
  container: (document) => first(document, ACTIVE_PANE),
};

// Fixture pages: test/fixtures/zendesk/
//   ticket.html       /agent/tickets/4821, agent workspace, long conversation, CCs, internal notes
//   tabs.html         /agent/tickets/4790, two tickets open as tabs: only the active pane is read
//   legacy-ticket.html /agent/tickets/3310, older workspace markup (`.workspace`, `input[name=subject]`)
//   dashboard.html    /agent/dashboard: null

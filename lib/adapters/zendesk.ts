/**
 * Zendesk agent workspace: the open ticket and who is on it.
 *
 * A ticket lives at `/agent/tickets/<id>`; several tickets may be open as tabs, each in its own
 * pane, so only the active pane is read. The requester is an end user (signal 'external'); the
 * assignee field lists agents only, shown as `Group/Agent`, and internal notes are written by
 * agents (signal 'internal'). CCs may be either, so they carry no signal.
 */
import { APP_PAGE_ROOM } from '../page-room';
import type { Conversation, Participant } from '../model';
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
  '[data-test-id^="ticket-"][data-is-active="true"]',
  '[data-ticket-id][data-is-active="true"]',
  '.ticket-panes-grid-layout[data-is-active="true"]',
  '.workspace:not([style*="display: none"]):not([style*="display:none"])',
];
const ANY_PANE = ['[data-ticket-id][data-is-active]', '.ticket-panes-grid-layout', '.workspace'];
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
const LOG_SENDER = [
  '[data-test-id="omni-log-item-sender"]',
  '[data-test-id="omni-log-comment-user-link"]',
  '.actor .name',
];
/** Who the tool says wrote a message: `type="end-user"` or `"agent"`, or an agent badge. */
const LOG_MESSAGE_TYPE = '[data-test-id="omni-log-item-message"][type]';
const AGENT_BADGE = '[data-test-id="omni-log-avatar-badge-AgentBadge"]';
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

/** An internal note or an agent's message is staff's; an end user's message is a customer's. */
function authorSignal(item: Element): Participant['signal'] {
  const type = attr(item.querySelector(LOG_MESSAGE_TYPE), 'type');
  if (first(item, INTERNAL_NOTE) || item.querySelector(AGENT_BADGE) || type === 'agent') {
    return 'internal';
  }
  return type === 'end-user' ? 'external' : undefined;
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
    const signal = authorSignal(item);
    raw.push({
      name: text(sender),
      handle: userHandle(sender),
      role: 'author',
      ...(signal ? { signal } : {}),
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
  room: APP_PAGE_ROOM,
  extract,
  container: (document) => first(document, ACTIVE_PANE),
};

/*
 * Fixture pages (test/fixtures/zendesk/):
 *   ticket-2026.html   /agent/tickets/5127, current workspace: panes `[data-ticket-id]
 *                      [data-is-active]`, omnilog `article` items with `omni-log-item-message
 *                      [type=end-user|agent]`, sender links, agent badges, a quoted email header;
 *                      views list, other tabs and the "also viewing" bar around it: none listed
 *   ticket.html        /agent/tickets/4821, 2023–2024 workspace, long conversation, CCs, notes
 *   tabs.html          /agent/tickets/4790, two tickets open as tabs: only the active pane is read
 *   legacy-ticket.html /agent/tickets/3310, older workspace markup (`.workspace`, `input[name=subject]`)
 *   dashboard.html     /agent/dashboard: null
 *
 * Sources (facts only):
 * - toggl/track-extension src/content/zendesk.js (2024-10-29): active pane
 *   `.ticket-panes-grid-layout[data-is-active="true"]`, subject `input[data-test-id=omni-header-subject]`,
 *   tab `header div[data-selected=true][data-entity-id]`, `[data-garden-id="pane"]`,
 *   `.omni-conversation-pane`, `customer-context-tab-navigation`.
 * - clockify/browser-extension src/integrations/selectors.json (2026-03-10): subject
 *   `[data-is-active="true"] [data-test-id="omni-header-subject"]`, tags
 *   `ticket-system-field-tags-item-selected`, `[aria-label="Ticket page location"]`.
 * - Agent-workspace userscripts and extensions in the index (2024–2026, repositories not shown):
 *   `article[data-test-id="omni-log-comment-item"]` in `omni-log-container`; sender
 *   `span[data-test-id="omni-log-item-sender"] a strong` (the link is `/agent/users/<id>`),
 *   fallback `omni-log-comment-user-link`; `<div data-test-id="omni-log-item-message"
 *   type="end-user|agent">` tells customer from agent; `omni-log-avatar-badge-AgentBadge`,
 *   `omni-log-item-via` ("via messaging"), `time[data-test-id^="timestamp-"]`; panes
 *   `[data-test-id^="ticket-"][data-is-active="true"]` and `[data-ticket-id="<id>"]`;
 *   `section[data-test-id="ticket-app-layout-main-pane"]`; LESA UI reads `omni-log-item-sender`
 *   in the agent workspace and `div.actor .name` in the old one.
 * Still a guess: requester/assignee/CC field test ids beyond the requester select, the
 * collision bar's markup, and the profile menu's avatar naming the agent.
 */

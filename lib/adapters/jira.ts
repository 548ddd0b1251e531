/**
 * Jira: the open issue and who is on it.
 *
 * Jira Cloud shows an issue at `/browse/KEY-1` or, on a board, in a modal at `?selectedIssue=KEY-1`
 * (a board without one is not a conversation). The page shows no emails. The current issue view
 * names people only through profile-card triggers (`More information about <name>`) and comment
 * headers; older generations also carried account ids (`data-account-id`, `/jira/people/<id>`
 * links, mentions' `data-mention-id`), which give handles `jira:<accountId>`. Jira Server / Data
 * Center (and the old Cloud issue view) use `#key-val`, `#summary-val`, `#reporter-val` with
 * usernames in `.user-hover[rel]`. Only the issue view is read, never the board behind it.
 */
import { APP_PAGE_ROOM } from '../page-room';
import type { Conversation, Participant } from '../model';
import { TOOL_MATCHES } from '../sites';
import {
  allOf,
  attr,
  dedupeParticipants,
  first,
  safeDecode,
  text,
  type RawParticipant,
  type SelfShown,
  withinLimits,
} from './dom';
import type { Adapter } from './types';

const TID = 'issue.views.issue-base.foundation';

/** Markup generations, newest first (sources at the end of the file). */
const KEY = [
  `a[data-testid="${TID}.breadcrumbs.current-issue.item"]`,
  `[data-testid="${TID}.breadcrumbs.breadcrumb-current-issue-container"] a`,
  `[data-test-id="${TID}.breadcrumbs.breadcrumb-current-issue-container"] a`,
  '#key-val',
];
const TITLE = [
  `h1[data-testid="${TID}.summary.heading"]`,
  `h1[data-test-id="${TID}.summary.heading"]`,
  '#summary-val',
];
const REPORTER = [
  '[data-testid="issue.issue-view-layout.issue-view-reporter-field.reporter"]',
  '[data-testid="issue.views.field.user.reporter"]',
  '[data-test-id="issue.views.field.user.reporter"]',
  '#reporter-val',
];
const ASSIGNEE = [
  '[data-testid="issue.views.field.user.assignee"]',
  '[data-testid="issue.issue-view-layout.issue-view-assignee-field.assignee"]',
  '[data-test-id="issue.views.field.user.assignee"]',
  '#assignee-val',
];
const COMMENTS = [
  '[data-testid^="comment-base-item-"]',
  '[data-testid="issue.views.comments.comment-container"]',
  '[data-test-id="issue.views.comments.comment-container"]',
  '.activity-comment',
];
/** The profile-card trigger of the current issue view: its label names the person. */
const CARD_LABEL = 'More information about ';
const PROFILE_CARD = `[aria-label^="${CARD_LABEL}"]`;
/** Inside a user field: the element naming the person. */
const FIELD_PERSON = [
  PROFILE_CARD,
  '[data-testid$=".name"]',
  '[data-test-id$=".name"]',
  'a[href*="/jira/people/"]',
  '.user-hover',
];
/** Inside a comment: its author (the header's profile card or heading, then older markers). */
const COMMENT_AUTHOR = [
  `[data-testid$="-header"] ${PROFILE_CARD}`,
  '[data-testid^="issue-comment-base.ui.comment.ak-comment."][data-testid$="-header"] h3',
  '[data-testid$="-author"]',
  '[data-test-id$="-author"]',
  '.action-details a.user-hover',
  'a.user-hover',
];
const COMMENT_HEADER = [
  '[data-testid^="issue-comment-base.ui.comment.ak-comment."][data-testid$="-header"]',
];
const MENTIONS = ['[data-mention-id]', 'a.user-hover[rel]'];
const PROFILE = [
  '[data-testid="atlassian-navigation--secondary-actions--profile--trigger"]',
  '[data-test-id="atlassian-navigation--secondary-actions--profile--trigger"]',
];
const CONTAINER = [
  '[data-testid="issue.views.issue-details.issue-layout.issue-layout"]',
  '[data-testid="issue.views.issue-details.issue-layout.compact-layout"]',
  '[data-test-id="issue.views.issue-details.issue-layout.issue-layout"]',
  '[data-component-selector="jira.issue-view.issue-details.modal-dialog-container"]',
  '[data-component-selector="jira-issue-view"]',
  '#issue-content',
];

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;
/** Placeholders Jira shows instead of a person. */
const NOBODY = /^(unassigned|none|anonymous|automation for jira|assign to me)$/i;

/** The issue key the address names: `/browse/KEY`, `…/issues/KEY`, or a board's `selectedIssue`. */
function keyFromUrl(url: URL): string | undefined {
  const selected = url.searchParams.get('selectedIssue')?.toUpperCase();
  if (selected && ISSUE_KEY.test(selected)) return selected;
  const match = url.pathname.match(
    /\/(?:browse|issues|queues\/custom\/\d+)\/([A-Za-z][A-Za-z0-9_]*-\d+)\/?$/,
  );
  return match?.[1]?.toUpperCase();
}

/** An account id from `data-account-id`, a `/jira/people/<id>` link, or a Server username. */
function handleIn(el: Element | null): string | undefined {
  if (!el) return undefined;
  // Only a link around the element speaks for it: a comment's own account id is its author's.
  const find = (selector: string) =>
    el.matches(selector) ? el : (el.closest(`a${selector}`) ?? el.querySelector(selector));
  const accountId = attr(find('[data-account-id]'), 'data-account-id');
  if (accountId) return `jira:${accountId}`;
  const fromLink = attr(find('[href*="/jira/people/"]'), 'href')?.match(
    /\/jira\/people\/([^/?#\s]+)/,
  )?.[1];
  if (fromLink) return `jira:${safeDecode(fromLink)}`;
  const username = attr(find('.user-hover[rel]'), 'rel');
  return username && !/\s/.test(username) ? `jira:${username}` : undefined;
}

/**
 * An account id from an Atlassian avatar URL
 * (`avatar-management--avatars.<region>.prod.public.atl-paas.net/<accountId>/<uuid>/<size>`);
 * initials and default avatars carry none.
 */
function avatarHandle(scope: Element | null): string | undefined {
  const src = attr(scope?.querySelector('img[src*="atl-paas.net/"]'), 'src');
  const id = src?.match(/atl-paas\.net\/([^/?#]+)\/[0-9a-f-]{36}\//i)?.[1];
  return id && id !== 'initials' ? `jira:${safeDecode(id)}` : undefined;
}

/** A name from a profile-card label (`More information about Dana`), else the element's text. */
function nameOf(el: Element | null): string {
  const label = attr(el, 'aria-label');
  if (label?.startsWith(CARD_LABEL)) return label.slice(CARD_LABEL.length).trim();
  return text(el);
}

function person(
  nameEl: Element | null,
  scope: Element,
  role: Participant['role'],
): RawParticipant | undefined {
  // A field may show only an avatar; a comment's images are attachments, not its author.
  const avatar = role === 'author' ? undefined : attr(scope.querySelector('img[alt]'), 'alt');
  const name = nameOf(nameEl) || avatar || '';
  if (!name || NOBODY.test(name)) return undefined;
  // A comment's avatar is its header's (replies nested below have their own).
  const avatarScope = role === 'author' ? (first(scope, COMMENT_HEADER) ?? scope) : scope;
  return { name, handle: handleIn(nameEl) ?? handleIn(scope) ?? avatarHandle(avatarScope), role };
}

/**
 * The signed-in user from structure: the account id meta tag, the Server user metas, and the
 * name on the profile trigger's avatar (never the trigger's own label, "Your profile and settings").
 */
function readSelf(document: Document): SelfShown {
  const meta = (name: string) => attr(document.querySelector(`meta[name="${name}"]`), 'content');
  const profile = first(document, PROFILE);
  const accountId =
    meta('ajs-atlassian-account-id') ??
    attr(
      profile?.closest('[data-account-id]') ?? profile?.querySelector('[data-account-id]'),
      'data-account-id',
    );
  const username = meta('ajs-remote-user');
  const name =
    meta('ajs-current-user-fullname') ??
    meta('ajs-remote-user-fullname') ??
    attr(profile?.querySelector('img[alt]'), 'alt') ??
    attr(profile?.querySelector('[role="img"][aria-label]'), 'aria-label');
  const handle = accountId ? `jira:${accountId}` : username ? `jira:${username}` : undefined;
  return { name, handle };
}

function extract(document: Document, url: URL): Conversation | null {
  const root: ParentNode = first(document, CONTAINER) ?? document;
  const shownKey = text(first(root, KEY)).toUpperCase() || undefined;
  const urlKey = keyFromUrl(url);
  const key = urlKey ?? shownKey;
  // No issue named, or the page still shows another issue (single-page navigation under way).
  if (!key || !ISSUE_KEY.test(key) || (shownKey && urlKey && shownKey !== urlKey)) return null;
  const title = text(first(root, TITLE));
  if (!title) return null;

  const raw: RawParticipant[] = [];
  for (const [selectors, role] of [
    [REPORTER, 'requester'],
    [ASSIGNEE, 'assignee'],
  ] as const) {
    const field = first(root, selectors);
    const found = field && person(first(field, FIELD_PERSON), field, role);
    if (found) raw.push(found);
  }
  for (const comment of allOf(root, COMMENTS)) {
    const author = person(first(comment, COMMENT_AUTHOR), comment, 'author');
    if (author) raw.push(author);
    for (const mention of allOf(comment, MENTIONS)) {
      if (mention.closest('blockquote')) continue; // quoted from elsewhere, not said here
      const name = text(mention).replace(/^@/, '');
      const id = attr(mention, 'data-mention-id');
      const handle = id ? `jira:${id}` : handleIn(mention);
      if (name && !NOBODY.test(name)) raw.push({ name, handle, role: 'mention' });
    }
  }

  const self = readSelf(document);
  return withinLimits({
    tool: 'jira',
    kind: 'ticket',
    threadKey: `jira:${url.host}:${key}`,
    title,
    url: `${url.origin}/browse/${key}`,
    participants: dedupeParticipants(raw, self),
    ...(self.name || self.handle ? { self } : {}),
  });
}

export const jira: Adapter = {
  tool: 'jira',
  matches: TOOL_MATCHES.jira,
  room: APP_PAGE_ROOM,
  extract,
  container: (document) =>
    first(document, CONTAINER) ?? first(document, TITLE)?.closest('[role="dialog"], main') ?? null,
};

/*
 * Fixture pages (test/fixtures/jira/):
 *   issue-view-2026.html      /browse/ACME-150, current Cloud issue view: profile cards, comment
 *                             list `comment-base-item-<id>` with `-header` h3, replies, mentions,
 *                             account ids only in avatar URLs; the user by the account-id meta
 *                             (unit tests only: its avatars point at Atlassian's CDN)
 *   board-modal-2026.html     board `?selectedIssue=ACME-151` with cards' assignees behind the
 *                             modal issue view: none of the board's people is listed
 *   browse-issue.html         /browse/ACME-142, 2022–2024 Cloud markup (`comment-container`,
 *                             `data-account-id`), long thread with mentions
 *   board-selected-issue.html board modal `?selectedIssue=ACME-143`, older `data-test-id` markup
 *   server-issue.html         old issue view / Jira Server markup (`#key-val`, `.user-hover`)
 *   board.html                board without a selected issue: null
 *
 * Sources (facts only; dates are the source's own):
 * - mercuryPark/tickit src/content/dom-selectors.ts and PROGRESS.md, verified on a live Jira Cloud
 *   2026-04-17: summary `issue.views.issue-base.foundation.summary.heading`; people fields
 *   `issue.views.field.user.assignee` / `…reporter` with the layout wrappers
 *   `issue.issue-view-layout.issue-view-{assignee,reporter}-field.*`; the assignee's text also
 *   carries the "Assign to me" button; comments `issue.activity.comments-list` →
 *   `issue-comment-base.ui.comment.custom-comment.container` → `ak-comment.<id>-header` / `-body`.
 * - A 2026 field-path test trimmed from a saved Jira Cloud work item (index, repository not
 *   shown): reporter field has only the layout wrapper, no `issue.views.field.user.reporter`;
 *   both people sit in `profilecard-next.ui.profilecard.profilecard-trigger` >
 *   `[role=button][aria-label="More information about <name>"]`, the name repeated for screen
 *   readers; breadcrumb `a[data-testid="…breadcrumbs.current-issue.item"]`.
 * - A Jira Markdown exporter's selectors (index, undated, repository not shown): comments
 *   `[data-testid^="comment-base-item-"]`, header `ak-comment.<id>-header`, author in its `h3`,
 *   replies in `issue-view-activity-comment.comment-reply-wrapper.reply-container`.
 * - "Unraveler" extension config (index; cites Greasy Fork script #518853, working May 2025):
 *   Cloud dropped the `comment-<n>` DOM id; the id rides on `comment-base-item-<n>` and
 *   `data-componentid="issue-comment-base.ui.comment.comment-in-view-wrapper.<n>"`.
 * - data-vc / data-component-selector generation (index, 2025–2026 userscripts): details panel
 *   `data-vc="issue-view-context-items-details-panel-slot"`, modal
 *   `data-component-selector="jira.issue-view.issue-details.modal-dialog-container"`, issue view
 *   `data-component-selector="jira-issue-view"`.
 * - toggl/track-extension src/content/atlassian.js (2026-02-18): breadcrumb current-issue
 *   container, summary heading, compact layout `issue-details.issue-layout.compact-layout`,
 *   Server `#key-val` / `#summary-val`.
 * - Signed-in user: `meta[name="ajs-atlassian-account-id"]` (+ `ajs-cloud-id`) read by several
 *   2024–2026 extensions (index); Server/DC `ajs-remote-user`, `ajs-remote-user-fullname`.
 * - Atlassian avatar URLs (Jira REST `avatarUrls` in public fixtures and clients, index):
 *   `avatar-management--avatars.<region>.prod.public.atl-paas.net/<accountId>/<uuid>/<size>`;
 *   initials avatars `…/initials/XX-5.png` (often behind a gravatar `?d=`) carry no id.
 * Still a guess: that the issue view's avatars use those URLs (the REST API's do), and the
 * profile trigger's avatar naming the user.
 */

/**
 * Jira: the open issue and who is on it.
 *
 * Jira Cloud shows an issue at `/browse/KEY-1` or, on a board, in a modal at `?selectedIssue=KEY-1`
 * (a board without one is not a conversation). The page shows no emails; account ids appear in
 * `data-account-id`, in profile links `/jira/people/<accountId>` and in mentions
 * (`data-mention-id`), and give handles `jira:<accountId>`. Jira Server / Data Center (and the
 * old Cloud issue view) use `#key-val`, `#summary-val`, `#reporter-val` with usernames in
 * `.user-hover[rel]`.
 */
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

/** Markup generations, newest first. */
const KEY = [
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
  '[data-testid="issue.views.field.user.reporter"]',
  '[data-test-id="issue.views.field.user.reporter"]',
  '#reporter-val',
];
const ASSIGNEE = [
  '[data-testid="issue.views.field.user.assignee"]',
  '[data-test-id="issue.views.field.user.assignee"]',
  '#assignee-val',
];
const COMMENTS = [
  '[data-testid="issue.views.comments.comment-container"]',
  '[data-test-id="issue.views.comments.comment-container"]',
  '.activity-comment',
];
/** Inside a user field or a comment: the element naming the person. */
const PERSON_NAME = [
  '[data-testid$=".name"]',
  '[data-test-id$=".name"]',
  '[data-testid$="-author"]',
  '[data-test-id$="-author"]',
  'a[href*="/jira/people/"]',
  '.user-hover',
];
const MENTIONS = ['[data-mention-id]', 'a.user-hover[rel]'];
const PROFILE = [
  '[data-testid="atlassian-navigation--secondary-actions--profile--trigger"]',
  '[data-test-id="atlassian-navigation--secondary-actions--profile--trigger"]',
];
const CONTAINER = [
  '[data-testid="issue.views.issue-details.issue-layout.issue-layout"]',
  '[data-test-id="issue.views.issue-details.issue-layout.issue-layout"]',
  '#issue-content',
];

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;
/** Placeholders Jira shows instead of a person. */
const NOBODY = /^(unassigned|none|anonymous|automation for jira)$/i;

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

/** A user field (reporter, assignee) or a comment: its person, unless Jira shows a placeholder. */
function person(scope: Element | null, role: Participant['role']): RawParticipant | undefined {
  if (!scope) return undefined;
  const nameEl = first(scope, PERSON_NAME);
  // A field may show only an avatar; a comment's images are attachments, not its author.
  const avatar = role === 'author' ? undefined : attr(scope.querySelector('img[alt]'), 'alt');
  const name = text(nameEl) || avatar || '';
  if (!name || NOBODY.test(name)) return undefined;
  return { name, handle: handleIn(nameEl) ?? handleIn(scope), role };
}

function readSelf(document: Document): SelfShown {
  const profile = first(document, PROFILE);
  const accountId =
    attr(document.querySelector('meta[name="ajs-atlassian-account-id"]'), 'content') ??
    attr(
      profile?.closest('[data-account-id]') ?? profile?.querySelector('[data-account-id]'),
      'data-account-id',
    );
  const username = attr(document.querySelector('meta[name="ajs-remote-user"]'), 'content');
  const name =
    attr(document.querySelector('meta[name="ajs-remote-user-fullname"]'), 'content') ??
    attr(profile?.querySelector('img[alt]'), 'alt') ??
    attr(profile?.querySelector('[role="img"][aria-label]'), 'aria-label');
  const handle = accountId ? `jira:${accountId}` : username ? `jira:${username}` : undefined;
  return { name, handle };
}

function extract(document: Document, url: URL): Conversation | null {
  const shownKey = text(first(document, KEY)).toUpperCase() || undefined;
  const urlKey = keyFromUrl(url);
  const key = urlKey ?? shownKey;
  // No issue named, or the page still shows another issue (single-page navigation under way).
  if (!key || !ISSUE_KEY.test(key) || (shownKey && urlKey && shownKey !== urlKey)) return null;
  const title = text(first(document, TITLE));
  if (!title) return null;

  const raw: RawParticipant[] = [];
  for (const [selectors, role] of [
    [REPORTER, 'requester'],
    [ASSIGNEE, 'assignee'],
  ] as const) {
    const found = person(first(document, selectors), role);
    if (found) raw.push(found);
  }
  for (const comment of allOf(document, COMMENTS)) {
    const author = person(comment, 'author');
    if (author) raw.push(author);
    for (const mention of allOf(comment, MENTIONS)) {
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
    ...(self.name ? { self: { name: self.name } } : {}),
  });
}

export const jira: Adapter = {
  tool: 'jira',
  matches: TOOL_MATCHES.jira,
  extract,
  container: (document) =>
    first(document, CONTAINER) ?? first(document, TITLE)?.closest('[role="dialog"], main') ?? null,
};

// Fixture pages: test/fixtures/jira/
//   browse-issue.html         /browse/ACME-142, newest Cloud markup, long thread with mentions
//   board-selected-issue.html board modal `?selectedIssue=ACME-143`, older `data-test-id` markup
//   server-issue.html         old issue view / Jira Server markup (`#key-val`, `.user-hover`)
//   board.html                board without a selected issue: null

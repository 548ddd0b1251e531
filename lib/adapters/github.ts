/**
 * GitHub: an issue or pull request page (`/<owner>/<repo>/issues/<n>`, `/pull/<n>`) is one
 * ticket. The opener is the requester, commenters are authors, assignees are assignees and
 * @mentions are mentions; people are known by login (`github:<login>`), bots (`…[bot]`) skipped.
 * Two markup generations: the React issue viewer (2024+) and the classic timeline (pull
 * requests and older issue pages). The signed-in login is in `meta[name="user-login"]`.
 * GitHub Enterprise Server serves the same pages at the company's own host (a custom domain).
 */
import { DOCUMENT_PAGE_ROOM } from '../page-room';
import type { Conversation, Participant } from '../model';
import { TOOL_MATCHES } from '../sites';
import { allOf, attr, dedupeParticipants, first, text, withinLimits } from './dom';
import type { Adapter } from './types';

const THREAD_PATH = /^\/([\w.-]+)\/([\w.-]+)\/(issues|pull)\/(\d+)(?:\/|$)/;

/** Paths under github.com that are never a repository owner. */
const NOT_OWNERS = new Set(['orgs', 'settings', 'notifications', 'marketplace', 'sponsors']);

const CONTAINER = [
  '[data-testid="issue-viewer-container"]',
  '[data-testid="issue-viewer-issue-container"]',
  '#discussion_bucket',
  '.js-discussion',
];

const TITLE = [
  '[data-testid="issue-title"]',
  'h1[data-component="PH_Title"] .markdown-title',
  '.js-issue-title',
  'h1.gh-header-title .markdown-title',
];

/** The opener's login link: React issue body, then the classic header meta / first comment. */
const OPENER = [
  '[data-testid="issue-body"] a[data-testid="issue-body-header-author"]',
  '.react-issue-body a[data-testid="issue-body-header-author"]',
  '[data-testid="issue-viewer-issue-container"] a[data-testid="issue-body-header-author"]',
  '.gh-header-meta a.author',
  '.js-discussion > .TimelineItem:first-child a.author',
  '.js-discussion .timeline-comment a.author',
];

/** One element per comment (the opener's body included where it shares the markup). */
const COMMENTS = [
  '.react-issue-comment',
  '[data-testid="issue-viewer-comments-container"] [data-testid="comment-header"]',
  '.js-discussion .timeline-comment, .review-comment',
  '.js-discussion .TimelineItem',
];

/** Inside one comment: who wrote it (a login link first, the avatar's `@login` alt last). */
const COMMENT_AUTHOR = [
  '[data-testid="comment-header"] a[data-testid="avatar-link"]',
  'a[data-testid="avatar-link"][data-hovercard-url^="/users/"]',
  'a.author[data-hovercard-url^="/users/"]',
  'a[data-hovercard-url^="/users/"]',
  'a.author',
  'img[data-testid="github-avatar"]',
  'img[alt^="@"]',
];
/** A comment by Copilot shows its icon instead of an avatar: an app, not a person. */
const COPILOT = '.octicon-copilot';

const ASSIGNEES = [
  '[data-testid="sidebar-assignees-section"] a[data-hovercard-url^="/users/"]',
  '[data-testid="sidebar-assignees-section"] img[alt^="@"]',
  '.sidebar-assignee a.assignee[data-hovercard-url^="/users/"]',
  '.sidebar-assignee a.assignee',
];

/** Requested reviewers (pull requests): the sidebar's reviewers form, classic and React. */
const REVIEWERS = [
  '[data-testid="sidebar-reviewers-section"] a[data-hovercard-url^="/users/"]',
  'form[aria-label="Select reviewers"] a[data-hovercard-url^="/users/"]',
  '.sidebar-reviewers a[data-hovercard-url^="/users/"]',
];

const MENTIONS = ['.markdown-body a.user-mention[data-hovercard-url^="/users/"]', 'a.user-mention'];

export const github: Adapter = {
  tool: 'github',
  matches: TOOL_MATCHES.github,
  room: DOCUMENT_PAGE_ROOM,
  container: (document) => first(document, CONTAINER),
  extract(document, url) {
    const where = threadOf(url);
    if (!where) return null;
    const container = first(document, CONTAINER);
    const title = text(first(document, TITLE));
    if (!container && !title) return null; // a 404 or a page still loading: nothing to name
    // Only the conversation and its sidebar: never the header, hovercards or other lists.
    const root: ParentNode = container ?? document;

    const login = attr(document.querySelector('meta[name="user-login"]'), 'content');
    const people: Array<Partial<Participant>> = [];
    const add = (el: Element | null | undefined, role: Participant['role']) => {
      const found = loginOf(el);
      if (found) people.push({ name: found, handle: `github:${found}`, role });
    };
    add(first(root, OPENER), 'requester');
    for (const comment of allOf(root, COMMENTS)) {
      if (!comment.querySelector(COPILOT)) add(first(comment, COMMENT_AUTHOR), 'author');
    }
    for (const el of allOf(root, ASSIGNEES)) add(el, 'assignee');
    for (const el of allOf(root, MENTIONS)) {
      if (!el.closest('blockquote')) add(el, 'mention'); // a quoted reply is not said here
    }
    // Anyone can read a public thread: the user takes part only as its opener, a commenter, an
    // assignee or a requested reviewer (a mention is someone else's doing).
    const userTakesPart =
      !!login &&
      (people.some((p) => p.handle === `github:${login}` && p.role !== 'mention') ||
        allOf(document, REVIEWERS).some((el) => loginOf(el) === login));

    // github.com keeps its original keys; a GitHub Enterprise host is part of the thread's name.
    const site = url.hostname === 'github.com' ? '' : `${url.hostname}/`;
    const conversation: Conversation = {
      tool: 'github',
      kind: 'ticket',
      threadKey: `github:${site}${where.owner}/${where.repo}#${where.number}`,
      title,
      url: `${url.origin}/${where.owner}/${where.repo}/${where.type}/${where.number}`,
      participants: dedupeParticipants(people, login ? { handle: `github:${login}` } : undefined),
      userTakesPart,
    };
    if (login) conversation.self = { name: login, handle: `github:${login}` };
    return withinLimits(conversation);
  },
};

/** An issue or pull request address, on github.com or a GitHub Enterprise host (same paths). */
function threadOf(url: URL) {
  const match = THREAD_PATH.exec(url.pathname);
  if (!match || NOT_OWNERS.has(match[1]!.toLowerCase())) return null;
  return {
    owner: match[1]!.toLowerCase(),
    repo: match[2]!.toLowerCase(),
    type: match[3]!,
    number: match[4]!,
  };
}

/**
 * A person's login from a link (`data-hovercard-url="/users/<login>/hovercard"`, `href="/<login>"`,
 * or its text) or an avatar (`alt="@<login>"`); undefined for apps, bots and non-people.
 */
function loginOf(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  const hovercard = attr(el, 'data-hovercard-url')?.match(/^\/users\/([^/?#]+)/)?.[1];
  const href = attr(el, 'href')?.match(/^(?:https:\/\/[^/]+)?\/([^/?#]+)\/?$/)?.[1];
  // The avatar's alt is `@login`, or the bare login on some views.
  const alt =
    el.tagName === 'IMG'
      ? attr(el, 'alt')?.match(/^@?([A-Za-z0-9-]+(?:\[bot\])?)$/)?.[1]
      : undefined;
  const login = (hovercard ?? alt ?? href ?? text(el)).replace(/^@/, '').trim();
  if (!login || /\[bot\]$/i.test(login) || !/^[A-Za-z0-9-]+(\[bot\])?$/.test(login)) {
    return undefined;
  }
  // Apps, Marketplace listings, organisations and mannequins (imported users, `href="#"`).
  const link = el.closest('a') ?? el;
  const target = attr(link, 'href');
  if (target === '#' || /\/(apps|marketplace)\//.test(target ?? '')) return undefined;
  if (attr(link, 'data-hovercard-type') === 'organization') return undefined;
  return login;
}

/*
 * Fixture pages (test/fixtures/github/):
 * - issue-react-2026.html — 2026 React issue view: `img[data-testid="github-avatar"]` with bare
 *                           alts, Copilot and mannequin comments, a quoted mention, timeline
 *                           events, sub-issues and linked PRs with other people's avatars, a
 *                           hovercard and a Recent panel: only opener and assignee-commenter listed
 * - issue-react.html      — React issue viewer (2024–2025), long thread, bot comment, mentions
 * - pull-classic.html     — classic pull request timeline (fallback selectors)
 * - issues-list.html      — repository issue list, nothing open (null); also used for /settings
 *
 * Sources (facts only):
 * - refined-github/refined-github (snapshot 2026-08-19; source/github-helpers/selectors.ts
 *   2026-08-02): author links `.js-discussion a.author`, `.inline-comments a.author`, React
 *   `[data-testid="comment-header"] a[data-testid="avatar-link"]`,
 *   `a[data-testid="issue-body-header-author"]`, event actors `a[class^="row-module__eventActorLink"]`;
 *   not people: `[href="#"]` (mannequins), `/apps/`, `/marketplace/`,
 *   `[data-hovercard-type="organization"]`. get-comment-author.ts: comments `.TimelineItem`
 *   (PRs), `.review-comment`, `.react-issue-body`, `.react-issue-comment`; avatar
 *   `img[data-testid="github-avatar"]` whose alt may lack the `@`; Copilot shows `.octicon-copilot`.
 *   Also `sidebar-assignees-section`, `comment-author-association`, `issue-metadata-sticky`.
 * - toggl/track-extension src/content/github.js (2026-04-03): `[data-testid="issue-title"]`,
 *   `issue-viewer-metadata-container`, `sidebar-section`, `side-panel-focus-target`, classic
 *   `h1[data-component="PH_Title"] .markdown-title`, `.js-issue-title`, `.gh-header-number`.
 * - clockify/browser-extension src/integrations/github.js (2026-03-10): `[data-component=PH_Title]`,
 *   `[data-testid="issue-header"]`, `[data-testid="issue-labels"]`.
 * - Signed-in login: `meta[name="user-login"]` (github-url-detection's getLoggedInUser, used by
 *   refined-github).
 * Still a guess: the 2026 pull request conversation tab (assumed still `.TimelineItem`).
 */

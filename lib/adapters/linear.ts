/**
 * Linear: an issue page (`linear.app/<workspace>/issue/<KEY-123>/<slug>`) is one ticket.
 * Linear publishes no stable markup, so this reads what its accessibility tree has to say: the
 * issue view (`[data-view-id="issue-view"]`) with the properties sidebar beside it, the title
 * (`[aria-label="Issue title"]`), the assignee control, comment authors and mentions; a profile
 * link (`/<workspace>/profiles/<username>`) gives the handle `linear:<username>`. The view and
 * title are publicly attested; the people markers are not (see the sources at the end).
 * The signed-in user's name is on the account menu button (`Account: <name>`).
 */
import { APP_PAGE_ROOM } from '../page-room';
import type { Conversation, Participant } from '../model';
import { TOOL_MATCHES } from '../sites';
import { allOf, attr, dedupeParticipants, first, nearest, text, withinLimits } from './dom';
import type { Adapter } from './types';

const ISSUE_PATH = /^\/([\w-]+)\/issue\/([A-Za-z][A-Za-z0-9]*-\d+)(?:\/|$)/;

const ISSUE_VIEW = ['[data-view-id="issue-view"]', 'main [aria-label="Issue"]', 'main'];

const TITLE = ['[aria-label="Issue title"]', '[data-view-id="issue-view"] h1', 'main h1'];

/**
 * Property buttons beside the issue view: `Change status` is public evidence; the assignee's
 * `Change assignee` follows the same pattern (a guess). Labelled buttons (`Assignee: <name>`)
 * are the older guess.
 */
const PROPERTY_MARKERS = [
  '[aria-label="Change status"]',
  '[aria-label="Set issue status…"]',
  'svg[aria-label="Project"]',
];
/** Labelled buttons: the person's name follows the label's colon (or "by"/"to"). */
const CREATOR = ['[aria-label^="Creator:"]', '[aria-label^="Created by "]'];
const ASSIGNEE = [
  'button[aria-label="Change assignee"]',
  '[aria-label^="Assignee:"]',
  '[aria-label^="Assigned to "]',
];

const COMMENTS = ['[data-view-id="comment"]', '[data-comment-id]'];
const COMMENT_AUTHOR = [
  '[aria-label^="Comment author:"]',
  'a[href*="/profiles/"]',
  '[data-user-name]',
];

const MENTIONS = ['[data-type="mention"][data-label]', 'a.mention[href*="/profiles/"]'];

const SELF = ['[aria-label^="Account:"]', '[aria-label^="Signed in as "]'];

/** Words Linear shows in place of a person. */
const NOBODY = /^(unassigned|no assignee|nobody|none|assign)$/i;

export const linear: Adapter = {
  tool: 'linear',
  matches: TOOL_MATCHES.linear,
  room: APP_PAGE_ROOM,
  container: (document) => layoutOf(first(document, ISSUE_VIEW)),
  extract(document, url) {
    const where = ISSUE_PATH.exec(url.hostname === 'linear.app' ? url.pathname : '');
    if (!where) return null;
    const workspace = where[1]!.toLowerCase();
    const key = where[2]!.toUpperCase();
    const root = layoutOf(first(document, ISSUE_VIEW));
    if (!root) return null;

    const people: Array<Partial<Participant>> = [];
    const add = (el: Element | null | undefined, role: Participant['role']) => {
      const person = personOf(el, workspace);
      if (person) people.push({ ...person, role });
    };
    add(first(root, CREATOR), 'requester');
    for (const el of allOf(root, ASSIGNEE)) add(el, 'assignee');
    for (const comment of allOf(root, COMMENTS)) add(first(comment, COMMENT_AUTHOR), 'author');
    for (const el of allOf(root, MENTIONS)) {
      if (!el.closest('blockquote')) add(el, 'mention'); // quoted from elsewhere, not said here
    }

    const selfName = labelled(first(document, SELF));
    const conversation: Conversation = {
      tool: 'linear',
      kind: 'ticket',
      threadKey: `linear:${workspace}:${key}`,
      title: titleOf(document, key),
      url: `https://linear.app/${workspace}/issue/${key}`,
      participants: dedupeParticipants(people, { name: selfName }),
    };
    if (selfName) conversation.self = { name: selfName };
    return withinLimits(conversation);
  },
};

/**
 * The issue view and its properties sidebar: the sidebar is a sibling of an ancestor of the
 * view, so walk up (at most three levels) to the first ancestor holding a property control.
 */
function layoutOf(view: Element | null): Element | null {
  let at = view;
  for (let level = 0; at && level < 3; level++) {
    if (first(at, PROPERTY_MARKERS)) return at;
    at = at.parentElement;
  }
  return view;
}

/** A person from a labelled button, a profile link, a mention node or a bare name. */
function personOf(el: Element | null | undefined, workspace: string) {
  if (!el) return undefined;
  const name = (
    attr(el, 'data-label') ??
    attr(el, 'data-user-name') ??
    labelled(el) ??
    (text(el) || attr(el.querySelector('img[alt]'), 'alt') || '')
  ).replace(/^@/, '');
  if (!name || NOBODY.test(name)) return undefined;
  const link = nearest(el, 'a[href*="/profiles/"]');
  const username = attr(link, 'href')?.match(
    new RegExp(`^(?:https://linear\\.app)?/${workspace}/profiles/([^/?#]+)`, 'i'),
  )?.[1];
  return username ? { name, handle: `linear:${username}` } : { name };
}

/** The name after `Label: ` or `Created by ` in an aria-label, if the element has one. */
function labelled(el: Element | null | undefined): string | undefined {
  const label = attr(el, 'aria-label');
  if (!label) return undefined;
  const name = label.replace(/^[^:]*:\s*|^(created by|assigned to|signed in as)\s+/i, '').trim();
  return name && name !== label ? name : undefined;
}

/** The title field, or the tab title (`KEY-123 Title`) when the field is not rendered. */
function titleOf(document: Document, key: string): string {
  const field = first(document, TITLE);
  const fromField =
    field?.tagName === 'TEXTAREA'
      ? (field as HTMLTextAreaElement).value
      : (attr(field, 'value') ?? text(field));
  if (fromField) return fromField.trim();
  return (document.title ?? '')
    .replace(new RegExp(`^\\s*${key}\\s*[:\\-–]?\\s*`, 'i'), '')
    .replace(/\s*[|–-]\s*Linear\s*$/, '')
    .trim();
}

/*
 * Fixture pages (test/fixtures/linear/):
 * - issue-2026.html  — 2026 layout: issue view (`data-view-id="issue-view"`, `Issue title`,
 *                      `Issue description`) with the properties sidebar beside it (`Change
 *                      status`, `svg[aria-label="Project"]`), list pane of other issues with
 *                      assignee avatars, inbox preview, quoted mention: none of those listed
 * - issue-long.html  — earlier guess: creator, assignee, commenters (one via Intercom), mentions
 * - issue-short.html — short issue, unlabelled profile-link authors and the tab title only
 * - my-issues.html   — "My issues" list, nothing open (null)
 *
 * Sources (facts only):
 * - toggl/track-extension src/content/linear.js (2026-04-22; 2025-04-11): issue view
 *   `div[data-view-id="issue-view"]`, title `[aria-label="Issue title"]`; the properties sidebar
 *   is outside the view (`view.parentElement.parentElement.lastElementChild.firstElementChild`,
 *   sections behind `button[aria-expanded]`), `svg[aria-label="Project"]` with the project
 *   name as its next sibling; list rows `a[data-list-key]` with `span[data-column-id="issueId"]`;
 *   board cards `a[data-board-item]`; project page `[data-restore-scroll-view="project-overview"]`.
 * - clockify/browser-extension src/integrations/linear.js (2025-07-28): status control
 *   `[aria-label="Change status"]` (before: `[aria-label="Set issue status…"]`); title from
 *   `document.title`; "Linear uses an excessive minification strategy" (no stable classes).
 * - A Linear RTL userscript (index, 2026): `[aria-label="Issue description"]`, ProseMirror
 *   editors for descriptions and comments, board cards `a[data-board-item="true"][href*="/issue/"]`.
 * Still a guess: every person marker (assignee control `Change assignee`, comment containers,
 *   profile links `/<workspace>/profiles/<user>`, mention nodes, the account menu label);
 *   no public source reads Linear's people from the page. The generic reader is the fallback.
 */

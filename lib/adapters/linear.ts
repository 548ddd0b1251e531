/**
 * Linear: an issue page (`linear.app/<workspace>/issue/<KEY-123>/<slug>`) is one ticket.
 * Linear publishes no stable markup, so this reads what its accessibility tree has to say:
 * the issue view (`[data-view-id="issue-view"]`), the title (`[aria-label="Issue title"]`),
 * creator and assignee buttons labelled `Creator: <name>` / `Assignee: <name>`, comment
 * authors, and mentions; a profile link (`/<workspace>/profiles/<username>`) gives the handle
 * `linear:<username>`. All of it unverified against the live app: markup is a plausible design.
 * The signed-in user's name is on the account menu button (`Account: <name>`).
 */
import type { Conversation, Participant } from '../model';
import { TOOL_MATCHES } from '../sites';
import { allOf, attr, dedupeParticipants, first, nearest, text, withinLimits } from './dom';
import type { Adapter } from './types';

const ISSUE_PATH = /^\/([\w-]+)\/issue\/([A-Za-z][A-Za-z0-9]*-\d+)(?:\/|$)/;

const CONTAINER = ['[data-view-id="issue-view"]', 'main [aria-label="Issue"]', 'main'];

const TITLE = ['[aria-label="Issue title"]', '[data-view-id="issue-view"] h1', 'main h1'];

/** Labelled buttons: the person's name follows the label's colon (or "by"/"to"). */
const CREATOR = ['[aria-label^="Creator:"]', '[aria-label^="Created by "]'];
const ASSIGNEE = ['[aria-label^="Assignee:"]', '[aria-label^="Assigned to "]'];

const COMMENTS = ['[data-view-id="comment"]', '[data-comment-id]'];
const COMMENT_AUTHOR = [
  '[aria-label^="Comment author:"]',
  'a[href*="/profiles/"]',
  '[data-user-name]',
];

const MENTIONS = ['[data-type="mention"][data-label]', 'a.mention[href*="/profiles/"]'];

const SELF = ['[aria-label^="Account:"]', '[aria-label^="Signed in as "]'];

/** Words Linear shows in place of a person. */
const NOBODY = /^(unassigned|no assignee|nobody|none)$/i;

export const linear: Adapter = {
  tool: 'linear',
  matches: TOOL_MATCHES.linear,
  container: (document) => first(document, CONTAINER),
  extract(document, url) {
    const where = ISSUE_PATH.exec(url.hostname === 'linear.app' ? url.pathname : '');
    if (!where) return null;
    const workspace = where[1]!.toLowerCase();
    const key = where[2]!.toUpperCase();
    const root =
      document.querySelector('[data-view-id="issue-view"]') ?? first(document, CONTAINER);
    if (!root) return null;

    const people: Array<Partial<Participant>> = [];
    const add = (el: Element | null | undefined, role: Participant['role']) => {
      const person = personOf(el, workspace);
      if (person) people.push({ ...person, role });
    };
    add(first(root, CREATOR), 'requester');
    for (const el of allOf(root, ASSIGNEE)) add(el, 'assignee');
    for (const comment of allOf(root, COMMENTS)) add(first(comment, COMMENT_AUTHOR), 'author');
    for (const el of allOf(root, MENTIONS)) add(el, 'mention');

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

/** A person from a labelled button, a profile link, a mention node or a bare name. */
function personOf(el: Element | null | undefined, workspace: string) {
  if (!el) return undefined;
  const name = (
    attr(el, 'data-label') ??
    attr(el, 'data-user-name') ??
    labelled(el) ??
    text(el)
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
 * - issue-long.html  — issue view with creator, assignee, commenters (one external via
 *                      Intercom), mentions and the signed-in user
 * - issue-short.html — short issue, unlabelled profile-link authors and the tab title only
 * - my-issues.html   — "My issues" list, nothing open (null)
 */

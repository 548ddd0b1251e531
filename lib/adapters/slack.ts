/**
 * Slack web: an open channel, DM or group DM (`app.slack.com/client/<T…>/<C…|D…|G…>`, with or
 * without a thread pane) is one chat, keyed by team and channel. Senders carry their user id
 * (`data-message-sender="U…"` → `slack:U…`); mentions carry `data-member-id`. Slack Connect
 * senders from another organisation show an external-organisation badge (markup unverified).
 * Two generations: the current `data-qa` markup, then the older `c-message__sender_link`.
 */
import { APP_PAGE_ROOM } from '../page-room';
import type { Conversation, Participant } from '../model';
import { TOOL_MATCHES } from '../sites';
import { allOf, attr, dedupeParticipants, first, text, withinLimits } from './dom';
import type { Adapter } from './types';

const CLIENT_PATH = /^\/client\/(T[A-Z0-9]+)\/([CDG][A-Z0-9]{6,})(?:\/|$)/;
const USER_ID = /^[UW][A-Z0-9]+$/;

const CONTAINER = ['.p-workspace-layout', '.p-client_workspace', '[role="main"]'];

const TITLE = [
  '[data-qa="channel_name"]',
  '[data-qa="channel_header_name"]',
  '.p-view_header__channel_title',
  '.p-classic_nav__model__title__name',
];

const MESSAGES = ['[data-qa="message_container"]', '.c-message_kit__message', '.c-message'];

const SENDER = [
  'button[data-qa="message_sender_name"][data-message-sender]',
  '[data-message-sender]',
  'a.c-message__sender_link',
];

/** A Slack Connect member's badge beside their name (unverified: several plausible markups). */
const EXTERNAL_BADGE = [
  '[data-qa="external-org-badge"]',
  '.c-message__external_badge',
  '.c-message_kit__external_org_badge',
];

const MENTIONS = ['a.c-member_slug[data-member-id]', '[data-member-id][data-member-label]'];

/** The account button: its `data-user-id`, or the user id inside its avatar's address. */
const USER_BUTTON = ['[data-qa="user-button"]', 'button.p-ia4_home_header_menu__button'];
/** Avatar addresses read `…/<team>-<user>-<hash>-<size>`. */
const AVATAR_USER = /\/T[A-Z0-9]+-([UW][A-Z0-9]+)-/;
/** The page's boot data (an inline script) names the signed-in user. */
const BOOT_USER = /["']?user_id["']?\s*:\s*["']([UW][A-Z0-9]+)["']/;

export const slack: Adapter = {
  tool: 'slack',
  matches: TOOL_MATCHES.slack,
  room: APP_PAGE_ROOM,
  container: (document) => first(document, CONTAINER),
  extract(document, url) {
    const where = CLIENT_PATH.exec(url.hostname === 'app.slack.com' ? url.pathname : '');
    if (!where) return null;
    const team = where[1]!;
    const channel = where[2]!;
    const titleEl = first(document, TITLE);
    const messages = allOf(document, MESSAGES);
    if (!titleEl && !messages.length) return null; // the channel has not rendered (yet)

    const people: Array<Partial<Participant>> = [];
    for (const message of messages) {
      const sender = first(message, SENDER);
      const id = senderId(sender);
      const name = text(sender);
      if (!name) continue;
      const external = first(message, EXTERNAL_BADGE) !== null;
      people.push({
        name,
        handle: id ? `slack:${id}` : undefined,
        role: 'author',
        signal: external ? 'external' : undefined,
      });
    }
    const slugs = messages.flatMap((message) => allOf(message, MENTIONS));
    for (const slug of new Set(slugs)) {
      const id = attr(slug, 'data-member-id');
      const name = (attr(slug, 'data-member-label') ?? text(slug)).replace(/^@/, '');
      if (id && USER_ID.test(id)) people.push({ name, handle: `slack:${id}`, role: 'mention' });
    }

    const self = selfOf(document, messages);
    const conversation: Conversation = {
      tool: 'slack',
      kind: 'chat',
      threadKey: `slack:${team}:${channel}`,
      title: text(titleEl),
      url: `https://app.slack.com/client/${team}/${channel}`,
      participants: dedupeParticipants(people, self),
    };
    if (self.name || self.handle) conversation.self = self;
    return withinLimits(conversation);
  },
};

/** The sender's user id: `data-message-sender`, or the older `/team/U…` profile link. */
function senderId(sender: Element | null): string | undefined {
  const id =
    attr(sender, 'data-message-sender') ?? attr(sender, 'href')?.match(/\/team\/([A-Z0-9]+)/)?.[1];
  return id && USER_ID.test(id) ? id : undefined;
}

/**
 * The signed-in user, from structure only: the account button's user id (attribute, else the
 * avatar's address), else the boot data; their name is the one their own messages (or a
 * mention of them) show. The button's label is never read: it can be "User menu".
 */
function selfOf(document: Document, messages: Element[]): { name?: string; handle?: string } {
  const button = first(document, USER_BUTTON);
  const id = [
    attr(button, 'data-user-id'),
    attr(button?.querySelector('img[src]'), 'src')?.match(AVATAR_USER)?.[1],
    bootDataUser(document),
  ].find((value) => value && USER_ID.test(value));
  if (!id) return {};
  const own = messages
    .map((message) => first(message, SENDER))
    .find((sender) => senderId(sender) === id);
  const mention = document.querySelector(`[data-member-id="${id}"][data-member-label]`);
  const name = text(own) || attr(mention, 'data-member-label')?.replace(/^@/, '');
  return { ...(name ? { name } : {}), handle: `slack:${id}` };
}

/** What each inline script says (scripts never change once parsed): read once per script. */
const bootUsers = new WeakMap<Element, string | null>();

/** `user_id` in the inline script that holds `boot_data`. */
function bootDataUser(document: Document): string | undefined {
  for (const script of document.querySelectorAll('script:not([src])')) {
    let found = bootUsers.get(script);
    if (found === undefined) {
      const source = script.textContent ?? '';
      found = source.includes('boot_data') ? (source.match(BOOT_USER)?.[1] ?? null) : null;
      bootUsers.set(script, found);
    }
    if (found) return found;
  }
  return undefined;
}

/*
 * Fixture pages (test/fixtures/slack/), newest markup first:
 * - channel-ia4.html     — the tab-rail client: account button labelled "User menu" (no id on
 *                          it), the user from boot data, `data-msg-ts` messages, the sidebar's
 *                          DMs with presence and an open profile popover; none listed
 * - channel-connect.html — Slack Connect channel with a thread pane: internal and external
 *                          (badged) senders, mentions, the user's id on the account button
 * - dm-classic.html      — a DM in the older markup (sender links to /team/U…), boot data
 * - browse-channels.html — the channel browser, nothing open (null)
 *
 * Sources (facts only):
 * - dudgeon/scrape-to-markdown (2026-02-13): channel from `app.slack.com/client/<T…>/<C…>`;
 *   the web client's boot data carries the session (`boot_data`).
 * - A Slack exporter userscript (code index, repository not named; 2025–26): `[data-qa="message_pane"] [data-qa="message_container"]
 *   [data-msg-ts]` with `data-msg-channel-id`, sender `[data-qa="message_sender_name"]`, text
 *   `[data-qa="message-text"]`; another reads `button[data-qa="message_sender_name"]` for both
 *   the name and `data-message-sender`, timestamps `span.c-timestamp__label[data-qa=
 *   "timestamp_label"]`.
 * - A commitments tracker's content script (code index, repository not named; 2025–26): the account button is
 *   `[data-qa="user-button"]`, its label "User: Name" on some builds only.
 * - Fauntleroy/neutral-face-emoji-tools src/get-slack-api-data.js (2019-03-05, repo active to
 *   2023-07-23): an inline script holds `var boot_data = {…}`.
 * - xshoji/slack-search-result-exporter pull request #7 (2025-08-15): `.c-message_group` and
 *   `.c-message_group__header` were gone from search results; ketanbhatt/block-slack-users issue
 *   #3 (2018-01-31): `c-message__sender_link` replaced `data-member-id` on senders then.
 * Still a guess: `user_id` inside boot_data (the field name), the avatar address form
 *   `…/<team>-<user>-<hash>-<size>` as a carrier of the user id, the external-org badge markup.
 */

/**
 * Microsoft Teams (teams.microsoft.com, teams.cloud.microsoft): the open chat or channel
 * conversation is one chat, keyed by its conversation id (`19:…@thread.v2`, `…@unq.gbl.spaces`,
 * `…@thread.tacv2`): first the chat header's id (`chat-header-<id>`), since the new client's
 * address does not follow the open chat, then the address (`#/conversations/<id>`,
 * `/l/chat/<id>`, `/l/message/<id>/…`). Teams shows no emails or user ids beside messages, so
 * people are known by name; an "External" (or "Guest") label marks someone from outside the
 * organisation. Markup generations: new Teams (Fluent UI, `data-tid`), then classic Teams.
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
  hasSiblingLabel,
  safeDecode,
  text,
  withinLimits,
} from './dom';
import type { Adapter } from './types';

const HOSTS = new Set(['teams.microsoft.com', 'teams.cloud.microsoft']);

/** A conversation id: `19:` then anything up to a `@thread.*` / `@unq.gbl.spaces` suffix. */
const CONVERSATION_ID = /19:[^/?#&\s@]+@(?:thread\.(?:v2|tacv2|skype)|unq\.gbl\.spaces)/;

const HEADER = ['[id^="chat-header-"]', '[data-tid="chat-header"]', '[data-tid="channel-header"]'];

const CONTAINER = [
  '[data-tid="message-pane-list-viewport"]',
  '[data-tid="chat-pane-list"]',
  '[data-tid="channel-replies-pane"]',
  '#chat-pane-list',
  '.ts-message-list-container',
  '[role="main"]',
];

const TITLE = [
  '[id^="chat-header-"] h2',
  'h2[id^="subject-line"]',
  '[data-tid="chat-header-title"]',
  '[data-tid="channel-name"]',
  '.ts-title-bar h2',
];

/** One element per message; its author may sit beside the body, so each item is searched. */
const MESSAGES = [
  '[data-tid="chat-pane-item"]',
  '[data-tid="chat-pane-message"]',
  '[data-tid="channel-replies-pane-message"]',
  '[data-tid="channel-pane-message"]',
  '.ts-message',
];

const AUTHOR = [
  '[data-tid="message-author-name"]',
  '[data-tid="threadBodyDisplayName"]',
  '.ts-msg-name',
  '.fui-ChatMessage__author span.fui-StyledText',
];

const MENTIONS = ['[itemtype="http://schema.skype.com/Mention"]', 'span.mention[itemid]'];

/** The signed-in user: the "me" control (its name, its label, its picture's id). */
const SELF_NAME = ['[data-tid="me-control-display-name"]', '.profile-name-text'];
const SELF_AVATAR = [
  '[data-tid="me-control-avatar"]',
  '#idna-me-control-avatar-trigger',
  'button[data-tid="me-control-avatar-trigger"]',
  '#personDropdown',
];
const SELF_EMAIL = ['[data-tid="me-control-upn"]', '.profile-upn-text'];
/** The user's own messages: Fluent's "my message", classic Teams' own-message class. */
const OWN_MESSAGE = '.fui-ChatMyMessage, .ts-message-mine, [data-tid="chat-pane-my-message"]';
/** A person's picture: its address carries their id (MRI) or their directory user id. */
const PICTURE =
  '[data-tid="message-avatar"] img[src], .fui-Avatar img[src], img[src*="profilepicture"]';
const MRI = /\b(8:(?:orgid|live):[0-9a-z-]+)/i;
const USER_IN_PICTURE =
  /\/users\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//i;
/** Words of a control's label, never of a name ("User menu", "Your profile"). */
const CONTROL_WORDS =
  /\b(menu|account|settings|profile|user|avatar|picture|status|options|manager|me)\b/i;
const STATUS_WORDS =
  /^(available|busy|away|offline|do not disturb|be right back|appear away|in a (call|meeting)|presenting|out of office|status.*)$/i;

/** What Teams writes beside (or after) the name of someone from outside the organisation. */
const EXTERNAL_LABEL = /^\(?\s*(external|guest)\s*\)?$/i;
const EXTERNAL_SUFFIX = /\s*\((external|guest)\)\s*$/i;

export const teams: Adapter = {
  tool: 'teams',
  matches: TOOL_MATCHES.teams,
  room: APP_PAGE_ROOM,
  container: (document) => first(document, CONTAINER),
  extract(document, url) {
    if (!HOSTS.has(url.hostname)) return null;
    // The header names what is on screen; the address can lag behind in the new client.
    const fromHeader = conversationIdIn(attr(first(document, HEADER), 'id'));
    const fromUrl = conversationIdIn(safeDecode(url.pathname + url.hash));
    const id = fromHeader ?? fromUrl;
    if (!id) return null; // activity feed, calendar, chat list with nothing selected

    const people: Array<Partial<Participant>> = [];
    const messages = allOf(document, MESSAGES);
    let ownName: string | undefined;
    for (const message of messages) {
      const person = nameOf(first(message, AUTHOR));
      if (!person) continue;
      if (message.matches(OWN_MESSAGE) || message.closest(OWN_MESSAGE)) {
        ownName ??= person.name; // the user's own message: who they are, never a participant
        continue;
      }
      const id = personIdIn(message.querySelector(PICTURE));
      people.push({
        name: person.name,
        role: 'author',
        ...(id ? { handle: `teams:${id}` } : {}),
        signal: person.external ? 'external' : undefined,
      });
    }
    for (const el of allOf(document, MENTIONS)) {
      const person = nameOf(el);
      if (person) people.push({ name: person.name, role: 'mention' });
    }

    const self = selfOf(document, ownName);
    const conversation: Conversation = {
      tool: 'teams',
      kind: 'chat',
      threadKey: `teams:${id}`,
      title: text(first(document, TITLE)),
      url: canonicalUrl(url, id, id === fromUrl),
      participants: dedupeParticipants(withoutShortMentions(people, self.name), self),
    };
    if (self.name || self.email || self.handle) conversation.self = self;
    return withinLimits(conversation);
  },
};

function conversationIdIn(value: string | undefined): string | undefined {
  return value?.match(CONVERSATION_ID)?.[0];
}

/**
 * The address a person can reopen the conversation at: the page's own when it names the
 * conversation (query and hash options dropped), otherwise a deep link built from the id.
 */
function canonicalUrl(url: URL, id: string, idInAddress: boolean): string {
  if (!idInAddress) return `${url.origin}/l/chat/${encodeURIComponent(id)}/0`;
  if (safeDecode(url.hash).includes(`/conversations/${id}`)) {
    return `${url.origin}${url.pathname}#/conversations/${id}`;
  }
  const path = safeDecode(url.pathname).split('/').map(encodeURIComponent).join('/');
  return `${url.origin}${path}`;
}

/** A display name, with a trailing "(External)" or a neighbouring "External" label noted. */
function nameOf(el: Element | null): { name: string; external: boolean } | undefined {
  if (!el) return undefined;
  const raw = text(el).replace(/^@/, '');
  const name = raw.replace(EXTERNAL_SUFFIX, '').trim();
  if (!name) return undefined;
  const external = EXTERNAL_SUFFIX.test(raw) || hasSiblingLabel(el, EXTERNAL_LABEL);
  return { name, external };
}

/** The id a person's picture address carries: `8:orgid:<id>`, or `/users/<id>/`. */
function personIdIn(picture: Element | null): string | undefined {
  const src = safeDecode(attr(picture, 'src') ?? '');
  const mri = src.match(MRI)?.[1];
  if (mri) return mri.toLowerCase();
  const user = src.match(USER_IN_PICTURE)?.[1];
  return user ? `8:orgid:${user.toLowerCase()}` : undefined;
}

/**
 * The signed-in user, from the "me" control and the user's own messages; a label that is not
 * a name (a control's) is never taken for one.
 */
function selfOf(
  document: Document,
  ownName: string | undefined,
): { name?: string; email?: string; handle?: string } {
  const avatar = first(document, SELF_AVATAR);
  const name =
    text(first(document, SELF_NAME)) || avatarName(attr(avatar, 'aria-label')) || ownName;
  const email = findEmail(text(first(document, SELF_EMAIL)));
  const id = personIdIn(avatar?.querySelector('img[src]') ?? null);
  return {
    ...(name ? { name } : {}),
    ...(email ? { email } : {}),
    ...(id ? { handle: `teams:${id}` } : {}),
  };
}

/**
 * The name in the "me" control's label: "Profile picture of Sam Rivera." or
 * "Profile, Sam Rivera, Available"; nothing when the label only names the control.
 */
function avatarName(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const pictureOf = label.match(
    /(?:picture of|profile (?:of|for)|account manager for)\s+(.+?)\.?$/i,
  )?.[1];
  const parts = pictureOf
    ? [pictureOf]
    : label
        .split(/[,.]/)
        .map((part) => part.trim())
        .filter((part) => part && !STATUS_WORDS.test(part) && !/^(your )?profile$/i.test(part));
  const name = parts[0]?.trim();
  return name && !CONTROL_WORDS.test(name) && /\p{L}/u.test(name) ? name : undefined;
}

/**
 * Teams lets a mention be shortened to a first name ("@Dana"); when someone else in the
 * conversation has a fuller name starting with it, the mention is that person, not a new one.
 */
function withoutShortMentions<T extends { name?: string; role?: string }>(
  people: T[],
  selfName: string | undefined,
): T[] {
  const names = [selfName, ...people.map((p) => p.name)].map((n) => n?.toLowerCase() ?? '');
  return people.filter((p) => {
    if (p.role !== 'mention' || !p.name) return true;
    const short = p.name.toLowerCase();
    return !names.some((full) => full !== short && full.startsWith(`${short} `));
  });
}

/*
 * Fixture pages (test/fixtures/teams/), newest markup first:
 * - chat-cloud-2026.html      — teams.cloud.microsoft group chat: the "me" control labelled
 *                               "User menu", the user's own message (`fui-ChatMyMessage`), a
 *                               quoted reply card, the chat list with presence and an open
 *                               profile card beside it; none listed
 * - chat-v2.html              — new Teams group chat (id from the header), internal and
 *                               External people, full and shortened mentions
 * - channel-cloud.html        — teams.cloud.microsoft channel replies opened from a /l/message link
 * - conversation-classic.html — classic Teams `#/conversations/<id>` (fallback selectors)
 * - activity.html             — the activity feed, nothing open (null)
 *
 * Sources (facts only):
 * - gediz/teams-web-chat-exporter src/entrypoints/content.ts and src/content/title.ts
 *   (2026-07-12): messages `[data-tid="chat-pane-item"]` / `"chat-pane-message"` /
 *   `"channel-pane-message"` / `"channel-replies-pane-message"` with `data-mid`, author
 *   `[data-tid="message-author-name"]`, else `[id^="author-"]` named by `aria-labelledby`;
 *   title `[id^="chat-header-"] h2`, 1:1 chats `[id^="chat-topic-person-"]`; the "me" control
 *   `[data-tid="me-control-avatar"]` labelled "Profile picture of <name>.", its picture's
 *   address carrying the user's id as `/users/<uuid>/`; the user's own messages have no avatar.
 *   docs/TEAMS_INTERNALS.md (2026-04-27): conversation ids `19:…@thread.v2`, the user as
 *   `8:orgid:<uuid>`, federated names may carry "(External)".
 * - devnix/msteams-exporter (2026-02-12): `[data-tid="message-author"]`, `"message-body"`,
 *   `"channel-replies-pane-message"`, `h2[id^="subject-line"]`, `.fui-StyledText`, for
 *   teams.cloud.microsoft.
 * - ingo/microsoft-teams-chat-extractor README (classic Teams): `div.ts-message-list-item`,
 *   `div.ts-msg-name`.
 * Still a guess: the own-message class names (`fui-ChatMyMessage`, `ts-message-mine`), MRIs
 * inside picture addresses as `8:orgid:<uuid>`, the "External" label's markup.
 */

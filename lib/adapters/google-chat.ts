/**
 * Google Chat (chat.google.com, and inside Gmail): the open space or direct message and the
 * people who wrote or were mentioned in it.
 *
 * The address names the conversation, in any of the forms Chat has used:
 * `chat.google.com/[u/<n>/][app/](chat|room|space|dm)/<id>`, `mail.google.com/chat/u/<n>/#chat/
 * (space|room|dm)/<id>` and `mail.google.com/mail/u/<n>/#chat/…` (Gmail hands those to us).
 * When the address names nothing (`chat.google.com/u/0/`), the selected conversation link in
 * the navigation does. Class names are obfuscated, so people are read from data attributes
 * (`data-member-id="user/human/<id>"`, older `data-user-id`), never from classes, and only
 * inside the messages and the conversation's own header — never from the navigation's lists.
 * Bots (`user/bot/…`) are not people.
 */
import { APP_PAGE_ROOM } from '../page-room';
import type { Participant } from '../model';
import { TOOL_MATCHES } from '../sites';
import {
  attr,
  dedupeParticipants,
  findEmail,
  first,
  googleAccount,
  hasSiblingLabel,
  text,
  withinLimits,
} from './dom';
import { frameDocuments } from './frames';
import type { Adapter } from './types';

// Markup generations, newest first: the timestamp is on the message or on a child of it.
const TIMESTAMP = '[data-absolute-timestamp]';
const MESSAGE_WITH_ID = ['[data-id]', '[data-message-id]'];
const OLDER_MESSAGE = 'c-wiz[data-id], [data-message-id], [role="listitem"][data-id]';
const CONVERSATION = '[role="main"]';
const TITLE = [
  '[role="main"] [role="heading"][aria-level="1"]',
  '[role="main"] h1',
  '[role="main"] [role="heading"][aria-level="2"]',
];
const PERSON = '[data-member-id^="user/"], [data-user-id]';
/** The navigation's selected conversation, when the address names none. */
const SELECTED_LINK = [
  'a[aria-current="page"][href]',
  '[aria-current="page"] a[href]',
  '[aria-current="true"] a[href]',
  '[role="treeitem"][aria-selected="true"] a[href]',
];

/** Chat labels people outside the user's organisation "External" beside their name. */
const EXTERNAL_BADGE = /^external$/i;
/** Words Chat shows instead of the user's own name. */
const YOU = /^(you|me)$/i;

type Place = { kind: 'space' | 'dm'; id: string; url: string };

const IN_HASH = /^#chat\/(space|room|dm)\/([A-Za-z0-9_-]+)/;
const IN_PATH = /^((?:\/u\/\d+)?(?:\/app)?)\/(chat|room|space|dm)\/([A-Za-z0-9_-]+)/;

/**
 * The space or DM an address names, with the address without volatile parts. `chat/<id>` (the
 * newest form) is keyed as a space: the address does not say whether it is a DM.
 */
export function chatPlaceIn(url: URL): Place | undefined {
  if (url.hostname === 'mail.google.com') {
    const match = url.hash.match(IN_HASH);
    if (!match?.[1] || !match[2]) return undefined;
    const kind = match[1] === 'dm' ? 'dm' : 'space';
    return { kind, id: match[2], url: `${url.origin}${url.pathname}#chat/${kind}/${match[2]}` };
  }
  if (url.hostname !== 'chat.google.com') return undefined;
  const match = url.pathname.match(IN_PATH);
  if (!match?.[2] || !match[3]) return undefined;
  const kind = match[2] === 'dm' ? 'dm' : 'space';
  return { kind, id: match[3], url: `${url.origin}${match[1]}/${match[2]}/${match[3]}` };
}

function placeFromNavigation(document: Document, url: URL): Place | undefined {
  const href = attr(first(document, SELECTED_LINK), 'href');
  if (!href) return undefined;
  try {
    const linked = new URL(href, url);
    return linked.origin === url.origin ? chatPlaceIn(linked) : undefined;
  } catch {
    return undefined;
  }
}

/** `Globex rollout - Chat` / `(3) Dana Kim - Google Chat` / `… - sam@acme.example - Mail`. */
function titleFromDocument(document: Document): string {
  const parts = document.title.replace(/^\(\d+\)\s*/, '').split(' - ');
  const end = parts.findIndex(
    (part, i) => i > 0 && (findEmail(part) || /^(google )?chat$/i.test(part.trim())),
  );
  const title = end > 0 ? parts.slice(0, end).join(' - ').trim() : '';
  return /^(home|chat|google chat)$/i.test(title) ? '' : title;
}

/** Every message element: the `[data-id]` around a timestamp, and older markers. */
function messagesIn(root: ParentNode): Element[] {
  const found = new Set<Element>();
  for (const stamp of root.querySelectorAll(TIMESTAMP)) {
    const message = MESSAGE_WITH_ID.map((s) => stamp.closest(s)).find(Boolean) ?? stamp;
    found.add(message);
  }
  for (const el of root.querySelectorAll(OLDER_MESSAGE)) found.add(el);
  // Nested matches (a timestamp inside a message that has its own) fold into the outermost.
  return [...found].filter((el) => ![...found].some((other) => other !== el && other.contains(el)));
}

function nameOf(el: Element): string {
  const shown =
    attr(el, 'data-name') ||
    text(el) ||
    attr(el, 'aria-label') ||
    attr(el.querySelector('img[alt]'), 'alt') ||
    '';
  return shown.replace(/^@/, '').trim();
}

function personOf(el: Element, inMessage: boolean): Partial<Participant> | undefined {
  const member = attr(el, 'data-member-id') ?? `user/human/${attr(el, 'data-user-id') ?? ''}`;
  const human = member.match(/^user\/human\/(\S+)$/);
  if (!human?.[1]) return undefined; // bots and apps are not people
  const name = nameOf(el);
  if (!name || YOU.test(name)) return undefined; // "You": the signed-in user
  const email = findEmail(attr(el, 'data-hovercard-id'));
  const role: Participant['role'] =
    text(el).startsWith('@') || attr(el, 'data-name')?.startsWith('@')
      ? 'mention'
      : inMessage
        ? 'author'
        : 'member';
  const external = role === 'author' && hasSiblingLabel(el, EXTERNAL_BADGE);
  return {
    name,
    handle: `google-chat:${human[1]}`,
    role,
    ...(email ? { email } : {}),
    ...(external ? { signal: 'external' as const } : {}),
  };
}

/** The conversation region: the main landmark around the messages, if there is one. */
function conversationIn(document: Document): Element | null {
  const message = messagesIn(document)[0];
  if (!message) return document.querySelector(CONVERSATION);
  return message.closest(CONVERSATION) ?? message.parentElement ?? document.body;
}

/**
 * The region with messages: in the page, else in a same-origin frame (the newer client shows
 * the conversation in a `chat.google.com/…/frame` while the address stays on the top page).
 */
function conversation(document: Document): Element | null {
  const here = conversationIn(document);
  if (here && messagesIn(here).length) return here;
  for (const frame of frameDocuments(document)) {
    const inner = conversationIn(frame.document);
    if (inner && messagesIn(inner).length) return inner;
  }
  return here;
}

export const googleChat: Adapter = {
  tool: 'google-chat',
  matches: [...TOOL_MATCHES['google-chat'], 'https://mail.google.com/chat/*'],
  room: APP_PAGE_ROOM,
  container: conversation,
  extract(document, url) {
    const place = chatPlaceIn(url) ?? placeFromNavigation(document, url);
    if (!place) return null;
    const root = conversation(document);
    const messages = root ? messagesIn(root) : [];
    const heading = [root?.ownerDocument, document]
      .map((doc) => (doc ? text(first(doc, TITLE)) : ''))
      .find((shown) => shown && !/^home$/i.test(shown));
    const title = heading || titleFromDocument(document);
    // Nothing rendered yet, or still the previous view (the home page): nothing to read.
    if (!root || (!messages.length && !title)) return null;

    // The header's member avatars count only when the region is the conversation's landmark.
    const scope = root.matches(CONVERSATION)
      ? [...root.querySelectorAll(PERSON)]
      : messages.flatMap((m) => [...m.querySelectorAll(PERSON)]);
    const isMessage = new Set(messages);
    const inMessage = (el: Element): boolean => {
      for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
        if (isMessage.has(node)) return true;
      }
      return false;
    };
    const people = scope.flatMap((el) => personOf(el, inMessage(el)) ?? []);

    const self = googleAccount(document);
    return withinLimits({
      tool: 'google-chat',
      kind: 'chat',
      threadKey: `google-chat:${place.kind}:${place.id}`,
      title,
      url: place.url,
      // Chat shows no addresses on messages: the user is recognised by name.
      participants: dedupeParticipants(people, self),
      ...(self ? { self } : {}),
    });
  },
};

/*
 * Fixture pages (test/fixtures/google-chat/):
 * - app-chat.html      — chat.google.com/u/0/app/chat/<id> (newest address), timestamps on a
 *                        child of each `[data-id]` message, senders by `data-user-id`, the
 *                        navigation's DM list beside it (none of them listed)
 * - mail-hash.html     — mail.google.com/mail/u/0/#chat/space/<id>: Chat inside Gmail's own
 *                        address, Gmail's inbox rows beside it
 * - space-long.html    — chat.google.com/u/0/room/<id>, `data-member-id` markup, a shared space
 *                        with External members, mentions, a bot and the user's own messages
 * - gmail-dm.html      — mail.google.com/chat/u/0/#chat/dm/<id>, older markup (data-user-id),
 *                        title from the tab title
 * - home.html          — chat.google.com/u/0/app/home, nothing open (null)
 *
 * Sources (facts only):
 * - Address forms `chat.google.com/u/<n>/app/chat/<id>`, `/u/<n>/room/<id>`, `/u/<n>/dm/<id>`,
 *   `mail.google.com/mail/u/<n>/#chat/space/<id>`; a conversation opened while the address
 *   stays `chat.google.com/u/0/` is known from the navigation link marked `aria-current`; the
 *   messages live in a frame named `single_full_screen` (a Google Chat exporter's test suite,
 *   content.test.js, code index, repository not named, 2026; the same ids are the API's `spaces/<id>`).
 * - `chat.google.com/u/<n>/app/chat/<id>` as the DM deep link, and "Google Account: Name
 *   (email)" as the account chip's label in Chat (a Chat calling tool's dm_resolve tests, 2026).
 * - Message `[data-id]` with the timestamp on a child `span[data-absolute-timestamp]`, sender
 *   `[data-user-id="<21 digits>"]`, names in obfuscated classes (`.njhDLd`) (a DOM analysis
 *   note, Sept. 2025; vishwas-r/Google-Chat-Exporter src/content.js, 2025-04-29, which also
 *   runs in all frames of chat.google.com and mail.google.com).
 * - Navigation items carry `data-group-id="space/<id>"` (laravel-google-chat-log issue #9,
 *   2022-03-11).
 * Still a guess: whether `app/chat/<id>` is a space or a DM (keyed as a space); where the
 * user's own name appears on their messages ("You" is assumed).
 */

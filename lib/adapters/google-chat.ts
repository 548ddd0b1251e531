/**
 * Google Chat (chat.google.com, and inside Gmail at mail.google.com/chat/): the open space or
 * direct message and the people who wrote or were mentioned in it.
 *
 * The URL names the conversation: `chat.google.com/[u/<n>/]room/<id>` (a space), `/dm/<id>`,
 * or `mail.google.com/chat/u/<n>/#chat/space/<id>` and `#chat/dm/<id>`. Class names are
 * obfuscated, so people are read from data attributes (`data-member-id="user/human/<id>"`,
 * older `data-user-id`), never from classes. Bots (`user/bot/…`) are not people.
 */
import type { Participant } from '../model';
import { TOOL_MATCHES } from '../sites';
import {
  allOf,
  attr,
  dedupeParticipants,
  findEmail,
  first,
  googleAccount,
  hasSiblingLabel,
  text,
  withinLimits,
} from './dom';
import type { Adapter } from './types';

// Markup generations, newest first.
const MESSAGE = ['[data-id][data-absolute-timestamp]', 'c-wiz[data-id]', '[data-message-id]'];
const CONVERSATION = '[role="main"]';
const TITLE = ['[role="main"] [role="heading"][aria-level="1"]', '[role="main"] h1'];
const PERSON = ['[data-member-id^="user/"]', '[data-user-id]'];

/** Chat labels people outside the user's organisation "External" beside their name. */
const EXTERNAL_BADGE = /^external$/i;

type Place = { kind: 'space' | 'dm'; id: string; url: string };

/** The space or DM the URL names, with its address without volatile parts. */
function placeIn(url: URL): Place | undefined {
  if (url.hostname === 'mail.google.com') {
    const match = url.hash.match(/^#chat\/(space|room|dm)\/([A-Za-z0-9_-]+)/);
    if (!match?.[1] || !match[2]) return undefined;
    const kind = match[1] === 'dm' ? 'dm' : 'space';
    return { kind, id: match[2], url: `${url.origin}${url.pathname}#chat/${kind}/${match[2]}` };
  }
  const match = url.pathname.match(/^((?:\/u\/\d+)?(?:\/app)?)\/(room|space|dm)\/([A-Za-z0-9_-]+)/);
  if (!match?.[2] || !match[3]) return undefined;
  const kind = match[2] === 'dm' ? 'dm' : 'space';
  return { kind, id: match[3], url: `${url.origin}${match[1]}/${match[2]}/${match[3]}` };
}

/** `Globex rollout - Chat` / `Globex rollout - sam@acme.example - Acme Mail` → `Globex rollout`. */
function titleFromDocument(document: Document): string {
  const parts = document.title.split(' - ');
  const end = parts.findIndex(
    (part, i) => i > 0 && (findEmail(part) || /^(google )?chat$/i.test(part.trim())),
  );
  return end > 0 ? parts.slice(0, end).join(' - ').trim() : '';
}

function personOf(el: Element): Partial<Participant> | undefined {
  const member = attr(el, 'data-member-id') ?? `user/human/${attr(el, 'data-user-id') ?? ''}`;
  const human = member.match(/^user\/human\/(\S+)$/);
  if (!human?.[1]) return undefined; // bots and apps are not people
  const shown = text(el);
  const name = (attr(el, 'data-name') ?? shown).replace(/^@/, '').trim();
  if (!name || /^you$/i.test(name)) return undefined; // "You": the signed-in user
  const email = findEmail(attr(el, 'data-hovercard-id'));
  const role: Participant['role'] = shown.startsWith('@')
    ? 'mention'
    : el.closest(MESSAGE.join(', '))
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

function conversation(document: Document): Element | null {
  const message = first(document, MESSAGE);
  if (!message) return document.querySelector(CONVERSATION);
  return message.closest(CONVERSATION) ?? document.body;
}

export const googleChat: Adapter = {
  tool: 'google-chat',
  matches: [...TOOL_MATCHES['google-chat'], 'https://mail.google.com/chat/*'],
  container: conversation,
  extract(document, url) {
    const place = placeIn(url);
    const root = place && conversation(document);
    // No message rendered yet (or the page is still the previous view): nothing to read.
    if (!place || !root || !first(root, MESSAGE)) return null;
    const title = text(first(document, TITLE)) || titleFromDocument(document);

    const self = googleAccount(document);
    const people = allOf(root, PERSON).flatMap((el) => personOf(el) ?? []);
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

// Fixture pages (test/fixtures/google-chat/):
// - space-long.html: chat.google.com/u/0/room/<id>, newest markup (data-member-id), a shared
//   space with external members, mentions, a bot and the user's own messages.
// - gmail-dm.html: mail.google.com/chat/u/0/#chat/dm/<id>, older markup (data-user-id only),
//   title from the tab title.
// - home.html: chat.google.com/u/0/app/home, nothing open → null.

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { googleChat } from '../../../lib/adapters/google-chat';
import { adapterFor, detectConversation } from '../../../lib/adapters/index';
import { ConversationSchema } from '../../../lib/model';
import { loadFixture } from './load-fixture';

const SELF = { name: 'Sam Rivera', email: 'sam.rivera@acme.example' };

describe('google chat adapter', () => {
  it('reads a shared space: authors, mentions, members and External badges, without the user', () => {
    const { document, url } = loadFixture('google-chat', 'space-long');
    const found = googleChat.extract(document, url);
    expect(found).toEqual({
      tool: 'google-chat',
      kind: 'chat',
      threadKey: 'google-chat:space:AAAAo6Kc3vU',
      title: 'Globex rollout (shared)',
      url: 'https://chat.google.com/u/0/room/AAAAo6Kc3vU',
      participants: [
        {
          name: 'Dana Kim',
          handle: 'google-chat:110913310884054579165',
          role: 'author',
          signal: 'external',
        },
        {
          name: 'Marco Rossi',
          handle: 'google-chat:108833127740918836610',
          role: 'author',
          signal: 'external',
        },
        { name: 'Noel Fox', handle: 'google-chat:116543210987654321098', role: 'member' },
        // Mentioned first, then wrote: the stronger role wins.
        { name: 'Lee Park', handle: 'google-chat:112349087612349876543', role: 'author' },
        { name: 'Priya Shah', handle: 'google-chat:104427889311025516742', role: 'author' },
        { name: 'Kenji Watanabe', handle: 'google-chat:115550001234567890123', role: 'mention' },
        {
          name: 'Alex Chen',
          email: 'alex.chen@initech.example',
          handle: 'google-chat:109998887776665554443',
          role: 'author',
          signal: 'external',
        },
      ],
      self: SELF,
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
    const names = found!.participants.map((p) => p.name);
    expect(names).not.toContain('Sam Rivera');
    expect(names).not.toContain('Jira Cloud'); // a bot
    expect(names).not.toContain('Taylor Nguyen'); // only in the navigation
    const handles = found!.participants.map((p) => p.handle);
    expect(new Set(handles).size).toBe(handles.length);
  });

  it('reads an older group DM inside Gmail by data-user-id, titled from the tab title', () => {
    const { document, url } = loadFixture('google-chat', 'gmail-dm');
    const found = googleChat.extract(document, url);
    expect(found).toEqual({
      tool: 'google-chat',
      kind: 'chat',
      threadKey: 'google-chat:dm:4Qv2fkAAAAE',
      title: 'Priya Shah, Kenji Watanabe',
      url: 'https://mail.google.com/chat/u/0/#chat/dm/4Qv2fkAAAAE',
      participants: [
        { name: 'Priya Shah', handle: 'google-chat:104427889311025516742', role: 'author' },
        { name: 'Kenji Watanabe', handle: 'google-chat:115550001234567890123', role: 'author' },
      ],
      self: SELF,
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('keys a space the same on chat.google.com and inside Gmail', () => {
    const { document } = loadFixture('google-chat', 'space-long');
    const inGmail = new URL('https://mail.google.com/chat/u/0/#chat/space/AAAAo6Kc3vU');
    const found = googleChat.extract(document, inGmail);
    expect(found?.threadKey).toBe('google-chat:space:AAAAo6Kc3vU');
    expect(found?.url).toBe('https://mail.google.com/chat/u/0/#chat/space/AAAAo6Kc3vU');
    const dm = googleChat.extract(document, new URL('https://chat.google.com/dm/4Qv2fkAAAAE'));
    expect(dm?.threadKey).toBe('google-chat:dm:4Qv2fkAAAAE');
    expect(dm?.url).toBe('https://chat.google.com/dm/4Qv2fkAAAAE');
  });

  it('gives null on the home page, and on a conversation address before any message renders', () => {
    const { document, url } = loadFixture('google-chat', 'home');
    expect(googleChat.extract(document, url)).toBeNull();
    expect(
      googleChat.extract(document, new URL('https://chat.google.com/u/0/room/AAAAo6Kc3vU')),
    ).toBeNull();
    expect(
      googleChat.extract(document, new URL('https://mail.google.com/chat/u/0/#chat/home')),
    ).toBeNull();
    expect(googleChat.container!(document)?.getAttribute('aria-label')).toBe('Home');
  });

  it('never throws on an empty page', () => {
    const empty = new DOMParser().parseFromString('<!doctype html><p>hi', 'text/html');
    const url = new URL('https://chat.google.com/room/AAAAo6Kc3vU');
    expect(googleChat.extract(empty, url)).toBeNull();
    expect(googleChat.container!(empty)).toBeNull();
  });

  it('is the adapter the registry picks for Chat pages, before Gmail', () => {
    for (const name of ['space-long', 'gmail-dm', 'home']) {
      expect(adapterFor(loadFixture('google-chat', name).url)).toBe(googleChat);
    }
    const settings = new URL('https://chat.google.com/u/0/app/settings');
    expect(adapterFor(settings)).toBe(googleChat);
    expect(
      googleChat.extract(loadFixture('google-chat', 'space-long').document, settings),
    ).toBeNull();
  });
});

describe('google chat adapter, newer addresses', () => {
  it('reads a space at chat.google.com/u/0/app/chat/<id>: timestamps on a child, senders by data-user-id', () => {
    const { document, url } = loadFixture('google-chat', 'app-chat');
    const found = detectConversation(document, url);
    expect(found).toEqual({
      tool: 'google-chat',
      kind: 'chat',
      threadKey: 'google-chat:space:AAQAotoa0bE',
      title: 'Rollout war room',
      url: 'https://chat.google.com/u/0/app/chat/AAQAotoa0bE',
      participants: [
        { name: 'Dana Kim', handle: 'google-chat:110913310884054579165', role: 'author' },
        { name: 'Lee Park', handle: 'google-chat:112349087612349876543', role: 'author' },
        {
          name: 'Alex Chen',
          email: 'alex.chen@initech.example',
          handle: 'google-chat:109998887776665554443',
          role: 'author',
          signal: 'external',
        },
      ],
      self: SELF,
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('lists nobody from the navigation beside the conversation, nor an open hovercard', () => {
    const { document, url } = loadFixture('google-chat', 'app-chat');
    const found = detectConversation(document, url)!;
    const names = found.participants.map((p) => p.name);
    for (const other of ['Taylor Nguyen', 'Morgan Yu', 'Priya Shah', 'You', 'Sam Rivera']) {
      expect(names).not.toContain(other);
    }
  });

  it('reads Chat inside Gmail at mail.google.com/mail/u/0/#chat/space/<id>, without inbox rows or bots', () => {
    const { document, url } = loadFixture('google-chat', 'mail-hash');
    const found = detectConversation(document, url);
    expect(found).toEqual({
      tool: 'google-chat',
      kind: 'chat',
      threadKey: 'google-chat:space:AAAAq1Zr8xY',
      title: 'Support leads',
      url: 'https://mail.google.com/mail/u/0/#chat/space/AAAAq1Zr8xY',
      participants: [
        { name: 'Priya Shah', handle: 'google-chat:104427889311025516742', role: 'author' },
        { name: 'Kenji Watanabe', handle: 'google-chat:115550001234567890123', role: 'author' },
      ],
      self: SELF,
    });
    const names = found!.participants.map((p) => p.name);
    for (const other of ['Casey Ortiz', 'Dana Kim', 'Taylor Nguyen', 'Morgan Yu', 'Zendesk']) {
      expect(names).not.toContain(other);
    }
  });

  it('recognises every address form Chat uses, and keys each the same way', () => {
    const { document } = loadFixture('google-chat', 'app-chat');
    const cases: Array<[string, string, string]> = [
      [
        'https://chat.google.com/u/0/app/chat/AAQAotoa0bE',
        'space',
        'https://chat.google.com/u/0/app/chat/AAQAotoa0bE',
      ],
      [
        'https://chat.google.com/u/2/app/dm/qtotjoAAAAE?cls=1',
        'dm',
        'https://chat.google.com/u/2/app/dm/qtotjoAAAAE',
      ],
      [
        'https://chat.google.com/room/AAQAotoa0bE',
        'space',
        'https://chat.google.com/room/AAQAotoa0bE',
      ],
      ['https://chat.google.com/dm/qtotjoAAAAE', 'dm', 'https://chat.google.com/dm/qtotjoAAAAE'],
      [
        'https://chat.google.com/u/0/app/space/AAQAotoa0bE',
        'space',
        'https://chat.google.com/u/0/app/space/AAQAotoa0bE',
      ],
      [
        'https://mail.google.com/chat/u/0/#chat/space/AAQAotoa0bE',
        'space',
        'https://mail.google.com/chat/u/0/#chat/space/AAQAotoa0bE',
      ],
      [
        'https://mail.google.com/chat/u/0/#chat/dm/qtotjoAAAAE',
        'dm',
        'https://mail.google.com/chat/u/0/#chat/dm/qtotjoAAAAE',
      ],
      [
        'https://mail.google.com/mail/u/0/#chat/room/AAQAotoa0bE',
        'space',
        'https://mail.google.com/mail/u/0/#chat/space/AAQAotoa0bE',
      ],
    ];
    for (const [address, kind, canonical] of cases) {
      const found = detectConversation(document, new URL(address));
      const id = canonical.split('/').pop();
      expect(found?.threadKey, address).toBe(`google-chat:${kind}:${id}`);
      expect(found?.url, address).toBe(canonical);
      expect(found?.participants.length, address).toBe(3);
    }
  });

  it('takes the conversation from the navigation when the address names none (chat.google.com/u/0/)', () => {
    const { document } = loadFixture('google-chat', 'app-chat');
    const found = detectConversation(document, new URL('https://chat.google.com/u/0/'));
    expect(found?.threadKey).toBe('google-chat:space:AAQAotoa0bE');
    expect(found?.url).toBe('https://chat.google.com/u/0/chat/AAQAotoa0bE');
    document.querySelector('[aria-current]')?.removeAttribute('aria-current');
    expect(detectConversation(document, new URL('https://chat.google.com/u/0/'))).not.toBeNull();
    document.querySelector('[aria-selected="true"]')?.removeAttribute('aria-selected');
    expect(detectConversation(document, new URL('https://chat.google.com/u/0/'))).toBeNull();
  });
});

describe('google chat adapter, the conversation in a frame', () => {
  /** The newer client: the address on top, the messages in a same-origin frame. */
  function shell(inner: () => Document | null): { document: Document; url: URL } {
    const url = new URL('https://chat.google.com/u/0/app/chat/AAQAotoa0bE');
    const { document: top } = loadFixture('google-chat', 'app-chat');
    top.querySelector('[role="main"]')!.innerHTML = '<iframe name="single_full_screen"></iframe>'; // happy-dom loads no frames
    const frame = top.querySelector('iframe')!;
    Object.defineProperty(frame, 'contentDocument', { get: inner });
    return { document: top, url };
  }

  function frameDocument(): Document {
    const { document } = loadFixture('google-chat', 'app-chat');
    document.querySelector('header')?.remove(); // a frame shows no account chip
    document.querySelector('[role="navigation"]')?.remove();
    Object.defineProperty(document, 'URL', { value: 'https://chat.google.com/u/0/frame?hl=en' });
    return document;
  }

  it('reads the messages in the frame under the top address, with the user from the top', () => {
    const inner = frameDocument();
    const { document, url } = shell(() => inner);
    const found = detectConversation(document, url);
    expect(found?.threadKey).toBe('google-chat:space:AAQAotoa0bE');
    expect(found?.title).toBe('Rollout war room');
    expect(found?.participants.map((p) => p.name)).toEqual(['Dana Kim', 'Lee Park', 'Alex Chen']);
    expect(found?.self).toEqual(SELF);
    expect(googleChat.container?.(document)?.ownerDocument).toBe(inner);
  });

  it('reads no one, without throwing, when the frame cannot be read', () => {
    const { document, url } = shell(() => {
      throw new DOMException('Blocked a frame', 'SecurityError');
    });
    const found = detectConversation(document, url);
    expect(found?.participants ?? []).toEqual([]);
  });
});

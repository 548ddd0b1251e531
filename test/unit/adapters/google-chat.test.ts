// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { googleChat } from '../../../lib/adapters/google-chat';
import { adapterFor } from '../../../lib/adapters/index';
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

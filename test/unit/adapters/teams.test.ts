// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ConversationSchema } from '../../../lib/model';
import { teams } from '../../../lib/adapters/teams';
import { adapterFor, detectConversation } from '../../../lib/adapters/index';
import { loadFixture } from './load-fixture';

const FIXTURES = ['chat-v2', 'channel-cloud', 'conversation-classic', 'activity'];

describe('teams adapter', () => {
  it('reads a new Teams group chat keyed by its header id', () => {
    const { document, url } = loadFixture('teams', 'chat-v2');
    const found = teams.extract(document, url);
    expect(found).toEqual({
      tool: 'teams',
      kind: 'chat',
      threadKey: 'teams:19:8f2c1d7e0a4b4c5d9e6f7a8b9c0d1e2f@thread.v2',
      title: 'Globex SSO rollout',
      url: 'https://teams.microsoft.com/l/chat/19%3A8f2c1d7e0a4b4c5d9e6f7a8b9c0d1e2f%40thread.v2/0',
      participants: [
        { name: 'Jordan Lee', role: 'author', signal: 'external' },
        { name: 'Dana Kim', role: 'author' },
        { name: 'Ana Torres', role: 'author', signal: 'external' },
        { name: 'Priya Shah', role: 'author' },
        { name: 'Lee Wong', role: 'author', signal: 'external' },
        { name: 'Marco Diaz', role: 'mention' },
      ],
      self: { name: 'Sam Rivera' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('leaves out the signed-in user and shortened mentions of known people', () => {
    const { document, url } = loadFixture('teams', 'chat-v2');
    const names = teams.extract(document, url)!.participants.map((p) => p.name);
    expect(names).not.toContain('Sam Rivera');
    expect(names).not.toContain('Sam');
    expect(names).not.toContain('Dana');
    expect(names.some((n) => /external/i.test(n))).toBe(false);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(5);
  });

  it('reads channel replies on teams.cloud.microsoft opened from a message link', () => {
    const { document, url } = loadFixture('teams', 'channel-cloud');
    const found = teams.extract(document, url);
    expect(found).toEqual({
      tool: 'teams',
      kind: 'chat',
      threadKey: 'teams:19:a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6@thread.tacv2',
      title: 'Globex: SSO checkout outage',
      url: 'https://teams.cloud.microsoft/l/message/19%3Aa1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6%40thread.tacv2/1709456789012',
      participants: [
        { name: 'Priya Shah', role: 'author' },
        { name: 'Jordan Lee', role: 'author', signal: 'external' },
        { name: 'Marco Diaz', role: 'author' },
        { name: 'Dana Kim', role: 'mention' },
      ],
      self: { name: 'Sam Rivera', email: 'sam.rivera@acme.example' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('reads a classic Teams conversation through the fallback selectors', () => {
    const { document, url } = loadFixture('teams', 'conversation-classic');
    const found = teams.extract(document, url);
    expect(found).toEqual({
      tool: 'teams',
      kind: 'chat',
      threadKey: 'teams:19:b7c8d9e0f1a2b3c4d5e6@thread.v2',
      title: 'Dana Kim, Lee Wong',
      url: 'https://teams.microsoft.com/_#/conversations/19:b7c8d9e0f1a2b3c4d5e6@thread.v2',
      participants: [
        { name: 'Dana Kim', role: 'author' },
        { name: 'Lee Wong', role: 'author', signal: 'external' },
      ],
      self: { name: 'Sam Rivera' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('gives null in the activity feed and on other pages without a conversation', () => {
    const { document, url } = loadFixture('teams', 'activity');
    expect(teams.extract(document, url)).toBeNull();
    for (const other of [
      'https://teams.cloud.microsoft/v2/',
      'https://teams.microsoft.com/v2/?culture=en-us#/calendarv2',
    ]) {
      expect(adapterFor(new URL(other))).toBe(teams);
      expect(teams.extract(document, new URL(other))).toBeNull();
    }
  });

  it('never throws on stripped markup', () => {
    const { document, url } = loadFixture('teams', 'chat-v2');
    for (const el of document.querySelectorAll('[data-tid], [aria-label]')) {
      el.removeAttribute('data-tid');
      el.removeAttribute('aria-label');
    }
    expect(() => ConversationSchema.parse(teams.extract(document, url))).not.toThrow();
  });

  it('is the adapter for every fixture address and finds the message list', () => {
    for (const name of FIXTURES) expect(adapterFor(loadFixture('teams', name).url)).toBe(teams);
    const { document } = loadFixture('teams', 'chat-v2');
    expect(teams.container?.(document)?.id).toBe('chat-pane-list');
  });
});

describe('teams adapter, the user from structure', () => {
  it('reads a teams.cloud.microsoft chat whose "me" control is labelled "User menu"', () => {
    const { document, url } = loadFixture('teams', 'chat-cloud-2026');
    const found = detectConversation(document, url);
    expect(found).toEqual({
      tool: 'teams',
      kind: 'chat',
      threadKey: 'teams:19:a41c6e2b9d7f4e0c8b5a3d2f1e0c9b8a@thread.v2',
      title: 'Cutover crew',
      url: 'https://teams.cloud.microsoft/l/chat/19%3Aa41c6e2b9d7f4e0c8b5a3d2f1e0c9b8a%40thread.v2/0',
      participants: [
        { name: 'Dana Kim', role: 'author' },
        { name: 'Kenji Watanabe', role: 'author' },
        { name: 'Alex Chen', role: 'author', signal: 'external' },
        { name: 'Priya Shah', role: 'mention' },
      ],
      // From the user's own message, not the control's label.
      self: { name: 'Sam Rivera' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('lists nobody from the chat list, a quoted reply or an open profile card, and never the user', () => {
    const { document, url } = loadFixture('teams', 'chat-cloud-2026');
    const names = detectConversation(document, url)!.participants.map((p) => p.name);
    for (const other of ['Taylor Nguyen', 'Morgan Yu', 'Sam Rivera', 'User menu']) {
      expect(names).not.toContain(other);
    }
  });

  it('reads the user from the "me" control\'s picture label, and never a control\'s own label', () => {
    const { document, url } = loadFixture('teams', 'chat-cloud-2026');
    const me = document.querySelector('[data-tid="me-control-avatar"]')!;
    me.setAttribute('aria-label', 'Profile picture of Samantha Rivera.');
    expect(detectConversation(document, url)?.self).toEqual({ name: 'Samantha Rivera' });
    for (const label of ['User menu', 'Your profile, status Available', 'Account manager']) {
      me.setAttribute('aria-label', label);
      document.querySelector('.fui-ChatMyMessage')?.remove();
      const found = detectConversation(document, url)!;
      expect(found.self, label).toBeUndefined();
      expect(found.participants.map((p) => p.name)).not.toContain(label);
    }
  });

  it("reads people's ids (MRI) from their pictures' addresses, the user's too", () => {
    const { document, url } = loadFixture('teams', 'chat-cloud-2026');
    const api = 'https://teams.cloud.microsoft/api/mt/part/emea-02/beta/users';
    const pictures = document.querySelectorAll('[data-tid="message-avatar"] img');
    pictures[0]!.setAttribute(
      'src',
      `${api}/8:orgid:0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6/profilepicturev2`,
    );
    pictures[1]!.setAttribute(
      'src',
      `${api}/6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d/profilepicturev2?displayname=Kenji`,
    );
    const me = document.querySelector('[data-tid="me-control-avatar"] img')!;
    me.setAttribute('src', `${api}/8:orgid:5b7e4c1a-2f3d-4e5a-9b8c-7d6e5f4a3b2c/profilepicturev2`);
    // The user writes under another display name here: the id still leaves them out.
    document.querySelector('.fui-ChatMyMessage')?.remove();
    const kenji = document.querySelectorAll('[data-tid="chat-pane-item"]')[1]!;
    const mine = kenji.cloneNode(true) as Element;
    mine.querySelector('img')!.setAttribute('src', me.getAttribute('src')!);
    mine.querySelector('[data-tid="message-author-name"]')!.textContent = 'S. Rivera';
    kenji.after(mine);
    const found = detectConversation(document, url)!;
    expect(found.participants.slice(0, 2)).toEqual([
      {
        name: 'Dana Kim',
        handle: 'teams:8:orgid:0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
        role: 'author',
      },
      {
        name: 'Kenji Watanabe',
        handle: 'teams:8:orgid:6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
        role: 'author',
      },
    ]);
    expect(found.participants.map((p) => p.name)).not.toContain('S. Rivera');
  });
});

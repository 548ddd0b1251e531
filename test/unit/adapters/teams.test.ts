// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ConversationSchema } from '../../../lib/model';
import { teams } from '../../../lib/adapters/teams';
import { adapterFor } from '../../../lib/adapters/index';
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

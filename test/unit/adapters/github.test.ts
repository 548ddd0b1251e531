// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ConversationSchema } from '../../../lib/model';
import { github } from '../../../lib/adapters/github';
import { adapterFor, detectConversation } from '../../../lib/adapters/index';
import { loadFixture } from './load-fixture';

const FIXTURES = ['issue-react-2026', 'issue-react', 'pull-classic', 'issues-list'];

/** What the content script detects on a fixture page: the whole path (generations, generic reader). */
function detect(name: string) {
  const { document, url } = loadFixture('github', name);
  return detectConversation(document, url);
}

describe('github adapter', () => {
  it('reads the 2026 issue view: github-avatar headers, bare alts, mannequins and Copilot left out', () => {
    const found = detect('issue-react-2026');
    expect(found).toEqual({
      tool: 'github',
      kind: 'ticket',
      threadKey: 'github:acme/widgets#57',
      title: 'Rate limiter drops webhooks during deploys',
      url: 'https://github.com/acme/widgets/issues/57',
      participants: [
        { name: 'noor-haddad', handle: 'github:noor-haddad', role: 'requester' },
        // Commented and assigned: the stronger role.
        { name: 'ines-duarte', handle: 'github:ines-duarte', role: 'author' },
      ],
      self: { name: 'sam-rivera', handle: 'github:sam-rivera' },
      userTakesPart: true,
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('lists nobody from sub-issues, linked pull requests, events, hovercards, quotes or Recent', () => {
    const handles = detect('issue-react-2026')!.participants.map((p) => p.handle);
    for (const around of ['oliver-grant', 'mei-lin', 'tom-becker', 'kai-osei', 'sam-rivera']) {
      expect(handles).not.toContain(`github:${around}`);
    }
    expect(handles.join()).not.toMatch(/copilot|legacy-jira-import/i);
  });

  it('reads a React issue with many people: opener, commenters, assignees, mentions', () => {
    const { document, url } = loadFixture('github', 'issue-react');
    const found = github.extract(document, url);
    expect(found).toEqual({
      tool: 'github',
      kind: 'ticket',
      threadKey: 'github:acme/widgets#42',
      title: 'Checkout fails for SSO users after 2.4 upgrade',
      url: 'https://github.com/acme/widgets/issues/42',
      participants: [
        { name: 'jordan-lee-globex', handle: 'github:jordan-lee-globex', role: 'requester' },
        { name: 'dana-kim', handle: 'github:dana-kim', role: 'author' },
        { name: 'lee-wong-initech', handle: 'github:lee-wong-initech', role: 'author' },
        { name: 'priya-shah', handle: 'github:priya-shah', role: 'author' },
        { name: 'marco-diaz', handle: 'github:marco-diaz', role: 'assignee' },
        { name: 'taylor-nguyen', handle: 'github:taylor-nguyen', role: 'mention' },
      ],
      self: { name: 'sam-rivera', handle: 'github:sam-rivera' },
      userTakesPart: true,
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('leaves out the signed-in user, bots and teams, and keeps each login once', () => {
    const { document, url } = loadFixture('github', 'issue-react');
    const handles = github.extract(document, url)!.participants.map((p) => p.handle);
    expect(handles).not.toContain('github:sam-rivera');
    expect(handles.some((h) => h?.includes('[bot]') || h?.includes('dependabot'))).toBe(false);
    expect(handles.some((h) => h?.toLowerCase().includes('platform'))).toBe(false);
    expect(new Set(handles).size).toBe(handles.length);
    expect(handles.length).toBeGreaterThanOrEqual(5);
  });

  it('reads a classic pull request timeline through the fallback selectors', () => {
    const { document, url } = loadFixture('github', 'pull-classic');
    const found = github.extract(document, url);
    expect(found).toEqual({
      tool: 'github',
      kind: 'ticket',
      threadKey: 'github:acme/widgets#108',
      title: 'Keep SameSite on the session cookie',
      url: 'https://github.com/acme/widgets/pull/108',
      participants: [
        { name: 'dana-kim', handle: 'github:dana-kim', role: 'requester' },
        { name: 'marco-diaz', handle: 'github:marco-diaz', role: 'author' },
      ],
      self: { name: 'sam-rivera', handle: 'github:sam-rivera' },
      userTakesPart: true,
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('gives null on the issue list, the repository home and settings', () => {
    const { document, url } = loadFixture('github', 'issues-list');
    expect(github.extract(document, url)).toBeNull();
    for (const other of [
      'https://github.com/acme/widgets',
      'https://github.com/settings/profile',
    ]) {
      expect(adapterFor(new URL(other))).toBe(github);
      expect(github.extract(document, new URL(other))).toBeNull();
    }
  });

  it('gives null on an issue address whose page shows no issue (404, still loading)', () => {
    const empty = new DOMParser().parseFromString('<!doctype html><p>Not found</p>', 'text/html');
    expect(github.extract(empty, new URL('https://github.com/acme/widgets/issues/9'))).toBeNull();
  });

  it('never throws on stripped markup', () => {
    const { document, url } = loadFixture('github', 'issue-react');
    for (const el of document.querySelectorAll('[data-hovercard-url], [alt], [href]')) {
      el.removeAttribute('data-hovercard-url');
      el.removeAttribute('alt');
      el.removeAttribute('href');
    }
    const found = github.extract(document, url);
    expect(() => ConversationSchema.parse(found)).not.toThrow();
  });

  it('is the adapter for every fixture address', () => {
    for (const name of FIXTURES) {
      expect(adapterFor(loadFixture('github', name).url)).toBe(github);
    }
  });

  it('finds the conversation container', () => {
    expect(github.container?.(loadFixture('github', 'issue-react').document)).not.toBeNull();
    expect(github.container?.(loadFixture('github', 'pull-classic').document)?.id).toBe(
      'discussion_bucket',
    );
  });

  it('is picked, and reads the conversation, at every address form it knows', () => {
    // A guard for narrower content-script matches (issue 18): none of these may be dropped.
    const { document } = loadFixture('github', 'issue-react-2026');
    const expected = detect('issue-react-2026')?.threadKey;
    for (const address of [
      'https://github.com/Acme/widgets/issues/57',
      'https://github.com/Acme/widgets/pull/57',
      'https://github.com/Acme/widgets/pull/57/files',
    ]) {
      const url = new URL(address);
      expect(adapterFor(url)?.tool, address).toBe('github');
      expect(detectConversation(document, url)?.threadKey, address).toBe(expected);
    }
  });
});

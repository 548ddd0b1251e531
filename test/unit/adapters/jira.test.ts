// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { jira } from '../../../lib/adapters/jira';
import { adapterFor, detectConversation } from '../../../lib/adapters/index';
import { ConversationSchema } from '../../../lib/model';
import { extractFrom, loadFixture } from './load-fixture';

const FIXTURES = [
  'issue-view-2026',
  'board-modal-2026',
  'browse-issue',
  'board-selected-issue',
  'server-issue',
  'board',
];

/** What the content script detects on a fixture page: the whole path (generations, generic reader). */
function detect(name: string) {
  const { document, url } = loadFixture('jira', name);
  return detectConversation(document, url);
}

const extractFixture = (name: string) => extractFrom(jira, name);

describe('jira adapter', () => {
  it('reads the current issue view: profile cards, comment headers, replies, no account ids', () => {
    const found = detect('issue-view-2026');
    expect(found).toEqual({
      tool: 'jira',
      kind: 'ticket',
      threadKey: 'jira:acme.atlassian.net:ACME-150',
      title: 'Cache warm-up job times out after the Redis upgrade',
      url: 'https://acme.atlassian.net/browse/ACME-150',
      participants: [
        // Reporter field and her comment: one person; the avatar URLs carry her account id.
        {
          name: 'Dana Whitfield',
          handle: 'jira:712020:5c1e0a44-8f1b-4a4e-9d2a-0b7c1e3f9a11',
          role: 'requester',
        },
        // Assignee who replied in a thread; the mention lends her account id.
        { name: 'Priya Nair', handle: 'jira:5f8a1c2b3d4e5f6a7b8c9d0e', role: 'author' },
        { name: 'Hiroshi Tanaka', role: 'author' },
        { name: 'Tom Becker', handle: 'jira:5b10ac8d82e05b22cc7d4ef5', role: 'mention' },
      ],
      self: { name: 'Sam Rivera', handle: 'jira:557058:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('on the current view leaves out the user, automation, quoted mentions and the page around', () => {
    const names = detect('issue-view-2026')?.participants.map((p) => p.name) ?? [];
    // Sam is the signed-in user (his own comment); Marcus is only mentioned inside a quote;
    // Lena is in an open profile card and Marcus/Tom in the sidebar's "Recent" list.
    expect(names).not.toContain('Sam Rivera');
    expect(names).not.toContain('Automation for Jira');
    expect(names).not.toContain('Marcus Chen');
    expect(names).not.toContain('Lena Okafor');
    expect(names.join()).not.toMatch(/Assign to me|More information/);
  });

  it('leaves the user out by the account id in their avatar URL when no name says who they are', () => {
    const { document, url } = loadFixture('jira', 'issue-view-2026');
    document.querySelector('[data-testid$="profile--trigger"] img')?.setAttribute('alt', '');
    // No name for the user is left: only the account id in the avatar URL identifies him.
    const found = detectConversation(document, url);
    expect(found?.self).toEqual({ handle: 'jira:557058:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' });
    expect(found?.participants.map((p) => p.name)).not.toContain('Sam Rivera');
    expect(found?.participants.map((p) => p.handle)).not.toContain(
      'jira:557058:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
    );
  });

  it('reads the modal over a board and none of the board cards or assignee filter', () => {
    const found = detect('board-modal-2026');
    expect(found).toEqual({
      tool: 'jira',
      kind: 'ticket',
      threadKey: 'jira:acme.atlassian.net:ACME-151',
      title: 'Checkout banner overlaps the cart on iPad',
      url: 'https://acme.atlassian.net/browse/ACME-151',
      participants: [
        { name: 'Mara Lindqvist', role: 'requester' },
        { name: 'Priya Nair', role: 'assignee' },
      ],
      self: { name: 'Sam Rivera', handle: 'jira:557058:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' },
    });
    const names = found?.participants.map((p) => p.name) ?? [];
    for (const onBoard of ['Lena Okafor', 'Tom Becker', 'Marcus Chen']) {
      expect(names).not.toContain(onBoard);
    }
  });

  it('reads an issue in the 2022–2024 Cloud markup: people by account id, mentions, no self', () => {
    const found = extractFixture('browse-issue');
    expect(found).toEqual({
      tool: 'jira',
      kind: 'ticket',
      threadKey: 'jira:acme.atlassian.net:ACME-142',
      title: 'Checkout fails with 502 for EU customers after CDN switch',
      url: 'https://acme.atlassian.net/browse/ACME-142',
      participants: [
        {
          name: 'Dana Whitfield',
          handle: 'jira:712020:5c1e0a44-8f1b-4a4e-9d2a-0b7c1e3f9a11',
          role: 'requester',
        },
        // The assignee also commented: dedupe keeps the stronger role.
        { name: 'Priya Nair', handle: 'jira:5f8a1c2b3d4e5f6a7b8c9d0e', role: 'author' },
        { name: 'Hiroshi Tanaka', handle: 'jira:60a7b8c9d0e1f2a3b4c5d6e7', role: 'author' },
        { name: 'Tom Becker', handle: 'jira:5b10ac8d82e05b22cc7d4ef5', role: 'mention' },
        { name: 'Lena Okafor', handle: 'jira:5d3e4f5a6b7c8d9e0f1a2b3c', role: 'author' },
      ],
      self: { name: 'Sam Rivera', handle: 'jira:557058:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('leaves out the signed-in user, automation and repeated people', () => {
    const names = extractFixture('browse-issue')?.participants.map((p) => p.name) ?? [];
    expect(names).not.toContain('Sam Rivera');
    expect(names).not.toContain('Automation for Jira');
    expect(names.filter((n) => n === 'Dana Whitfield')).toHaveLength(1);
    expect(names.filter((n) => n === 'Priya Nair')).toHaveLength(1);
    expect(names).toHaveLength(5);
  });

  it('reads the issue open on a board (?selectedIssue=) in the older data-test-id markup', () => {
    const found = extractFixture('board-selected-issue');
    expect(found).toEqual({
      tool: 'jira',
      kind: 'ticket',
      threadKey: 'jira:acme.atlassian.net:ACME-143',
      title: 'Add Globex SSO to partner portal',
      url: 'https://acme.atlassian.net/browse/ACME-143',
      participants: [
        { name: 'Marcus Chen', handle: 'jira:6123abcd4567ef0012345678', role: 'requester' },
        { name: 'Lena Okafor', handle: 'jira:5d3e4f5a6b7c8d9e0f1a2b3c', role: 'author' },
      ],
      self: { name: 'Sam Rivera' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('reads the old issue view / Jira Server markup by its fallback selectors', () => {
    const found = extractFixture('server-issue');
    expect(found).toEqual({
      tool: 'jira',
      kind: 'ticket',
      threadKey: 'jira:acme.atlassian.net:OPS-7',
      title: 'VPN drops every 30 minutes for Initech contractors',
      url: 'https://acme.atlassian.net/browse/OPS-7',
      participants: [
        { name: 'Hiroshi Tanaka', handle: 'jira:htanaka', role: 'requester' },
        { name: 'Lena Okafor', handle: 'jira:lokafor', role: 'author' },
        { name: 'Priya Nair', handle: 'jira:pnair', role: 'mention' },
      ],
      self: { name: 'Sam Rivera', handle: 'jira:srivera' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('gives null on a board without a selected issue', () => {
    expect(extractFixture('board')).toBeNull();
  });

  it('gives null while the page still shows another issue than the address names', () => {
    const { document } = loadFixture('jira', 'browse-issue');
    expect(
      jira.extract(document, new URL('https://acme.atlassian.net/browse/ACME-999')),
    ).toBeNull();
  });

  it('never throws on an empty or stripped page', () => {
    const empty = new DOMParser().parseFromString('<!doctype html><p>', 'text/html');
    expect(jira.extract(empty, new URL('https://acme.atlassian.net/browse/ACME-1'))).toBeNull();
    const { document, url } = loadFixture('jira', 'browse-issue');
    for (const el of document.querySelectorAll('[data-account-id], [data-mention-id]')) {
      el.removeAttribute('data-account-id');
      el.removeAttribute('data-mention-id');
    }
    const found = jira.extract(document, url);
    expect(() => ConversationSchema.parse(found)).not.toThrow();
    expect(found?.participants.length).toBeGreaterThan(0);
  });

  it('is picked for every fixture address; other Jira pages give an adapter but no conversation', () => {
    for (const name of FIXTURES) {
      expect(adapterFor(loadFixture('jira', name).url)?.tool).toBe('jira');
    }
    const other = new URL('https://acme.atlassian.net/jira/your-work');
    expect(adapterFor(other)).toBe(jira);
    const { document } = loadFixture('jira', 'board');
    expect(jira.extract(document, other)).toBeNull();
  });

  it('points the observer at the issue view', () => {
    const { document } = loadFixture('jira', 'browse-issue');
    expect(jira.container?.(document)?.getAttribute('data-testid')).toBe(
      'issue.views.issue-details.issue-layout.issue-layout',
    );
    expect(jira.container?.(loadFixture('jira', 'server-issue').document)?.id).toBe(
      'issue-content',
    );
  });

  it('is picked, and reads the conversation, at every address form it knows', () => {
    // A guard for narrower content-script matches (issue 18): none of these may be dropped.
    const { document } = loadFixture('jira', 'issue-view-2026');
    const expected = detect('issue-view-2026')?.threadKey;
    for (const address of [
      'https://acme.atlassian.net/browse/ACME-150',
      'https://acme.atlassian.net/jira/software/c/projects/ACME/boards/12?selectedIssue=ACME-150',
      'https://acme.atlassian.net/jira/software/c/projects/ACME/list?selectedIssue=ACME-150',
      'https://acme.atlassian.net/jira/software/projects/ACME/issues/ACME-150',
      'https://acme.atlassian.net/jira/servicedesk/projects/ACME/queues/custom/4/ACME-150',
    ]) {
      const url = new URL(address);
      expect(adapterFor(url)?.tool, address).toBe('jira');
      expect(detectConversation(document, url)?.threadKey, address).toBe(expected);
    }
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ConversationSchema } from '../../../lib/model';
import { linear } from '../../../lib/adapters/linear';
import { adapterFor, detectConversation } from '../../../lib/adapters/index';
import { loadFixture } from './load-fixture';

const FIXTURES = ['issue-2026', 'issue-long', 'issue-short', 'my-issues'];

/** What the content script detects on a fixture page: the whole path (generations, generic reader). */
function detect(name: string) {
  const { document, url } = loadFixture('linear', name);
  return detectConversation(document, url);
}

describe('linear adapter', () => {
  it('reads the 2026 layout: the properties sidebar beside the issue view, not the list pane', () => {
    const found = detect('issue-2026');
    expect(found).toEqual({
      tool: 'linear',
      kind: 'ticket',
      threadKey: 'linear:acme:ENG-412',
      title: 'Webhook retries lost during deploys',
      url: 'https://linear.app/acme/issue/ENG-412',
      participants: [
        // The assignee is shown only in the sidebar beside the issue view.
        { name: 'Lena Okafor', role: 'assignee' },
        { name: 'Dana Kim', handle: 'linear:dana', role: 'author' },
        { name: 'Marco Diaz', handle: 'linear:marco', role: 'author' },
        { name: 'Priya Shah', handle: 'linear:priya', role: 'mention' },
      ],
      self: { name: 'Sam Rivera' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
    // The observer watches the issue and its sidebar, not the list pane or the app's sidebar.
    const container = linear.container?.(loadFixture('linear', 'issue-2026').document);
    expect(container?.querySelector('[aria-label="Change assignee"]')).not.toBeNull();
    expect(container?.querySelector('[data-list-key]')).toBeNull();
  });

  it('lists nobody from the issue list, the inbox preview or a quoted mention', () => {
    const names = detect('issue-2026')!.participants.map((p) => p.name);
    for (const around of ['Olu Adebayo', 'Keiko Sato', 'Marcus Chen', 'Ana Souza', 'Sam Rivera']) {
      expect(names).not.toContain(around);
    }
  });

  it('reads an issue with creator, assignee, commenters and mentions', () => {
    const { document, url } = loadFixture('linear', 'issue-long');
    const found = linear.extract(document, url);
    expect(found).toEqual({
      tool: 'linear',
      kind: 'ticket',
      threadKey: 'linear:acme:ENG-214',
      title: 'Checkout fails for SSO users',
      url: 'https://linear.app/acme/issue/ENG-214',
      participants: [
        { name: 'Priya Shah', handle: 'linear:priya', role: 'requester' },
        { name: 'Dana Kim', handle: 'linear:dana', role: 'author' },
        { name: 'Jordan Lee', role: 'author' },
        { name: 'Lee Wong', handle: 'linear:lee.wong', role: 'author' },
        { name: 'Marco Diaz', handle: 'linear:marco', role: 'mention' },
        { name: 'Taylor Nguyen', handle: 'linear:taylor', role: 'mention' },
      ],
      self: { name: 'Sam Rivera' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('leaves out the signed-in user and keeps each person once', () => {
    const { document, url } = loadFixture('linear', 'issue-long');
    const people = linear.extract(document, url)!.participants;
    expect(people.map((p) => p.name)).not.toContain('Sam Rivera');
    expect(people.map((p) => p.handle)).not.toContain('linear:sam');
    const names = people.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(people.length).toBeGreaterThanOrEqual(5);
  });

  it('reads a short issue through the fallback selectors and the tab title', () => {
    const { document, url } = loadFixture('linear', 'issue-short');
    const found = linear.extract(document, url);
    expect(found).toEqual({
      tool: 'linear',
      kind: 'ticket',
      threadKey: 'linear:acme:SUP-9',
      title: 'Invoice PDF shows the wrong VAT number',
      url: 'https://linear.app/acme/issue/SUP-9',
      participants: [
        { name: 'Lee Wong', handle: 'linear:lee.wong', role: 'requester' },
        { name: 'Dana Kim', role: 'assignee' },
        { name: 'Marco Diaz', handle: 'linear:marco', role: 'mention' },
      ],
      self: { name: 'Sam Rivera' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('gives null on My issues and on other pages of the workspace', () => {
    const { document, url } = loadFixture('linear', 'my-issues');
    expect(linear.extract(document, url)).toBeNull();
    for (const other of [
      'https://linear.app/acme/settings/account',
      'https://linear.app/acme/inbox',
    ]) {
      expect(adapterFor(new URL(other))).toBe(linear);
      expect(linear.extract(document, new URL(other))).toBeNull();
    }
  });

  it('never throws on stripped markup', () => {
    const { document, url } = loadFixture('linear', 'issue-long');
    for (const el of document.querySelectorAll('[aria-label], [href], [data-label]')) {
      el.removeAttribute('aria-label');
      el.removeAttribute('href');
      el.removeAttribute('data-label');
    }
    expect(() => ConversationSchema.parse(linear.extract(document, url))).not.toThrow();
    const bare = new DOMParser().parseFromString('<!doctype html><title>x</title>', 'text/html');
    expect(linear.extract(bare, url)).toBeNull();
  });

  it('is the adapter for every fixture address and finds the issue view', () => {
    for (const name of FIXTURES) expect(adapterFor(loadFixture('linear', name).url)).toBe(linear);
    const { document } = loadFixture('linear', 'issue-long');
    expect(linear.container?.(document)?.getAttribute('data-view-id')).toBe('issue-view');
  });

  it('is picked, and reads the conversation, at every address form it knows', () => {
    // A guard for narrower content-script matches (issue 18): none of these may be dropped.
    const { document } = loadFixture('linear', 'issue-2026');
    const expected = detect('issue-2026')?.threadKey;
    for (const address of [
      'https://linear.app/acme/issue/ENG-412/webhook-retries-lost-during-deploys',
      'https://linear.app/acme/issue/ENG-412',
    ]) {
      const url = new URL(address);
      expect(adapterFor(url)?.tool, address).toBe('linear');
      expect(detectConversation(document, url)?.threadKey, address).toBe(expected);
    }
  });
});

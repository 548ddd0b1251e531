// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapterFor, detectConversation } from '../../../lib/adapters/index';
import { gmail } from '../../../lib/adapters/gmail';
import { ConversationSchema } from '../../../lib/model';
import { loadFixture } from './load-fixture';

const SELF = { name: 'Sam Rivera', email: 'sam.rivera@acme.example' };

describe('gmail adapter', () => {
  it('reads a long thread: subject, thread id, senders, recipients and cc, without the user', () => {
    const { document, url } = loadFixture('gmail', 'thread-long');
    const found = gmail.extract(document, url);
    expect(found).toEqual({
      tool: 'gmail',
      kind: 'mail',
      threadKey: 'gmail:18c6a0f3e2b1d4c7',
      title: 'Re: Globex renewal – 2025 pricing and rollout',
      url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWZkHhHlqzRnKbKNdpnGtrXs',
      participants: [
        { name: 'Dana Kim', email: 'dana.kim@globex.example', role: 'sender' },
        { name: 'Priya Shah', email: 'priya.shah@acme.example', role: 'sender' },
        { name: 'Jordan Blake', email: 'jordan.blake88@gmail.com', role: 'sender' },
        { name: 'Marco Rossi', email: 'marco.rossi@globex.example', role: 'sender' },
        { name: 'Lee Park', email: 'lee.park@acme.example', role: 'cc' },
        // cc on one message, "to" on the next: the stronger role wins.
        { name: 'Alex Chen', email: 'alex.chen@initech.example', role: 'recipient' },
      ],
      self: SELF,
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
    const emails = found!.participants.map((p) => p.email);
    expect(emails).not.toContain(SELF.email);
    expect(new Set(emails).size).toBe(emails.length);
    // Hidden inbox rows and addresses in message bodies are not participants.
    expect(emails).not.toContain('taylor.nguyen@umbrella.example');
    expect(emails).not.toContain('billing@globex.example');
    expect(emails).not.toContain('casey.ortiz@globex.example');
  });

  it('reads an older thread by its hash id, with the account taken from the tab title', () => {
    const { document, url } = loadFixture('gmail', 'thread-legacy');
    const found = gmail.extract(document, url);
    expect(found).toEqual({
      tool: 'gmail',
      kind: 'mail',
      threadKey: 'gmail:18c7b2e94d0a6f13',
      title: 'Question about my invoice',
      url: 'https://mail.google.com/mail/u/1/#label/Customers/18c7b2e94d0a6f13',
      participants: [
        { name: 'Rosa Delgado', email: 'rosa.delgado@gmail.com', role: 'sender' },
        { name: 'Acme Support', email: 'support@acme.example', role: 'recipient' },
        { name: 'Kenji Watanabe', email: 'kenji.watanabe@acme.example', role: 'recipient' },
      ],
      self: { email: SELF.email },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('gives null for the inbox list and for hashes that name no thread', () => {
    const { document, url } = loadFixture('gmail', 'inbox');
    expect(gmail.extract(document, url)).toBeNull();
    for (const hash of [
      '#label/Customersenterprise',
      '#search/quarterlyrenewalnotes',
      '#settings/general',
      // A thread id in the hash, but the thread view has not rendered yet.
      '#inbox/FMfcgzQXJWZkHhHlqzRnKbKNdpnGtrXs',
    ]) {
      expect(
        gmail.extract(document, new URL(`https://mail.google.com/mail/u/0/${hash}`)),
      ).toBeNull();
    }
  });

  it('keys a thread opened from a search by its thread id and links it through #all', () => {
    const { document } = loadFixture('gmail', 'thread-long');
    const url = new URL(
      'https://mail.google.com/mail/u/0/#search/globex+pricing/FMfcgzQXJWZkHhHlqzRnKbKNdpnGtrXs',
    );
    const found = gmail.extract(document, url);
    expect(found?.threadKey).toBe('gmail:18c6a0f3e2b1d4c7');
    expect(found?.url).toBe(
      'https://mail.google.com/mail/u/0/#all/FMfcgzQXJWZkHhHlqzRnKbKNdpnGtrXs',
    );
  });

  it('falls back to the permanent thread id, then the hash id', () => {
    const { document, url } = loadFixture('gmail', 'thread-long');
    document.querySelector('h2.hP')!.removeAttribute('data-legacy-thread-id');
    expect(gmail.extract(document, url)?.threadKey).toBe('gmail:thread-f:1785313813209087036');
    document.querySelector('h2.hP')!.removeAttribute('data-thread-perm-id');
    expect(gmail.extract(document, url)?.threadKey).toBe('gmail:FMfcgzQXJWZkHhHlqzRnKbKNdpnGtrXs');
  });

  it('never throws on an empty or unrelated page', () => {
    const empty = new DOMParser().parseFromString('<!doctype html><p>hi', 'text/html');
    expect(
      gmail.extract(
        empty,
        new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWZkHhHlqzRnKbKNdpnGtrXs'),
      ),
    ).toBeNull();
    expect(gmail.container!(empty)).toBeNull();
  });

  it('observes only the thread view', () => {
    const { document } = loadFixture('gmail', 'thread-long');
    expect(gmail.container!(document)?.getAttribute('role')).toBe('main');
  });

  it('is the adapter the registry picks for Gmail pages', () => {
    for (const name of ['thread-long', 'thread-legacy', 'inbox']) {
      expect(adapterFor(loadFixture('gmail', name).url)).toBe(gmail);
    }
    const settings = new URL('https://mail.google.com/mail/u/0/#settings/general');
    expect(adapterFor(settings)).toBe(gmail);
    expect(gmail.extract(loadFixture('gmail', 'inbox').document, settings)).toBeNull();
  });
});

describe('gmail adapter, split pane (2025–26 markup)', () => {
  it('reads the thread previewed beside the list, keyed by its legacy id when the perm id reads "undefined"', () => {
    const { document, url } = loadFixture('gmail', 'thread-split-pane');
    const found = detectConversation(document, url);
    expect(found).toEqual({
      tool: 'gmail',
      kind: 'mail',
      threadKey: 'gmail:19a36435ce2f0ff3',
      title: 'Globex SSO cutover plan',
      url: 'https://mail.google.com/mail/u/0/#inbox/19a36435ce2f0ff3',
      participants: [
        { name: 'Dana Kim', email: 'dana.kim@globex.example', role: 'sender' },
        { name: 'Lee Park', email: 'lee.park@acme.example', role: 'sender' },
        { name: 'Ops On-call', email: 'ops-oncall@acme.example', role: 'recipient' },
      ],
      self: SELF,
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('lists nobody from the list beside it, the quoted text, or an open hovercard', () => {
    const { document, url } = loadFixture('gmail', 'thread-split-pane');
    const names = detectConversation(document, url)!.participants.map((p) => p.name);
    for (const other of [
      'Taylor Nguyen',
      'Morgan Yu',
      'Casey Ortiz',
      'Jordan Blake',
      'Priya Shah',
    ]) {
      expect(names).not.toContain(other);
    }
    expect(names).not.toContain('Sam Rivera');
  });

  it('gives null for the same list when no thread is previewed', () => {
    const { document, url } = loadFixture('gmail', 'thread-split-pane');
    document.querySelector('.a98.iY')?.remove();
    expect(detectConversation(document, url)).toBeNull();
  });

  it('hands Chat inside Gmail (#chat/…) to the Google Chat reader', () => {
    const { document, url } = loadFixture('google-chat', 'mail-hash');
    expect(adapterFor(url)).toBe(gmail);
    const found = detectConversation(document, url);
    expect(found?.tool).toBe('google-chat');
    expect(found?.threadKey).toBe('google-chat:space:AAAAq1Zr8xY');
  });
});

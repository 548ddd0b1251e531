// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { zendesk } from '../../../lib/adapters/zendesk';
import { adapterFor, detectConversation } from '../../../lib/adapters/index';
import { ConversationSchema } from '../../../lib/model';
import { extractFrom, loadFixture } from './load-fixture';

const FIXTURES = ['ticket-2026', 'ticket', 'tabs', 'legacy-ticket', 'dashboard'];

/** What the content script detects on a fixture page: the whole path (generations, generic reader). */
function detect(name: string) {
  const { document, url } = loadFixture('zendesk', name);
  return detectConversation(document, url);
}

const extractFixture = (name: string) => extractFrom(zendesk, name);

describe('zendesk adapter', () => {
  it('reads the current workspace: omnilog senders, end-user/agent types, the active pane only', () => {
    const found = detect('ticket-2026');
    expect(found).toEqual({
      tool: 'zendesk',
      kind: 'ticket',
      threadKey: 'zendesk:acme.zendesk.com:5127',
      title: 'Wrong VAT number on invoice INV-2231',
      url: 'https://acme.zendesk.com/agent/tickets/5127',
      participants: [
        {
          name: 'Ana Souza',
          email: 'ana.souza@globex.example',
          handle: 'zendesk:381266002',
          role: 'requester',
          signal: 'external',
        },
        { name: 'Priya Nair', handle: 'zendesk:37120045', role: 'author', signal: 'internal' },
        // A CC'd end user who wrote: `type="end-user"` makes him a customer.
        {
          name: 'Keith Ng',
          email: 'keith.ng@globex.example',
          handle: 'zendesk:381266031',
          role: 'author',
          signal: 'external',
        },
        { name: 'Lena Okafor', handle: 'zendesk:37120099', role: 'author', signal: 'internal' },
      ],
      self: { name: 'Sam Rivera' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('lists nobody from the views list, other tabs, the collision bar or quoted headers', () => {
    const names = detect('ticket-2026')?.participants.map((p) => p.name) ?? [];
    for (const around of ['Keiko Sato', 'Olu Adebayo', 'Tom Becker', 'Sam Rivera', 'Billing']) {
      expect(names).not.toContain(around);
    }
    expect(names).toHaveLength(4);
  });

  it('reads a long ticket: end-user requester, agents, CCs, internal-note authors', () => {
    const found = extractFixture('ticket');
    expect(found).toEqual({
      tool: 'zendesk',
      kind: 'ticket',
      threadKey: 'zendesk:acme.zendesk.com:4821',
      title: 'Refund not received for order #A-99812',
      url: 'https://acme.zendesk.com/agent/tickets/4821',
      participants: [
        {
          name: 'Mara Lindqvist',
          email: 'mara.lindqvist@globex.example',
          handle: 'zendesk:381204871',
          role: 'requester',
          signal: 'external',
        },
        // Assignee who also replied: dedupe keeps the stronger role, and the agent signal.
        { name: 'Priya Nair', handle: 'zendesk:37120045', role: 'author', signal: 'internal' },
        // CC'd customer who replied: the CC tag's email and the reply's user id merge.
        {
          name: 'Hiroshi Tanaka',
          email: 'hiroshi.tanaka@initech.example',
          handle: 'zendesk:381209999',
          role: 'author',
        },
        { name: 'ops-finance@acme.example', email: 'ops-finance@acme.example', role: 'cc' },
        { name: 'Lena Okafor', handle: 'zendesk:37120099', role: 'author', signal: 'internal' },
        { name: 'Tom Becker', handle: 'zendesk:37120150', role: 'author', signal: 'internal' },
      ],
      self: { name: 'Sam Rivera' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('leaves out the signed-in agent and collapses repeated people', () => {
    const names = extractFixture('ticket')?.participants.map((p) => p.name) ?? [];
    expect(names).not.toContain('Sam Rivera');
    expect(names.filter((n) => n === 'Mara Lindqvist')).toHaveLength(1);
    expect(names).toHaveLength(6);
  });

  it('reads only the active tab when several tickets are open', () => {
    const found = extractFixture('tabs');
    expect(found).toEqual({
      tool: 'zendesk',
      kind: 'ticket',
      threadKey: 'zendesk:acme.zendesk.com:4790',
      title: 'Where is my invoice?',
      url: 'https://acme.zendesk.com/agent/tickets/4790',
      participants: [
        {
          name: 'Olivia Park',
          email: 'olivia.park@gmail.com',
          handle: 'zendesk:381300412',
          role: 'requester',
          signal: 'external',
        },
      ],
      self: { name: 'Sam Rivera' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('gives null while the selected tab is another ticket than the address names', () => {
    const { document } = loadFixture('zendesk', 'tabs');
    expect(
      zendesk.extract(document, new URL('https://acme.zendesk.com/agent/tickets/4821')),
    ).toBeNull();
  });

  it('reads the older workspace markup; a group-only assignee is not a person', () => {
    const found = extractFixture('legacy-ticket');
    expect(found).toEqual({
      tool: 'zendesk',
      kind: 'ticket',
      threadKey: 'zendesk:acme.zendesk.com:3310',
      title: 'Password reset link expired',
      url: 'https://acme.zendesk.com/agent/tickets/3310',
      participants: [
        {
          name: 'Carlos Mendez',
          handle: 'zendesk:38100777',
          role: 'requester',
          signal: 'external',
        },
        { name: 'Lena Okafor', handle: 'zendesk:37120099', role: 'author', signal: 'internal' },
      ],
      self: { name: 'Sam Rivera' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('gives null on the dashboard', () => {
    expect(extractFixture('dashboard')).toBeNull();
  });

  it('never throws on an empty page', () => {
    const empty = new DOMParser().parseFromString('<!doctype html><p>', 'text/html');
    expect(zendesk.extract(empty, new URL('https://acme.zendesk.com/agent/tickets/1'))).toBeNull();
  });

  it('is picked for every fixture address; other Zendesk pages give an adapter but no conversation', () => {
    for (const name of FIXTURES) {
      expect(adapterFor(loadFixture('zendesk', name).url)?.tool).toBe('zendesk');
    }
    const other = new URL('https://acme.zendesk.com/agent/dashboard');
    expect(adapterFor(other)).toBe(zendesk);
    expect(zendesk.extract(loadFixture('zendesk', 'ticket').document, other)).toBeNull();
  });

  it('points the observer at the active pane', () => {
    const pane = zendesk.container?.(loadFixture('zendesk', 'tabs').document);
    expect(pane?.getAttribute('data-ticket-id')).toBe('4790');
  });

  it('is picked, and reads the conversation, at every address form it knows', () => {
    // A guard for narrower content-script matches (issue 18): none of these may be dropped.
    const { document } = loadFixture('zendesk', 'ticket-2026');
    const expected = detect('ticket-2026')?.threadKey;
    for (const address of ['https://acme.zendesk.com/agent/tickets/5127']) {
      const url = new URL(address);
      expect(adapterFor(url)?.tool, address).toBe('zendesk');
      expect(detectConversation(document, url)?.threadKey, address).toBe(expected);
    }
  });
});

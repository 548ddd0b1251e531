// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { freshdesk } from '../../../lib/adapters/freshdesk';
import { adapterFor, detectConversation } from '../../../lib/adapters/index';
import { ConversationSchema } from '../../../lib/model';
import { extractFrom, loadFixture } from './load-fixture';

const FIXTURES = ['ticket-2026', 'ticket', 'legacy-ticket', 'ticket-list'];

/** What the content script detects on a fixture page: the whole path (generations, generic reader). */
function detect(name: string) {
  const { document, url } = loadFixture('freshdesk', name);
  return detectConversation(document, url);
}

const extractFixture = (name: string) => extractFrom(freshdesk, name);

describe('freshdesk adapter', () => {
  it('reads the current ticket view: description author, replies, notes, recipient lists', () => {
    const found = detect('ticket-2026');
    expect(found).toEqual({
      tool: 'freshdesk',
      kind: 'ticket',
      threadKey: 'freshdesk:acme.freshdesk.com:2231',
      title: 'VAT number missing on invoice INV-20931',
      url: 'https://acme.freshdesk.com/a/tickets/2231',
      participants: [
        // Wrote the description; an agent's To: line lends her address.
        {
          name: 'Ingrid Holm',
          email: 'ingrid.holm@globex.example',
          role: 'requester',
          signal: 'external',
        },
        { name: 'raj.patel@gmail.com', email: 'raj.patel@gmail.com', role: 'cc' },
        { name: 'Tanaka, Hiroshi', email: 'hiroshi.tanaka@initech.example', role: 'cc' },
        { name: 'Lena Okafor', role: 'author', signal: 'internal' },
        // Notified on a private note, then replied as an agent.
        {
          name: 'Priya Nair',
          email: 'priya.nair@acme.example',
          role: 'author',
          signal: 'internal',
        },
      ],
      self: { name: 'Sam Rivera', email: 'sam.rivera@acme.example' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('lists nobody from the ticket list, the collision bar, the contact card or quoted headers', () => {
    const names = detect('ticket-2026')?.participants.map((p) => p.name) ?? [];
    for (const around of ['Keiko Sato', 'Olu Adebayo', 'Marcus Chen', 'Tom Becker', 'Sam Rivera']) {
      expect(names).not.toContain(around);
    }
    expect(names).toHaveLength(5);
  });

  it('reads a long ticket: requester contact, agent, CCs, private-note authors', () => {
    const found = extractFixture('ticket');
    expect(found).toEqual({
      tool: 'freshdesk',
      kind: 'ticket',
      threadKey: 'freshdesk:acme.freshdesk.com:1187',
      title: 'Invoice shows wrong VAT number',
      url: 'https://acme.freshdesk.com/a/tickets/1187',
      participants: [
        {
          name: 'Ingrid Holm',
          email: 'ingrid.holm@globex.example',
          handle: 'freshdesk:43000112233',
          role: 'requester',
          signal: 'external',
        },
        // The agent who also replied: dedupe keeps the stronger role and the agent signal.
        { name: 'Priya Nair', role: 'author', signal: 'internal' },
        { name: 'Hiroshi Tanaka', email: 'hiroshi.tanaka@initech.example', role: 'cc' },
        { name: 'raj.patel@gmail.com', email: 'raj.patel@gmail.com', role: 'cc' },
        { name: 'Lena Okafor', role: 'author', signal: 'internal' },
        { name: 'Tom Becker', role: 'author', signal: 'internal' },
      ],
      self: { name: 'Sam Rivera', email: 'sam.rivera@acme.example' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('leaves out the signed-in agent and collapses repeated people', () => {
    const people = extractFixture('ticket')?.participants ?? [];
    expect(people.map((p) => p.email)).not.toContain('sam.rivera@acme.example');
    expect(people.map((p) => p.name)).not.toContain('Sam Rivera');
    expect(people.filter((p) => p.name === 'Ingrid Holm')).toHaveLength(1);
    expect(people).toHaveLength(6);
  });

  it('reads the classic helpdesk markup by its fallback selectors; an empty Agent is nobody', () => {
    const found = extractFixture('legacy-ticket');
    expect(found).toEqual({
      tool: 'freshdesk',
      kind: 'ticket',
      threadKey: 'freshdesk:acme.freshdesk.com:1042',
      title: 'Cannot export report to CSV',
      url: 'https://acme.freshdesk.com/a/tickets/1042',
      participants: [
        {
          name: 'Carlos Mendez',
          email: 'carlos.mendez@initech.example',
          handle: 'freshdesk:5512',
          role: 'requester',
          signal: 'external',
        },
        { name: 'Lena Okafor', role: 'author', signal: 'internal' },
      ],
      self: { name: 'Sam Rivera', email: 'sam.rivera@acme.example' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('gives null on the ticket list', () => {
    expect(extractFixture('ticket-list')).toBeNull();
  });

  it('gives null while the page still shows another ticket than the address names', () => {
    const { document } = loadFixture('freshdesk', 'ticket');
    expect(
      freshdesk.extract(document, new URL('https://acme.freshdesk.com/a/tickets/1188')),
    ).toBeNull();
  });

  it('never throws on an empty page', () => {
    const empty = new DOMParser().parseFromString('<!doctype html><p>', 'text/html');
    expect(freshdesk.extract(empty, new URL('https://acme.freshdesk.com/a/tickets/1'))).toBeNull();
  });

  it('is picked for every fixture address; other Freshdesk pages give an adapter but no conversation', () => {
    for (const name of FIXTURES) {
      expect(adapterFor(loadFixture('freshdesk', name).url)?.tool).toBe('freshdesk');
    }
    const other = new URL('https://acme.freshdesk.com/a/admin');
    expect(adapterFor(other)).toBe(freshdesk);
    expect(freshdesk.extract(loadFixture('freshdesk', 'ticket').document, other)).toBeNull();
  });

  it('points the observer at the ticket details page', () => {
    const { document } = loadFixture('freshdesk', 'ticket');
    expect(freshdesk.container?.(document)?.getAttribute('data-test-id')).toBe(
      'ticket-details-page',
    );
  });

  it('is picked, and reads the conversation, at every address form it knows', () => {
    // A guard for narrower content-script matches (issue 18): none of these may be dropped.
    const { document } = loadFixture('freshdesk', 'ticket-2026');
    const expected = detect('ticket-2026')?.threadKey;
    for (const address of [
      'https://acme.freshdesk.com/a/tickets/2231',
      'https://acme.freshdesk.com/helpdesk/tickets/2231',
    ]) {
      const url = new URL(address);
      expect(adapterFor(url)?.tool, address).toBe('freshdesk');
      expect(detectConversation(document, url)?.threadKey, address).toBe(expected);
    }
  });
});

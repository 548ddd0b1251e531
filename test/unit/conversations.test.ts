import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autoLogVerdict } from '@/lib/auto-log';
import { newId, type Conversation } from '@/lib/model';
import { openStore, type Store } from '@/lib/store';

let store: Store;
beforeEach(async () => {
  store = await openStore(`conversations-${newId()}`);
});
afterEach(() => store.close());

const conversation: Conversation = {
  tool: 'zendesk',
  kind: 'ticket',
  threadKey: 'zendesk:acme:4821',
  title: 'Invoice export fails',
  url: 'https://acme.zendesk.com/agent/tickets/4821',
  participants: [
    { name: 'Pat Lee', email: 'pat@globex.example', role: 'requester', signal: 'external' },
    { name: 'Amy Chen', email: 'amy@acme.example', role: 'assignee', signal: 'internal' },
    { name: 'Amy C.', handle: 'zendesk:991', role: 'cc' },
  ],
};
const settings = { orgDomains: ['acme.example'], timeZone: 'UTC' };

describe('a detected conversation in the log', () => {
  it('is logged by itself only with someone in it: a title and nobody is never logged empty', () => {
    const yes = { 'zendesk:acme.zendesk.com': true };
    expect(autoLogVerdict(conversation, 'acme.zendesk.com', yes)).toBe('log');
    expect(autoLogVerdict({ ...conversation, participants: [] }, 'acme.zendesk.com', yes)).toBe(
      'nobody',
    );
    expect(autoLogVerdict(null, 'acme.zendesk.com', yes)).toBe('nobody');
  });
  it('becomes people with the relationship the rules give, once each', async () => {
    const resolved = await store.resolveParticipants(conversation, settings);
    expect(resolved.map((r) => [r.person.name, r.person.relationship])).toEqual([
      ['Pat Lee', 'external'],
      ['Amy Chen', 'internal'],
      ['Amy C.', 'unknown'],
    ]);
  });
  it('logs one interaction per person for the thread and day, however often it is seen', async () => {
    const now = Date.UTC(2026, 10, 18, 10);
    const people = (await store.resolveParticipants(conversation, settings)).map((r) => r.person);
    await store.logConversation(conversation, people, settings, 'detected', now);
    await store.logConversation(conversation, people, settings, 'detected', now + 3_600_000);
    const logged = await store.interactionsBetween(now - 1, now + 86_400_000);
    expect(logged).toHaveLength(3);
    expect(logged.every((i) => i.threadKey === 'zendesk:acme:4821' && i.kind === 'ticket')).toBe(
      true,
    );
    const summary = await store.weekSummary(
      { ...settings, weekStartsOn: 1, band: { min: 0.3, max: 0.7 }, weeklyThankGoal: 3 },
      now,
    );
    expect([summary.internal, summary.external, summary.unknown]).toEqual([1, 1, 1]);
  });
});

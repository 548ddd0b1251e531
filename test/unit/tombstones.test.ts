import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastChanged } from '@/lib/merge';
import { DEFAULT_SETTINGS, newId, type Conversation, type Person } from '@/lib/model';
import { openStore, type Store } from '@/lib/store';
import { DB_VERSION, MIGRATIONS } from '@/lib/store/schema';

const settings = { ...DEFAULT_SETTINGS, timeZone: 'Europe/Berlin' };
const NOW = Date.UTC(2026, 10, 18, 9);
const HOUR = 3_600_000;
let store: Store;
let amy: Person;

const conversation: Conversation = {
  tool: 'zendesk',
  kind: 'ticket',
  threadKey: 'zendesk:acme:42',
  title: 'Printer on fire',
  url: 'https://acme.zendesk.com/agent/tickets/42',
  participants: [{ name: 'Amy Chen', email: 'amy@customer.example', role: 'requester' }],
};

beforeEach(async () => {
  store = await openStore(`tombstones-${newId()}`);
  amy = await store.createPerson({
    name: 'Amy Chen',
    emails: ['amy@customer.example'],
    handles: [],
    relationship: 'external',
    relationshipSource: 'rule',
  });
});
afterEach(() => store.close());

describe('a deleted auto-logged interaction', () => {
  it('is not logged again by detection on the next visit the same day', async () => {
    const [first] = await store.logConversation(conversation, [amy], settings, 'detected', NOW);
    await store.deleteInteraction(first!.id, NOW + HOUR);
    const again = await store.logConversation(
      conversation,
      [amy],
      settings,
      'detected',
      NOW + 2 * HOUR,
    );
    expect(again).toEqual([]);
    expect(await store.interactionsWith(amy.id)).toEqual([]);
  });

  it('is logged on another day, and by hand the same day (which forgets the deletion)', async () => {
    const [first] = await store.logConversation(conversation, [amy], settings, 'detected', NOW);
    await store.deleteInteraction(first!.id, NOW + HOUR);
    const byHand = await store.logConversation(
      conversation,
      [amy],
      settings,
      'manual',
      NOW + 2 * HOUR,
    );
    expect(byHand).toHaveLength(1);
    await store.deleteInteraction(byHand[0]!.id, NOW + 3 * HOUR);
    const tomorrow = await store.logConversation(
      conversation,
      [amy],
      settings,
      'detected',
      NOW + 24 * HOUR,
    );
    expect(tomorrow).toHaveLength(1);
    expect(tomorrow[0]!.day).toBe('2026-11-19');
  });

  it('comes back on undo, after which detection finds it logged', async () => {
    const [first] = await store.logConversation(conversation, [amy], settings, 'detected', NOW);
    const deleted = await store.deleteInteraction(first!.id, NOW + HOUR);
    const restored = await store.restoreInteraction(deleted!);
    expect(restored).toEqual(first);
    expect(await store.interactionsWith(amy.id)).toEqual([first]);
    const again = await store.logConversation(
      conversation,
      [amy],
      settings,
      'detected',
      NOW + 2 * HOUR,
    );
    expect(again.map((i) => i.id)).toEqual([first!.id]);
  });

  it('undo succeeds when the same thread, person and day was logged again meanwhile', async () => {
    const [first] = await store.logConversation(conversation, [amy], settings, 'detected', NOW);
    const deleted = await store.deleteInteraction(first!.id, NOW + HOUR);
    const [byHand] = await store.logConversation(
      conversation,
      [amy],
      settings,
      'manual',
      NOW + 2 * HOUR,
    );
    await expect(store.restoreInteraction(deleted!)).resolves.toEqual(byHand);
    expect((await store.interactionsWith(amy.id)).map((i) => i.id)).toEqual([byHand!.id]);
  });

  it('leaves no tombstone for an interaction on no thread', async () => {
    const { interaction } = await store.logInteraction(
      { personId: amy.id, kind: 'call', source: 'manual', at: NOW },
      settings,
      NOW,
    );
    await store.deleteInteraction(interaction!.id, NOW + HOUR);
    expect(await store.db.count('tombstones')).toBe(0);
  });
});

describe('the tombstone migration', () => {
  it('upgrades a version 2 log: interactions kept, dated by when they happened, deletable', async () => {
    const name = `v2-${newId()}`;
    const v2 = await openDB(name, 2, {
      upgrade: (db, old, _n, tx) => {
        for (let v = old; v < 2; v++) MIGRATIONS[v]!(db as never, tx as never);
      },
    });
    const personId = newId();
    await v2.put('people', { ...amy, id: personId });
    const id = newId(NOW);
    const old = {
      id,
      at: NOW,
      day: '2026-11-18',
      personId,
      relationship: 'external',
      relationshipPinned: false,
      kind: 'ticket',
      tool: 'zendesk',
      threadKey: conversation.threadKey,
      source: 'detected',
      dedupeKey: `${conversation.threadKey}|${personId}|2026-11-18`,
    };
    await v2.put('interactions', old);
    v2.close();
    const upgraded = await openStore(name);
    expect(upgraded.db.version).toBe(DB_VERSION);
    const [kept] = await upgraded.interactionsWith(personId);
    expect(kept).toEqual(old);
    expect(lastChanged(kept!)).toBe(NOW);
    await upgraded.deleteInteraction(id, NOW + HOUR);
    const person = (await upgraded.getPerson(personId))!;
    expect(
      await upgraded.logConversation(conversation, [person], settings, 'detected', NOW + 2 * HOUR),
    ).toEqual([]);
    upgraded.close();
  });
});

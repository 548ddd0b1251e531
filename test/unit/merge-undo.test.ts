import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError, newId } from '@/lib/model';
import { NotFoundError, openStore, type Store } from '@/lib/store';

const settings = { timeZone: 'UTC' };
const NOW = Date.UTC(2026, 10, 18, 12);
const LATER = NOW + 60_000;

let store: Store;
let announced: number;
beforeEach(async () => {
  announced = 0;
  store = await openStore(`merge-undo-${newId()}`, () => announced++);
});
afterEach(() => store.close());

/** Every record of every store, in key order: what "exactly as before" compares. */
async function everything() {
  const db = store.db;
  return {
    people: await db.getAll('people'),
    interactions: await db.getAll('interactions'),
    appreciations: await db.getAll('appreciations'),
    checkIns: await db.getAll('checkIns'),
    tombstones: await db.getAll('tombstones'),
  };
}

/** Two records of one person: Amy by email, and Amy as Slack saw her, with a history each. */
async function twoAmys() {
  const keep = await store.createPerson(
    {
      name: 'Amy Chen',
      emails: ['amy@acme.example'],
      handles: [],
      relationship: 'internal',
      relationshipSource: 'rule',
      notes: 'likes tea',
    },
    NOW - 10_000,
  );
  const drop = await store.createPerson(
    {
      name: 'Amy (Slack)',
      emails: [],
      handles: ['slack:U01'],
      relationship: 'external',
      relationshipSource: 'manual',
      circle: 'other-department',
    },
    NOW - 9_000,
  );
  const thread = { kind: 'chat', threadKey: 'slack:T:C', source: 'detected' } as const;
  await store.logInteraction({ ...thread, personId: keep.id, at: NOW - 5_000 }, settings);
  // The same thread on the same day: after the merge the kept person holds it twice.
  await store.logInteraction({ ...thread, personId: drop.id, at: NOW - 4_000 }, settings);
  await store.logInteraction(
    { personId: drop.id, at: NOW - 3_000, kind: 'meeting', source: 'manual', note: 'badge' },
    settings,
  );
  await store.deliverAppreciation(
    { personId: drop.id, message: 'Thanks!', channel: 'copied' },
    NOW - 2_000,
  );
  await store.addCheckIn({ personId: drop.id, commitment: 'Send lists' }, NOW - 1_000);
  return { keep, drop };
}

describe('merging people, then undoing it', () => {
  it('puts both people and every record back exactly as they were', async () => {
    const { keep, drop } = await twoAmys();
    const before = await everything();
    announced = 0;

    const { person, undo } = await store.mergePeople(keep.id, drop.id, NOW);
    expect(announced).toBe(1);
    expect(person.handles).toEqual(['slack:U01']);
    const merged = await everything();
    expect(merged.people.map((p) => p.id)).toEqual([keep.id]);
    expect(merged.interactions.every((i) => i.personId === keep.id)).toBe(true);
    expect(merged.appreciations[0]?.personId).toBe(keep.id);
    expect(merged.checkIns[0]?.personId).toBe(keep.id);

    const back = await store.undoMerge(undo);
    expect(back).toEqual(keep);
    expect(announced).toBe(2);
    expect(await everything()).toEqual(before);
    // The indexes follow the records: each Amy is found by her own identity again.
    expect((await store.findPersonByHandle('slack:U01'))?.id).toBe(drop.id);
    expect((await store.findPersonByEmail('amy@acme.example'))?.id).toBe(keep.id);
    expect(await store.interactionsWith(drop.id)).toHaveLength(2);
  });

  it('keeps what changed since the merge: a re-tag stays, a deletion stays deleted', async () => {
    const { keep, drop } = await twoAmys();
    const { undo } = await store.mergePeople(keep.id, drop.id, NOW);
    const [fromSlack, meeting] = undo.interactions;
    await store.retagInteraction(meeting!.id, 'internal', LATER);
    await store.deleteInteraction(fromSlack!.id, LATER);
    // Logged with the merged person after the merge: it stays theirs.
    const since = await store.logInteraction(
      { personId: keep.id, kind: 'call', source: 'manual', at: LATER },
      settings,
      LATER,
    );

    await store.undoMerge(undo);
    const dropped = await store.interactionsWith(drop.id);
    expect(dropped.map((i) => [i.id, i.relationship])).toEqual([[meeting!.id, 'internal']]);
    expect(dropped[0]?.dedupeKey).toBe(meeting!.dedupeKey);
    const kept = await store.interactionsWith(keep.id);
    expect(kept.map((i) => i.id)).toContain(since.interaction!.id);
  });

  it('is refused, writing nothing, once the merged person changed', async () => {
    const { keep, drop } = await twoAmys();
    const { undo } = await store.mergePeople(keep.id, drop.id, NOW);
    await store.patchPerson(keep.id, { role: 'Facilities lead' }, LATER);
    const edited = await everything();
    announced = 0;
    await expect(store.undoMerge(undo)).rejects.toBeInstanceOf(ValidationError);
    expect(await everything()).toEqual(edited);
    expect(announced).toBe(0);
  });

  it('is refused the second time', async () => {
    const { keep, drop } = await twoAmys();
    const { undo } = await store.mergePeople(keep.id, drop.id, NOW);
    await store.undoMerge(undo);
    const restored = await everything();
    await expect(store.undoMerge(undo)).rejects.toBeInstanceOf(ValidationError);
    expect(await everything()).toEqual(restored);
  });

  it('refuses an invalid undo and one for a person no longer there', async () => {
    const { keep, drop } = await twoAmys();
    const { undo } = await store.mergePeople(keep.id, drop.id, NOW);
    const merged = await everything();
    await expect(
      store.undoMerge({ ...undo, drop: { ...undo.drop, name: '' } }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      store.undoMerge({ ...undo, keep: { ...undo.keep, id: newId() } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await everything()).toEqual(merged);
  });
});

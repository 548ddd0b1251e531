/**
 * Merging two person records into one, inside a command's transaction, and undoing it: the
 * merge keeps what it changed (MergeUndo), so the undo puts both people and everything that
 * was theirs back as it was.
 */
import { z } from 'zod';
import {
  AppreciationSchema,
  CheckInSchema,
  InteractionSchema,
  PersonSchema,
  ValidationError,
  parseOrThrow,
  type Person,
} from '../model';
import { dedupeKeyOf } from '../merge';
import { mergePersonRecords } from '../people';
import { NotFoundError, abandon, type WriteTx } from './tx';

/** Both people and the dropped person's records as they were before the merge, and when it was. */
export const MergeUndoSchema = z.strictObject({
  mergedAt: z.number().int().nonnegative(),
  keep: PersonSchema,
  drop: PersonSchema,
  interactions: z.array(InteractionSchema),
  appreciations: z.array(AppreciationSchema),
  checkIns: z.array(CheckInSchema),
});
export type MergeUndo = z.infer<typeof MergeUndoSchema>;

export interface PersonMerge {
  /** The kept person, with the dropped one's identities. */
  person: Person;
  /** What Store.undoMerge takes to put it all back. */
  undo: MergeUndo;
}

/**
 * Merges `dropId` into `keepId`: every interaction, thank-you and check-in moves to the kept
 * person, and the dropped record is removed.
 */
export async function mergeIn(
  tx: WriteTx,
  keepId: string,
  dropId: string,
  now: number,
): Promise<PersonMerge> {
  if (keepId === dropId)
    return abandon(tx, new ValidationError('merge', ['cannot merge a person into themself']));
  const people = tx.objectStore('people');
  const [keep, drop] = await Promise.all([people.get(keepId), people.get(dropId)]);
  if (!keep || !drop) return abandon(tx, new NotFoundError('person', keep ? dropId : keepId));
  const merged = parseOrThrow(PersonSchema, mergePersonRecords(keep, drop, now), 'person');
  const undo: MergeUndo = {
    mergedAt: now,
    keep,
    drop,
    interactions: [],
    appreciations: [],
    checkIns: [],
  };
  const interactions = tx.objectStore('interactions');
  let cursor = await interactions.index('personId').openCursor(dropId);
  while (cursor) {
    undo.interactions.push(cursor.value);
    const moved = { ...cursor.value, personId: keepId, updatedAt: now };
    if (moved.threadKey) moved.dedupeKey = dedupeKeyOf(moved.threadKey, keepId, moved.day);
    // The kept person already has this thread on this day: keep both, unique by id.
    if (moved.threadKey && (await interactions.index('dedupeKey').getKey(moved.dedupeKey))) {
      moved.dedupeKey = `${moved.dedupeKey}|${moved.id}`;
    }
    await cursor.update(moved);
    cursor = await cursor.continue();
  }
  let thanks = await tx.objectStore('appreciations').index('personId').openCursor(dropId);
  while (thanks) {
    undo.appreciations.push(thanks.value);
    await thanks.update({ ...thanks.value, personId: keepId });
    thanks = await thanks.continue();
  }
  let checkIns = await tx.objectStore('checkIns').index('personId').openCursor(dropId);
  while (checkIns) {
    undo.checkIns.push(checkIns.value);
    await checkIns.update({ ...checkIns.value, personId: keepId, updatedAt: now });
    checkIns = await checkIns.continue();
  }
  await people.put(merged);
  await people.delete(dropId);
  return { person: merged, undo };
}

/**
 * Undoes a merge: both people as they were, and the dropped person's records theirs again,
 * exactly as before when nothing touched them since (their `updatedAt` is still the merge's). A record changed since keeps the change
 * (it only goes back to its person); one deleted since stays deleted. Refused, writing nothing,
 * when the merged person changed since (putting the two back would lose that change) or the
 * merge was undone already.
 */
export async function unmergeIn(tx: WriteTx, undo: MergeUndo): Promise<Person> {
  const people = tx.objectStore('people');
  const [current, dropNow] = await Promise.all([
    people.get(undo.keep.id),
    people.get(undo.drop.id),
  ]);
  if (!current) return abandon(tx, new NotFoundError('person', undo.keep.id));
  if (dropNow || current.updatedAt !== undo.mergedAt)
    return abandon(
      tx,
      new ValidationError('undo merge', [`${current.name} changed since the merge`]),
    );
  await people.put(undo.keep);
  await people.put(undo.drop);
  const interactions = tx.objectStore('interactions');
  for (const before of undo.interactions) {
    const now = await interactions.get(before.id);
    if (!now) continue;
    await interactions.put(
      now.updatedAt === undo.mergedAt
        ? before
        : { ...now, personId: before.personId, dedupeKey: before.dedupeKey },
    );
  }
  const appreciations = tx.objectStore('appreciations');
  for (const before of undo.appreciations) {
    const now = await appreciations.get(before.id);
    // A merge changes only the person of a thank-you; a later delivery may have added channels.
    if (now) await appreciations.put({ ...now, personId: before.personId });
  }
  const checkIns = tx.objectStore('checkIns');
  for (const before of undo.checkIns) {
    const now = await checkIns.get(before.id);
    if (!now) continue;
    await checkIns.put(
      now.updatedAt === undo.mergedAt ? before : { ...now, personId: before.personId },
    );
  }
  return undo.keep;
}

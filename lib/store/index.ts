/**
 * The private log: one IndexedDB database through idb, written only by the commands below. Each
 * command validates its input, commits one transaction and then announces the change to every
 * open view; an invalid input writes nothing. Reads live in StoreReader (./reader.ts), which the
 * popup uses alone.
 */
import {
  AppreciationSchema,
  CheckInSchema,
  InteractionSchema,
  ValidationError,
  newId,
  parseOrThrow,
  type Appreciation,
  type CheckIn,
  type Conversation,
  type Interaction,
  type Person,
  type Relationship,
  type Settings,
} from '../model';
import { AmbiguousNameError, chooseManualPerson, manualRelationship } from '../manual-entry';
import { announceStoreChange } from './changes';
import {
  RECORD_STORES,
  importIn,
  olderThanIn,
  wipeIn,
  type ImportResult,
  type LogRecords,
} from './data';
import {
  addForPerson,
  deliverIn,
  conversationInteraction,
  deleteInteractionIn,
  draftInteraction,
  logIn,
  restoreInteractionIn,
  updateIn,
  type NewAppreciation,
  type NewCheckIn,
  type NewInteraction,
  type LogResult,
  type ManualEntryInput,
} from './log';
import { newPerson } from './people';
import { DB_NAME } from './schema';
import { openDatabase } from './reader';
import { PeopleCommands } from './people-commands';
import { abandon, writeTx } from './tx';
import { totalRemoved, type RetentionCount } from '../retention';

export { DB_NAME } from './schema';
export { channelsOf } from '../model';
export { type LogEntry, type PersonActivity, type StoreSettings } from './reader';
export { NotFoundError } from './tx';
export type { ResolvedParticipant } from './people-commands';
export type { MergeUndo } from './merge-people';
// The shapes the log's commands take and give.
export type * from './log';
export type { ImportResult, LogRecords } from './data';

export async function openStore(
  name: string = DB_NAME,
  announce: () => void = announceStoreChange,
): Promise<Store> {
  return new Store(await openDatabase(name), announce);
}

/** The log, read and written: the people commands, and the log's own. */
export class Store extends PeopleCommands {
  // ---- interactions ----

  /**
   * Logs an interaction. Logging the same thread with the same person on the same local day
   * again keeps the first one: `created` says which happened.
   */
  async logInteraction(
    input: NewInteraction,
    settings: Pick<Settings, 'timeZone'>,
    now: number = Date.now(),
  ): Promise<LogResult> {
    const draft = draftInteraction(input, settings, now);
    return this.command(
      ['people', 'interactions', 'tombstones'],
      (tx) => logIn(tx, draft),
      (r) => r.created,
    );
  }

  /**
   * Logs a conversation with the given people, one interaction each (idempotent per day), and
   * returns what the log holds for them now: detection skips anyone whose interaction here the
   * user deleted today.
   */
  async logConversation(
    conversation: Conversation,
    people: readonly Pick<Person, 'id'>[],
    settings: Pick<Settings, 'timeZone'>,
    source: Interaction['source'] = 'detected',
    now: number = Date.now(),
  ): Promise<Interaction[]> {
    const drafts = people.map((person) =>
      draftInteraction(conversationInteraction(conversation, person, source, now), settings, now),
    );
    const results = await this.command(
      ['people', 'interactions', 'tombstones'],
      async (tx) => {
        const results = [];
        for (const draft of drafts) results.push(await logIn(tx, draft));
        return results;
      },
      (results) => results.some((r) => r.created),
    );
    return results.flatMap((r) => (r.interaction ? [r.interaction] : []));
  }

  /**
   * Logs something by hand with someone: the person picked, or of that email, or the one person
   * of that name, or a new one. A name several people share is asked back (AmbiguousNameError,
   * nothing written). An existing person keeps their relationship and their past; a different
   * choice applies to this entry alone.
   */
  async logManualEntry(
    entry: ManualEntryInput,
    settings: Pick<Settings, 'timeZone'>,
    now: number = Date.now(),
  ): Promise<Person> {
    const email = entry.email?.trim();
    const created = newPerson(
      {
        name: entry.name,
        emails: email ? [email] : [],
        handles: [],
        relationship: entry.relationship ?? 'unknown',
        relationshipSource: entry.relationship ? 'manual' : 'rule',
      },
      now,
    );
    // Validated before the transaction opens; the person is only known inside it.
    draftInteraction({ ...entry.interaction, personId: created.id }, settings, now);
    return this.command(['people', 'interactions', 'tombstones'], async (tx) => {
      const people = tx.objectStore('people');
      const choice = chooseManualPerson(await people.getAll(), { ...entry, email });
      if (choice.kind === 'ambiguous')
        return abandon(tx, new AmbiguousNameError(choice.candidates));
      const found = choice.kind === 'found' ? choice.person : undefined;
      if (!found) await people.add(created);
      const person = found ?? created;
      const relationship = manualRelationship(found, entry.relationship);
      const input = { ...entry.interaction, personId: person.id, relationship };
      await logIn(tx, draftInteraction(input, settings, now));
      return person;
    });
  }

  /** Re-tags one interaction on its own; correcting the person later leaves it alone. */
  async retagInteraction(
    id: string,
    relationship: Relationship,
    now: number = Date.now(),
  ): Promise<Interaction> {
    return this.updateInteraction(id, { relationship, relationshipPinned: true }, now);
  }

  async updateInteraction(
    id: string,
    changes: Partial<Omit<Interaction, 'id' | 'dedupeKey' | 'updatedAt'>>,
    now: number = Date.now(),
  ): Promise<Interaction> {
    const change = { ...changes, updatedAt: now };
    return this.command(['interactions'], (tx) =>
      updateIn<Interaction>(tx, 'interactions', 'interaction', id, change, (merged) => {
        const result = InteractionSchema.safeParse(merged);
        if (result.success) return result.data;
        throw new ValidationError(
          'interaction',
          result.error.issues.map((i) => i.message),
        );
      }),
    );
  }

  /** Deletes an interaction; its tombstone keeps detection from logging it again today. */
  async deleteInteraction(id: string, now: number = Date.now()): Promise<Interaction | undefined> {
    return this.command(
      ['interactions', 'tombstones'],
      (tx) => deleteInteractionIn(tx, id, now),
      (found) => found !== undefined,
    );
  }

  /** Undoes a delete: the interaction the log holds for that thread, person and day after it. */
  async restoreInteraction(interaction: Interaction): Promise<Interaction> {
    const valid = parseOrThrow(InteractionSchema, interaction, 'interaction');
    return this.command(['interactions', 'tombstones'], (tx) => restoreInteractionIn(tx, valid));
  }

  // ---- appreciations and check-ins ----

  async addAppreciation(input: NewAppreciation, now: number = Date.now()): Promise<Appreciation> {
    const appreciation = parseOrThrow(
      AppreciationSchema,
      { ...input, id: newId(now), at: input.at ?? now },
      'thank-you',
    );
    return this.command(['people', 'appreciations'], (tx) =>
      addForPerson(tx, 'appreciations', appreciation),
    );
  }

  async deleteAppreciation(id: string): Promise<Appreciation | undefined> {
    return this.command(
      ['appreciations'],
      async (tx) => {
        const found = await tx.objectStore('appreciations').get(id);
        if (found) await tx.objectStore('appreciations').delete(id);
        return found;
      },
      (found) => found !== undefined,
    );
  }

  async restoreAppreciation(appreciation: Appreciation): Promise<void> {
    const valid = parseOrThrow(AppreciationSchema, appreciation, 'thank-you');
    await this.command(['appreciations'], (tx) => tx.objectStore('appreciations').put(valid));
  }

  /**
   * Records one more delivery of a thank-you. Given the id of the one the user is delivering
   * again (copied, then emailed), it updates that record's message and adds the channel to its
   * channels; otherwise it adds a new thank-you. Either way one thank-you stays one record.
   */
  async deliverAppreciation(
    input: NewAppreciation & { id?: string },
    now: number = Date.now(),
  ): Promise<Appreciation> {
    return this.command(['people', 'appreciations'], (tx) => deliverIn(tx, input, now));
  }

  async addCheckIn(input: NewCheckIn, now: number = Date.now()): Promise<CheckIn> {
    const checkIn = parseOrThrow(
      CheckInSchema,
      { ...input, id: newId(now), askedAt: input.askedAt ?? now, updatedAt: now },
      'check-in',
    );
    return this.command(['people', 'checkIns'], (tx) => addForPerson(tx, 'checkIns', checkIn));
  }

  async updateCheckIn(
    id: string,
    changes: Partial<Omit<CheckIn, 'id' | 'updatedAt'>>,
    now: number = Date.now(),
  ): Promise<CheckIn> {
    const change = { ...changes, updatedAt: now };
    return this.command(['checkIns'], (tx) =>
      updateIn<CheckIn>(tx, 'checkIns', 'check-in', id, change, (merged) =>
        parseOrThrow(CheckInSchema, merged, 'check-in'),
      ),
    );
  }

  // ---- the whole log ----

  /** Merges a validated export file into the log, all or nothing. */
  async importRecords(
    file: LogRecords,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ImportResult> {
    return this.command([...RECORD_STORES, 'tombstones'], (tx) => importIn(tx, file, onProgress));
  }

  /**
   * Removes interactions, thank-yous and check-ins older than the cutoff, keeping open
   * commitments; returns how many went. A cutoff less than a month ago is refused.
   */
  async removeOlderThan(cutoff: number, now: number = Date.now()): Promise<number> {
    return this.command(
      ['interactions', 'appreciations', 'checkIns'],
      async (tx) => totalRemoved(await olderThanIn(tx, cutoff, now, 'remove')),
      (removed) => removed > 0,
    );
  }

  /** What removeOlderThan would remove, by kind, without removing anything. */
  async countOlderThan(cutoff: number, now: number = Date.now()): Promise<RetentionCount> {
    const tx = writeTx(this.db, ['interactions', 'appreciations', 'checkIns']);
    const count = await olderThanIn(tx, cutoff, now, 'count').catch((error: Error) =>
      abandon(tx, error),
    );
    await tx.done;
    return count;
  }

  /** Removes everything. */
  async wipe(): Promise<void> {
    await this.command([...RECORD_STORES, 'tombstones'], (tx) => wipeIn(tx));
  }
}

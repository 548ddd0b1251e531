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
  PersonSchema,
  ValidationError,
  newId,
  parseOrThrow,
  type Appreciation,
  type CheckIn,
  type Conversation,
  type Interaction,
  type Participant,
  type Person,
  type Relationship,
  type Settings,
} from '../model';
import { AmbiguousNameError, chooseManualPerson, manualRelationship } from '../manual-entry';
import { applyPersonPatch, type PersonPatch } from '../people';
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
} from './log';
import { mergeIn, newPerson, resolveIn, setRelationshipIn, type NewPerson } from './people';
import { DB_NAME } from './schema';
import { openDatabase, StoreReader } from './reader';
import { abandon, NotFoundError, writeTx, type Db, type StoreName, type WriteTx } from './tx';
import { totalRemoved, type RetentionCount } from '../retention';

export { DB_NAME, DB_VERSION } from './schema';
export { channelsOf } from '../model';
export {
  openReader,
  StoreReader,
  type LogEntry,
  type PersonActivity,
  type StoreSettings,
} from './reader';
export { NotFoundError } from './tx';
export { dedupeKeyOf } from '../merge';
export type { NewPerson } from './people';
export type { LogResult, NewAppreciation, NewCheckIn, NewInteraction } from './log';
export type { ImportResult, LogRecords } from './data';

export interface ResolvedParticipant {
  participant: Participant;
  person: Person;
}

/** What "log this by hand" says: someone (found or new), and what happened with them. */
export interface ManualEntryInput {
  name: string;
  email?: string;
  /** The person the user picked among several of this name. */
  personId?: string;
  /** Left out: the person's own (a new person's is then unknown). */
  relationship?: Relationship;
  interaction: Omit<NewInteraction, 'personId' | 'relationship'>;
}

export async function openStore(
  name: string = DB_NAME,
  announce: () => void = announceStoreChange,
): Promise<Store> {
  return new Store(await openDatabase(name), announce);
}

/** The log, read and written. Reads come from StoreReader; every command is here. */
export class Store extends StoreReader {
  constructor(
    db: Db,
    private readonly announce: () => void = announceStoreChange,
  ) {
    super(db);
  }

  /**
   * Runs `write` in one transaction over `names`, and announces the change once it committed
   * (unless `changed` says nothing was written).
   */
  private async command<T>(
    names: StoreName[],
    write: (tx: WriteTx) => Promise<T>,
    changed: (result: T) => boolean = () => true,
  ): Promise<T> {
    const tx = writeTx(this.db, names);
    const result = await write(tx);
    await tx.done;
    if (changed(result)) this.announce();
    return result;
  }

  // ---- people ----

  async createPerson(input: NewPerson, now: number = Date.now()): Promise<Person> {
    const person = newPerson(input, now);
    return this.command(['people'], async (tx) => {
      await tx.objectStore('people').add(person);
      return person;
    });
  }

  async savePerson(input: Person, now: number = Date.now()): Promise<Person> {
    const person = parseOrThrow(PersonSchema, { ...input, updatedAt: now }, 'person');
    return this.command(['people'], async (tx) => {
      await tx.objectStore('people').put(person);
      return person;
    });
  }

  /**
   * The person editor's save: only the fields the user changed, applied to the person as stored
   * now (so emails, handles or notes added meanwhile stay); a changed relationship is the user's
   * own choice and re-labels their interactions.
   */
  async patchPerson(id: string, patch: PersonPatch, now: number = Date.now()): Promise<Person> {
    return this.command(['people', 'interactions'], async (tx) => {
      const stored = await tx.objectStore('people').get(id);
      if (!stored) return abandon(tx, new NotFoundError('person', id));
      const current =
        patch.relationship !== undefined && patch.relationship !== stored.relationship
          ? await setRelationshipIn(tx, id, patch.relationship, now)
          : stored;
      let person: Person;
      try {
        person = parseOrThrow(
          PersonSchema,
          { ...applyPersonPatch(current, patch), updatedAt: now },
          'person',
        );
      } catch (error) {
        return abandon(tx, error as Error);
      }
      await tx.objectStore('people').put(person);
      return person;
    });
  }

  /** The person a tool's participant stands for, found (and completed) or created. */
  async resolveParticipant(
    participant: Participant,
    orgDomains: readonly string[],
    now: number = Date.now(),
  ): Promise<Person> {
    const { person } = await this.command(
      ['people'],
      (tx) => resolveIn(tx, participant, orgDomains, now),
      (r) => r.changed,
    );
    return person;
  }

  /** Everyone in a conversation as people of the log, in one transaction. */
  async resolveParticipants(
    conversation: Conversation,
    settings: Pick<Settings, 'orgDomains'>,
    now: number = Date.now(),
  ): Promise<ResolvedParticipant[]> {
    const { resolved } = await this.command(
      ['people'],
      async (tx) => {
        const resolved: ResolvedParticipant[] = [];
        let changed = false;
        for (const participant of conversation.participants) {
          const found = await resolveIn(tx, participant, settings.orgDomains, now);
          changed ||= found.changed;
          // Two participants can turn out to be one person (an email here, a handle there).
          if (!resolved.some((r) => r.person.id === found.person.id))
            resolved.push({ participant, person: found.person });
        }
        return { resolved, changed };
      },
      (r) => r.changed,
    );
    return resolved;
  }

  /** The user's own choice for a person; it re-labels their interactions not tagged one by one. */
  async setRelationship(
    personId: string,
    relationship: Relationship,
    now: number = Date.now(),
  ): Promise<Person> {
    return this.command(['people', 'interactions'], (tx) =>
      setRelationshipIn(tx, personId, relationship, now),
    );
  }

  /** Tags a person in an open conversation: the choice sticks, and the conversation is logged. */
  async tagPerson(
    personId: string,
    relationship: Relationship,
    conversation: Conversation | null,
    settings: Pick<Settings, 'timeZone'>,
    now: number = Date.now(),
  ): Promise<Person> {
    return this.command(['people', 'interactions', 'tombstones'], async (tx) => {
      const person = await setRelationshipIn(tx, personId, relationship, now);
      if (conversation) {
        const input = conversationInteraction(conversation, person, 'manual', now);
        await logIn(tx, draftInteraction(input, settings, now));
      }
      return person;
    });
  }

  /** Merges `dropId` into `keepId`, with everything that was theirs. */
  async mergePeople(keepId: string, dropId: string, now: number = Date.now()): Promise<Person> {
    if (keepId === dropId)
      throw new ValidationError('merge', ['cannot merge a person into themself']);
    return this.command([...RECORD_STORES], (tx) => mergeIn(tx, keepId, dropId, now));
  }

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
    const { logged } = await this.command(
      ['people', 'interactions', 'tombstones'],
      async (tx) => {
        const logged: Interaction[] = [];
        let created = false;
        for (const draft of drafts) {
          const result = await logIn(tx, draft);
          created ||= result.created;
          if (result.interaction) logged.push(result.interaction);
        }
        return { logged, created };
      },
      (r) => r.created,
    );
    return logged;
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

/**
 * The private log: one IndexedDB database through idb. Every write is parsed by its schema
 * first and happens in one transaction, so an invalid record changes nothing. Reads live in
 * StoreReader (./reader.ts), which the popup uses alone.
 */
import { localDay } from '../balance';
import { classify } from '../classify';
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
  type Interaction,
  type InteractionKind,
  type Participant,
  type Person,
  type Relationship,
  type Settings,
  type Tool,
} from '../model';
import { dedupeKeyOf, tombstoneFor } from '../merge';
import { findPeopleByName, mergePersonRecords, normalizeEmail } from '../people';
import { DB_NAME } from './schema';
import { openDatabase, StoreReader } from './reader';

export { DB_NAME, DB_VERSION } from './schema';
export {
  openReader,
  StoreReader,
  type LogEntry,
  type PersonActivity,
  type StoreSettings,
} from './reader';

export type NewPerson = Omit<Person, 'id' | 'createdAt' | 'updatedAt'> &
  Partial<Pick<Person, 'id'>>;

export interface NewInteraction {
  personId: string;
  at?: number;
  kind: InteractionKind;
  tool?: Tool;
  threadKey?: string;
  title?: string;
  url?: string;
  source: Interaction['source'];
  note?: string;
  /** Defaults to the person's relationship at the time. */
  relationship?: Relationship;
}

export type NewAppreciation = Omit<Appreciation, 'id' | 'at'> & { at?: number };
export type NewCheckIn = Omit<CheckIn, 'id' | 'askedAt' | 'delivered' | 'answer' | 'commitment'> &
  Partial<Pick<CheckIn, 'askedAt' | 'delivered' | 'answer' | 'commitment'>>;

/** What logging did: logged it now, found it logged already, or found it deleted by the user. */
export type LogResult =
  | { interaction: Interaction; created: boolean; deleted?: undefined }
  | { interaction: undefined; created: false; deleted: true };

export class NotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`No ${what} with id ${id}`);
    this.name = 'NotFoundError';
  }
}

export async function openStore(name: string = DB_NAME): Promise<Store> {
  return new Store(await openDatabase(name));
}

/** The log, read and written. Reads come from StoreReader; every write is validated here. */
export class Store extends StoreReader {
  // ---- people ----

  async createPerson(input: NewPerson, now: number = Date.now()): Promise<Person> {
    const person = parseOrThrow(
      PersonSchema,
      { ...input, id: input.id ?? newId(now), createdAt: now, updatedAt: now },
      'person',
    );
    await this.db.add('people', person);
    return person;
  }

  async savePerson(input: Person, now: number = Date.now()): Promise<Person> {
    const person = parseOrThrow(PersonSchema, { ...input, updatedAt: now }, 'person');
    await this.db.put('people', person);
    return person;
  }

  /**
   * The person a tool's participant stands for: found by email, then handle, and given any
   * identity they lacked; or created with the relationship the rules give.
   */
  async resolveParticipant(
    participant: Participant,
    orgDomains: readonly string[],
    now: number = Date.now(),
  ): Promise<Person> {
    const tx = this.db.transaction('people', 'readwrite');
    const byEmail = participant.email
      ? await tx.store.index('email').get(normalizeEmail(participant.email))
      : undefined;
    const byHandle =
      !byEmail && participant.handle
        ? await tx.store.index('handle').get(participant.handle)
        : undefined;
    // A page that shows only a name (Teams, Linear): the one person of that name, or else the
    // one name-only record this same situation created before.
    let byName: Person | undefined;
    if (!participant.email && !participant.handle) {
      const named = findPeopleByName(await tx.store.getAll(), participant.name);
      byName =
        onlyOne(named) ?? onlyOne(named.filter((p) => !p.emails.length && !p.handles.length));
    }
    const found = byEmail ?? byHandle ?? byName;
    const { relationship, source } = classify(
      participant,
      orgDomains,
      found && { relationship: found.relationship, source: found.relationshipSource },
    );
    let person: Person;
    if (found) {
      const emails = addMissing(
        found.emails,
        participant.email && normalizeEmail(participant.email),
      );
      const handles = addMissing(found.handles, participant.handle);
      const changed =
        emails !== found.emails ||
        handles !== found.handles ||
        relationship !== found.relationship ||
        source !== found.relationshipSource;
      if (!changed) {
        await tx.done;
        return found;
      }
      person = parseOrThrow(
        PersonSchema,
        { ...found, emails, handles, relationship, relationshipSource: source, updatedAt: now },
        'person',
      );
    } else {
      person = parseOrThrow(
        PersonSchema,
        {
          id: newId(now),
          name: participant.name,
          emails: participant.email ? [normalizeEmail(participant.email)] : [],
          handles: participant.handle ? [participant.handle] : [],
          relationship,
          relationshipSource: source,
          createdAt: now,
          updatedAt: now,
        },
        'person',
      );
    }
    await tx.store.put(person);
    await tx.done;
    return person;
  }

  /**
   * The user's own choice for a person: it sticks (a rule never overrides it) and re-labels
   * every interaction with them except those re-tagged one by one.
   */
  async setRelationship(
    personId: string,
    relationship: Relationship,
    now: number = Date.now(),
  ): Promise<Person> {
    const tx = this.db.transaction(['people', 'interactions'], 'readwrite');
    const found = await tx.objectStore('people').get(personId);
    if (!found) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new NotFoundError('person', personId);
    }
    const person: Person = {
      ...found,
      relationship,
      relationshipSource: 'manual',
      updatedAt: now,
    };
    await tx.objectStore('people').put(person);
    const interactions = tx.objectStore('interactions');
    let cursor = await interactions.index('personId').openCursor(personId);
    while (cursor) {
      if (!cursor.value.relationshipPinned && cursor.value.relationship !== relationship) {
        await cursor.update({ ...cursor.value, relationship, updatedAt: now });
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return person;
  }

  /**
   * Merges `dropId` into `keepId`: every interaction, thank-you and check-in moves to the kept
   * person, and the dropped record is removed, all in one transaction.
   */
  async mergePeople(keepId: string, dropId: string, now: number = Date.now()): Promise<Person> {
    if (keepId === dropId)
      throw new ValidationError('merge', ['cannot merge a person into themself']);
    const tx = this.db.transaction(
      ['people', 'interactions', 'appreciations', 'checkIns'],
      'readwrite',
    );
    const people = tx.objectStore('people');
    const [keep, drop] = await Promise.all([people.get(keepId), people.get(dropId)]);
    if (!keep || !drop) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new NotFoundError('person', keep ? dropId : keepId);
    }
    const merged = parseOrThrow(PersonSchema, mergePersonRecords(keep, drop, now), 'person');
    const interactions = tx.objectStore('interactions');
    let cursor = await interactions.index('personId').openCursor(dropId);
    while (cursor) {
      const moved = { ...cursor.value, personId: keepId, updatedAt: now };
      if (moved.threadKey) moved.dedupeKey = dedupeKeyOf(moved.threadKey, keepId, moved.day);
      // The kept person already has this thread on this day: keep both, unique by id.
      if (moved.threadKey && (await interactions.index('dedupeKey').getKey(moved.dedupeKey))) {
        moved.dedupeKey = `${moved.dedupeKey}|${moved.id}`;
      }
      await cursor.update(moved);
      cursor = await cursor.continue();
    }
    for (const name of ['appreciations', 'checkIns'] as const) {
      let c = await tx.objectStore(name).index('personId').openCursor(dropId);
      while (c) {
        await c.update(
          name === 'checkIns'
            ? { ...c.value, personId: keepId, updatedAt: now }
            : { ...c.value, personId: keepId },
        );
        c = await c.continue();
      }
    }
    await people.put(merged);
    await people.delete(dropId);
    await tx.done;
    return merged;
  }

  // ---- interactions ----

  /**
   * Logs an interaction. Logging the same thread with the same person on the same local day
   * again keeps the first one: `created` says which happened. Detection never brings back one
   * the user deleted (`deleted`); logging it by hand does, and forgets the deletion.
   */
  async logInteraction(
    input: NewInteraction,
    settings: Pick<Settings, 'timeZone'>,
    now: number = Date.now(),
  ): Promise<LogResult> {
    const at = input.at ?? now;
    const day = localDay(at, settings.timeZone);
    const id = newId(now);
    const draft = {
      ...input,
      id,
      at,
      day,
      relationship: input.relationship ?? 'unknown',
      relationshipPinned: input.relationship !== undefined,
      dedupeKey: input.threadKey ? dedupeKeyOf(input.threadKey, input.personId, day) : id,
      updatedAt: now,
    };
    // Validate before any transaction opens: an invalid record writes nothing.
    const valid = parseOrThrow(InteractionSchema, draft, 'interaction');
    const tx = this.db.transaction(['people', 'interactions', 'tombstones'], 'readwrite');
    const person = await tx.objectStore('people').get(input.personId);
    if (!person) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new NotFoundError('person', input.personId);
    }
    const interactions = tx.objectStore('interactions');
    const existing = await interactions.index('dedupeKey').get(draft.dedupeKey);
    if (existing) {
      await tx.done;
      return { interaction: existing, created: false };
    }
    const tombstones = tx.objectStore('tombstones');
    if (valid.threadKey && (await tombstones.getKey(valid.dedupeKey))) {
      if (valid.source === 'detected') {
        await tx.done;
        return { interaction: undefined, created: false, deleted: true };
      }
      await tombstones.delete(valid.dedupeKey);
    }
    // Only the relationship changes, to the stored person's (valid when it was written): the
    // record stays valid without parsing it again.
    const interaction: Interaction = {
      ...valid,
      relationship: input.relationship ?? person.relationship,
    };
    await interactions.add(interaction);
    await tx.done;
    return { interaction, created: true };
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
    const tx = this.db.transaction('interactions', 'readwrite');
    const found = await tx.store.get(id);
    if (!found) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new NotFoundError('interaction', id);
    }
    const result = InteractionSchema.safeParse({ ...found, ...changes, id, updatedAt: now });
    if (!result.success) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new ValidationError(
        'interaction',
        result.error.issues.map((i) => i.message),
      );
    }
    await tx.store.put(result.data);
    await tx.done;
    return result.data;
  }

  /**
   * Deletes an interaction and leaves a tombstone for its thread, person and day, so the next
   * visit to the thread does not log it again.
   */
  async deleteInteraction(id: string, now: number = Date.now()): Promise<Interaction | undefined> {
    const tx = this.db.transaction(['interactions', 'tombstones'], 'readwrite');
    const found = await tx.objectStore('interactions').get(id);
    if (found) {
      await tx.objectStore('interactions').delete(id);
      const tombstone = tombstoneFor(found, now);
      if (tombstone) await tx.objectStore('tombstones').put(tombstone);
    }
    await tx.done;
    return found;
  }

  /**
   * Puts back a record removed by a delete (undo) and forgets the deletion. When the log holds
   * the same thread, person and day again meanwhile (logged by hand), that one stays and is
   * returned: the log has the interaction either way.
   */
  async restoreInteraction(interaction: Interaction): Promise<Interaction> {
    const valid = parseOrThrow(InteractionSchema, interaction, 'interaction');
    const tx = this.db.transaction(['interactions', 'tombstones'], 'readwrite');
    const interactions = tx.objectStore('interactions');
    const holder = await interactions.index('dedupeKey').get(valid.dedupeKey);
    const tombstone = tombstoneFor(valid, 0);
    if (tombstone) await tx.objectStore('tombstones').delete(tombstone.key);
    if (holder && holder.id !== valid.id) {
      await tx.done;
      return holder;
    }
    await interactions.put(valid);
    await tx.done;
    return valid;
  }

  // ---- appreciations and check-ins ----

  async addAppreciation(input: NewAppreciation, now: number = Date.now()): Promise<Appreciation> {
    const appreciation = parseOrThrow(
      AppreciationSchema,
      { ...input, id: newId(now), at: input.at ?? now },
      'thank-you',
    );
    const tx = this.db.transaction(['people', 'appreciations'], 'readwrite');
    if (!(await tx.objectStore('people').getKey(appreciation.personId))) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new NotFoundError('person', appreciation.personId);
    }
    await tx.objectStore('appreciations').add(appreciation);
    await tx.done;
    return appreciation;
  }

  async addCheckIn(input: NewCheckIn, now: number = Date.now()): Promise<CheckIn> {
    const checkIn = parseOrThrow(
      CheckInSchema,
      { ...input, id: newId(now), askedAt: input.askedAt ?? now, updatedAt: now },
      'check-in',
    );
    const tx = this.db.transaction(['people', 'checkIns'], 'readwrite');
    if (!(await tx.objectStore('people').getKey(checkIn.personId))) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new NotFoundError('person', checkIn.personId);
    }
    await tx.objectStore('checkIns').add(checkIn);
    await tx.done;
    return checkIn;
  }

  async updateCheckIn(
    id: string,
    changes: Partial<Omit<CheckIn, 'id' | 'updatedAt'>>,
    now: number = Date.now(),
  ): Promise<CheckIn> {
    const found = await this.db.get('checkIns', id);
    if (!found) throw new NotFoundError('check-in', id);
    const checkIn = parseOrThrow(
      CheckInSchema,
      { ...found, ...changes, id, updatedAt: now },
      'check-in',
    );
    await this.db.put('checkIns', checkIn);
    return checkIn;
  }

  // ---- the timeline ----

  async deleteAppreciation(id: string): Promise<Appreciation | undefined> {
    const tx = this.db.transaction('appreciations', 'readwrite');
    const found = await tx.store.get(id);
    if (found) await tx.store.delete(id);
    await tx.done;
    return found;
  }

  async restoreAppreciation(appreciation: Appreciation): Promise<void> {
    await this.db.put('appreciations', parseOrThrow(AppreciationSchema, appreciation, 'thank-you'));
  }

  // ---- the week ----
}

export { dedupeKeyOf } from '../merge';

function onlyOne<T>(values: T[]): T | undefined {
  return values.length === 1 ? values[0] : undefined;
}

function addMissing(values: string[], value: string | undefined): string[] {
  return value && !values.includes(value) ? [...values, value] : values;
}

/**
 * The private log: one IndexedDB database through idb. Every write is parsed by its schema
 * first and happens in one transaction, so an invalid record changes nothing. Reads for a
 * week go through the `at` indexes and never scan the whole log.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { localDay, recentWeeks, weekBounds, weeklyBalance, type WeekTotals } from '../balance';
import type { WeeklyBalance } from '../balance';
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
import { findPeopleByName, mergePersonRecords, normalizeEmail } from '../people';
import { DB_NAME, DB_VERSION, upgrade, type InsideOutDB } from './schema';

export { DB_NAME, DB_VERSION } from './schema';

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

/** The store's view of settings: only what it needs to compute days and weeks. */
export type StoreSettings = Pick<
  Settings,
  'timeZone' | 'weekStartsOn' | 'band' | 'weeklyThankGoal' | 'orgDomains'
>;

export class NotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`No ${what} with id ${id}`);
    this.name = 'NotFoundError';
  }
}

export async function openStore(name: string = DB_NAME): Promise<Store> {
  const db = await openDB<InsideOutDB>(name, DB_VERSION, {
    upgrade: (database, oldVersion, newVersion, tx) =>
      upgrade(database, oldVersion, newVersion, tx),
  });
  return new Store(db);
}

export class Store {
  constructor(readonly db: IDBPDatabase<InsideOutDB>) {}

  close(): void {
    this.db.close();
  }

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

  getPerson(id: string): Promise<Person | undefined> {
    return this.db.get('people', id);
  }

  /** Several people by id, in one transaction; unknown ids are skipped. */
  async getPeople(ids: Iterable<string>): Promise<Person[]> {
    const tx = this.db.transaction('people');
    const found = await Promise.all([...new Set(ids)].map((id) => tx.store.get(id)));
    await tx.done;
    return found.filter((p): p is Person => !!p);
  }

  listPeople(): Promise<Person[]> {
    return this.db.getAll('people');
  }

  async findPersonByEmail(email: string): Promise<Person | undefined> {
    return this.db.getFromIndex('people', 'email', normalizeEmail(email));
  }

  async findPersonByHandle(handle: string): Promise<Person | undefined> {
    return this.db.getFromIndex('people', 'handle', handle);
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
        await cursor.update({ ...cursor.value, relationship });
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
      const moved = { ...cursor.value, personId: keepId };
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
        await c.update({ ...c.value, personId: keepId });
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
   * again keeps the first one: `created` says which happened.
   */
  async logInteraction(
    input: NewInteraction,
    settings: Pick<Settings, 'timeZone'>,
    now: number = Date.now(),
  ): Promise<{ interaction: Interaction; created: boolean }> {
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
    };
    // Validate before any transaction opens: an invalid record writes nothing.
    const valid = parseOrThrow(InteractionSchema, draft, 'interaction');
    const tx = this.db.transaction(['people', 'interactions'], 'readwrite');
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
  async retagInteraction(id: string, relationship: Relationship): Promise<Interaction> {
    return this.updateInteraction(id, { relationship, relationshipPinned: true });
  }

  async updateInteraction(
    id: string,
    changes: Partial<Omit<Interaction, 'id' | 'dedupeKey'>>,
  ): Promise<Interaction> {
    const tx = this.db.transaction('interactions', 'readwrite');
    const found = await tx.store.get(id);
    if (!found) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new NotFoundError('interaction', id);
    }
    const result = InteractionSchema.safeParse({ ...found, ...changes, id });
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

  getInteraction(id: string): Promise<Interaction | undefined> {
    return this.db.get('interactions', id);
  }

  async deleteInteraction(id: string): Promise<Interaction | undefined> {
    const tx = this.db.transaction('interactions', 'readwrite');
    const found = await tx.store.get(id);
    if (found) await tx.store.delete(id);
    await tx.done;
    return found;
  }

  /** Puts back a record removed by a delete (undo). */
  async restoreInteraction(interaction: Interaction): Promise<void> {
    await this.db.put('interactions', parseOrThrow(InteractionSchema, interaction, 'interaction'));
  }

  interactionsBetween(start: number, end: number): Promise<Interaction[]> {
    return this.db.getAllFromIndex(
      'interactions',
      'at',
      IDBKeyRange.bound(start, end, false, true),
    );
  }

  /** How often and how recently the user dealt with and thanked a person. */
  async personActivity(personId: string): Promise<PersonActivity> {
    const tx = this.db.transaction(['interactions', 'appreciations'], 'readonly');
    const all = IDBKeyRange.bound([personId, 0], [personId, Infinity]);
    const interactions = tx.objectStore('interactions').index('personAt');
    const appreciations = tx.objectStore('appreciations').index('personAt');
    const [interactionCount, thanksCount, lastInteraction, lastThanks] = await Promise.all([
      interactions.count(all),
      appreciations.count(all),
      interactions.openCursor(all, 'prev'),
      appreciations.openCursor(all, 'prev'),
    ]);
    const activity = {
      interactions: interactionCount,
      thanks: thanksCount,
      lastInteractionAt: lastInteraction?.value.at,
      lastThankedAt: lastThanks?.value.at,
    };
    await tx.done;
    return activity;
  }

  interactionsWith(personId: string): Promise<Interaction[]> {
    return this.db.getAllFromIndex('interactions', 'personId', personId);
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

  appreciationsBetween(start: number, end: number): Promise<Appreciation[]> {
    return this.db.getAllFromIndex(
      'appreciations',
      'at',
      IDBKeyRange.bound(start, end, false, true),
    );
  }

  listAppreciations(): Promise<Appreciation[]> {
    return this.db.getAll('appreciations');
  }

  appreciationsFor(personId: string): Promise<Appreciation[]> {
    return this.db.getAllFromIndex('appreciations', 'personId', personId);
  }

  async addCheckIn(input: NewCheckIn, now: number = Date.now()): Promise<CheckIn> {
    const checkIn = parseOrThrow(
      CheckInSchema,
      { ...input, id: newId(now), askedAt: input.askedAt ?? now },
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

  async updateCheckIn(id: string, changes: Partial<Omit<CheckIn, 'id'>>): Promise<CheckIn> {
    const found = await this.db.get('checkIns', id);
    if (!found) throw new NotFoundError('check-in', id);
    const checkIn = parseOrThrow(CheckInSchema, { ...found, ...changes, id }, 'check-in');
    await this.db.put('checkIns', checkIn);
    return checkIn;
  }

  listCheckIns(): Promise<CheckIn[]> {
    return this.db.getAll('checkIns');
  }

  // ---- the timeline ----

  /**
   * One page of the log, newest first: interactions and thank-yous merged by time, strictly
   * before `before` (an `at` and id from the previous page's last entry). Reads through the
   * `at` indexes a page at a time, so a log of any size opens at once.
   */
  async logPage(
    options: {
      before?: { at: number; id: string };
      limit?: number;
      match?: (e: LogEntry) => boolean;
    } = {},
  ): Promise<{ entries: LogEntry[]; done: boolean }> {
    const limit = options.limit ?? 200;
    const before = options.before;
    const entries: LogEntry[] = [];
    const tx = this.db.transaction(['interactions', 'appreciations'], 'readonly');
    const range = before ? IDBKeyRange.upperBound(before.at) : undefined;
    let interactions = await tx.objectStore('interactions').index('at').openCursor(range, 'prev');
    let appreciations = await tx.objectStore('appreciations').index('at').openCursor(range, 'prev');
    const isAfterCursor = (e: LogEntry) =>
      !before || e.at < before.at || (e.at === before.at && e.id < before.id);
    let done = false;
    while (entries.length < limit) {
      const a: LogEntry | undefined = interactions
        ? {
            type: 'interaction',
            at: interactions.value.at,
            id: interactions.value.id,
            interaction: interactions.value,
          }
        : undefined;
      const b: LogEntry | undefined = appreciations
        ? {
            type: 'appreciation',
            at: appreciations.value.at,
            id: appreciations.value.id,
            appreciation: appreciations.value,
          }
        : undefined;
      const pick = pickNewer(a, b);
      if (pick === -1) {
        done = true;
        break;
      }
      const entry = (pick === 0 ? a : b)!;
      if (isAfterCursor(entry) && (!options.match || options.match(entry))) entries.push(entry);
      if (pick === 0) interactions = await interactions!.continue();
      else appreciations = await appreciations!.continue();
    }
    await tx.done;
    return { entries, done };
  }

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

  /** This week's balance, reading only this week's records. */
  async weekSummary(settings: StoreSettings, now: number = Date.now()): Promise<WeeklyBalance> {
    const week = weekBounds(now, settings.weekStartsOn, settings.timeZone);
    const range = IDBKeyRange.bound(week.start, week.end, false, true);
    const tx = this.db.transaction(['interactions', 'appreciations', 'checkIns'], 'readonly');
    const [interactions, appreciations, checkIns] = await Promise.all([
      tx.objectStore('interactions').index('at').getAll(range),
      tx.objectStore('appreciations').index('at').getAll(range),
      tx.objectStore('checkIns').index('askedAt').getAll(range),
    ]);
    await tx.done;
    return weeklyBalance(week, { interactions, appreciations, checkIns }, settings);
  }

  /** Internal, external and thank-you counts for the last `weeks` weeks, oldest first. */
  async weeklyTrend(
    settings: StoreSettings,
    weeks = 12,
    now: number = Date.now(),
  ): Promise<WeekTotals[]> {
    const bounds = recentWeeks(now, weeks, settings.weekStartsOn, settings.timeZone);
    const tx = this.db.transaction(['interactions', 'appreciations'], 'readonly');
    const byRelationship = tx.objectStore('interactions').index('relationshipAt');
    const thanksAt = tx.objectStore('appreciations').index('at');
    const totals = await Promise.all(
      bounds.map(async (week) => {
        const [internal, external, thanks] = await Promise.all([
          byRelationship.count(
            IDBKeyRange.bound(['internal', week.start], ['internal', week.end], false, true),
          ),
          byRelationship.count(
            IDBKeyRange.bound(['external', week.start], ['external', week.end], false, true),
          ),
          thanksAt.count(IDBKeyRange.bound(week.start, week.end, false, true)),
        ]);
        return { ...week, internal, external, thanks };
      }),
    );
    await tx.done;
    return totals;
  }
}

export interface PersonActivity {
  interactions: number;
  thanks: number;
  lastInteractionAt?: number;
  lastThankedAt?: number;
}

export type LogEntry =
  | { type: 'interaction'; at: number; id: string; interaction: Interaction }
  | { type: 'appreciation'; at: number; id: string; appreciation: Appreciation };

/** Which of two heads is newer (0 or 1), or -1 when both are exhausted. */
function pickNewer(a: LogEntry | undefined, b: LogEntry | undefined): -1 | 0 | 1 {
  if (!a && !b) return -1;
  if (!b) return 0;
  if (!a) return 1;
  if (a.at !== b.at) return a.at > b.at ? 0 : 1;
  return a.id > b.id ? 0 : 1;
}

export function dedupeKeyOf(threadKey: string, personId: string, day: string): string {
  return `${threadKey}|${personId}|${day}`;
}

function onlyOne<T>(values: T[]): T | undefined {
  return values.length === 1 ? values[0] : undefined;
}

function addMissing(values: string[], value: string | undefined): string[] {
  return value && !values.includes(value) ? [...values, value] : values;
}

/**
 * Reading the log: everything a view needs, with no validation code (zod) behind it, so the
 * popup, which only reads, stays small. Reads for a week go through the `at` indexes and never
 * scan the whole log; the timeline reads a page at a time.
 */
import { openDB, type IDBPDatabase } from 'idb';
import {
  recentWeeks,
  weekBounds,
  weeklyBalance,
  type WeeklyBalance,
  type WeekTotals,
} from '../balance';
import type { Appreciation, CheckIn, Interaction, Person, Settings } from '../model';
import { normalizeEmail } from '../people';
import { LogUpdatedError, StorageBlockedError } from '../storage-errors';
import { DB_NAME, DB_VERSION, upgrade, type InsideOutDB } from './schema';
import { steppedAside } from './stepped-aside';
import type { AnyTx } from './tx';

/** The store's view of settings: only what it needs to compute days and weeks. */
export type StoreSettings = Pick<
  Settings,
  'timeZone' | 'weekStartsOn' | 'band' | 'weeklyThankGoal' | 'orgDomains'
>;

/**
 * Opens the log. Never waits forever: an upgrade held up by a page that keeps an older version
 * open fails at once with StorageBlockedError (the page says to close the others), and this
 * connection steps aside as soon as a newer version asks, so it never holds up an upgrade.
 */
export function openDatabase(name: string = DB_NAME): Promise<IDBPDatabase<InsideOutDB>> {
  return new Promise((resolve, reject) => {
    let gaveUp = false;
    let opened: IDBPDatabase<InsideOutDB> | undefined;
    openDB<InsideOutDB>(name, DB_VERSION, {
      upgrade: (database, oldVersion, newVersion, tx) =>
        upgrade(database, oldVersion, newVersion, tx),
      blocked: () => {
        gaveUp = true;
        reject(new StorageBlockedError());
      },
      blocking: (_current, _wanted, event) => {
        if (opened) steppedAside.add(opened);
        (event.target as IDBDatabase).close();
      },
    }).then((db) => {
      opened = db;
      // The other page closed after all: this page already said so, and must not hold the log.
      if (gaveUp) db.close();
      else resolve(db);
    }, reject);
  });
}

export async function openReader(name: string = DB_NAME): Promise<StoreReader> {
  return new StoreReader(await openDatabase(name));
}

export class StoreReader {
  readonly #db: IDBPDatabase<InsideOutDB>;

  constructor(db: IDBPDatabase<InsideOutDB>) {
    this.#db = db;
  }

  /** The connection; once it stepped aside for a newer version, every use says so. */
  get db(): IDBPDatabase<InsideOutDB> {
    if (steppedAside.has(this.#db)) throw new LogUpdatedError();
    return this.#db;
  }

  close(): void {
    this.#db.close();
  }

  async getPerson(id: string): Promise<Person | undefined> {
    return this.db.get('people', id);
  }

  /** Several people by id, in one transaction; unknown ids are skipped. */
  async getPeople(ids: Iterable<string>): Promise<Person[]> {
    const tx = this.db.transaction('people');
    const found = await Promise.all([...new Set(ids)].map((id) => tx.store.get(id)));
    await tx.done;
    return found.filter((p): p is Person => !!p);
  }

  async listPeople(): Promise<Person[]> {
    return this.db.getAll('people');
  }

  async findPersonByEmail(email: string): Promise<Person | undefined> {
    return this.db.getFromIndex('people', 'email', normalizeEmail(email));
  }

  async findPersonByHandle(handle: string): Promise<Person | undefined> {
    return this.db.getFromIndex('people', 'handle', handle);
  }

  async getInteraction(id: string): Promise<Interaction | undefined> {
    return this.db.get('interactions', id);
  }

  async interactionsBetween(start: number, end: number): Promise<Interaction[]> {
    return this.db.getAllFromIndex(
      'interactions',
      'at',
      IDBKeyRange.bound(start, end, false, true),
    );
  }

  /** How often and how recently the user dealt with and thanked a person. */
  async personActivity(personId: string): Promise<PersonActivity> {
    const tx = this.db.transaction(['interactions', 'appreciations'], 'readonly');
    const activity = await activityIn(tx, personId);
    await tx.done;
    return activity;
  }

  async interactionsWith(personId: string): Promise<Interaction[]> {
    return this.db.getAllFromIndex('interactions', 'personId', personId);
  }

  async appreciationsBetween(start: number, end: number): Promise<Appreciation[]> {
    return this.db.getAllFromIndex(
      'appreciations',
      'at',
      IDBKeyRange.bound(start, end, false, true),
    );
  }

  async listAppreciations(): Promise<Appreciation[]> {
    return this.db.getAll('appreciations');
  }

  async appreciationsFor(personId: string): Promise<Appreciation[]> {
    return this.db.getAllFromIndex('appreciations', 'personId', personId);
  }

  async listCheckIns(): Promise<CheckIn[]> {
    return this.db.getAll('checkIns');
  }

  /** Every record of the log, read in one transaction (an export). */
  async readAll(): Promise<{
    people: Person[];
    interactions: Interaction[];
    appreciations: Appreciation[];
    checkIns: CheckIn[];
  }> {
    const tx = this.db.transaction(
      ['people', 'interactions', 'appreciations', 'checkIns'],
      'readonly',
    );
    const [people, interactions, appreciations, checkIns] = await Promise.all([
      tx.objectStore('people').getAll(),
      tx.objectStore('interactions').getAll(),
      tx.objectStore('appreciations').getAll(),
      tx.objectStore('checkIns').getAll(),
    ]);
    await tx.done;
    return { people, interactions, appreciations, checkIns };
  }

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
    // Read-only: final once its requests succeed; the popup does not wait for it to complete.
    tx.done.catch(() => undefined);
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

/** `personActivity`, inside a transaction that reads interactions and appreciations. */
export async function activityIn(tx: AnyTx, personId: string): Promise<PersonActivity> {
  const all = IDBKeyRange.bound([personId, 0], [personId, Infinity]);
  const interactions = tx.objectStore('interactions').index('personAt');
  const appreciations = tx.objectStore('appreciations').index('personAt');
  const [interactionCount, thanksCount, lastInteraction, lastThanks] = await Promise.all([
    interactions.count(all),
    appreciations.count(all),
    interactions.openCursor(all, 'prev'),
    appreciations.openCursor(all, 'prev'),
  ]);
  return {
    interactions: interactionCount,
    thanks: thanksCount,
    lastInteractionAt: lastInteraction?.value.at,
    lastThankedAt: lastThanks?.value.at,
  };
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

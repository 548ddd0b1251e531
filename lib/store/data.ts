/**
 * The log's records in bulk, inside a command's transaction: merging an import, removing old
 * entries, wiping everything.
 */
import { decideMerge, dedupeKeyOf, type MergeableRecord } from '../merge';
import type { Appreciation, CheckIn, Interaction, Person } from '../model';
import { assertSafeCutoff, isOpenCommitment, type RetentionCount } from '../retention';
import { abandon, type WriteTx } from './tx';

/** Every record of the log, as an export file holds them. */
export interface LogRecords {
  people: Person[];
  interactions: Interaction[];
  appreciations: Appreciation[];
  checkIns: CheckIn[];
}

export const RECORD_STORES = ['people', 'interactions', 'appreciations', 'checkIns'] as const;

export interface ImportResult {
  added: number;
  /** Replaced by the file's copy, which changed later. */
  updated: number;
  unchanged: number;
  /** Kept as the log has them: they changed since the file's copy (or at the same time). */
  keptNewer: number;
  /** Deleted from the log after the file's copy last changed: they stay deleted. */
  keptDeleted: number;
}

/** Records merged per round of reads and writes (see importIn). */
const IMPORT_CHUNK = 1_000;

/**
 * Merges a validated file into the store: records are matched by id and the copy that changed
 * later wins (lib/merge.ts), so an older backup never overwrites newer notes, relationships or
 * re-tags, nor brings back what was deleted since; an interaction whose thread, person and day
 * another record in the store already holds is skipped. Any failure gives the whole
 * transaction up. The transaction must include the tombstones.
 */
export async function importIn(
  tx: WriteTx,
  file: LogRecords,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  const total =
    file.people.length +
    file.interactions.length +
    file.appreciations.length +
    file.checkIns.length;
  const result: ImportResult = {
    added: 0,
    updated: 0,
    unchanged: 0,
    keptNewer: 0,
    keptDeleted: 0,
  };
  const tombstones = tx.objectStore('tombstones');
  let done = 0;
  const tick = () => {
    done++;
    if (onProgress && (done % 2_000 === 0 || done === total)) onProgress(done, total);
  };
  try {
    /**
     * Records go in chunks: a chunk's reads are issued together and its writes together, which
     * IndexedDB runs in order without a round trip per record. Decisions within a chunk are made
     * in file order, as one-by-one merging would make them.
     */
    const anyTombstones = (await tombstones.count()) > 0;
    const mergeAll = async <T extends MergeableRecord>(
      name: 'people' | 'interactions' | 'appreciations' | 'checkIns',
      records: readonly T[],
      dedupe?: {
        keyOf(record: T): string;
        holders: Map<string, string | undefined>;
      },
    ) => {
      // One record type per store; idb's typing cannot follow `name` to it.
      const objects = tx.objectStore(name) as unknown as {
        get(id: string): Promise<T | undefined>;
        getAll(range: IDBKeyRange): Promise<T[]>;
        count(range?: IDBKeyRange): Promise<number>;
        put(record: T): Promise<unknown>;
      };
      const byKey = dedupe ? tx.objectStore('interactions').index('dedupeKey') : undefined;
      // Restoring into an empty store (after a wipe, on a new device) needs no reads at all: the
      // file's ids and thread keys were checked to be unique when it was validated.
      const startedEmpty = (await objects.count()) === 0;
      const readExisting = async (chunk: readonly T[]): Promise<Map<string, T>> => {
        if (startedEmpty) return new Map();
        const first = chunk[0]!.id;
        const last = chunk.at(-1)!.id;
        const ascending = chunk.every((r, n) => n === 0 || chunk[n - 1]!.id < r.id);
        if (ascending) {
          // Exports list records by id, so a chunk is one key range: one read, unless the
          // store holds many more records inside it than the chunk has.
          const range = IDBKeyRange.bound(first, last);
          if ((await objects.count(range)) <= 2 * chunk.length) {
            return new Map((await objects.getAll(range)).map((r) => [r.id, r]));
          }
        }
        const found = await Promise.all(chunk.map((r) => objects.get(r.id)));
        return new Map(found.flatMap((r) => (r ? [[r.id, r] as const] : [])));
      };
      for (let from = 0; from < records.length; from += IMPORT_CHUNK) {
        const chunk = records.slice(from, from + IMPORT_CHUNK);
        const existingById = await readExisting(chunk);
        const existing = chunk.map((r) => existingById.get(r.id));
        // When each new interaction's thread, person and day was deleted here, if it was.
        const deletedAt = await Promise.all(
          chunk.map(async (r, n) => {
            if (!anyTombstones || existing[n] || !('threadKey' in r) || !r.threadKey) return;
            return (await tombstones.get(dedupeKeyOf(r.threadKey, r.personId, r.day)))?.deletedAt;
          }),
        );
        const decisions = chunk.map((r, n) => decideMerge(existing[n], r, deletedAt[n]));
        const unchanged = decisions.map((d) => d !== 'add' && d !== 'replace');
        // Who holds each thread key now, asked only for records that would be written.
        const holders =
          byKey && dedupe && !startedEmpty
            ? await Promise.all(
                chunk.map((r, n) => (unchanged[n] ? undefined : byKey.getKey(dedupe.keyOf(r)))),
              )
            : [];
        const writes: Promise<unknown>[] = [];
        chunk.forEach((record, n) => {
          const before = existing[n];
          let skip = false;
          if (dedupe) {
            // Skipped when another record holds its thread, person and day (a new record, or
            // one changed elsewhere onto a thread already logged here): the unique index would
            // refuse it. Keys taken or freed earlier in this chunk count as they will be.
            const key = dedupe.keyOf(record);
            const holder = dedupe.holders.has(key) ? dedupe.holders.get(key) : holders[n];
            skip = holder !== undefined && holder !== record.id;
          }
          if (decisions[n] === 'kept-newer') result.keptNewer++;
          else if (decisions[n] === 'kept-deleted') result.keptDeleted++;
          else if (unchanged[n] || skip) result.unchanged++;
          else {
            writes.push(objects.put(record));
            if (dedupe) {
              if (before) dedupe.holders.set(dedupe.keyOf(before), undefined);
              dedupe.holders.set(dedupe.keyOf(record), record.id);
            }
            if (before) result.updated++;
            else result.added++;
          }
          tick();
        });
        await Promise.all(writes);
        dedupe?.holders.clear(); // the next chunk reads what these writes left
      }
    };
    await mergeAll<Person>('people', file.people);
    await mergeAll<Interaction>('interactions', file.interactions, {
      keyOf: (i) => i.dedupeKey,
      holders: new Map(),
    });
    await mergeAll<Appreciation>('appreciations', file.appreciations);
    await mergeAll<CheckIn>('checkIns', file.checkIns);
  } catch (error) {
    return abandon(tx, error as Error);
  }
  return result;
}

/** Removes every record, and every deletion's tombstone. */
export async function wipeIn(tx: WriteTx): Promise<void> {
  await Promise.all(
    [...RECORD_STORES, 'tombstones' as const].map((n) => tx.objectStore(n).clear()),
  );
}

/**
 * Removes (or only counts) interactions, thank-yous and check-ins older than the cutoff, except
 * check-ins whose commitment is still open. A cutoff less than a month before `now` is refused
 * with a ValidationError before anything is read.
 */
export async function olderThanIn(
  tx: WriteTx,
  cutoff: number,
  now: number,
  mode: 'count' | 'remove',
): Promise<RetentionCount> {
  assertSafeCutoff(cutoff, now);
  const range = IDBKeyRange.upperBound(cutoff, true);
  const count: RetentionCount = {
    interactions: 0,
    appreciations: 0,
    checkIns: 0,
    openCommitmentsKept: 0,
  };
  for (const name of ['interactions', 'appreciations'] as const) {
    if (mode === 'count') {
      count[name] = await tx.objectStore(name).index('at').count(range);
      continue;
    }
    let cursor = await tx.objectStore(name).index('at').openKeyCursor(range);
    while (cursor) {
      await tx.objectStore(name).delete(cursor.primaryKey);
      count[name]++;
      cursor = await cursor.continue();
    }
  }
  let checkIn = await tx.objectStore('checkIns').index('askedAt').openCursor(range);
  while (checkIn) {
    if (isOpenCommitment(checkIn.value)) count.openCommitmentsKept++;
    else {
      if (mode === 'remove') await checkIn.delete();
      count.checkIns++;
    }
    checkIn = await checkIn.continue();
  }
  return count;
}

/**
 * The log's records in bulk, inside a command's transaction: merging an import, removing old
 * entries, wiping everything.
 */
import type { Appreciation, CheckIn, Interaction, Person } from '../model';
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
  updated: number;
  unchanged: number;
}

/** Records merged per round of reads and writes (see importIn). */
const IMPORT_CHUNK = 1_000;

/**
 * Merges a validated file into the store: records are matched by id (the file's version wins
 * when it differs); an interaction whose thread, person and day another record in the store
 * already holds is skipped. Any failure gives the whole transaction up.
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
  const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
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
    const mergeAll = async <T extends { id: string }>(
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
        const unchanged = chunk.map(
          (r, n) => existing[n] !== undefined && sameRecord(existing[n], r),
        );
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
          if (unchanged[n] || skip) result.unchanged++;
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

function sameRecord(a: object, b: object): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)));
}

/** Removes every record, and every deletion's tombstone. */
export async function wipeIn(tx: WriteTx): Promise<void> {
  await Promise.all(
    [...RECORD_STORES, 'tombstones' as const].map((n) => tx.objectStore(n).clear()),
  );
}

/** Removes interactions, thank-yous and check-ins older than the cutoff; returns how many. */
export async function removeOlderThanIn(tx: WriteTx, cutoff: number): Promise<number> {
  let removed = 0;
  const range = IDBKeyRange.upperBound(cutoff, true);
  for (const [name, index] of [
    ['interactions', 'at'],
    ['appreciations', 'at'],
    ['checkIns', 'askedAt'],
  ] as const) {
    let cursor = await tx
      .objectStore(name)
      .index(index as never)
      .openCursor(range);
    while (cursor) {
      await cursor.delete();
      removed++;
      cursor = await cursor.continue();
    }
  }
  return removed;
}

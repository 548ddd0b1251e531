/**
 * Owning your data: export everything as one versioned JSON file (and CSV for spreadsheets),
 * import by validating the whole file first and then merging by id in one all-or-nothing
 * transaction, wipe, and retention.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import type { Translate } from './i18n';
import {
  AppreciationSchema,
  CheckInSchema,
  InteractionSchema,
  PersonSchema,
  describeIssues,
  type Appreciation,
  type CheckIn,
  type Interaction,
  type Person,
} from './model';
import type { Store } from './store';

export const EXPORT_FORMAT = 'inside-out';
export const EXPORT_VERSION = 1;
/** Files larger than this are refused before parsing (a log of a million entries is ~400 MB). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export const ExportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, { message: 'not an Inside Out export' }),
  version: z.number().int().positive(),
  exportedAt: z.number().int().nonnegative(),
  people: z.array(PersonSchema),
  interactions: z.array(InteractionSchema),
  appreciations: z.array(AppreciationSchema),
  checkIns: z.array(CheckInSchema),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

export async function exportAll(store: Store, now: number = Date.now()): Promise<ExportFile> {
  const tx = store.db.transaction(
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
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now,
    people,
    interactions,
    appreciations,
    checkIns,
  };
}

export function exportJson(file: ExportFile): string {
  return JSON.stringify(file);
}

/** Interactions and thank-yous as CSV rows, with the person's name beside each id. */
export function exportCsv(file: ExportFile): { interactions: string; appreciations: string } {
  const names = new Map(file.people.map((p) => [p.id, p.name]));
  return {
    interactions: Papa.unparse(
      file.interactions.map((i) => ({
        id: i.id,
        when: new Date(i.at).toISOString(),
        day: i.day,
        person: names.get(i.personId) ?? '',
        personId: i.personId,
        relationship: i.relationship,
        tool: i.tool ?? '',
        kind: i.kind,
        title: i.title ?? '',
        url: i.url ?? '',
        source: i.source,
        note: i.note ?? '',
      })),
      { escapeFormulae: true },
    ),
    appreciations: Papa.unparse(
      file.appreciations.map((a) => ({
        id: a.id,
        when: new Date(a.at).toISOString(),
        person: names.get(a.personId) ?? '',
        personId: a.personId,
        channel: a.channel,
        message: a.message,
        whatTheyDid: a.whatTheyDid ?? '',
        whatItMadePossible: a.whatItMadePossible ?? '',
      })),
      { escapeFormulae: true },
    ),
  };
}

export type ParsedImport = { ok: true; file: ExportFile } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 20;

/**
 * Validates a whole file before anything is written: JSON, format and version, every record,
 * duplicate ids, and references to people that the file does not contain.
 */
export function parseImport(text: string, t: Translate): ParsedImport {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, problems: [t('importTooLarge')] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [clip(t('importNotJson', (error as Error).message))] };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problems: [t('importNotAnObject')] };
  }
  const header = raw as { format?: unknown; version?: unknown };
  if (header.format !== EXPORT_FORMAT) {
    return { ok: false, problems: [t('importWrongFormat')] };
  }
  if (typeof header.version === 'number' && header.version > EXPORT_VERSION) {
    return { ok: false, problems: [t('importNewerVersion', header.version)] };
  }
  const parsed = ExportFileSchema.safeParse(raw);
  if (!parsed.success) {
    // Where in the file, and zod's own words for what is wrong there.
    const problems = describeIssues(parsed.error);
    return { ok: false, problems: cap(problems, t) };
  }
  const file = parsed.data;
  const problems: string[] = [];
  for (const [name, records] of [
    ['people', file.people],
    ['interactions', file.interactions],
    ['appreciations', file.appreciations],
    ['checkIns', file.checkIns],
  ] as const) {
    const seen = new Set<string>();
    records.forEach((r, index) => {
      if (seen.has(r.id)) problems.push(t('importDuplicateId', `${name}.${index}`, r.id));
      seen.add(r.id);
    });
  }
  const keys = new Set<string>();
  file.interactions.forEach((i, index) => {
    if (keys.has(i.dedupeKey)) problems.push(t('importDuplicateThread', `interactions.${index}`));
    keys.add(i.dedupeKey);
  });
  const personIds = new Set(file.people.map((p) => p.id));
  const checkRefs = (name: string, records: ReadonlyArray<{ personId: string }>) =>
    records.forEach((r, index) => {
      if (!personIds.has(r.personId)) problems.push(t('importUnknownPerson', `${name}.${index}`));
    });
  checkRefs('interactions', file.interactions);
  checkRefs('appreciations', file.appreciations);
  checkRefs('checkIns', file.checkIns);
  return problems.length ? { ok: false, problems: cap(problems, t) } : { ok: true, file };
}

/** At most MAX_PROBLEMS lines, each short: a hostile key name must not flood the list. */
function cap(problems: string[], t: Translate): string[] {
  const lines = problems.slice(0, MAX_PROBLEMS).map(clip);
  return problems.length > MAX_PROBLEMS
    ? [...lines, t('importMoreProblems', problems.length - MAX_PROBLEMS)]
    : lines;
}

const MAX_PROBLEM_LENGTH = 300;

function clip(problem: string): string {
  return problem.length > MAX_PROBLEM_LENGTH
    ? `${problem.slice(0, MAX_PROBLEM_LENGTH - 1)}…`
    : problem;
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Merges a validated file into the store in one transaction: records are matched by id (the
 * file's version wins when it differs); an interaction whose thread, person and day another
 * record in the store already holds is skipped. Any failure rolls everything back.
 */
/** Records merged per round of reads and writes (see importAll). */
const IMPORT_CHUNK = 1_000;

export async function importAll(
  store: Store,
  file: ExportFile,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  const tx = store.db.transaction(
    ['people', 'interactions', 'appreciations', 'checkIns'],
    'readwrite',
  );
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
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
  return result;
}

function sameRecord(a: object, b: object): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)));
}

/** Removes everything, in one transaction. */
export async function wipeAll(store: Store): Promise<void> {
  const tx = store.db.transaction(
    ['people', 'interactions', 'appreciations', 'checkIns', 'tombstones'],
    'readwrite',
  );
  await Promise.all([
    tx.objectStore('tombstones').clear(),
    tx.objectStore('people').clear(),
    tx.objectStore('interactions').clear(),
    tx.objectStore('appreciations').clear(),
    tx.objectStore('checkIns').clear(),
  ]);
  await tx.done;
}

/** Removes interactions, thank-yous and check-ins older than the cutoff; returns how many. */
export async function removeOlderThan(store: Store, cutoff: number): Promise<number> {
  const tx = store.db.transaction(['interactions', 'appreciations', 'checkIns'], 'readwrite');
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
  await tx.done;
  return removed;
}

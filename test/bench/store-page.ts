/**
 * The store benchmark's page, bundled by esbuild (test/bench/store.ts) into `bench-store.js` of a
 * throw-away copy of the built extension, so it runs at the extension's own origin against the
 * extension's own database (`inside-out`) with the very store code the build ships. Nothing here
 * is part of the build.
 *
 * It exposes `globalThis.insideOutBench` for the runner: `seed()` adds rows with bulk plain
 * IndexedDB writes (one transaction per 20,000 rows), and `measure()` times our layer
 * (lib/store) and a bare IndexedDB baseline doing the same reads and writes, interleaved.
 */
import { recentWeeks, weekBounds } from '../../lib/balance';
import { DEFAULT_SETTINGS } from '../../lib/model';
import { english } from '../../lib/english';
import { exportAll, exportJson, parseImport } from '../../lib/io';
import { DB_NAME, openStore, type Store, type StoreSettings } from '../../lib/store';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MINUTE = 60_000;
/** History rows are spaced this far apart, going back from the start of the current week. */
const SPACING = 10 * MINUTE;
export const PEOPLE = 2_000;
/** The current week holds this many interactions, whatever the size of the log. */
export const WEEK_INTERACTIONS = 400;
const THANKS_EVERY = 50;
const CHECK_IN_EVERY = 200;
const RELATIONSHIPS = ['internal', 'external', 'external', 'internal', 'unknown'] as const;

/** A valid ULID for `at` whose random part is a counter: unique, cheap, sorts like ulid(). */
function fastUlid(at: number, n: number, salt: number): string {
  let time = '';
  let t = at;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  let rand = '';
  let r = n;
  for (let i = 0; i < 13; i++) {
    rand = CROCKFORD[r % 32]! + rand;
    r = Math.floor(r / 32);
  }
  return time + CROCKFORD[salt % 32]! + 'BN' + rand;
}

const personId = (i: number): string => fastUlid(1_700_000_000_000, i, 1);
const relationshipOf = (p: number) => RELATIONSHIPS[p % RELATIONSHIPS.length]!;
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

function openRaw(name: string = DB_NAME): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

let store: Store | undefined;
let raw: IDBDatabase | undefined;
const settings: StoreSettings = { ...DEFAULT_SETTINGS };
/** "Now" for every measurement: fixed, so the week and the history never shift under a run. */
let now = Date.now();
let weekStart = 0;
/** How many history rows (before this week) exist. */
let history = 0;

async function setup(): Promise<{ weekStart: number }> {
  // Our store opens (and so creates, through its own migrations) the database first.
  store = await openStore();
  raw = await openRaw();
  now = Date.now();
  weekStart = weekBounds(now, settings.weekStartsOn, settings.timeZone).start;
  await writeBase(raw);
  return { weekStart };
}

/** The people and this week's interactions, the same in every database. */
async function writeBase(db: IDBDatabase): Promise<void> {
  const tx = db.transaction(['people', 'interactions', 'appreciations', 'checkIns'], 'readwrite');
  for (let p = 0; p < PEOPLE; p++) {
    tx.objectStore('people').put({
      id: personId(p),
      name: `Person ${p}`,
      emails: [`person${p}@${p % 2 ? 'globex' : 'acme'}.example`],
      handles: [],
      relationship: relationshipOf(p),
      relationshipSource: 'rule',
      createdAt: weekStart - 400 * 86_400_000,
      updatedAt: weekStart - 400 * 86_400_000,
    });
  }
  // This week: a fixed number of interactions between the week's start and now.
  const span = Math.max(1, now - weekStart - 1);
  for (let i = 0; i < WEEK_INTERACTIONS; i++) {
    addRows(tx, weekStart + Math.floor((span * i) / WEEK_INTERACTIONS), i, 2);
  }
  await done(tx);
}

function addRows(tx: IDBTransaction, at: number, i: number, salt: number): void {
  const p = (i * 7919) % PEOPLE;
  const id = fastUlid(at, i, salt);
  const threadKey = `gmail:thread-${salt}-${i}`;
  const pid = personId(p);
  const day = dayOf(at);
  tx.objectStore('interactions').add({
    id,
    at,
    day,
    personId: pid,
    relationship: relationshipOf(p),
    relationshipPinned: false,
    tool: 'gmail',
    kind: 'mail',
    threadKey,
    title: `Re: quarterly figures ${i}`,
    url: `https://mail.google.com/mail/u/0/#inbox/${i.toString(16)}`,
    source: 'detected',
    dedupeKey: `${threadKey}|${pid}|${day}`,
  });
  if (i % THANKS_EVERY === 0) {
    tx.objectStore('appreciations').add({
      id: fastUlid(at, i, salt + 10),
      at,
      personId: pid,
      message: 'Thank you for turning the figures around so quickly.',
      channel: 'copied',
      interactionId: id,
    });
  }
  if (i % CHECK_IN_EVERY === 0) {
    tx.objectStore('checkIns').add({
      id: fastUlid(at, i, salt + 20),
      personId: pid,
      askedAt: at,
      answer: 'Faster replies on Fridays.',
      commitment: '',
      delivered: false,
    });
  }
}

/** Grows the history (rows before this week) to `total` rows, 20,000 per transaction. */
async function seed(total: number): Promise<{ rows: number; ms: number }> {
  const started = performance.now();
  const from = history;
  await writeHistory(raw!, history, total);
  history = total;
  return { rows: history - from, ms: performance.now() - started };
}

async function writeHistory(db: IDBDatabase, from: number, to: number): Promise<void> {
  for (let at = from; at < to; at += 20_000) {
    const upto = Math.min(to, at + 20_000);
    const tx = db.transaction(['interactions', 'appreciations', 'checkIns'], 'readwrite', {
      durability: 'relaxed',
    });
    for (let i = at; i < upto; i++) addRows(tx, weekStart - (i + 1) * SPACING, i, 3);
    await done(tx);
  }
}

/**
 * Databases left at earlier sizes, so the week's summary at every size is timed side by side
 * at the end, in the same minutes (the machine's load and the disk's state alike for all).
 */
const frozen = new Map<number, { store: Store; raw: IDBDatabase }>();

/** Copies the log at its current size into a database of its own (same rows, same week). */
async function freeze(): Promise<{ ms: number }> {
  const started = performance.now();
  const name = `${DB_NAME}-at-${history + WEEK_INTERACTIONS}`;
  const copy = await openStore(name); // created through our own migrations
  const copyRaw = await openRaw(name);
  await writeBase(copyRaw);
  await writeHistory(copyRaw, 0, history);
  frozen.set(history + WEEK_INTERACTIONS, { store: copy, raw: copyRaw });
  return { ms: performance.now() - started };
}

/**
 * The week's summary, ours and bare, on every frozen size and on the live log, alternating call
 * by call: `ours[size]` and `bare[size]` in ms.
 */
async function summaryAtEverySize(
  rounds: number,
  warmup: number,
): Promise<{ ours: Record<number, number[]>; bare: Record<number, number[]> }> {
  const sizes = [...frozen, [history + WEEK_INTERACTIONS, { store: store!, raw: raw! }] as const];
  const samples = { ours: {} as Record<number, number[]>, bare: {} as Record<number, number[]> };
  for (let round = 0; round < warmup + rounds; round++) {
    const order = round % 2 ? [...sizes].reverse() : sizes;
    for (const [size, each] of order) {
      for (const kind of round % 2 ? (['bare', 'ours'] as const) : (['ours', 'bare'] as const)) {
        const started = performance.now();
        if (kind === 'ours') await each.store.weekSummary(settings, now);
        else await summaryBare(each.raw);
        const elapsed = performance.now() - started;
        if (round >= warmup) (samples[kind][size] ??= []).push(elapsed);
      }
    }
  }
  for (const [size, each] of frozen) {
    each.store.db.close();
    each.raw.close();
    indexedDB.deleteDatabase(`${DB_NAME}-at-${size}`);
  }
  frozen.clear();
  return samples;
}

async function count(): Promise<number> {
  const tx = raw!.transaction('interactions');
  return request(tx.objectStore('interactions').count());
}

// ---- the operations, ours and bare ----

let appended = 0;
/** Ids of appended rows, deleted afterwards so the week keeps its size across the run. */
const appendedIds: string[] = [];

async function appendOurs(): Promise<void> {
  const p = appended++ % PEOPLE;
  const { interaction } = await store!.logInteraction(
    {
      personId: personId(p),
      kind: 'mail',
      tool: 'gmail',
      threadKey: `gmail:append-${appended}`,
      title: 'Re: the new order',
      url: 'https://mail.google.com/mail/u/0/#inbox/append',
      source: 'detected',
    },
    settings,
    now,
  );
  appendedIds.push(interaction!.id);
}

/** The same transaction as logInteraction: read the person, check the dedupe key, add. */
async function appendBare(): Promise<void> {
  const p = appended++ % PEOPLE;
  const pid = personId(p);
  const tx = raw!.transaction(['people', 'interactions'], 'readwrite');
  const person = await request(tx.objectStore('people').get(pid));
  const threadKey = `gmail:append-${appended}`;
  const day = dayOf(now);
  const dedupeKey = `${threadKey}|${pid}|${day}`;
  const interactions = tx.objectStore('interactions');
  const existing = await request(interactions.index('dedupeKey').get(dedupeKey));
  if (!existing) {
    const id = fastUlid(now, 1_000_000_000 + appended, 4);
    appendedIds.push(id);
    interactions.add({
      id,
      at: now,
      day,
      personId: pid,
      relationship: (person as { relationship: string }).relationship,
      relationshipPinned: false,
      tool: 'gmail',
      kind: 'mail',
      threadKey,
      title: 'Re: the new order',
      url: 'https://mail.google.com/mail/u/0/#inbox/append',
      source: 'detected',
      dedupeKey,
    });
  }
  await done(tx);
}

const summaryOurs = () => store!.weekSummary(settings, now);

/** The same three range reads as weekSummary, and the same counts. */
async function summaryBare(db: IDBDatabase = raw!): Promise<unknown> {
  const week = { start: weekStart, end: weekStart + 7 * 86_400_000 };
  const range = IDBKeyRange.bound(week.start, week.end, false, true);
  const tx = db.transaction(['interactions', 'appreciations', 'checkIns'], 'readonly');
  const [interactions, appreciations, checkIns] = await Promise.all([
    request(tx.objectStore('interactions').index('at').getAll(range)),
    request(tx.objectStore('appreciations').index('at').getAll(range)),
    request(tx.objectStore('checkIns').index('askedAt').getAll(range)),
  ]);
  let internal = 0;
  let external = 0;
  const people = new Set<string>();
  for (const i of interactions as Array<{ relationship: string; personId: string }>) {
    if (i.relationship === 'internal') internal++;
    else if (i.relationship === 'external') external++;
    people.add(i.personId);
  }
  return { internal, external, people: people.size, thanks: appreciations.length, checkIns };
}

const popupOurs = () =>
  Promise.all([store!.weekSummary(settings, now), store!.weeklyTrend(settings, 12, now)]);

/** The popup's numbers bare: the week's three range reads and 12 × 3 index counts. */
async function popupBare(): Promise<unknown> {
  const weeks = recentWeeks(now, 12, settings.weekStartsOn, settings.timeZone);
  const tx = raw!.transaction(['interactions', 'appreciations'], 'readonly');
  const byRelationship = tx.objectStore('interactions').index('relationshipAt');
  const thanksAt = tx.objectStore('appreciations').index('at');
  const [summary, totals] = await Promise.all([
    summaryBare(),
    Promise.all(
      weeks.map((w) =>
        Promise.all([
          request(
            byRelationship.count(
              IDBKeyRange.bound(['internal', w.start], ['internal', w.end], false, true),
            ),
          ),
          request(
            byRelationship.count(
              IDBKeyRange.bound(['external', w.start], ['external', w.end], false, true),
            ),
          ),
          request(thanksAt.count(IDBKeyRange.bound(w.start, w.end, false, true))),
        ]),
      ),
    ),
  ]);
  return { summary, totals };
}

const OPERATIONS = {
  append: [appendOurs, appendBare],
  summary: [summaryOurs, () => summaryBare()],
  popup: [popupOurs, popupBare],
} as const;

/**
 * Times ours and bare alternately (ours first on even rounds, bare first on odd ones), so both
 * see the same noise. `performance.now()` is coarsened to 0.1 ms here; each sample is one call.
 */
async function measure(
  operation: keyof typeof OPERATIONS,
  rounds: number,
  warmup: number,
): Promise<{ ours: number[]; bare: number[] }> {
  const [ours, bare] = OPERATIONS[operation];
  const samples = { ours: [] as number[], bare: [] as number[] };
  for (let round = 0; round < warmup + rounds; round++) {
    const order = round % 2 ? ([bare, ours] as const) : ([ours, bare] as const);
    for (const fn of order) {
      const start = performance.now();
      await fn();
      const elapsed = performance.now() - start;
      if (round >= warmup) (fn === ours ? samples.ours : samples.bare).push(elapsed);
    }
  }
  return samples;
}

/** Removes every appended row (outside any timing). */
async function cleanup(): Promise<number> {
  const tx = raw!.transaction('interactions', 'readwrite');
  for (const id of appendedIds) tx.objectStore('interactions').delete(id);
  await done(tx);
  const removed = appendedIds.length;
  appendedIds.length = 0;
  return removed;
}

/** What the current week's summary says, to check the seeded data is what we think. */
async function check(): Promise<{ week: number; thanks: number; log: number }> {
  const summary = await summaryOurs();
  return {
    week: summary.internal + summary.external + summary.unknown,
    thanks: summary.thanks,
    log: await count(),
  };
}

export interface IoTimes {
  entries: number;
  bytes: number;
  /** Reading everything and writing the JSON text, as the options page's Export does. */
  exportMs: number;
  /** Parsing and validating the whole file before anything is written. */
  validateMs: number;
  /** Merging it into an empty database, one transaction. */
  importMs: number;
  /** The same file again: nothing changes. */
  reimportMs: number;
  reimport: { added: number; updated: number; unchanged: number };
}

/** Export the log, then import the file into an empty second database, twice (options page). */
async function io(): Promise<IoTimes> {
  const started = performance.now();
  const json = exportJson(await exportAll(store!));
  const exported = performance.now();
  const parsed = parseImport(json, english);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const validated = performance.now();
  const target = await openStore(`${DB_NAME}-bench-import`);
  await target.wipe();
  const importStarted = performance.now();
  await target.importRecords(parsed.file);
  const imported = performance.now();
  const reimport = await target.importRecords(parsed.file);
  const reimported = performance.now();
  await target.wipe();
  target.db.close();
  const { file } = parsed;
  return {
    entries:
      file.people.length +
      file.interactions.length +
      file.appreciations.length +
      file.checkIns.length,
    bytes: new Blob([json]).size,
    exportMs: exported - started,
    validateMs: validated - exported,
    importMs: imported - importStarted,
    reimportMs: reimported - imported,
    reimport,
  };
}

(globalThis as unknown as { insideOutBench: unknown }).insideOutBench = {
  io,
  freeze,
  summaryAtEverySize,
  setup,
  seed,
  measure,
  check,
  count,
  cleanup,
};

import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportAll,
  exportCsv,
  exportJson,
  parseImport,
  type ExportFile,
} from '@/lib/io';
import { english } from '@/lib/english';
import { isOpenCommitment } from '@/lib/retention';
import {
  APPRECIATION_CHANNELS,
  AppreciationSchema,
  CheckInSchema,
  INTERACTION_KINDS,
  InteractionSchema,
  PersonSchema,
  RELATIONSHIPS,
  TOOLS,
  newId,
  type Appreciation,
  type CheckIn,
  type Interaction,
  type Person,
} from '@/lib/model';
import { openStore, type Store } from '@/lib/store';

const NOW = Date.UTC(2026, 10, 18, 12);
const DAY = 86_400_000;
const YEAR = 365 * DAY;
const STORES = ['people', 'interactions', 'appreciations', 'checkIns'] as const;
type StoreName = (typeof STORES)[number];

let store: Store;

beforeEach(async () => {
  store = await openStore(`io-${newId()}`);
});
afterEach(() => store.close());

// ---- fixtures ----

/** A small deterministic generator, so failures reproduce. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function isoDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

function makePerson(i: number, random: () => number, at = NOW - YEAR): Person {
  return {
    id: newId(at + i),
    name: `Person ${i}`,
    emails: [`person${i}@${random() < 0.5 ? 'acme' : 'globex'}.example`],
    handles: random() < 0.3 ? [`slack:U${i}`] : [],
    relationship: pick(random, RELATIONSHIPS),
    relationshipSource: 'rule',
    ...(random() < 0.2 ? { team: 'Support', circle: 'support-staff' as const } : {}),
    createdAt: at,
    updatedAt: at,
  };
}

function makeInteraction(personId: string, at: number, random: () => number): Interaction {
  const id = newId(at);
  const threaded = random() < 0.7;
  const threadKey = threaded ? `gmail:thread-${Math.floor(random() * 1e9)}` : undefined;
  const day = isoDay(at);
  return {
    id,
    at,
    day,
    personId,
    relationship: pick(random, RELATIONSHIPS),
    relationshipPinned: random() < 0.1,
    kind: pick(random, INTERACTION_KINDS),
    source: threaded ? 'detected' : 'manual',
    ...(threaded
      ? {
          tool: pick(random, TOOLS),
          threadKey,
          title: `Re: ticket ${Math.floor(random() * 1e6)}`,
          url: `https://mail.example.com/t/${id}`,
        }
      : { note: 'Talked at the coffee machine' }),
    dedupeKey: threaded ? `${threadKey}|${personId}|${day}|${id}` : id,
  };
}

/** `interaction` moved onto `thread`, with the thread key the store gives it (thread|person|day). */
function onThread(interaction: Interaction, thread: string): Interaction {
  return {
    ...interaction,
    threadKey: thread,
    dedupeKey: `${thread}|${interaction.personId}|${isoDay(interaction.at)}`,
  };
}

function makeAppreciation(personId: string, at: number, random: () => number): Appreciation {
  return {
    id: newId(at),
    at,
    personId,
    message: 'Thank you for sorting out the release so quickly!',
    channel: pick(random, APPRECIATION_CHANNELS),
    ...(random() < 0.5 ? { whatTheyDid: 'Fixed the build', whatItMadePossible: 'Shipping' } : {}),
  };
}

function makeCheckIn(personId: string, at: number, random: () => number): CheckIn {
  const delivered = random() < 0.5;
  return {
    id: newId(at),
    personId,
    askedAt: at,
    answer: 'Faster replies on tickets',
    commitment: 'Reply within a day',
    followUpOn: isoDay(at + 14 * DAY),
    delivered,
    ...(delivered ? { deliveredAt: at + 7 * DAY } : {}),
  };
}

interface Dataset {
  people: Person[];
  interactions: Interaction[];
  appreciations: Appreciation[];
  checkIns: CheckIn[];
}

/** `total` records: 1% people, 90% interactions over a year, 6% thank-yous, the rest check-ins. */
function makeDataset(total: number, seed = 1): Dataset {
  const random = rng(seed);
  const nPeople = Math.max(1, Math.round(total * 0.01));
  const nInteractions = Math.round(total * 0.9);
  const nAppreciations = Math.round(total * 0.06);
  const nCheckIns = total - nPeople - nInteractions - nAppreciations;
  const people = Array.from({ length: nPeople }, (_, i) => makePerson(i, random));
  const someone = () => pick(random, people).id;
  const when = () => NOW - Math.floor(random() * YEAR);
  return {
    people,
    interactions: Array.from({ length: nInteractions }, () =>
      makeInteraction(someone(), when(), random),
    ),
    appreciations: Array.from({ length: nAppreciations }, () =>
      makeAppreciation(someone(), when(), random),
    ),
    checkIns: Array.from({ length: nCheckIns }, () => makeCheckIn(someone(), when(), random)),
  };
}

/** Writes records in bulk: one transaction per store, puts not awaited one by one. */
async function fill(target: Store, data: Partial<Dataset>): Promise<void> {
  for (const name of STORES) {
    const records = data[name];
    if (!records?.length) continue;
    for (let start = 0; start < records.length; start += 2_000) {
      const tx = target.db.transaction(name, 'readwrite');
      for (const r of records.slice(start, start + 2_000)) void tx.store.put(r as never);
      await tx.done;
    }
  }
}

async function snapshot(target: Store): Promise<Record<StoreName, unknown[]>> {
  const out = {} as Record<StoreName, unknown[]>;
  for (const name of STORES) out[name] = await target.db.getAll(name); // getAll sorts by id
  return out;
}

function byId<T extends { id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function sorted(data: Dataset): Record<StoreName, unknown[]> {
  return {
    people: byId(data.people),
    interactions: byId(data.interactions),
    appreciations: byId(data.appreciations),
    checkIns: byId(data.checkIns),
  };
}

function fileOf(data: Partial<Dataset>): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: NOW,
    people: data.people ?? [],
    interactions: data.interactions ?? [],
    appreciations: data.appreciations ?? [],
    checkIns: data.checkIns ?? [],
  };
}

function mustParse(text: string): ExportFile {
  const parsed = parseImport(text, english);
  if (!parsed.ok) throw new Error(`expected a valid file: ${parsed.problems.join('; ')}`);
  return parsed.file;
}

function problemsOf(text: string): string[] {
  const parsed = parseImport(text, english);
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return [];
  expect(parsed.problems.length).toBeGreaterThan(0);
  for (const p of parsed.problems) expect(typeof p).toBe('string');
  return parsed.problems;
}

// ---- tests ----

describe('fixtures', () => {
  it('are valid per the schemas', () => {
    const data = makeDataset(2_000, 7);
    for (const p of data.people) expect(PersonSchema.parse(p)).toEqual(p);
    for (const i of data.interactions) expect(InteractionSchema.parse(i)).toEqual(i);
    for (const a of data.appreciations) expect(AppreciationSchema.parse(a)).toEqual(a);
    for (const c of data.checkIns) expect(CheckInSchema.parse(c)).toEqual(c);
  });
});

describe('round trip', () => {
  it(
    'exports, wipes and imports 100,000 entries back identically',
    { timeout: 180_000 },
    async () => {
      const data = makeDataset(100_000);
      const total = STORES.reduce((n, name) => n + data[name].length, 0);
      expect(total).toBe(100_000);
      await fill(store, data);
      const before = await snapshot(store);
      expect(before).toEqual(sorted(data));

      let t = performance.now();
      const json = exportJson(await exportAll(store, NOW));
      const exportMs = performance.now() - t;

      await store.wipe();
      for (const name of STORES) expect(await store.db.count(name)).toBe(0);

      t = performance.now();
      const parsed = parseImport(json, english);
      const parseMs = performance.now() - t;
      if (!parsed.ok) throw new Error(parsed.problems.join('; '));
      const progress: number[] = [];
      const result = await store.importRecords(parsed.file, (done, of) => {
        expect(of).toBe(100_000);
        progress.push(done);
      });
      const importMs = performance.now() - t;

      console.log(
        `[io] 100,000 entries (${(json.length / 1e6).toFixed(1)} MB): export ${Math.round(exportMs)} ms; ` +
          `import ${Math.round(importMs)} ms (validation ${Math.round(parseMs)} ms, ` +
          `transaction ${Math.round(importMs - parseMs)} ms)`,
      );
      expect(result).toMatchObject({ added: 100_000, updated: 0, unchanged: 0 });
      expect(progress.at(-1)).toBe(100_000);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(await snapshot(store)).toEqual(before);
    },
  );
});

describe('import', () => {
  it('importing the same file twice changes nothing the second time', async () => {
    const data = makeDataset(500, 2);
    await fill(store, data);
    const json = exportJson(await exportAll(store, NOW));
    await store.wipe();
    const first = await store.importRecords(mustParse(json));
    expect(first).toEqual({ added: 500, updated: 0, unchanged: 0, keptNewer: 0, keptDeleted: 0 });
    const after = await snapshot(store);
    const second = await store.importRecords(mustParse(json));
    expect(second).toEqual({ added: 0, updated: 0, unchanged: 500, keptNewer: 0, keptDeleted: 0 });
    expect(await snapshot(store)).toEqual(after);
    // And importing into the very store it came from changes nothing either.
    expect(await store.importRecords(mustParse(json))).toMatchObject({ added: 0, updated: 0 });
  });

  it('merges by id without duplicates into a store with overlapping and different data', async () => {
    const random = rng(3);
    const [amy, bo, cy] = [0, 1, 2].map((i) => makePerson(i, random));
    const shared = makeInteraction(amy!.id, NOW - DAY, random);
    const storeOnly = makeInteraction(bo!.id, NOW - 2 * DAY, random);
    const threaded: Interaction = {
      ...makeInteraction(amy!.id, NOW - 3 * DAY, random),
      tool: 'slack',
      threadKey: 'slack:T1:C1',
      source: 'detected',
      dedupeKey: `slack:T1:C1|${amy!.id}|${isoDay(NOW - 3 * DAY)}`,
    };
    const thanks = makeAppreciation(amy!.id, NOW - DAY, random);
    await fill(store, {
      people: [amy!, bo!],
      interactions: [shared, storeOnly, threaded],
      appreciations: [thanks],
    });

    const renamedAmy = { ...amy!, name: 'Amy Chen', updatedAt: NOW };
    const fileOnly = makeInteraction(cy!.id, NOW - 4 * DAY, random);
    // Logged on another device: another id, the same thread, person and day.
    const sameThreadElsewhere: Interaction = { ...threaded, id: newId(NOW), note: 'elsewhere' };
    const checkIn = makeCheckIn(cy!.id, NOW - DAY, random);
    const file = fileOf({
      people: [renamedAmy, cy!],
      interactions: [shared, fileOnly, sameThreadElsewhere],
      appreciations: [thanks],
      checkIns: [checkIn],
    });
    const result = await store.importRecords(mustParse(exportJson(file)));
    expect(result).toEqual({ added: 3, updated: 1, unchanged: 3, keptNewer: 0, keptDeleted: 0 });

    const after = await snapshot(store);
    expect(after.people).toEqual(byId([renamedAmy, bo!, cy!]));
    expect(after.interactions).toEqual(byId([shared, storeOnly, threaded, fileOnly]));
    expect(after.appreciations).toEqual([thanks]);
    expect(after.checkIns).toEqual([checkIn]);
    for (const name of STORES) {
      const ids = (after[name] as { id: string }[]).map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('imports a changed record whose thread, person and day another record already holds', async () => {
    // The store has X and Y; the file, from another device, has X moved onto Y's thread and day.
    const random = rng(12);
    const amy = makePerson(0, random);
    const x = onThread(makeInteraction(amy.id, NOW, random), 'jira:A-1');
    const y = onThread(makeInteraction(amy.id, NOW + 1, random), 'jira:A-2');
    await fill(store, { people: [amy], interactions: [x, y] });
    const before = await snapshot(store);
    const movedX = { ...onThread(x, 'jira:A-2'), note: 'moved', updatedAt: NOW + 5 };
    const newer = { ...amy, name: 'Amy Chen', updatedAt: NOW };
    const file = mustParse(exportJson(fileOf({ people: [newer], interactions: [movedX] })));
    // Not an error that throws the whole import away: the clash is skipped like any duplicate.
    expect(await store.importRecords(file)).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    const after = await snapshot(store);
    expect(after.people).toEqual([newer]);
    expect(after.interactions).toEqual(before.interactions);
  });

  it('hands a thread over within one file in file order, as one-by-one merging would', async () => {
    // The store has X on thread A-1. The file moves X to A-3 and adds Z on A-1: once X has
    // moved, A-1 is free, so Z goes in; listed the other way round, Z meets X still on A-1.
    const random = rng(13);
    const amy = makePerson(0, random);
    const x = onThread(makeInteraction(amy.id, NOW, random), 'jira:A-1');
    const movedX = { ...onThread(x, 'jira:A-3'), updatedAt: NOW + 5 };
    const z = onThread(makeInteraction(amy.id, NOW + 1, random), 'jira:A-1');
    await fill(store, { people: [amy], interactions: [x] });
    const moveFirst = mustParse(exportJson(fileOf({ people: [amy], interactions: [movedX, z] })));
    expect(await store.importRecords(moveFirst)).toMatchObject({
      added: 1,
      updated: 1,
      unchanged: 1,
    });
    expect((await snapshot(store)).interactions).toEqual(byId([movedX, z]));

    await store.wipe();
    await fill(store, { people: [amy], interactions: [x] });
    const addFirst = mustParse(exportJson(fileOf({ people: [amy], interactions: [z, movedX] })));
    expect(await store.importRecords(addFirst)).toMatchObject({
      added: 0,
      updated: 1,
      unchanged: 2,
    });
    expect((await snapshot(store)).interactions).toEqual([movedX]);
  });

  it('reports progress while importing a large file', async () => {
    const data = makeDataset(5_000, 4);
    const calls: [number, number][] = [];
    await store.importRecords(mustParse(exportJson(fileOf(data))), (done, total) =>
      calls.push([done, total]),
    );
    expect(calls).toEqual([
      [2_000, 5_000],
      [4_000, 5_000],
      [5_000, 5_000],
    ]);
  });

  it('rolls everything back when a write fails part way', async () => {
    const data = makeDataset(300, 5);
    await fill(store, { people: data.people });
    const before = await snapshot(store);
    // A record IndexedDB cannot store (parseImport never lets one through): the renamed
    // people written before it must be rolled back with it.
    const unstorable = { ...data.appreciations[0]!, oops: () => 1 } as unknown as Appreciation;
    const file = fileOf({
      people: data.people.map((p) => ({ ...p, name: `${p.name} (renamed)`, updatedAt: NOW })),
      interactions: data.interactions.slice(0, 50),
      appreciations: [unstorable],
    });
    await expect(store.importRecords(file)).rejects.toBeTruthy();
    expect(await snapshot(store)).toEqual(before);
  });
});

describe('CSV export', () => {
  it('writes headers, quotes awkward text, escapes formulae and names people', () => {
    const random = rng(6);
    const amy = { ...makePerson(0, random), name: 'Chen, "Amy"' };
    const evil = { ...makePerson(1, random), name: '=HYPERLINK("http://x")' };
    const tricky: Interaction = {
      ...makeInteraction(amy.id, NOW, random),
      tool: 'gmail',
      title: 'Budget, Q3 "final"\nsecond line',
      note: 'plain',
    };
    const formula: Interaction = {
      ...makeInteraction(evil.id, NOW - DAY, random),
      title: '=cmd|"/c calc"!A1',
      note: '+1 and -1 and @SUM(A1)',
    };
    const orphan: Interaction = makeInteraction(newId(), NOW - 2 * DAY, random);
    const thanks: Appreciation = {
      ...makeAppreciation(amy.id, NOW, random),
      message: 'Thanks, "really"\nfor everything',
      whatTheyDid: '=1+1',
    };
    const csv = exportCsv(
      fileOf({
        people: [amy, evil],
        interactions: [tricky, formula, orphan],
        appreciations: [thanks],
      }),
    );

    const rows = Papa.parse<Record<string, string>>(csv.interactions, {
      header: true,
      skipEmptyLines: true,
    });
    expect(rows.errors).toEqual([]);
    expect(rows.meta.fields).toEqual([
      'id',
      'when',
      'day',
      'person',
      'personId',
      'relationship',
      'tool',
      'kind',
      'title',
      'url',
      'source',
      'note',
    ]);
    expect(rows.data).toHaveLength(3);
    const [r0, r1, r2] = rows.data as [
      Record<string, string>,
      Record<string, string>,
      Record<string, string>,
    ];
    expect(r0).toMatchObject({
      id: tricky.id,
      when: new Date(NOW).toISOString(),
      day: tricky.day,
      person: 'Chen, "Amy"',
      personId: amy.id,
      title: 'Budget, Q3 "final"\nsecond line',
      tool: 'gmail',
    });
    // Anything a spreadsheet would run as a formula is defused with a leading quote.
    expect(r1.person).toBe(`'=HYPERLINK("http://x")`);
    expect(r1.title).toBe(`'=cmd|"/c calc"!A1`);
    expect(r1.note).toBe(`'+1 and -1 and @SUM(A1)`);
    // Nobody by that id: an empty name, never "undefined".
    expect(r2.person).toBe('');
    expect(r2.personId).toBe(orphan.personId);
    for (const row of rows.data) expect(Object.values(row)).not.toContain('undefined');

    const thanksRows = Papa.parse<Record<string, string>>(csv.appreciations, {
      header: true,
      skipEmptyLines: true,
    });
    expect(thanksRows.errors).toEqual([]);
    expect(thanksRows.meta.fields).toEqual([
      'id',
      'when',
      'person',
      'personId',
      'channel',
      'message',
      'whatTheyDid',
      'whatItMadePossible',
    ]);
    expect(thanksRows.data).toEqual([
      {
        id: thanks.id,
        when: new Date(NOW).toISOString(),
        person: 'Chen, "Amy"',
        personId: amy.id,
        channel: thanks.channel,
        message: 'Thanks, "really"\nfor everything',
        whatTheyDid: `'=1+1`,
        whatItMadePossible: thanks.whatItMadePossible ?? '',
      },
    ]);
    // The raw text really quotes: doubled quotes inside a quoted field.
    expect(csv.interactions).toContain('"Chen, ""Amy"""');
  });

  it('writes just nothing for an empty log', () => {
    const csv = exportCsv(fileOf({}));
    expect(typeof csv.interactions).toBe('string');
    expect(typeof csv.appreciations).toBe('string');
  });
});

describe('bad files', () => {
  let json: string;
  let valid: ExportFile;
  let before: Record<StoreName, unknown[]>;

  beforeEach(async () => {
    const data = makeDataset(200, 8);
    await fill(store, data);
    valid = await exportAll(store, NOW);
    json = exportJson(valid);
    before = await snapshot(store);
  });

  afterEach(async () => {
    // A refused file never reaches the store.
    expect(await snapshot(store)).toEqual(before);
  });

  const edit = (change: (file: Record<string, unknown>) => void): string => {
    const file = JSON.parse(json) as Record<string, unknown>;
    change(file);
    return JSON.stringify(file);
  };

  it('accepts the unchanged file', () => {
    expect(parseImport(json, english).ok).toBe(true);
  });

  it('refuses text that is not JSON', () => {
    for (const text of ['', 'hello', json.slice(0, json.length / 2), '{"format":', 'NaN']) {
      const problems = problemsOf(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/not a JSON file/);
    }
  });

  it('refuses JSON that is not an object or of another format', () => {
    for (const text of ['null', '42', '"inside-out"', '[]', JSON.stringify([valid])]) {
      expect(problemsOf(text)[0]).toMatch(/not an Inside Out export/);
    }
    expect(problemsOf(edit((f) => (f.format = 'outside-in')))[0]).toMatch(
      /not an Inside Out export/,
    );
    expect(problemsOf(edit((f) => delete f.format))[0]).toMatch(/not an Inside Out export/);
  });

  it('refuses a file made by a newer version', () => {
    const problems = problemsOf(edit((f) => (f.version = EXPORT_VERSION + 1)));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/made by a newer version/);
    // 1e400 parses as Infinity.
    expect(problemsOf(json.replace('"version":1,', '"version":1e400,'))[0]).toMatch(
      /newer version/,
    );
  });

  it('refuses a version that is not a version', () => {
    for (const version of [0, -1, 1.5, '1', null]) {
      expect(problemsOf(edit((f) => (f.version = version))).join('\n')).toMatch(/version/);
    }
    expect(problemsOf(edit((f) => delete f.version)).join('\n')).toMatch(/version/);
  });

  it('names each field of the wrong type', () => {
    const problems = problemsOf(
      edit((f) => {
        const people = f.people as Record<string, unknown>[];
        const interactions = f.interactions as Record<string, unknown>[];
        people[0]!.name = 42;
        interactions[3]!.at = 'yesterday';
        interactions[4]!.url = 'javascript:alert(1)';
        (f.checkIns as Record<string, unknown>[])[0]!.delivered = 'yes';
      }),
    );
    expect(problems.some((p) => p.startsWith('people.0.name:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('interactions.3.at:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('interactions.4.url:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('checkIns.0.delivered:'))).toBe(true);
  });

  it('refuses a whole section of the wrong type', () => {
    expect(problemsOf(edit((f) => (f.people = {}))).join('\n')).toMatch(/^people:/m);
    expect(problemsOf(edit((f) => delete f.checkIns)).join('\n')).toMatch(/^checkIns:/m);
  });

  it('refuses a record that refers to a person missing from the file', () => {
    const problems = problemsOf(
      edit((f) => {
        (f.appreciations as Record<string, unknown>[])[1]!.personId = newId();
      }),
    );
    expect(problems).toEqual(['appreciations.1: refers to a person not in the file']);
    // Even when the person is in the store: a file must stand on its own.
    const people = valid.people.slice(1);
    const orphans = valid.interactions.filter((i) => i.personId === valid.people[0]!.id);
    expect(orphans.length).toBeGreaterThan(0);
    expect(
      problemsOf(exportJson({ ...valid, people })).filter((p) => /refers to a person/.test(p))
        .length,
    ).toBeGreaterThan(0);
  });

  it('refuses duplicate ids and duplicate dedupe keys', () => {
    const problems = problemsOf(
      edit((f) => {
        const interactions = f.interactions as Record<string, unknown>[];
        interactions.push({ ...interactions[0]!, dedupeKey: 'another' });
        const people = f.people as Record<string, unknown>[];
        people.push({ ...people[1]! });
        interactions.push({ ...interactions[2]!, id: newId() });
      }),
    );
    expect(problems).toContain(
      `people.${valid.people.length}: the id ${valid.people[1]!.id} appears twice`,
    );
    expect(problems).toContain(
      `interactions.${valid.interactions.length}: the id ${valid.interactions[0]!.id} appears twice`,
    );
    expect(problems).toContain(
      `interactions.${valid.interactions.length + 1}: logged twice for the same thread, person and day`,
    );
  });

  it('refuses unknown keys at the top level and inside records', () => {
    const top = problemsOf(edit((f) => (f.extra = true)));
    expect(top.join('\n')).toMatch(/extra/);
    const inner = problemsOf(
      edit((f) => {
        (f.people as Record<string, unknown>[])[0]!.password = 'hunter2';
      }),
    );
    expect(inner.join('\n')).toMatch(/^people\.0.*password/m);
  });

  it('keeps every problem short, whatever the file holds', () => {
    const key = 'k'.repeat(100_000);
    const problems = problemsOf(
      edit((f) => {
        f[key] = 1;
        const person = (f.people as Record<string, unknown>[])[0]!;
        for (let i = 0; i < 5_000; i++) person[`extra${i}`] = i;
      }),
    );
    for (const p of problems) expect(p.length).toBeLessThanOrEqual(300);
    expect(problems.join('\n')).toMatch(/^\(root\): Unrecognized key/m);
  });

  it('refuses prototype-pollution keys without polluting anything', () => {
    const hostile = [
      json.replace(/^\{/, '{"__proto__":{"polluted":"yes"},'),
      json.replace('"people":[{', '"people":[{"__proto__":{"polluted":"yes"},'),
      json.replace(/^\{/, '{"constructor":{"prototype":{"polluted":"yes"}},'),
    ];
    for (const text of hostile) {
      const problems = problemsOf(text);
      expect(problems.join('\n')).toMatch(/__proto__|constructor/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('lists many problems, capped with a count of the rest', () => {
    const problems = problemsOf(
      edit((f) => {
        for (const i of f.interactions as Record<string, unknown>[]) i.kind = 'telepathy';
      }),
    );
    expect(problems).toHaveLength(21);
    expect(problems[20]).toMatch(/^…and \d+ more problems$/);
  });

  it('refuses a file too large to import before parsing it', () => {
    // Not allocated for real: a string whose length says it is over the limit.
    const huge = { length: 600 * 1024 * 1024 } as unknown as string;
    expect(parseImport(huge, english)).toEqual({
      ok: false,
      problems: ['The file is too large to import.'],
    });
  });
});

describe('retention', () => {
  it('removes exactly the entries older than the cutoff', async () => {
    const data = makeDataset(3_000, 9);
    const cutoff = NOW - 180 * DAY;
    // Entries exactly at the cutoff are kept; one millisecond earlier is removed.
    const random = rng(10);
    const personId = data.people[0]!.id;
    data.interactions.push(
      makeInteraction(personId, cutoff, random),
      makeInteraction(personId, cutoff - 1, random),
    );
    data.appreciations.push(makeAppreciation(personId, cutoff, random));
    data.checkIns.push(makeCheckIn(personId, cutoff - 1, random));
    await fill(store, data);

    const removed = await store.removeOlderThan(cutoff);
    const after = await snapshot(store);
    const keep = <T>(records: T[], at: (r: T) => number) => records.filter((r) => at(r) >= cutoff);
    const expected = {
      people: byId(data.people),
      interactions: byId(keep(data.interactions, (i) => i.at)),
      appreciations: byId(keep(data.appreciations, (a) => a.at)),
      // Old check-ins whose commitment is still open are kept too.
      checkIns: byId(data.checkIns.filter((c) => c.askedAt >= cutoff || isOpenCommitment(c))),
    };
    expect(after).toEqual(expected);
    const before = data.interactions.length + data.appreciations.length + data.checkIns.length;
    const left =
      expected.interactions.length + expected.appreciations.length + expected.checkIns.length;
    expect(removed).toBe(before - left);
    expect(removed).toBeGreaterThan(0);
    expect(await store.removeOlderThan(cutoff)).toBe(0);
  });
});

describe('wipe', () => {
  it('empties every store', async () => {
    await fill(store, makeDataset(1_000, 11));
    for (const name of STORES) expect(await store.db.count(name)).toBeGreaterThan(0);
    await store.wipe();
    for (const name of STORES) expect(await store.db.count(name)).toBe(0);
    expect(await exportAll(store, NOW)).toEqual(fileOf({}));
  });
});

/**
 * Hostile and corrupted import files: whatever the file, parseImport never throws, a refused
 * file comes with a list of readable problems, the store is left as it was, and nothing reaches
 * Object.prototype.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAll, exportJson, parseImport } from '@/lib/io';
import { decideMerge } from '@/lib/merge';
import { english } from '@/lib/english';
import { newId, type Appreciation, type CheckIn, type Interaction, type Person } from '@/lib/model';
import { openStore, type Store } from '@/lib/store';

const NOW = Date.UTC(2026, 10, 18, 12);
const DAY = 86_400_000;
const SECTIONS = ['people', 'interactions', 'appreciations', 'checkIns'] as const;
type Section = (typeof SECTIONS)[number];
type Json = Record<string, unknown>;

let store: Store;
let BASE: string;
let base: Record<Section, Json[]>;

// ---- the valid log every mutation starts from ----

function baseData() {
  const people: Person[] = ['Amy Chen', 'Bo Diaz', 'Cy Evans', 'Dee Fox'].map((name, i) => ({
    id: newId(NOW - 100 * DAY + i),
    name,
    emails: [`${name.split(' ')[0]!.toLowerCase()}@acme.example`],
    handles: i % 2 ? [`slack:U0${i}`] : [],
    relationship: i % 2 ? 'external' : 'internal',
    relationshipSource: i === 3 ? 'manual' : 'rule',
    ...(i === 0
      ? { circle: 'own-team', role: 'Engineer', team: 'Core', thankPreference: 'publicly' }
      : {}),
    ...(i === 1 ? { notes: 'Prefers calls' } : {}),
    createdAt: NOW - 100 * DAY,
    updatedAt: NOW - 10 * DAY,
  }));
  const interactions: Interaction[] = Array.from({ length: 8 }, (_, i) => {
    const at = NOW - i * DAY;
    const id = newId(at);
    const personId = people[i % people.length]!.id;
    const day = new Date(at).toISOString().slice(0, 10);
    return i % 2
      ? {
          id,
          at,
          day,
          personId,
          relationship: 'internal',
          relationshipPinned: i === 3,
          kind: 'in-person',
          source: 'manual',
          note: `Met in the kitchen, "quote", comma, line\nbreak ${i}`,
          dedupeKey: id,
        }
      : {
          id,
          at,
          day,
          personId,
          relationship: 'external',
          relationshipPinned: false,
          tool: 'zendesk',
          kind: 'ticket',
          threadKey: `zendesk:acme:${i}`,
          title: `Ticket ${i}`,
          url: `https://acme.zendesk.com/agent/tickets/${i}`,
          source: 'detected',
          dedupeKey: `zendesk:acme:${i}|${personId}|${day}`,
        };
  });
  const appreciations: Appreciation[] = [0, 1, 2].map((i) => ({
    id: newId(NOW - i * DAY + 5),
    at: NOW - i * DAY + 5,
    personId: people[i]!.id,
    message: 'Thank you!',
    channel: 'copied',
    ...(i === 0
      ? {
          whatTheyDid: 'Fixed it',
          whatItMadePossible: 'A release',
          interactionId: interactions[0]!.id,
        }
      : {}),
  }));
  const checkIns: CheckIn[] = [0, 1, 2].map((i) => ({
    id: newId(NOW - i * DAY + 9),
    personId: people[i + 1]!.id,
    askedAt: NOW - i * DAY + 9,
    answer: i ? 'Faster replies' : '',
    commitment: i ? 'Reply within a day' : '',
    ...(i === 1 ? { followUpOn: '2026-12-01' } : {}),
    delivered: i === 2,
    ...(i === 2 ? { deliveredAt: NOW } : {}),
  }));
  return { people, interactions, appreciations, checkIns };
}

async function fillBase(): Promise<void> {
  const tx = store.db.transaction([...SECTIONS], 'readwrite');
  for (const name of SECTIONS)
    for (const r of base[name]) void tx.objectStore(name).put(r as never);
  await tx.done;
}

/** The whole store as one string: small enough to take before and after every run. */
async function snapshot(): Promise<string> {
  const tx = store.db.transaction([...SECTIONS], 'readonly');
  const all = await Promise.all(SECTIONS.map((name) => tx.objectStore(name).getAll()));
  await tx.done;
  return JSON.stringify(all);
}

beforeAll(async () => {
  store = await openStore(`io-fuzz-${newId()}`);
  base = baseData() as unknown as Record<Section, Json[]>;
  await fillBase();
  BASE = exportJson(await exportAll(store, NOW));
  const check = parseImport(BASE, english);
  if (!check.ok) throw new Error(`the base file is invalid: ${check.problems.join('; ')}`);
});
afterAll(() => store.close());

// ---- building hostile files ----

/** Placeholders replaced in the JSON text, so keys like `__proto__` really are own keys. */
const KEY = '__io_fuzz_key__';
const RAW = '__io_fuzz_raw__';

/** A file from the base one: `edit` changes the parsed object, then raw JSON text goes in. */
function build(edit: (file: Json) => void, raw: { key?: string; value?: string } = {}): string {
  const file = JSON.parse(BASE) as Json;
  edit(file);
  let text = JSON.stringify(file);
  if (raw.key !== undefined) text = text.replace(JSON.stringify(KEY), () => raw.key!);
  if (raw.value !== undefined) text = text.replace(JSON.stringify(RAW), () => raw.value!);
  return text;
}

type Category = 'string' | 'number' | 'boolean' | 'array';
const TOP_FIELDS: Record<string, Category> = {
  format: 'string',
  version: 'number',
  exportedAt: 'number',
  people: 'array',
  interactions: 'array',
  appreciations: 'array',
  checkIns: 'array',
};
const FIELDS: Record<Section, Record<string, Category>> = {
  people: {
    id: 'string',
    name: 'string',
    emails: 'array',
    handles: 'array',
    relationship: 'string',
    relationshipSource: 'string',
    circle: 'string',
    role: 'string',
    team: 'string',
    thankPreference: 'string',
    notes: 'string',
    createdAt: 'number',
    updatedAt: 'number',
  },
  interactions: {
    id: 'string',
    at: 'number',
    day: 'string',
    personId: 'string',
    relationship: 'string',
    relationshipPinned: 'boolean',
    tool: 'string',
    kind: 'string',
    threadKey: 'string',
    title: 'string',
    url: 'string',
    source: 'string',
    note: 'string',
    dedupeKey: 'string',
  },
  appreciations: {
    id: 'string',
    at: 'number',
    personId: 'string',
    message: 'string',
    whatTheyDid: 'string',
    whatItMadePossible: 'string',
    channel: 'string',
    interactionId: 'string',
  },
  checkIns: {
    id: 'string',
    personId: 'string',
    askedAt: 'number',
    answer: 'string',
    commitment: 'string',
    followUpOn: 'string',
    delivered: 'boolean',
    deliveredAt: 'number',
  },
};
const REQUIRED: Record<Section, string[]> = {
  people: ['id', 'name', 'createdAt', 'updatedAt'],
  interactions: ['id', 'at', 'day', 'personId', 'relationship', 'kind', 'source', 'dedupeKey'],
  appreciations: ['id', 'at', 'personId', 'channel'],
  checkIns: ['id', 'personId', 'askedAt'],
};

/** Raw JSON text that is never acceptable for a field of this kind. */
const WRONG: Record<Category, string[]> = {
  string: ['1', '-0', '1e400', 'true', 'null', '[]', '{}', '["x"]', '{"toString":"x"}'],
  number: [
    '"NaN"',
    '"Infinity"',
    '"-Infinity"',
    '"1e400"',
    '"12"',
    '1e400',
    '-1e400',
    '-1',
    '0.5',
    '1e-300',
    'null',
    'true',
    '[]',
    '[1]',
    '{}',
    '{"valueOf":1}',
  ],
  boolean: ['"true"', '"false"', '1', '0', 'null', '[]', '{}'],
  array: [
    '{}',
    '"x"',
    '1',
    'null',
    'true',
    '{"0":"a@acme.example","length":1}',
    '[1]',
    '[null]',
    '[[]]',
  ],
};

const HUGE = [
  'a'.repeat(1 << 20),
  '🙂'.repeat(1 << 19),
  '"\\'.repeat(1 << 19),
  // A valid day with a tail; not spaces, which a trimmed field (a name) rightly takes off.
  `2026-11-18${'0'.repeat(1 << 20)}`,
  `https://acme.example/${'x'.repeat(1 << 20)}`,
];

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];
const PROTO_VALUES = [
  '{"polluted":"yes"}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '[{"polluted":"yes"}]',
  'null',
  '"polluted"',
  '1',
];

/** Where a change goes: the file itself, or one record of a section. */
const target = fc.oneof(
  fc.constant<{ section: null; index: 0 }>({ section: null, index: 0 }),
  fc.record({ section: fc.constantFrom(...SECTIONS), index: fc.nat() }),
);

function locate(file: Json, at: { section: Section | null; index: number }) {
  if (!at.section) return { object: file, fields: TOP_FIELDS };
  const records = file[at.section] as Json[];
  return { object: records[at.index % records.length]!, fields: FIELDS[at.section] };
}

/** `valid`: whether the file is meant to be refused ('no'), accepted ('yes'), or either. */
interface Case {
  kind: string;
  valid: 'no' | 'yes' | 'maybe';
  text: string;
}

const wrongType = fc.tuple(target, fc.nat(), fc.nat()).map(([at, f, w]): Case => {
  const fields = at.section ? FIELDS[at.section] : TOP_FIELDS;
  const names = Object.keys(fields);
  const name = names[f % names.length]!;
  const wrong = WRONG[fields[name]!];
  return {
    kind: 'wrong type',
    valid: 'no',
    text: build((file) => (locate(file, at).object[name] = RAW), {
      value: wrong[w % wrong.length]!,
    }),
  };
});

const hugeString = fc.tuple(target, fc.nat(), fc.nat(), fc.boolean()).map(([at, f, h, asKey]) => {
  const huge = HUGE[h % HUGE.length]!;
  return {
    kind: asKey ? 'huge key' : 'huge string',
    valid: 'no',
    text: build((file) => {
      const { object, fields } = locate(file, at);
      if (asKey) object[huge] = 'x';
      else object[Object.keys(fields)[f % Object.keys(fields).length]!] = huge;
    }),
  } satisfies Case;
});

const unknownVersion = fc
  .oneof(
    fc.integer({ min: 2 }).map(String),
    fc.integer({ max: 0 }).map(String),
    fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .filter((v) => v !== 1)
      .map(String),
    fc.constantFrom('1e400', '-1e400', '"1"', '"2"', 'null', 'true', '[1]', '{"major":1}', '1.5'),
  )
  .map((raw): Case => ({
    kind: 'unknown version',
    valid: 'no',
    text: build((file) => (file.version = RAW), { value: raw }),
  }));

const duplicateId = fc
  .tuple(fc.constantFrom(...SECTIONS), fc.nat(), fc.nat(), fc.boolean())
  .map(([section, i, j, push]): Case => ({
    kind: 'duplicate id',
    valid: 'no',
    text: build((file) => {
      const records = file[section] as Json[];
      const from = records[i % records.length]!;
      if (push) records.push({ ...from });
      else {
        const k = (i + 1 + (j % (records.length - 1))) % records.length;
        records[k]!.id = from.id;
      }
    }),
  }));

const missingField = fc.tuple(target, fc.nat()).map(([at, f]): Case => ({
  kind: 'missing field',
  valid: 'no',
  text: build((file) => {
    const { object } = locate(file, at);
    const names = at.section ? REQUIRED[at.section] : Object.keys(TOP_FIELDS);
    delete object[names[f % names.length]!];
  }),
}));

const missingPerson = fc
  .tuple(fc.constantFrom('interactions', 'appreciations', 'checkIns' as const), fc.nat())
  .map(([section, i]): Case => ({
    kind: 'missing person',
    valid: 'no',
    text: build((file) => {
      const records = file[section] as Json[];
      records[i % records.length]!.personId = newId();
    }),
  }));

const extraKey = fc
  .tuple(target, fc.string({ maxLength: 30 }), fc.jsonValue({ maxDepth: 3 }))
  .filter(([at, key]) => !(key in (at.section ? FIELDS[at.section] : TOP_FIELDS)))
  .map(([at, key, value]): Case => ({
    kind: 'extra key',
    valid: 'no',
    text: build(
      (file) => {
        locate(file, at).object[KEY] = RAW;
      },
      { key: JSON.stringify(key), value: JSON.stringify(value) ?? 'null' },
    ),
  }));

const protoKey = fc
  .tuple(
    fc.oneof(
      target.map((at) => ({ at, field: null })),
      target.map((at) => ({ at, field: 'nested' })),
    ),
    fc.constantFrom(...PROTO_KEYS),
    fc.constantFrom(...PROTO_VALUES),
  )
  .map(([{ at, field }, key, value]): Case => ({
    kind: field ? 'prototype key, nested' : 'prototype key',
    valid: 'no',
    text: build(
      (file) => {
        const { object } = locate(file, at);
        // Inside a record's field (an object where a string or list goes), or as a key beside
        // the others.
        if (field) object[Object.keys(object)[0]!] = { [KEY]: RAW };
        else object[KEY] = RAW;
      },
      { key: JSON.stringify(key), value },
    ),
  }));

const deepJunk = fc
  .tuple(target, fc.nat(), fc.integer({ min: 2, max: 20_000 }), fc.boolean(), fc.boolean())
  .map(([at, f, depth, arrays, asExtra]): Case => {
    const junk = arrays
      ? '['.repeat(depth) + ']'.repeat(depth)
      : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    return {
      kind: 'deeply nested junk',
      valid: 'no',
      text: build(
        (file) => {
          const { object, fields } = locate(file, at);
          const names = Object.keys(fields);
          if (asExtra) object.junk = RAW;
          else object[names[f % names.length]!] = RAW;
        },
        { value: junk },
      ),
    };
  });

const wrongShape = fc
  .tuple(fc.constantFrom(...SECTIONS), fc.nat(), fc.nat({ max: 4 }))
  .map(([section, i, how]): Case => ({
    kind: 'array where an object goes',
    valid: 'no',
    text:
      how === 0
        ? `[${BASE}]`
        : build((file) => {
            const records = file[section] as unknown[];
            const index = i % records.length;
            if (how === 1) records[index] = Object.values(records[index] as Json);
            else if (how === 2) records[index] = [];
            else if (how === 3) file[section] = { ...records };
            else records[index] = [records[index]];
          }),
  }));

const truncated = fc
  .nat()
  .map((n): Case => ({ kind: 'truncated', valid: 'no', text: BASE.slice(0, n % BASE.length) }));

const wrongFormat = fc
  .oneof(fc.string(), fc.constantFrom('Inside Out', 'inside-out ', 'INSIDE-OUT', ''))
  .filter((s) => s !== 'inside-out')
  .map((format): Case => ({
    kind: 'wrong format',
    valid: 'no',
    text: build((file) => (file.format = format)),
  }));

const corrupted = fc
  .tuple(
    fc.nat(),
    fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      '"',
      ':',
      ',',
      '\\',
      '0',
      '9',
      'a',
      ' ',
      '\u0000',
      '\ud800',
      '-',
      '.',
    ),
    fc.boolean(),
  )
  .map(([n, c, insert]): Case => {
    const at = n % BASE.length;
    return {
      kind: 'corrupted character',
      valid: 'maybe',
      text: BASE.slice(0, at) + c + BASE.slice(insert ? at : at + 1),
    };
  });

const junk = fc
  .oneof(
    fc.string({ maxLength: 200 }),
    fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
    fc
      .dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }))
      .map((o) => JSON.stringify({ format: 'inside-out', version: 1, ...o })),
    fc.constantFrom('NaN', 'Infinity', 'undefined', '', ' ', '\ufeff{}', '{}', '[]', 'null'),
  )
  .map((text): Case => ({ kind: 'junk', valid: 'maybe', text }));

const validEdit = fc
  .tuple(
    fc.nat({ max: 5 }),
    fc.nat(),
    fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0),
  )
  .map(([how, i, text]): Case => ({
    kind: 'valid edit',
    valid: 'yes',
    text:
      how === 0
        ? BASE.replace('"version":1,', '"version":1.0,')
        : build((file) => {
            const pick = (section: Section) => {
              const records = file[section] as Json[];
              return records[i % records.length]!;
            };
            if (how === 1) pick('people').name = text;
            else if (how === 2) pick('interactions').note = text;
            else if (how === 3) delete pick('people').team;
            else if (how === 4) file.checkIns = [];
            else pick('appreciations').message = text.slice(0, 500);
          }),
  }));

/** Short descriptions of failing cases: some files are megabytes long. */
function shown(c: Case): Case & { [fc.toStringMethod]: () => string } {
  const text = c.text.length > 400 ? `${c.text.slice(0, 400)}… (${c.text.length} chars)` : c.text;
  return { ...c, [fc.toStringMethod]: () => `${c.kind} (${c.valid}): ${text}` };
}

const hostileFile = fc
  .oneof(
    wrongType,
    hugeString,
    unknownVersion,
    duplicateId,
    missingField,
    missingPerson,
    extraKey,
    protoKey,
    deepJunk,
    wrongShape,
    truncated,
    wrongFormat,
    corrupted,
    junk,
    validEdit,
  )
  .map(shown);

// ---- the property ----

describe('importing hostile files', () => {
  it('never throws, never pollutes, and changes nothing unless the file is valid', async () => {
    const before = await snapshot();
    const kinds = new Map<string, number>();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(hostileFile, async ({ kind, valid, text }) => {
        runs++;
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        let parsed: ReturnType<typeof parseImport>;
        try {
          parsed = parseImport(text, english);
        } catch (error) {
          throw new Error(`parseImport threw on a "${kind}" file: ${String(error)}`);
        }
        expect(({} as Json).polluted).toBeUndefined();
        expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);

        if (!parsed.ok) {
          if (valid === 'yes')
            throw new Error(`refused a valid file: ${parsed.problems.join('; ')}`);
          expect(Array.isArray(parsed.problems)).toBe(true);
          expect(parsed.problems.length).toBeGreaterThan(0);
          expect(parsed.problems.length).toBeLessThanOrEqual(21);
          for (const p of parsed.problems) {
            expect(typeof p).toBe('string');
            expect(p.length).toBeGreaterThan(0);
            // Readable: a hostile file cannot blow up the list shown to the user.
            expect(p.length).toBeLessThanOrEqual(500);
          }
          expect(await snapshot()).toBe(before);
          return;
        }
        if (valid === 'no') throw new Error(`accepted a "${kind}" file that should be refused`);
        // A genuinely valid file: it imports (or fails and changes nothing), then is undone.
        const file = parsed.file;
        // What the log held for each record before: a copy that changed later stays (lib/merge.ts).
        const prior = new Map<string, unknown>();
        for (const section of SECTIONS) {
          for (const record of file[section]) {
            prior.set(`${section}:${record.id}`, await store.db.get(section, record.id));
          }
        }
        try {
          const result = await store.importRecords(file);
          const total = SECTIONS.reduce((n, s) => n + file[s].length, 0);
          expect(
            result.added +
              result.updated +
              result.unchanged +
              result.keptNewer +
              result.keptDeleted,
          ).toBe(total);
          if (valid === 'yes') {
            for (const section of SECTIONS) {
              for (const record of file[section]) {
                const before = prior.get(`${section}:${record.id}`) as typeof record | undefined;
                const wins = ['add', 'replace', 'same'].includes(decideMerge(before, record));
                expect(await store.db.get(section, record.id)).toEqual(wins ? record : before);
              }
            }
          }
        } catch (error) {
          if (valid === 'yes') throw error;
          expect(await snapshot()).toBe(before);
        }
        expect(({} as Json).polluted).toBeUndefined();
        await store.wipe();
        await fillBase();
        expect(await snapshot()).toBe(before);
      }),
      { numRuns: 2_500 },
    );
    expect(runs).toBeGreaterThanOrEqual(2_000);
    // Every family of hostile file was tried.
    for (const kind of [
      'wrong type',
      'huge string',
      'huge key',
      'unknown version',
      'duplicate id',
      'missing field',
      'missing person',
      'extra key',
      'prototype key',
      'prototype key, nested',
      'deeply nested junk',
      'array where an object goes',
      'truncated',
      'wrong format',
      'corrupted character',
      'junk',
      'valid edit',
    ]) {
      expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(20);
    }
    console.log(
      `[io fuzz] ${runs} files: ${[...kinds].map(([kind, n]) => `${kind} ${n}`).join(', ')}`,
    );
  }, 120_000);
});

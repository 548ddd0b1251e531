import fc from 'fast-check';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, ValidationError, newId } from '@/lib/model';
import { NotFoundError, openStore, type Store } from '@/lib/store';
import { DB_VERSION, MIGRATIONS } from '@/lib/store/schema';

const settings = { ...DEFAULT_SETTINGS, timeZone: 'Europe/Berlin', orgDomains: ['acme.example'] };
const NOW = Date.UTC(2026, 10, 18, 12); // Wednesday
let store: Store;
let dbName: string;

beforeEach(async () => {
  dbName = `test-${newId()}`;
  store = await openStore(dbName);
});
afterEach(() => store.close());

async function allInteractions() {
  return store.db.getAll('interactions');
}

describe('people', () => {
  it('creates and finds people by email (any case) and handle', async () => {
    const amy = await store.createPerson({
      name: 'Amy Chen',
      emails: ['Amy@Acme.example'],
      handles: ['slack:U01'],
      relationship: 'internal',
      relationshipSource: 'rule',
    });
    expect(amy.emails).toEqual(['amy@acme.example']);
    expect((await store.findPersonByEmail('AMY@acme.EXAMPLE'))?.id).toBe(amy.id);
    expect((await store.findPersonByHandle('slack:U01'))?.id).toBe(amy.id);
  });

  it('rejects an invalid person with a clear error and writes nothing', async () => {
    await expect(
      store.createPerson({
        name: '',
        emails: ['not-an-email'],
        handles: [],
        relationship: 'internal',
        relationshipSource: 'rule',
      }),
    ).rejects.toThrow(
      /Invalid person: name: a person needs a name; emails.0: must be an email address/,
    );
    expect(await store.listPeople()).toEqual([]);
  });

  it('resolves participants to one person across tools and classifies new ones', async () => {
    const a = await store.resolveParticipant(
      { name: 'Amy Chen', email: 'amy@acme.example', role: 'sender' },
      settings.orgDomains,
      NOW,
    );
    expect(a.relationship).toBe('internal');
    const b = await store.resolveParticipant(
      { name: 'Amy Chen', email: 'AMY@acme.example', handle: 'slack:U01', role: 'author' },
      settings.orgDomains,
      NOW,
    );
    expect(b.id).toBe(a.id);
    expect(b.handles).toEqual(['slack:U01']);
    const c = await store.resolveParticipant(
      { name: 'Amy', handle: 'slack:U01', role: 'mention' },
      settings.orgDomains,
      NOW,
    );
    expect(c.id).toBe(a.id);
    const customer = await store.resolveParticipant(
      { name: 'Pat', email: 'pat@globex.example', role: 'requester' },
      settings.orgDomains,
      NOW,
    );
    expect(customer.relationship).toBe('external');
    expect(await store.listPeople()).toHaveLength(2);
  });

  it('recognises someone a page shows only by name', async () => {
    const first = await store.resolveParticipant(
      { name: 'Dana Kim', role: 'author' },
      settings.orgDomains,
    );
    await store.setRelationship(first.id, 'internal');
    const again = await store.resolveParticipant(
      { name: 'dana kim', role: 'mention' },
      settings.orgDomains,
    );
    expect(again.id).toBe(first.id);
    expect(again.relationship).toBe('internal');
    await store.createPerson({
      name: 'Dana Kim',
      emails: ['dana@globex.example'],
      handles: [],
      relationship: 'external',
      relationshipSource: 'rule',
    });
    // Another Dana Kim is known by email: a name-only page still means the name-only record.
    const again2 = await store.resolveParticipant(
      { name: 'Dana Kim', role: 'author' },
      settings.orgDomains,
    );
    expect(again2.id).toBe(first.id);
    expect(await store.listPeople()).toHaveLength(2);
  });

  it('keeps a manual choice when the person shows up again', async () => {
    const p = await store.resolveParticipant(
      { name: 'Bo', email: 'bo@acme.example', role: 'sender' },
      settings.orgDomains,
    );
    await store.setRelationship(p.id, 'external');
    const again = await store.resolveParticipant(
      { name: 'Bo', email: 'bo@acme.example', role: 'sender' },
      settings.orgDomains,
    );
    expect(again.relationship).toBe('external');
    expect(again.relationshipSource).toBe('manual');
  });
});

describe('logging interactions', () => {
  async function amy() {
    return store.createPerson({
      name: 'Amy',
      emails: ['amy@acme.example'],
      handles: [],
      relationship: 'internal',
      relationshipSource: 'rule',
    });
  }

  it('takes the person’s relationship and the user’s local day', async () => {
    const p = await amy();
    const late = Date.UTC(2026, 10, 18, 23, 30); // already the 19th in Berlin
    const { interaction, created } = await store.logInteraction(
      {
        personId: p.id,
        at: late,
        kind: 'mail',
        tool: 'gmail',
        threadKey: 'gmail:t1',
        source: 'detected',
      },
      settings,
    );
    expect(created).toBe(true);
    expect(interaction).toMatchObject({
      relationship: 'internal',
      day: '2026-11-19',
      relationshipPinned: false,
    });
  });

  it('keeps one interaction per thread, person and local day', async () => {
    const p = await amy();
    const input = {
      personId: p.id,
      kind: 'chat',
      tool: 'slack',
      threadKey: 'slack:T1:C1',
      source: 'detected',
    } as const;
    const first = await store.logInteraction({ ...input, at: NOW }, settings);
    const second = await store.logInteraction({ ...input, at: NOW + 3_600_000 }, settings);
    expect(second.created).toBe(false);
    expect(second.interaction!.id).toBe(first.interaction!.id);
    const nextDay = await store.logInteraction({ ...input, at: NOW + 86_400_000 }, settings);
    expect(nextDay.created).toBe(true);
    const otherThread = await store.logInteraction(
      { ...input, threadKey: 'slack:T1:C2', at: NOW },
      settings,
    );
    expect(otherThread.created).toBe(true);
    expect(await allInteractions()).toHaveLength(3);
  });

  it('keeps manual entries without a thread apart', async () => {
    const p = await amy();
    await store.logInteraction(
      { personId: p.id, at: NOW, kind: 'in-person', source: 'manual' },
      settings,
    );
    await store.logInteraction(
      { personId: p.id, at: NOW, kind: 'in-person', source: 'manual' },
      settings,
    );
    expect(await allInteractions()).toHaveLength(2);
  });

  it('rejects invalid input and unknown people, writing nothing', async () => {
    const p = await amy();
    await expect(
      store.logInteraction(
        { personId: p.id, kind: 'telepathy' as 'mail', source: 'manual' },
        settings,
      ),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      store.logInteraction(
        { personId: p.id, kind: 'mail', url: 'javascript:alert(1)', source: 'manual' },
        settings,
      ),
    ).rejects.toThrow(/url/);
    await expect(
      store.logInteraction({ personId: newId(), kind: 'mail', source: 'manual' }, settings),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await allInteractions()).toEqual([]);
  });

  it('logging is idempotent for any sequence of repeats (property)', async () => {
    const p = await amy();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            thread: fc.constantFrom('a', 'b', 'c'),
            at: fc.integer({ min: NOW - 3 * 86_400_000, max: NOW + 3 * 86_400_000 }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        async (events) => {
          await store.db.clear('interactions');
          for (const e of events) {
            await store.logInteraction(
              { personId: p.id, at: e.at, kind: 'ticket', threadKey: e.thread, source: 'detected' },
              settings,
            );
          }
          const stored = await allInteractions();
          const expected = new Set(
            events.map(
              (e) =>
                `${e.thread}|${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(e.at)}`,
            ),
          );
          expect(stored).toHaveLength(expected.size);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('re-tagging', () => {
  it('correcting a person re-labels their interactions but not one re-tagged on its own', async () => {
    const p = await store.createPerson({
      name: 'Sam',
      emails: [],
      handles: [],
      relationship: 'unknown',
      relationshipSource: 'rule',
    });
    const a = await store.logInteraction(
      { personId: p.id, at: NOW, kind: 'call', source: 'manual' },
      settings,
    );
    const b = await store.logInteraction(
      { personId: p.id, at: NOW + 1, kind: 'call', source: 'manual' },
      settings,
    );
    await store.retagInteraction(b.interaction!.id, 'external');
    await store.setRelationship(p.id, 'internal');
    expect((await store.getInteraction(a.interaction!.id))?.relationship).toBe('internal');
    expect((await store.getInteraction(b.interaction!.id))?.relationship).toBe('external');
    expect((await store.getPerson(p.id))?.relationshipSource).toBe('manual');
  });

  it('fails clearly for an unknown person and changes nothing', async () => {
    await expect(store.setRelationship(newId(), 'internal')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('merging people', () => {
  it('moves every interaction, thank-you and check-in to the kept person', async () => {
    const keep = await store.createPerson({
      name: 'Amy Chen',
      emails: ['amy@acme.example'],
      handles: [],
      relationship: 'internal',
      relationshipSource: 'rule',
    });
    const drop = await store.createPerson({
      name: 'Amy (Slack)',
      emails: [],
      handles: ['slack:U01'],
      relationship: 'unknown',
      relationshipSource: 'rule',
    });
    const thread = { kind: 'chat', threadKey: 'slack:T:C', source: 'detected' } as const;
    await store.logInteraction({ ...thread, personId: keep.id, at: NOW }, settings);
    await store.logInteraction({ ...thread, personId: drop.id, at: NOW }, settings); // same thread, same day
    await store.logInteraction(
      { personId: drop.id, at: NOW, kind: 'meeting', source: 'manual' },
      settings,
    );
    await store.addAppreciation({ personId: drop.id, message: 'Thanks!', channel: 'copied' }, NOW);
    await store.addCheckIn({ personId: drop.id }, NOW);

    const { person: merged } = await store.mergePeople(keep.id, drop.id, NOW);
    expect(merged.handles).toEqual(['slack:U01']);
    expect(await store.getPerson(drop.id)).toBeUndefined();
    const interactions = await allInteractions();
    expect(interactions).toHaveLength(3);
    expect(interactions.every((i) => i.personId === keep.id)).toBe(true);
    expect(new Set(interactions.map((i) => i.dedupeKey)).size).toBe(3);
    expect(await store.appreciationsFor(keep.id)).toHaveLength(1);
    expect((await store.listCheckIns())[0]?.personId).toBe(keep.id);
  });

  it('refuses to merge a person into themself', async () => {
    const p = await store.createPerson({
      name: 'A',
      emails: [],
      handles: [],
      relationship: 'unknown',
      relationshipSource: 'rule',
    });
    await expect(store.mergePeople(p.id, p.id)).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('the week', () => {
  it('summarises only this week and trends the last weeks', async () => {
    const amy = await store.createPerson({
      name: 'Amy',
      emails: [],
      handles: [],
      relationship: 'internal',
      relationshipSource: 'manual',
    });
    const pat = await store.createPerson({
      name: 'Pat',
      emails: [],
      handles: [],
      relationship: 'external',
      relationshipSource: 'manual',
    });
    const week = 7 * 86_400_000;
    for (const [personId, at] of [
      [amy.id, NOW],
      [amy.id, NOW + 1000],
      [pat.id, NOW],
      [pat.id, NOW - week],
      [amy.id, NOW - 2 * week],
      [pat.id, NOW + week],
    ] as const) {
      await store.logInteraction({ personId, at, kind: 'meeting', source: 'manual' }, settings);
    }
    await store.addAppreciation(
      { personId: amy.id, message: 'Thank you', channel: 'in-person' },
      NOW,
    );
    const summary = await store.weekSummary(settings, NOW);
    expect(summary).toMatchObject({
      internal: 2,
      external: 1,
      internalPeople: 1,
      externalPeople: 1,
      thanks: 1,
    });
    const trend = await store.weeklyTrend(settings, 3, NOW);
    expect(trend.map((w) => [w.internal, w.external, w.thanks])).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [2, 1, 1],
    ]);
  });
});

describe('upgrades', () => {
  it('opens a database left at any earlier version and keeps its data', async () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    const name = `old-${newId()}`;
    // A database written by version 1 of the layout.
    const v1 = await openDB(name, 1, {
      upgrade: (db, _o, _n, tx) => MIGRATIONS[0]!(db as never, tx as never),
    });
    const personId = newId();
    await v1.put('people', {
      id: personId,
      name: 'Amy',
      emails: ['amy@acme.example'],
      handles: [],
      relationship: 'internal',
      relationshipSource: 'rule',
      createdAt: 1,
      updatedAt: 1,
    });
    v1.close();
    const upgraded = await openStore(name);
    expect((await upgraded.getPerson(personId))?.name).toBe('Amy');
    expect(upgraded.db.version).toBe(DB_VERSION);
    upgraded.close();
  });

  it('carries version 1 interactions into version 2 and indexes them per person', async () => {
    const name = `v1-${newId()}`;
    const v1 = await openDB(name, 1, {
      upgrade: (db, _o, _n, tx) => MIGRATIONS[0]!(db as never, tx as never),
    });
    const personId = newId();
    await v1.put('people', {
      id: personId,
      name: 'Amy',
      emails: [],
      handles: [],
      relationship: 'internal',
      relationshipSource: 'rule',
      createdAt: 1,
      updatedAt: 1,
    });
    for (const at of [NOW - 5000, NOW, NOW - 100]) {
      const id = newId(at);
      await v1.put('interactions', {
        id,
        at,
        day: '2026-11-18',
        personId,
        relationship: 'internal',
        relationshipPinned: false,
        kind: 'call',
        source: 'manual',
        dedupeKey: id,
      });
    }
    await v1.put('appreciations', {
      id: newId(),
      at: NOW - 50,
      personId,
      message: 'Thanks',
      channel: 'copied',
    });
    v1.close();
    const upgraded = await openStore(name);
    expect(upgraded.db.version).toBe(DB_VERSION);
    expect(await upgraded.personActivity(personId)).toEqual({
      interactions: 3,
      thanks: 1,
      lastInteractionAt: NOW,
      lastThankedAt: NOW - 50,
    });
    upgraded.close();
  });
});

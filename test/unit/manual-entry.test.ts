import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AmbiguousNameError, chooseManualPerson, suggestPeople } from '@/lib/manual-entry';
import { DEFAULT_SETTINGS, newId, type Person } from '@/lib/model';
import { openStore, type Store } from '@/lib/store';

const settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };
const T = Date.UTC(2026, 10, 18, 9);
let store: Store;

beforeEach(async () => {
  store = await openStore(`manual-${newId()}`);
});
afterEach(() => store.close());

const person = (name: string, email: string, relationship: Person['relationship']) =>
  store.createPerson(
    { name, emails: [email], handles: [], relationship, relationshipSource: 'rule' },
    T - 1000,
  );
const byHand = (
  name: string,
  extra: { relationship?: 'internal' | 'external'; personId?: string } = {},
) =>
  store.logManualEntry(
    { name, ...extra, interaction: { kind: 'in-person', source: 'manual', at: T } },
    settings,
    T,
  );

describe('logging an existing person by hand', () => {
  it('keeps an external person external, and their past as it was', async () => {
    const amy = await person('Amy Chen', 'amy@globex.example', 'external');
    const { interaction: past } = await store.logInteraction(
      { personId: amy.id, kind: 'mail', source: 'detected', at: T - 86_400_000 },
      settings,
      T - 86_400_000,
    );
    const logged = await byHand('amy chen');
    expect(logged).toEqual(amy);
    expect(await store.getPerson(amy.id)).toEqual(amy);
    const withAmy = await store.interactionsWith(amy.id);
    expect(withAmy.find((i) => i.id === past!.id)).toEqual(past);
    expect(withAmy.map((i) => i.relationship)).toEqual(['external', 'external']);
  });

  it('applies a different choice to that entry alone, pinned', async () => {
    const amy = await person('Amy Chen', 'amy@globex.example', 'external');
    await byHand('Amy Chen', { relationship: 'internal' });
    expect((await store.getPerson(amy.id))!.relationship).toBe('external');
    const [entry] = await store.interactionsWith(amy.id);
    expect(entry).toMatchObject({ relationship: 'internal', relationshipPinned: true });
  });

  it('asks which person when two share the name, and writes nothing until told', async () => {
    const a = await person('Sam Lee', 'sam@acme.example', 'internal');
    const b = await person('Sam Lee', 'sam.lee@customer.example', 'external');
    const error = await byHand('Sam Lee').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousNameError);
    expect((error as AmbiguousNameError).candidates.map((p) => p.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect(await store.interactionsBetween(0, T + 1)).toEqual([]);
    expect(await store.listPeople()).toHaveLength(2);

    const logged = await byHand('Sam Lee', { personId: b.id });
    expect(logged.id).toBe(b.id);
    expect((await store.interactionsWith(b.id)).map((i) => i.relationship)).toEqual(['external']);
    expect(await store.interactionsWith(a.id)).toEqual([]);
  });

  it('creates someone new with the chosen relationship, or undecided', async () => {
    const kim = await byHand('Kim Lo', { relationship: 'internal' });
    expect(kim).toMatchObject({ relationship: 'internal', relationshipSource: 'manual' });
    const jo = await byHand('Jo Park');
    expect(jo.relationship).toBe('unknown');
  });
});

describe('choosing the person of a manual entry', () => {
  it('prefers the pick, then the email, then the one person of that name', async () => {
    const a = await person('Sam Lee', 'sam@acme.example', 'internal');
    const b = await person('Sam Lee', 'sam.lee@customer.example', 'external');
    const people = [a, b];
    expect(chooseManualPerson(people, { name: 'Sam Lee', personId: b.id })).toEqual({
      kind: 'found',
      person: b,
    });
    expect(chooseManualPerson(people, { name: 'x', email: 'SAM@acme.example ' })).toEqual({
      kind: 'found',
      person: a,
    });
    expect(chooseManualPerson(people, { name: 'Sam Lee', email: 'new@acme.example' })).toEqual({
      kind: 'new',
    });
    expect(chooseManualPerson([a], { name: 'sam  lee' })).toEqual({ kind: 'found', person: a });
    expect(chooseManualPerson(people, { name: 'Sam Lee' }).kind).toBe('ambiguous');
    expect(chooseManualPerson(people, { name: 'Kim' })).toEqual({ kind: 'new' });
  });
});

describe('suggesting people as a name is typed', () => {
  it('offers Rosa Delgado for "Rosa", and logging the pick adds to her, not to a second Rosa', async () => {
    const rosa = await person('Rosa Delgado', 'rosa@acme.example', 'internal');
    const others = [
      await person('Ambrose Hill', 'ambrose@acme.example', 'internal'),
      await person('Pat Kim', 'pat@globex.example', 'external'),
    ];
    const people = [...others, rosa];
    expect(suggestPeople(people, 'Rosa').map((p) => p.name)).toEqual(['Rosa Delgado']);
    // Typed alone, "Rosa" is no one's whole name: a new person, unless she is picked.
    expect(chooseManualPerson(people, { name: 'Rosa' })).toEqual({ kind: 'new' });
    const logged = await byHand('Rosa', { personId: suggestPeople(people, 'Rosa')[0]!.id });
    expect(logged.id).toBe(rosa.id);
    expect(await store.listPeople()).toHaveLength(3);
    expect(await store.interactionsWith(rosa.id)).toHaveLength(1);
  });

  it('matches the start of any word of the name, or of an address, ignoring case and accents', async () => {
    const people = [
      await person('José Núñez', 'jose@acme.example', 'internal'),
      await person('Rosa Delgado', 'rosa@acme.example', 'internal'),
      await person('Delia Ross', 'dross@globex.example', 'external'),
      await person('Theodore Rosen', 'ted@globex.example', 'external'),
    ];
    const names = (typed: string) => suggestPeople(people, typed).map((p) => p.name);
    expect(names('jose nun')).toEqual(['José Núñez']);
    expect(names('  DEL ')).toEqual(['Delia Ross', 'Rosa Delgado']);
    // A name that begins with it first, then a later word's, then an address's.
    expect(names('ros')).toEqual(['Rosa Delgado', 'Delia Ross', 'Theodore Rosen']);
    expect(names('dross@')).toEqual(['Delia Ross']);
    expect(names('osa')).toEqual([]);
    expect(names('')).toEqual([]);
    expect(suggestPeople(people, 'r', 2)).toHaveLength(2);
  });
});

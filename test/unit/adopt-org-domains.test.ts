/**
 * Setting the organisation's domains sorts the people the log already knows at them: whoever was
 * unknown (or placed by a rule or a tool) becomes internal, and their past interactions count as
 * internal in the week; a choice the user made by hand never changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, ValidationError, newId, type Person } from '@/lib/model';
import { openStore, type Store } from '@/lib/store';

const NOW = Date.UTC(2026, 10, 18, 12);
const settings = {
  ...DEFAULT_SETTINGS,
  timeZone: 'UTC',
};
let store: Store;
let announced: number;
beforeEach(async () => {
  announced = 0;
  store = await openStore(`adopt-${newId()}`, () => announced++);
});
afterEach(() => store.close());

async function personAt(
  name: string,
  email: string,
  relationship: Person['relationship'],
  relationshipSource: Person['relationshipSource'] = 'rule',
) {
  const person = await store.createPerson({
    name,
    emails: [email],
    handles: [],
    relationship,
    relationshipSource,
  });
  await store.logInteraction(
    {
      personId: person.id,
      at: NOW - 3_600_000,
      // No relationship given: it takes the person's, as detection does.
      kind: 'mail',
      tool: 'gmail',
      threadKey: `gmail:${name}`,
      source: 'detected',
    },
    settings,
    NOW,
  );
  return person;
}

const relationshipOf = async (id: string) => (await store.getPerson(id))?.relationship;
const interactionsOf = async (id: string) =>
  (await store.db.getAllFromIndex('interactions', 'personId', id)).map((i) => i.relationship);

describe('adopting the organisation’s domains', () => {
  it('makes unknown people at them internal, with their past interactions, in one announcement', async () => {
    const priya = await personAt('Priya Shah', 'priya@acme.example', 'unknown');
    const sub = await personAt('Ravi Rao', 'ravi@eu.acme.example', 'unknown');
    const dana = await personAt('Dana Kim', 'dana@globex.example', 'unknown');
    const gmail = await personAt('Sam Lee', 'sam@gmail.com', 'unknown');
    announced = 0;

    const changed = await store.adoptOrgDomains(['Acme.example'], NOW);

    expect(changed.map((p) => p.name).sort()).toEqual(['Priya Shah', 'Ravi Rao']);
    expect(announced).toBe(1);
    expect(await relationshipOf(priya.id)).toBe('internal');
    expect(await interactionsOf(priya.id)).toEqual(['internal']);
    expect(await relationshipOf(sub.id)).toBe('internal');
    expect(await interactionsOf(sub.id)).toEqual(['internal']);
    // Other domains and public mail stay as they were.
    expect(await relationshipOf(dana.id)).toBe('unknown');
    expect(await interactionsOf(dana.id)).toEqual(['unknown']);
    expect(await relationshipOf(gmail.id)).toBe('unknown');
  });

  it('counts the relabelled past in the week’s balance', async () => {
    await personAt('Priya Shah', 'priya@acme.example', 'unknown');
    const before = await store.weekSummary(settings, NOW);
    await store.adoptOrgDomains(['acme.example'], NOW);
    const after = await store.weekSummary(settings, NOW);
    expect([before.internal, after.internal]).toEqual([0, 1]);
  });

  it('never changes a choice made by hand, nor an interaction re-tagged one by one', async () => {
    const chosen = await personAt('Bo Berg', 'bo@acme.example', 'external', 'manual');
    const pinned = await personAt('Lin Wu', 'lin@acme.example', 'unknown');
    const [interaction] = await store.db.getAllFromIndex('interactions', 'personId', pinned.id);
    await store.retagInteraction(interaction!.id, 'external', NOW);

    await store.adoptOrgDomains(['acme.example'], NOW);

    expect(await relationshipOf(chosen.id)).toBe('external');
    expect(await interactionsOf(chosen.id)).toEqual(['external']);
    expect(await relationshipOf(pinned.id)).toBe('internal');
    expect(await interactionsOf(pinned.id)).toEqual(['external']);
  });

  it('says nothing when nobody changes, and refuses bad domains with nothing written', async () => {
    const priya = await personAt('Priya Shah', 'priya@acme.example', 'unknown');
    announced = 0;
    expect(await store.adoptOrgDomains([], NOW)).toEqual([]);
    await expect(store.adoptOrgDomains(['acme.example', 'not a domain'], NOW)).rejects.toThrow(
      ValidationError,
    );
    expect(await relationshipOf(priya.id)).toBe('unknown');
    expect(announced).toBe(0);
    await store.adoptOrgDomains(['acme.example'], NOW);
    announced = 0;
    expect(await store.adoptOrgDomains(['acme.example'], NOW)).toEqual([]);
    expect(announced).toBe(0);
  });
});

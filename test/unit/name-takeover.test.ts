import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '@/lib/model';
import { openStore, type Store } from '@/lib/store';

const ORG = ['acme.example'];
let store: Store;

beforeEach(async () => {
  store = await openStore(`test-${newId()}`);
});
afterEach(() => store.close());

describe('a person read from a page by name only', () => {
  it("never takes over someone known by another organisation's address", async () => {
    const customer = await store.createPerson({
      name: 'Jordan Lee',
      emails: ['jordan@globex.example'],
      handles: [],
      relationship: 'external',
      relationshipSource: 'manual',
    });
    const shown = await store.resolveParticipant({ name: 'Jordan Lee', role: 'author' }, ORG);
    expect(shown.id).not.toBe(customer.id);
    expect(shown.emails).toEqual([]);
    // The customer's record is untouched.
    const people = await store.listPeople();
    expect(people.find((p) => p.id === customer.id)).toEqual(customer);
  });

  it('still finds a colleague (an org address) or someone known by name only', async () => {
    const colleague = await store.createPerson({
      name: 'Priya Nair',
      emails: ['priya@acme.example'],
      handles: [],
      relationship: 'internal',
      relationshipSource: 'rule',
    });
    expect((await store.resolveParticipant({ name: 'priya nair', role: 'author' }, ORG)).id).toBe(
      colleague.id,
    );
    const named = await store.resolveParticipant({ name: 'Sam Ortiz', role: 'author' }, ORG);
    expect((await store.resolveParticipant({ name: 'Sam Ortiz', role: 'mention' }, ORG)).id).toBe(
      named.id,
    );
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, newId } from '@/lib/model';
import { NotFoundError, channelsOf, openStore, type Store } from '@/lib/store';

const NOW = Date.UTC(2026, 10, 18, 12); // a Wednesday
let store: Store;

beforeEach(async () => {
  store = await openStore(`test-${newId()}`);
});
afterEach(() => store.close());

async function dana() {
  return store.createPerson({
    name: 'Dana Kim',
    emails: ['dana.kim@globex.example'],
    handles: [],
    relationship: 'external',
    relationshipSource: 'manual',
  });
}

describe('a thank-you delivered through several channels', () => {
  it('is one record whose channels grow, and the week counts it once', async () => {
    const person = await dana();
    const first = await store.deliverAppreciation(
      { personId: person.id, message: 'Thank you, Dana.', channel: 'copied' },
      NOW,
    );
    const again = await store.deliverAppreciation(
      { id: first.id, personId: person.id, message: 'Thank you, Dana!', channel: 'mailto' },
      NOW + 1_000,
    );
    await store.deliverAppreciation(
      { id: first.id, personId: person.id, message: 'Thank you, Dana!', channel: 'copied' },
      NOW + 2_000,
    );
    const all = await store.listAppreciations();
    expect(all).toHaveLength(1);
    expect(again.id).toBe(first.id);
    expect(all[0]!.message).toBe('Thank you, Dana!');
    expect(channelsOf(all[0]!)).toEqual(['copied', 'mailto']);
    expect(all[0]!.at).toBe(NOW);
    const week = await store.weekSummary({ ...DEFAULT_SETTINGS, timeZone: 'UTC' }, NOW);
    expect(week.thanks).toBe(1);
  });

  it('without an id is a new thank-you; for someone unknown it writes nothing', async () => {
    const person = await dana();
    await store.deliverAppreciation({ personId: person.id, message: 'One', channel: 'in-person' });
    await store.deliverAppreciation({ personId: person.id, message: 'Two', channel: 'in-person' });
    expect(await store.listAppreciations()).toHaveLength(2);
    await expect(
      store.deliverAppreciation({ personId: newId(), message: 'x', channel: 'copied' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.listAppreciations()).toHaveLength(2);
  });

  it('a record from before channels existed keeps its first channel', async () => {
    const person = await dana();
    const old = await store.addAppreciation({
      personId: person.id,
      message: 'Hi',
      channel: 'mailto',
    });
    expect(channelsOf(old)).toEqual(['mailto']);
    const updated = await store.deliverAppreciation({
      id: old.id,
      personId: person.id,
      message: 'Hi',
      channel: 'inserted',
    });
    expect(channelsOf(updated)).toEqual(['mailto', 'inserted']);
  });
});

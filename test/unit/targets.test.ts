import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '@/lib/model';
import { openStore, type Store } from '@/lib/store';
import { resolveTarget } from '@/lib/targets';

let store: Store;
beforeEach(async () => {
  store = await openStore(`targets-${newId()}`);
});
afterEach(() => store.close());
const settings = { orgDomains: ['acme.example'] };

describe('resolveTarget', () => {
  it('finds a known person by email and creates an unknown one with the rules’ relationship', async () => {
    const amy = await store.createPerson({
      name: 'Amy Chen',
      emails: ['amy@acme.example'],
      handles: [],
      relationship: 'internal',
      relationshipSource: 'manual',
    });
    const found = await resolveTarget(store, { email: 'AMY@acme.example' }, settings);
    expect(found).toEqual({ person: expect.objectContaining({ id: amy.id }) });
    const created = await resolveTarget(
      store,
      { name: 'Pat Lee', email: 'pat@globex.example' },
      settings,
    );
    expect(created && 'person' in created && created.person).toMatchObject({
      name: 'Pat Lee',
      relationship: 'external',
    });
    expect(await store.listPeople()).toHaveLength(2);
  });

  it('offers a choice when a name matches several people', async () => {
    await store.createPerson({
      name: 'Sam Lee',
      emails: ['sam@acme.example'],
      handles: [],
      relationship: 'internal',
      relationshipSource: 'rule',
    });
    await store.createPerson({
      name: 'Sam Lee',
      emails: ['sam@globex.example'],
      handles: [],
      relationship: 'external',
      relationshipSource: 'rule',
    });
    const target = await resolveTarget(store, { name: 'sam lee' }, settings);
    expect(target && 'candidates' in target && target.candidates).toHaveLength(2);
  });

  it('creates someone known only by name, and finds them next time', async () => {
    const first = await resolveTarget(store, { name: 'Rosa (front desk)' }, settings);
    const again = await resolveTarget(store, { name: 'Rosa (front desk)' }, settings);
    expect(first && 'person' in first && again && 'person' in again && again.person.id).toBe(
      first && 'person' in first && first.person.id,
    );
    expect(await resolveTarget(store, {}, settings)).toBeNull();
  });
});

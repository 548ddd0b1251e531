import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, ValidationError, newId, type Person } from '@/lib/model';
import { applyPersonPatch, personPatch } from '@/lib/people';
import { openStore, type Store } from '@/lib/store';

const T = Date.UTC(2026, 10, 18, 9);
let store: Store;

beforeEach(async () => {
  store = await openStore(`patch-${newId()}`);
});
afterEach(() => store.close());

const amyInput = {
  name: 'Amy Chen',
  emails: ['amy@acme.example'],
  handles: [],
  relationship: 'external' as const,
  relationshipSource: 'rule' as const,
  team: 'Facilities',
  notes: 'Early shift',
};

describe('saving the person editor', () => {
  it('keeps emails, handles and changes made while the editor was open', async () => {
    const opened = await store.createPerson(amyInput, T);
    // Meanwhile a tool showed Amy's Slack handle and another address, and she was tagged.
    await store.resolveParticipant(
      { name: 'Amy Chen', email: 'amy@acme.example', handle: 'slack:U01', role: 'author' },
      [],
      T + 1,
    );
    await store.savePerson(
      {
        ...(await store.getPerson(opened.id))!,
        emails: ['amy@acme.example', 'a.chen@acme.example'],
      },
      T + 2,
    );
    // The editor saves what the user changed: the team cleared, a role typed.
    const edited: Person = { ...opened, team: undefined, role: 'Dock lead' };
    const saved = await store.patchPerson(opened.id, personPatch(opened, edited), T + 3);
    expect(saved.emails).toEqual(['amy@acme.example', 'a.chen@acme.example']);
    expect(saved.handles).toEqual(['slack:U01']);
    expect(saved.role).toBe('Dock lead');
    expect(saved).not.toHaveProperty('team');
    expect(saved.notes).toBe('Early shift');
    expect(saved.updatedAt).toBe(T + 3);
    expect(await store.getPerson(opened.id)).toEqual(saved);
  });

  it('a changed relationship is the user’s choice and re-labels their log', async () => {
    const amy = await store.createPerson(amyInput, T);
    await store.logInteraction(
      { personId: amy.id, kind: 'call', source: 'manual', at: T },
      { ...DEFAULT_SETTINGS, timeZone: 'UTC' },
      T,
    );
    const saved = await store.patchPerson(amy.id, { relationship: 'internal' }, T + 1);
    expect(saved).toMatchObject({ relationship: 'internal', relationshipSource: 'manual' });
    expect((await store.interactionsWith(amy.id)).map((i) => i.relationship)).toEqual(['internal']);
  });

  it('an invalid patch writes nothing', async () => {
    const amy = await store.createPerson(amyInput, T);
    await expect(
      store.patchPerson(amy.id, { name: ' ', relationship: 'internal' }, T + 1),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await store.getPerson(amy.id)).toEqual(amy);
  });
});

describe('the patch', () => {
  it('holds only what changed, clearing what was emptied', () => {
    const opened = { ...amyInput, id: newId(T), createdAt: T, updatedAt: T };
    expect(personPatch(opened, { ...opened })).toEqual({});
    const patch = personPatch(opened, { ...opened, notes: undefined, name: 'Amy C.' });
    expect(patch).toEqual({ name: 'Amy C.', notes: undefined });
    expect(Object.hasOwn(patch, 'notes')).toBe(true);
    const applied = applyPersonPatch({ ...opened, handles: ['slack:U9'] }, patch);
    expect(applied).toEqual({ ...opened, name: 'Amy C.', notes: undefined, handles: ['slack:U9'] });
    expect(Object.hasOwn(applied, 'notes')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { PersonSchema, newId, type Person } from '@/lib/model';
import { findPeopleByName, findPerson, handleKey, mergePersonRecords } from '@/lib/people';

function person(fields: Partial<Person> & { name: string }): Person {
  return PersonSchema.parse({ id: newId(), createdAt: 1000, updatedAt: 1000, ...fields });
}

describe('findPerson', () => {
  const amy = person({ name: 'Amy Chen', emails: ['amy@acme.example'], handles: ['slack:U01AMY'] });
  const bo = person({ name: 'Bo Diaz', handles: ['github:bodiaz'] });
  it('finds by email without regard to case', () => {
    expect(findPerson([bo, amy], { email: 'AMY@Acme.Example' })).toBe(amy);
  });
  it('finds by per-tool handle', () => {
    expect(findPerson([amy, bo], { handle: handleKey('github', 'bodiaz') })).toBe(bo);
    expect(findPerson([amy, bo], { handle: 'slack:U01AMY' })).toBe(amy);
  });
  it('does not confuse the same handle in another tool', () => {
    expect(findPerson([amy, bo], { handle: 'slack:bodiaz' })).toBeUndefined();
  });
  it('finds everyone with a name, ignoring case and accents', () => {
    const zoe1 = person({ name: 'Zoë Martin' });
    const zoe2 = person({ name: 'zoe  martin' });
    expect(findPeopleByName([amy, zoe1, zoe2], 'Zoe Martin')).toEqual([zoe1, zoe2]);
    expect(findPeopleByName([amy], '  ')).toEqual([]);
  });
});

describe('mergePersonRecords', () => {
  it('unites identities and keeps the manual relationship', () => {
    const keep = person({
      name: 'Amy Chen',
      emails: ['amy@acme.example'],
      relationship: 'internal',
      notes: 'likes tea',
    });
    const drop = person({
      name: 'Amy C.',
      emails: ['amy.chen@acme.example', 'amy@acme.example'],
      handles: ['slack:U01AMY'],
      relationship: 'external',
      relationshipSource: 'manual',
      circle: 'other-department',
      notes: 'daughter: Mia',
      createdAt: 500,
    });
    const merged = mergePersonRecords(keep, drop, 9999);
    expect(merged.id).toBe(keep.id);
    expect(merged.name).toBe('Amy Chen');
    expect(merged.emails).toEqual(['amy@acme.example', 'amy.chen@acme.example']);
    expect(merged.handles).toEqual(['slack:U01AMY']);
    expect(merged.relationship).toBe('external');
    expect(merged.relationshipSource).toBe('manual');
    expect(merged.circle).toBe('other-department');
    expect(merged.notes).toBe('likes tea\n\ndaughter: Mia');
    expect(merged.createdAt).toBe(500);
    expect(merged.updatedAt).toBe(9999);
  });
});

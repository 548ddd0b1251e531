import { describe, expect, it } from 'vitest';
import { decideMerge, lastChanged, tombstoneFor } from '@/lib/merge';
import { newId, type CheckIn, type Interaction, type Person } from '@/lib/model';

const T = Date.UTC(2026, 10, 18, 12);
const person: Person = {
  id: newId(T),
  name: 'Amy Chen',
  emails: ['amy@acme.example'],
  handles: [],
  relationship: 'external',
  relationshipSource: 'rule',
  createdAt: T,
  updatedAt: T,
};
const interaction: Interaction = {
  id: newId(T),
  at: T,
  day: '2026-11-18',
  personId: person.id,
  relationship: 'external',
  relationshipPinned: false,
  kind: 'ticket',
  threadKey: 'jira:A-1',
  source: 'detected',
  dedupeKey: `jira:A-1|${person.id}|2026-11-18`,
};

describe('which copy of a record wins', () => {
  it('adds what the log lacks and leaves an identical copy alone', () => {
    expect(decideMerge(undefined, person)).toBe('add');
    expect(decideMerge(person, { ...person })).toBe('same');
  });

  it('replaces only with a copy that changed later', () => {
    const edited = { ...person, notes: 'Prefers calls', updatedAt: T + 1 };
    expect(decideMerge(person, edited)).toBe('replace');
    expect(decideMerge(edited, person)).toBe('kept-newer');
  });

  it('keeps the stored copy when both changed at the same time', () => {
    expect(decideMerge(person, { ...person, name: 'Amy C.' })).toBe('kept-newer');
  });

  it('dates an interaction without updatedAt by when it happened', () => {
    expect(lastChanged(interaction)).toBe(T);
    const retagged = { ...interaction, relationship: 'internal' as const, updatedAt: T + 60_000 };
    expect(decideMerge(retagged, interaction)).toBe('kept-newer');
    expect(decideMerge(interaction, retagged)).toBe('replace');
  });

  it('dates a check-in without updatedAt by its latest date', () => {
    const checkIn: CheckIn = {
      id: newId(T),
      personId: person.id,
      askedAt: T,
      answer: '',
      commitment: 'Send the report on Fridays',
      delivered: true,
      deliveredAt: T + 5,
    };
    expect(lastChanged(checkIn)).toBe(T + 5);
  });

  it('keeps deleted what was deleted after the copy last changed', () => {
    expect(decideMerge(undefined, interaction, T + 1)).toBe('kept-deleted');
    expect(decideMerge(undefined, { ...interaction, updatedAt: T + 2 }, T + 1)).toBe('add');
  });

  it('leaves a tombstone per thread, person and day, none for an interaction on no thread', () => {
    const merged = { ...interaction, dedupeKey: `${interaction.dedupeKey}|${interaction.id}` };
    expect(tombstoneFor(merged, T + 1)).toEqual({ key: interaction.dedupeKey, deletedAt: T + 1 });
    const call = { ...interaction, threadKey: undefined, dedupeKey: interaction.id };
    expect(tombstoneFor(call, T + 1)).toBeUndefined();
  });
});

/**
 * Who a manual entry is about. A name typed by hand is weak evidence: it may fit no one, one
 * person, or several people who share it. Only an email or an explicit pick settles it; an
 * ambiguous name is asked back, never guessed. Pure: the store's command applies it.
 */
import type { Person, Relationship } from './model';
import { findPeopleByName, foldName, normalizeEmail } from './people';

export type ManualPerson =
  { kind: 'found'; person: Person } | { kind: 'new' } | { kind: 'ambiguous'; candidates: Person[] };

export function chooseManualPerson(
  people: readonly Person[],
  entry: { name: string; email?: string; personId?: string },
): ManualPerson {
  if (entry.personId) {
    const picked = people.find((p) => p.id === entry.personId);
    if (picked) return { kind: 'found', person: picked };
  }
  const email = entry.email?.trim() && normalizeEmail(entry.email);
  if (email) {
    const byEmail = people.find((p) => p.emails.includes(email));
    return byEmail ? { kind: 'found', person: byEmail } : { kind: 'new' };
  }
  const named = findPeopleByName(people, entry.name);
  if (named.length === 1) return { kind: 'found', person: named[0]! };
  if (named.length > 1) return { kind: 'ambiguous', candidates: named };
  return { kind: 'new' };
}

/**
 * The relationship the logged interaction gets: the person's own unless the user chose another
 * for this one entry (then it is pinned to it, and the person and their past stay as they are).
 */
export function manualRelationship(
  person: Pick<Person, 'relationship'> | undefined,
  chosen: Relationship | undefined,
): Relationship | undefined {
  if (!person) return undefined;
  return chosen && chosen !== person.relationship ? chosen : undefined;
}

/**
 * People already in the log who may be the one being typed, best first: the typed words each
 * begin a word of their name ("ros del" → "Rosa Delgado"; case and accents aside), or their
 * address begins with what was typed. A name that begins with it comes before one that only
 * contains it, then by name. Nothing for an empty field.
 */
export function suggestPeople(people: readonly Person[], typed: string, limit = 6): Person[] {
  const words = foldName(typed).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const query = words.join(' ');
  const ranked: Array<{ person: Person; rank: number }> = [];
  for (const person of people) {
    const name = foldName(person.name);
    const nameWords = name.split(' ');
    const byWords = words.every((word) => nameWords.some((part) => part.startsWith(word)));
    const byEmail = person.emails.some((email) => email.startsWith(query));
    if (!byWords && !byEmail) continue;
    ranked.push({ person, rank: name.startsWith(query) ? 0 : byWords ? 1 : 2 });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.person.name.localeCompare(b.person.name))
    .slice(0, limit)
    .map((r) => r.person);
}

/** Thrown when a typed name fits several people: nothing is written; the user picks one. */
export class AmbiguousNameError extends Error {
  constructor(readonly candidates: Person[]) {
    super(`${candidates.length} people have this name`);
    this.name = 'AmbiguousNameError';
  }
}

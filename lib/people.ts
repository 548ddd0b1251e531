/**
 * Finding the same person across tools (email, case-insensitive; per-tool handles) and
 * merging two records of one person.
 */
import { domainOf, isOrgDomain } from './classify';
import type { Person, Tool } from './model';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The stored form of a per-tool handle: `slack:U024BE7LH`, `github:octocat`. */
export function handleKey(tool: Tool, value: string): string {
  return `${tool}:${value.trim()}`;
}

export interface Identity {
  email?: string;
  handle?: string;
}

/** The person with this email or handle, if any. Email is compared without case. */
export function findPerson(people: Iterable<Person>, identity: Identity): Person | undefined {
  const email = identity.email && normalizeEmail(identity.email);
  for (const person of people) {
    if (email && person.emails.includes(email)) return person;
    if (identity.handle && person.handles.includes(identity.handle)) return person;
  }
  return undefined;
}

/** Everyone whose name matches, ignoring case, accents and extra spaces. */
export function findPeopleByName(people: Iterable<Person>, name: string): Person[] {
  const wanted = foldName(name);
  if (!wanted) return [];
  return [...people].filter((p) => foldName(p.name) === wanted);
}

/**
 * May a person a page shows only by name be this stored person? Not when the stored person has
 * addresses and none is the user's organisation's: a page (a forged one, or a stranger's
 * namesake) must not take over a customer or partner known by their own address. Colleagues
 * (an org address) and people known by name only may be matched.
 */
export function mayMatchByName(person: Person, orgDomains: readonly string[]): boolean {
  if (!person.emails.length) return true;
  return person.emails.some((email) => isOrgDomain(domainOf(email) ?? '', orgDomains));
}

export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * One record from two: `keep` keeps its id and name; emails and handles are united; fields
 * `keep` lacks come from `drop`; notes are joined; a manual relationship beats a rule.
 */
export function mergePersonRecords(keep: Person, drop: Person, now: number): Person {
  const relationshipFrom =
    keep.relationshipSource !== 'manual' && drop.relationshipSource === 'manual' ? drop : keep;
  const notes = [keep.notes, drop.notes].filter((n) => n && n.trim()).join('\n\n');
  return {
    ...keep,
    emails: unique([...keep.emails, ...drop.emails]),
    handles: unique([...keep.handles, ...drop.handles]),
    relationship: relationshipFrom.relationship,
    relationshipSource: relationshipFrom.relationshipSource,
    circle: keep.circle ?? drop.circle,
    role: keep.role ?? drop.role,
    team: keep.team ?? drop.team,
    thankPreference: keep.thankPreference ?? drop.thankPreference,
    notes: notes || undefined,
    createdAt: Math.min(keep.createdAt, drop.createdAt),
    updatedAt: now,
  };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** What the person editor may change; identities (emails, handles) are added elsewhere. */
export const EDITABLE_PERSON_FIELDS = [
  'name',
  'relationship',
  'circle',
  'role',
  'team',
  'thankPreference',
  'notes',
] as const;
type EditableField = (typeof EDITABLE_PERSON_FIELDS)[number];

/** The fields the user changed in the editor; a field left empty is `undefined` (cleared). */
export type PersonPatch = Partial<Pick<Person, EditableField>>;

/** What changed between the person as the editor opened and as it is saved. */
export function personPatch(opened: Person, edited: Person): PersonPatch {
  const patch: Record<string, unknown> = {};
  for (const key of EDITABLE_PERSON_FIELDS) {
    if (opened[key] !== edited[key]) patch[key] = edited[key];
  }
  return patch as PersonPatch;
}

/**
 * The stored person with only the patched fields changed: everything added meanwhile (an email
 * or handle a tool showed, a note typed elsewhere) stays.
 */
export function applyPersonPatch(current: Person, patch: PersonPatch): Person {
  const next: Record<string, unknown> = { ...current };
  for (const key of EDITABLE_PERSON_FIELDS) {
    if (!Object.hasOwn(patch, key)) continue;
    if (patch[key] === undefined) delete next[key];
    else next[key] = patch[key];
  }
  return next as Person;
}

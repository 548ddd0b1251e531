/**
 * The person records, written inside a command's transaction: matching a tool's participant,
 * and the user's own relationship choice (merging two records is ./merge-people.ts).
 */
import { classify, domainOf, isOrgDomain } from '../classify';
import {
  PersonSchema,
  newId,
  parseOrThrow,
  type Participant,
  type Person,
  type Relationship,
} from '../model';
import { findPeopleByName, mayMatchByName, normalizeEmail } from '../people';
import { NotFoundError, abandon, type AnyTx, type WriteTx } from './tx';

export type NewPerson = Omit<Person, 'id' | 'createdAt' | 'updatedAt'> &
  Partial<Pick<Person, 'id'>>;

export function newPerson(input: NewPerson, now: number): Person {
  return parseOrThrow(
    PersonSchema,
    { ...input, id: input.id ?? newId(now), createdAt: now, updatedAt: now },
    'person',
  );
}

/**
 * The person a tool's participant stands for: found by email, then handle, and given any
 * identity they lacked; or created with the relationship the rules give. `changed` says whether
 * anything was written.
 */
export async function resolveIn(
  tx: WriteTx,
  participant: Participant,
  orgDomains: readonly string[],
  now: number,
): Promise<{ person: Person; changed: boolean }> {
  const resolved = await matchIn(tx, participant, orgDomains, now);
  if (resolved.changed) await tx.objectStore('people').put(resolved.person);
  return resolved;
}

/**
 * What `resolveIn` would write, read only: the person as they should be stored, and whether that
 * differs from what is stored (then a command must write it).
 */
export async function matchIn(
  tx: AnyTx,
  participant: Participant,
  orgDomains: readonly string[],
  now: number,
): Promise<{ person: Person; changed: boolean }> {
  const people = tx.objectStore('people');
  const byEmail = participant.email
    ? await people.index('email').get(normalizeEmail(participant.email))
    : undefined;
  const byHandle =
    !byEmail && participant.handle
      ? await people.index('handle').get(participant.handle)
      : undefined;
  // A page that shows only a name (Teams, Linear): the one person of that name, or else the
  // one name-only record this same situation created before.
  let byName: Person | undefined;
  if (!participant.email && !participant.handle) {
    const named = findPeopleByName(await people.getAll(), participant.name).filter((p) =>
      mayMatchByName(p, orgDomains),
    );
    byName = onlyOne(named) ?? onlyOne(named.filter((p) => !p.emails.length && !p.handles.length));
  }
  const found = byEmail ?? byHandle ?? byName;
  const { relationship, source } = classify(
    participant,
    orgDomains,
    found && { relationship: found.relationship, source: found.relationshipSource },
  );
  let person: Person;
  if (found) {
    const emails = addMissing(found.emails, participant.email && normalizeEmail(participant.email));
    const handles = addMissing(found.handles, participant.handle);
    const changed =
      emails !== found.emails ||
      handles !== found.handles ||
      relationship !== found.relationship ||
      source !== found.relationshipSource;
    if (!changed) return { person: found, changed: false };
    person = parseOrThrow(
      PersonSchema,
      { ...found, emails, handles, relationship, relationshipSource: source, updatedAt: now },
      'person',
    );
  } else {
    person = newPerson(
      {
        name: participant.name,
        emails: participant.email ? [normalizeEmail(participant.email)] : [],
        handles: participant.handle ? [participant.handle] : [],
        relationship,
        relationshipSource: source,
      },
      now,
    );
  }
  return { person, changed: true };
}

/**
 * The user's own choice for a person: it sticks (a rule never overrides it) and re-labels
 * every interaction with them except those re-tagged one by one.
 */
export async function setRelationshipIn(
  tx: WriteTx,
  personId: string,
  relationship: Relationship,
  now: number,
): Promise<Person> {
  const found = await tx.objectStore('people').get(personId);
  if (!found) return abandon(tx, new NotFoundError('person', personId));
  const person: Person = { ...found, relationship, relationshipSource: 'manual', updatedAt: now };
  await tx.objectStore('people').put(person);
  await relabelInteractionsIn(tx, personId, relationship, now);
  return person;
}

/**
 * The organisation's domains were set or extended: everyone at them whom the user has not sorted
 * by hand becomes internal by rule (as the options page's preview showed), and so do their past
 * interactions not re-tagged one by one, so the week's balance counts them. Returns who changed.
 */
export async function adoptOrgDomainsIn(
  tx: WriteTx,
  orgDomains: readonly string[],
  now: number,
): Promise<Person[]> {
  const changed: Person[] = [];
  if (orgDomains.length === 0) return changed;
  let cursor = await tx.objectStore('people').openCursor();
  while (cursor) {
    const found = cursor.value;
    const atOrg = found.emails.some((email) => {
      const domain = domainOf(email);
      return domain !== undefined && isOrgDomain(domain, orgDomains);
    });
    const sorted = found.relationshipSource === 'manual';
    if (atOrg && !sorted && found.relationship !== 'internal') {
      const person: Person = {
        ...found,
        relationship: 'internal',
        relationshipSource: 'rule',
        updatedAt: now,
      };
      await cursor.update(person);
      changed.push(person);
    }
    cursor = await cursor.continue();
  }
  for (const person of changed) await relabelInteractionsIn(tx, person.id, 'internal', now);
  return changed;
}

/** Every interaction with a person now counts as `relationship`, except those pinned by hand. */
async function relabelInteractionsIn(
  tx: WriteTx,
  personId: string,
  relationship: Relationship,
  now: number,
): Promise<void> {
  let cursor = await tx.objectStore('interactions').index('personId').openCursor(personId);
  while (cursor) {
    if (!cursor.value.relationshipPinned && cursor.value.relationship !== relationship) {
      await cursor.update({ ...cursor.value, relationship, updatedAt: now });
    }
    cursor = await cursor.continue();
  }
}

function onlyOne<T>(values: T[]): T | undefined {
  return values.length === 1 ? values[0] : undefined;
}

function addMissing(values: string[], value: string | undefined): string[] {
  return value && !values.includes(value) ? [...values, value] : values;
}

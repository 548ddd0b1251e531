/**
 * From what the user pointed at to a person in the log: an email or handle finds (or creates)
 * exactly one; a name may match several, and then the user picks.
 */
import type { Identified } from './identify';
import type { Person, Settings } from './model';
import { findPeopleByName } from './people';
import type { Store } from './store';

export type Target = { person: Person } | { candidates: Person[]; name: string };

export async function resolveTarget(
  store: Store,
  identified: Identified,
  settings: Pick<Settings, 'orgDomains'>,
  now: number = Date.now(),
): Promise<Target | null> {
  if (identified.email || identified.handle) {
    const name =
      identified.name ?? identified.email ?? identified.handle!.split(':').slice(1).join(':');
    const person = await store.resolveParticipant(
      { name, email: identified.email, handle: identified.handle, role: 'member' },
      settings.orgDomains,
      now,
    );
    return { person };
  }
  if (!identified.name) return null;
  const matches = findPeopleByName(await store.listPeople(), identified.name);
  if (matches.length === 1) return { person: matches[0]! };
  if (matches.length > 1) return { candidates: matches, name: identified.name };
  // Someone new, known only by name: created on the spot, relationship to be told.
  const person = await store.createPerson(
    {
      name: identified.name,
      emails: [],
      handles: [],
      relationship: 'unknown',
      relationshipSource: 'rule',
    },
    now,
  );
  return { person };
}

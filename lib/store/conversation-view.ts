/**
 * What the sidebar shows about an open conversation, read in one transaction: who each
 * participant is, whether they are logged in this thread, how recently the user dealt with and
 * thanked them, and their check-ins. One transaction instead of one per person and question keeps
 * the time from a page change to the sidebar listing the people within a few frames; the people
 * come first, so they can be listed while their facts are still being read.
 */
import { dedupeKeyPrefix } from '../merge';
import type { CheckIn, Conversation, Person } from '../model';
import { matchIn } from './people';
import { activityIn, type PersonActivity } from './reader';
import type { AnyTx } from './tx';

export interface ConversationView {
  people: { participant: Conversation['participants'][number]; person: Person }[];
  /** Who has an interaction logged in this thread. */
  loggedIds: Set<string>;
  /** Read in the same transaction after the people, who can be shown meanwhile. */
  facts: Promise<PeopleFacts>;
}

export interface PeopleFacts {
  activity: Map<string, PersonActivity>;
  /** The check-ins of the people shown. */
  checkIns: CheckIn[];
}

/** The stores `conversationView` reads. */
export const VIEW_STORES = ['people', 'interactions', 'appreciations', 'checkIns'] as const;

/**
 * The people as stored, read only; `needsWrite` when a participant is new or has gained an
 * address or handle, so a command must resolve them first.
 */
export async function matchAllIn(
  tx: AnyTx,
  conversation: Conversation,
  orgDomains: readonly string[],
  now: number,
): Promise<{ people: ConversationView['people']; needsWrite: boolean }> {
  const matched = await Promise.all(
    conversation.participants.map(async (participant) => ({
      participant,
      ...(await matchIn(tx, participant, orgDomains, now)),
    })),
  );
  return {
    // Two participants can turn out to be one person (an email here, a handle there).
    people: matched
      .filter((m, n) => matched.findIndex((other) => other.person.id === m.person.id) === n)
      .map(({ participant, person }) => ({ participant, person })),
    needsWrite: matched.some((m) => m.changed),
  };
}

/** Who has an interaction logged in this thread (its key's prefix, then the exact key). */
export async function loggedIn(tx: AnyTx, threadKey: string): Promise<Set<string>> {
  const threadPrefix = dedupeKeyPrefix(threadKey);
  const inThread = await tx
    .objectStore('interactions')
    .index('dedupeKey')
    .getAll(IDBKeyRange.bound(threadPrefix, `${threadPrefix}\uffff`));
  return new Set(inThread.filter((i) => i.threadKey === threadKey).map((i) => i.personId));
}

/**
 * The view, its facts' requests made at once in `tx`. A read-only transaction's results are final
 * once its requests succeed: nothing waits for it to complete, one more round trip.
 */
export function viewIn(
  tx: AnyTx,
  people: ConversationView['people'],
  loggedIds: Set<string>,
): ConversationView {
  const ids = people.map((p) => p.person.id);
  const facts = Promise.all([
    Promise.all(ids.map((id) => activityIn(tx, id))),
    Promise.all(ids.map((id) => tx.objectStore('checkIns').index('personId').getAll(id))),
  ]).then(([activities, checkIns]) => ({
    activity: new Map(ids.map((id, n) => [id, activities[n]!])),
    checkIns: checkIns.flat(),
  }));
  // Whoever shows the facts reports their failure; a view nobody shows has nothing to report.
  facts.catch(() => undefined);
  tx.done.catch(() => undefined);
  return { people, loggedIds, facts };
}

/**
 * Turning a detected conversation into the log: each participant becomes (or is matched to) a
 * person, and one interaction per person is logged for the thread and day (idempotent).
 */
import type { Conversation, Interaction, Participant, Person, Settings } from './model';
import type { Store } from './store';

export interface ResolvedParticipant {
  participant: Participant;
  person: Person;
}

export async function resolveParticipants(
  store: Store,
  conversation: Conversation,
  settings: Pick<Settings, 'orgDomains'>,
  now: number = Date.now(),
): Promise<ResolvedParticipant[]> {
  const resolved: ResolvedParticipant[] = [];
  for (const participant of conversation.participants) {
    const person = await store.resolveParticipant(participant, settings.orgDomains, now);
    // Two participants can turn out to be one person (an email in one place, a handle in another).
    if (!resolved.some((r) => r.person.id === person.id)) resolved.push({ participant, person });
  }
  return resolved;
}

/**
 * Logs the conversation with the given people (all of them by default) and returns what it
 * holds for them now; detection skips anyone whose interaction here the user deleted today.
 */
export async function logConversation(
  store: Store,
  conversation: Conversation,
  people: readonly Person[],
  settings: Pick<Settings, 'timeZone'>,
  source: Interaction['source'] = 'detected',
  now: number = Date.now(),
): Promise<Interaction[]> {
  const logged: Interaction[] = [];
  for (const person of people) {
    const { interaction } = await store.logInteraction(
      {
        personId: person.id,
        at: now,
        kind: conversation.kind,
        tool: conversation.tool,
        threadKey: conversation.threadKey,
        title: conversation.title || undefined,
        url: conversation.url,
        source,
      },
      settings,
      now,
    );
    if (interaction) logged.push(interaction);
  }
  return logged;
}

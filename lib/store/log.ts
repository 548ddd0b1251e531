/**
 * Interactions, thank-yous and check-ins, written inside a command's transaction. Each record
 * is parsed by its schema before the transaction opens, so an invalid one writes nothing.
 */
import { localDay } from '../balance';
import {
  AppreciationSchema,
  InteractionSchema,
  channelsOf,
  newId,
  parseOrThrow,
  type Appreciation,
  type CheckIn,
  type Conversation,
  type Interaction,
  type InteractionKind,
  type Person,
  type Relationship,
  type Settings,
  type Tool,
} from '../model';
import { dedupeKeyOf, tombstoneFor } from '../merge';
import { NotFoundError, abandon, type WriteTx } from './tx';

export interface NewInteraction {
  personId: string;
  at?: number;
  kind: InteractionKind;
  tool?: Tool;
  threadKey?: string;
  title?: string;
  url?: string;
  source: Interaction['source'];
  note?: string;
  /** Defaults to the person's relationship at the time. */
  relationship?: Relationship;
}

/** What "log this by hand" says: someone (found or new), and what happened with them. */
export interface ManualEntryInput {
  name: string;
  email?: string;
  /** The person the user picked among several of this name. */
  personId?: string;
  /** Left out: the person's own (a new person's is then unknown). */
  relationship?: Relationship;
  interaction: Omit<NewInteraction, 'personId' | 'relationship'>;
}

export type NewAppreciation = Omit<Appreciation, 'id' | 'at'> & { at?: number };
export type NewCheckIn = Omit<CheckIn, 'id' | 'askedAt' | 'delivered' | 'answer' | 'commitment'> &
  Partial<Pick<CheckIn, 'askedAt' | 'delivered' | 'answer' | 'commitment'>>;

/** A validated interaction, its relationship still to be taken from the stored person. */
export function draftInteraction(
  input: NewInteraction,
  settings: Pick<Settings, 'timeZone'>,
  now: number,
): Interaction {
  const at = input.at ?? now;
  const day = localDay(at, settings.timeZone);
  const id = newId(now);
  return parseOrThrow(
    InteractionSchema,
    {
      ...input,
      id,
      at,
      day,
      relationship: input.relationship ?? 'unknown',
      relationshipPinned: input.relationship !== undefined,
      dedupeKey: input.threadKey ? dedupeKeyOf(input.threadKey, input.personId, day) : id,
      updatedAt: now,
    },
    'interaction',
  );
}

/** The interaction one conversation makes with one person. */
export function conversationInteraction(
  conversation: Conversation,
  person: Pick<Person, 'id'>,
  source: Interaction['source'],
  now: number,
): NewInteraction {
  return {
    personId: person.id,
    at: now,
    kind: conversation.kind,
    tool: conversation.tool,
    threadKey: conversation.threadKey,
    title: conversation.title || undefined,
    url: conversation.url,
    source,
  };
}

/** What logging did: logged it now, found it logged already, or found it deleted by the user. */
export type LogResult =
  | { interaction: Interaction; created: boolean; deleted?: undefined }
  | { interaction: undefined; created: false; deleted: true };

/**
 * Adds a drafted interaction. The same thread with the same person on the same local day again
 * keeps the first one: `created` says which happened. Detection never brings back one the user
 * deleted (`deleted`); logging it by hand does, and forgets the deletion.
 */
export async function logIn(tx: WriteTx, draft: Interaction): Promise<LogResult> {
  const person = await tx.objectStore('people').get(draft.personId);
  if (!person) return abandon(tx, new NotFoundError('person', draft.personId));
  const interactions = tx.objectStore('interactions');
  const existing = await interactions.index('dedupeKey').get(draft.dedupeKey);
  if (existing) return { interaction: existing, created: false };
  const tombstones = tx.objectStore('tombstones');
  if (draft.threadKey && (await tombstones.getKey(draft.dedupeKey))) {
    if (draft.source === 'detected')
      return { interaction: undefined, created: false, deleted: true };
    await tombstones.delete(draft.dedupeKey);
  }
  // Only the relationship changes, to the stored person's (valid when it was written): the
  // record stays valid without parsing it again.
  const interaction: Interaction = draft.relationshipPinned
    ? draft
    : { ...draft, relationship: person.relationship };
  await interactions.add(interaction);
  return { interaction, created: true };
}

/** Changes a stored record; `validate` throws (and nothing is written) when the result is invalid. */
export async function updateIn<T extends { id: string }>(
  tx: WriteTx,
  name: 'interactions' | 'checkIns',
  what: string,
  id: string,
  changes: Partial<T>,
  validate: (merged: unknown) => T,
): Promise<T> {
  const objects = tx.objectStore(name) as unknown as {
    get(id: string): Promise<T | undefined>;
    put(value: T): Promise<unknown>;
  };
  const found = await objects.get(id);
  if (!found) return abandon(tx, new NotFoundError(what, id));
  let updated: T;
  try {
    updated = validate({ ...found, ...changes, id });
  } catch (error) {
    return abandon(tx, error as Error);
  }
  await objects.put(updated);
  return updated;
}

/** Adds a record that belongs to a person, who must exist. */
export async function addForPerson<T extends { personId: string }>(
  tx: WriteTx,
  name: 'appreciations' | 'checkIns',
  record: T,
): Promise<T> {
  if (!(await tx.objectStore('people').getKey(record.personId)))
    return abandon(tx, new NotFoundError('person', record.personId));
  await (tx.objectStore(name) as unknown as { add(value: T): Promise<unknown> }).add(record);
  return record;
}

/** A thank-you delivered once more: the same record gains the channel (see Store.deliverAppreciation). */
export async function deliverIn(
  tx: WriteTx,
  input: NewAppreciation & { id?: string },
  now: number,
): Promise<Appreciation> {
  const { id, ...fields } = input;
  const found = id ? await tx.objectStore('appreciations').get(id) : undefined;
  if (!found) {
    const fresh = parseOrThrow(
      AppreciationSchema,
      { ...fields, channels: [fields.channel], id: newId(now), at: fields.at ?? now },
      'thank-you',
    );
    return addForPerson(tx, 'appreciations', fresh);
  }
  const channels = channelsOf(found);
  const updated = parseOrThrow(
    AppreciationSchema,
    {
      ...found,
      message: fields.message,
      whatTheyDid: fields.whatTheyDid,
      whatItMadePossible: fields.whatItMadePossible,
      channels: channels.includes(fields.channel) ? channels : [...channels, fields.channel],
    },
    'thank-you',
  );
  await tx.objectStore('appreciations').put(updated);
  return updated;
}

/**
 * Deletes an interaction and leaves a tombstone for its thread, person and day, so the next
 * visit to the thread does not log it again.
 */
export async function deleteInteractionIn(
  tx: WriteTx,
  id: string,
  now: number,
): Promise<Interaction | undefined> {
  const found = await tx.objectStore('interactions').get(id);
  if (found) {
    await tx.objectStore('interactions').delete(id);
    const tombstone = tombstoneFor(found, now);
    if (tombstone) await tx.objectStore('tombstones').put(tombstone);
  }
  return found;
}

/**
 * Puts back an interaction removed by a delete (undo) and forgets the deletion. When the log
 * holds the same thread, person and day again meanwhile (logged by hand), that one stays and is
 * returned: the log has the interaction either way.
 */
export async function restoreInteractionIn(tx: WriteTx, valid: Interaction): Promise<Interaction> {
  const interactions = tx.objectStore('interactions');
  const holder = await interactions.index('dedupeKey').get(valid.dedupeKey);
  const tombstone = tombstoneFor(valid, 0);
  if (tombstone) await tx.objectStore('tombstones').delete(tombstone.key);
  if (holder && holder.id !== valid.id) return holder;
  await interactions.put(valid);
  return valid;
}

/**
 * Which record wins when two versions of one record meet (an import into the log), and what a
 * deletion leaves behind so that it sticks. Pure: the store and the import apply these rules.
 *
 * The rule: a record replaces the stored one only when it changed later. An older or equally old
 * copy never overwrites what the user has now, and a record deleted after it last changed stays
 * deleted.
 */
import type { Appreciation, CheckIn, Interaction, Person } from './model';

export type MergeableRecord = Person | Interaction | Appreciation | CheckIn;

/** When a record last changed: its `updatedAt`, or for older records the latest date it holds. */
export function lastChanged(record: MergeableRecord): number {
  if ('updatedAt' in record && record.updatedAt !== undefined) return record.updatedAt;
  if ('askedAt' in record) return Math.max(record.askedAt, record.deliveredAt ?? 0);
  if ('at' in record) return record.at;
  return 0;
}

export type MergeDecision =
  /** Not in the log yet: add it. */
  | 'add'
  /** Changed later than the stored copy: it replaces it. */
  | 'replace'
  /** The same as the stored copy. */
  | 'same'
  /** The stored copy changed later (or at the same time): it stays. */
  | 'kept-newer'
  /** Deleted from the log after this copy last changed: it stays deleted. */
  | 'kept-deleted';

/**
 * What to do with `incoming` given the stored copy (if any) and, for interactions, when its
 * thread, person and day were deleted (if they were).
 */
export function decideMerge<T extends MergeableRecord>(
  stored: T | undefined,
  incoming: T,
  deletedAt?: number,
): MergeDecision {
  if (!stored) {
    return deletedAt !== undefined && lastChanged(incoming) <= deletedAt ? 'kept-deleted' : 'add';
  }
  if (sameRecord(stored, incoming)) return 'same';
  return lastChanged(incoming) > lastChanged(stored) ? 'replace' : 'kept-newer';
}

/** Two records with the same fields and values, whatever their keys' order. */
export function sameRecord(a: object, b: object): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)));
}

/** The key of one interaction per thread, person and local day: its dedupe key and tombstone. */
export function dedupeKeyOf(threadKey: string, personId: string, day: string): string {
  return `${threadKey}|${personId}|${day}`;
}

/** What every dedupe key of a thread starts with (keys of other threads may too: compare). */
export function dedupeKeyPrefix(threadKey: string): string {
  return `${threadKey}|`;
}

/**
 * What a deleted interaction leaves behind: its thread, person and day, and when. Auto-logging
 * the same thread with the same person on the same day finds it and logs nothing.
 */
export interface Tombstone {
  key: string;
  deletedAt: number;
}

/** The tombstone a deletion leaves, or none for an interaction on no thread (nothing re-logs it). */
export function tombstoneFor(interaction: Interaction, now: number): Tombstone | undefined {
  if (!interaction.threadKey) return undefined;
  return {
    key: dedupeKeyOf(interaction.threadKey, interaction.personId, interaction.day),
    deletedAt: now,
  };
}

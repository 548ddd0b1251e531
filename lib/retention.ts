/**
 * Retention: removing entries older than a number of months the user chooses. Pure rules; the
 * removal itself is a store write (lib/io.ts). A bad "keep for" value must never reach the
 * removal: an empty, zero or negative value would otherwise put the cutoff at or after now and
 * remove the whole log.
 */
import type { CheckIn } from './model';
import { ValidationError } from './model';

export const MIN_KEEP_MONTHS = 1;
export const MAX_KEEP_MONTHS = 240;

export type KeepMonths = { ok: true; months: number } | { ok: false };

/** The "keep for" field as typed: a whole number of months within bounds, or not valid. */
export function parseKeepMonths(text: string): KeepMonths {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false };
  const months = Number(trimmed);
  return months >= MIN_KEEP_MONTHS && months <= MAX_KEEP_MONTHS
    ? { ok: true, months }
    : { ok: false };
}

/** The moment `months` calendar months before `now`: entries before it go. */
export function retentionCutoff(months: number, now: number): number {
  if (!Number.isInteger(months) || months < MIN_KEEP_MONTHS || months > MAX_KEEP_MONTHS) {
    throw new ValidationError('retention', [
      `keep for must be a whole number of months from ${MIN_KEEP_MONTHS} to ${MAX_KEEP_MONTHS}`,
    ]);
  }
  const cutoff = new Date(now);
  cutoff.setMonth(cutoff.getMonth() - months);
  return cutoff.getTime();
}

/** The shortest span retention may keep: a cutoff later than this before now is refused. */
const MIN_KEEP_MS = 28 * 86_400_000;

/** Throws unless `cutoff` lies at least four weeks before `now`. */
export function assertSafeCutoff(cutoff: number, now: number): void {
  if (!Number.isFinite(cutoff) || cutoff > now - MIN_KEEP_MS) {
    throw new ValidationError('retention', ['the cutoff must be at least a month in the past']);
  }
}

/** A commitment the user made and has not delivered yet: retention keeps it, however old. */
export function isOpenCommitment(checkIn: CheckIn): boolean {
  return !checkIn.delivered && checkIn.commitment.trim() !== '';
}

/** What a removal would take, by kind. */
export interface RetentionCount {
  interactions: number;
  appreciations: number;
  checkIns: number;
  /** Old check-ins kept because their commitment is still open. */
  openCommitmentsKept: number;
}

export function totalRemoved(count: RetentionCount): number {
  return count.interactions + count.appreciations + count.checkIns;
}

/**
 * What a person's card in the sidebar says about them beyond their name: when the user last
 * worked with them, whether and when they were thanked, and a promise still open to them.
 */
import { addDays } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { localDay, resolveTimeZone } from './balance';
import type { CheckIn } from './model';

export interface PersonCardFacts {
  lastTogetherAt?: number;
  thanked: 'today' | 'earlier' | 'never';
  lastThankedAt?: number;
  /** The newest promise to them not yet delivered; `due` once its follow-up day has come. */
  openPromise?: { checkInId: string; commitment: string; followUpOn?: string; due: boolean };
}

export function personCardFacts(
  activity: { lastInteractionAt?: number; lastThankedAt?: number },
  checkIns: readonly CheckIn[],
  personId: string,
  now: number,
  timeZone: string,
): PersonCardFacts {
  const today = localDay(now, timeZone);
  const { lastThankedAt } = activity;
  const thanked =
    lastThankedAt === undefined
      ? 'never'
      : localDay(lastThankedAt, timeZone) === today
        ? 'today'
        : 'earlier';
  const open = checkIns
    .filter((c) => c.personId === personId && !c.delivered && c.commitment.trim())
    .sort((a, b) => b.askedAt - a.askedAt)[0];
  return {
    lastTogetherAt: activity.lastInteractionAt,
    thanked,
    lastThankedAt,
    openPromise: open && {
      checkInId: open.id,
      commitment: open.commitment,
      followUpOn: open.followUpOn,
      due: Boolean(open.followUpOn && open.followUpOn <= today),
    },
  };
}

/** "Not yet": the follow-up comes back tomorrow, in the user's own calendar. */
export function tomorrow(now: number, timeZone: string): string {
  return localDay(addDays(new TZDate(now, resolveTimeZone(timeZone)), 1).getTime(), timeZone);
}

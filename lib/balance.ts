/**
 * The week's balance between internal and external customers, and its trend.
 * Calendar arithmetic goes through date-fns with @date-fns/tz, so weeks start on the user's
 * chosen day in the user's time zone, across daylight-saving changes and year ends.
 */
import { TZDate } from '@date-fns/tz';
import { addWeeks, startOfWeek, type Day } from 'date-fns';
import type { Appreciation, CheckIn, Interaction, Settings } from './model';

export interface WeekBounds {
  /** Inclusive, epoch ms. */
  start: number;
  /** Exclusive, epoch ms. */
  end: number;
}

let systemZone = { zone: '', readAt: -Infinity };

/** The browser's own time zone when the user has not chosen one. */
export function resolveTimeZone(timeZone: string | undefined): string {
  if (timeZone) return timeZone;
  // Asking Intl costs a formatter each time (tens of µs, on every append and week read); the
  // answer is kept for a minute, so a laptop that changed zones catches up within one.
  const now = Date.now();
  if (now - systemZone.readAt > 60_000) {
    systemZone = { zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', readAt: now };
  }
  return systemZone.zone;
}

/** The week containing `at`, starting on `weekStartsOn` (0 = Sunday) in `timeZone`. */
export function weekBounds(at: number, weekStartsOn: number, timeZone: string): WeekBounds {
  const zoned = new TZDate(at, resolveTimeZone(timeZone));
  const start = startOfWeek(zoned, { weekStartsOn: weekStartsOn as Day });
  return { start: start.getTime(), end: addWeeks(start, 1).getTime() };
}

/** The last `count` weeks ending with the one containing `at`, oldest first. */
export function recentWeeks(
  at: number,
  count: number,
  weekStartsOn: number,
  timeZone: string,
): WeekBounds[] {
  const current = new TZDate(
    weekBounds(at, weekStartsOn, timeZone).start,
    resolveTimeZone(timeZone),
  );
  const weeks: WeekBounds[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const start = addWeeks(current, -back);
    weeks.push({ start: start.getTime(), end: addWeeks(start, 1).getTime() });
  }
  return weeks;
}

/**
 * This week so far, and last week up to the same moment: a Tuesday's "this week" is compared
 * with last Monday and Tuesday, not with all of last week.
 */
export function weekSoFarAndSameDaysLastWeek(
  now: number,
  weekStartsOn: number,
  timeZone: string,
): { thisWeek: WeekBounds; sameDaysLastWeek: WeekBounds } {
  const thisWeek = weekBounds(now, weekStartsOn, timeZone);
  const lastWeekStart = addWeeks(new TZDate(thisWeek.start, resolveTimeZone(timeZone)), -1);
  // The same local time a week ago, so a daylight-saving change in between moves nothing.
  const aWeekAgo = addWeeks(new TZDate(now, resolveTimeZone(timeZone)), -1);
  return {
    thisWeek: { start: thisWeek.start, end: now + 1 },
    sameDaysLastWeek: { start: lastWeekStart.getTime(), end: aWeekAgo.getTime() + 1 },
  };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The user's local calendar day of `at`, `YYYY-MM-DD`. */
export function localDay(at: number, timeZone: string): string {
  // One cached formatter per zone: a TZDate and date-fns format cost ~50 µs per call.
  const zone = resolveTimeZone(timeZone);
  let dayFormat = dayFormats.get(zone);
  if (!dayFormat) {
    dayFormat = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(zone, dayFormat);
  }
  const parts = dayFormat.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Where the internal share sits against the user's band. */
export type BandPosition = 'no-data' | 'too-external' | 'balanced' | 'too-internal';

export interface WeeklyBalance extends WeekBounds {
  internal: number;
  external: number;
  unknown: number;
  internalPeople: number;
  /** People met this week whose relationship the user has not said yet. */
  unknownPeople: number;
  externalPeople: number;
  thanks: number;
  thankGoal: number;
  checkIns: number;
  /** Internal interactions over internal + external; null when there are none. */
  internalShare: number | null;
  position: BandPosition;
}

export function bandPosition(share: number | null, band: Settings['band']): BandPosition {
  if (share === null) return 'no-data';
  if (share < band.min) return 'too-external';
  if (share > band.max) return 'too-internal';
  return 'balanced';
}

/**
 * The balance of one week from that week's records. Records outside `week` are ignored, so a
 * caller may pass a superset without double counting.
 */
export function weeklyBalance(
  week: WeekBounds,
  records: {
    interactions: Iterable<Interaction>;
    appreciations: Iterable<Appreciation>;
    checkIns?: Iterable<CheckIn>;
  },
  settings: Pick<Settings, 'band' | 'weeklyThankGoal'>,
): WeeklyBalance {
  const inWeek = (t: number) => t >= week.start && t < week.end;
  let internal = 0;
  let external = 0;
  let unknown = 0;
  const internalPeople = new Set<string>();
  const externalPeople = new Set<string>();
  const unknownPeople = new Set<string>();
  for (const interaction of records.interactions) {
    if (!inWeek(interaction.at)) continue;
    if (interaction.relationship === 'internal') {
      internal++;
      internalPeople.add(interaction.personId);
    } else if (interaction.relationship === 'external') {
      external++;
      externalPeople.add(interaction.personId);
    } else {
      unknown++;
      unknownPeople.add(interaction.personId);
    }
  }
  let thanks = 0;
  for (const appreciation of records.appreciations) if (inWeek(appreciation.at)) thanks++;
  let checkIns = 0;
  for (const checkIn of records.checkIns ?? []) if (inWeek(checkIn.askedAt)) checkIns++;
  const sided = internal + external;
  const internalShare = sided ? internal / sided : null;
  return {
    ...week,
    internal,
    external,
    unknown,
    internalPeople: internalPeople.size,
    externalPeople: externalPeople.size,
    unknownPeople: unknownPeople.size,
    thanks,
    thankGoal: settings.weeklyThankGoal,
    checkIns,
    internalShare,
    position: bandPosition(internalShare, settings.band),
  };
}

/** One week of the trend: just the counts a chart needs. */
export interface WeekTotals extends WeekBounds {
  internal: number;
  external: number;
  thanks: number;
}

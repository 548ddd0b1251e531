/**
 * Local time for the reminder policy: days and times in the user's zone, and quiet hours, the
 * half-open local interval [start, end) that wraps midnight when end is before start
 * (19:00–08:00); start = end means no quiet hours.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, set, startOfDay } from 'date-fns';
import { resolveTimeZone } from '../balance';
import type { Settings } from '../model';

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

export function zoned(at: number, timeZone: string): TZDate {
  return new TZDate(at, resolveTimeZone(timeZone));
}

/** `day` (any instant of it, zoned) at the local `HH:MM`. */
export function atTime(day: TZDate, time: string): TZDate {
  const minutes = minutesOf(time);
  return set(startOfDay(day), {
    hours: Math.floor(minutes / 60),
    minutes: minutes % 60,
    seconds: 0,
    milliseconds: 0,
  });
}

/** Whether `at` falls within the quiet hours, in the user's zone. */
export function inQuietHours(
  at: number,
  quietHours: Settings['quietHours'],
  timeZone: string,
): boolean {
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  if (start === end) return false;
  const local = zoned(at, timeZone);
  const minutes = local.getHours() * 60 + local.getMinutes();
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** The end of the quiet period that `at` (inside it) belongs to, always after `at`. */
function quietPeriodEnd(at: number, quietHours: Settings['quietHours'], timeZone: string): number {
  const local = zoned(at, timeZone);
  const minutes = local.getHours() * 60 + local.getMinutes();
  const wraps = minutesOf(quietHours.end) < minutesOf(quietHours.start);
  // In the evening part of a wrapping quiet period, it ends tomorrow morning.
  const endDay = wraps && minutes >= minutesOf(quietHours.start) ? addDays(local, 1) : local;
  const end = atTime(endDay, quietHours.end).getTime();
  // On a fall-back night the end may name the first of two repeated hours, before `at`.
  return end > at ? end : end + 3_600_000;
}

/** The first instant at or after `at` outside the quiet hours. */
export function afterQuietHours(
  at: number,
  quietHours: Settings['quietHours'],
  timeZone: string,
): number {
  let next = at;
  // An end inside a spring-forward gap lands after it, where the next quiet period may already
  // have begun (02:45–02:00 on a night without 02:00–03:00): then that period's end counts.
  for (let step = 0; step < 4 && inQuietHours(next, quietHours, timeZone); step++) {
    next = quietPeriodEnd(next, quietHours, timeZone);
  }
  return next;
}

/** The start of the local day after the one containing `at`. */
export function nextLocalDay(at: number, timeZone: string): number {
  return startOfDay(addDays(zoned(at, timeZone), 1)).getTime();
}

export function sameLocalDay(a: number, b: number, timeZone: string): boolean {
  return startOfDay(zoned(a, timeZone)).getTime() === startOfDay(zoned(b, timeZone)).getTime();
}

import { TZDate, tz } from '@date-fns/tz';
import { differenceInCalendarDays, getYear, parseISO } from 'date-fns';
import { localDay } from '../balance';
import type { Translate } from '../i18n';

/**
 * Dates in the user's zone and language, in words: "Monday 3 March", "4 days ago", and what
 * the user wrote, quoted. Brief words ("Mon 3 Mar", shorter quotes) let a reason fit a small
 * space whole: the popup shows three lines of each.
 */
export class Words {
  private readonly in: ReturnType<typeof tz>;
  private readonly weekday: Intl.DateTimeFormat;
  private readonly weekdayAndYear: Intl.DateTimeFormat;
  constructor(
    private readonly now: number,
    private readonly zone: string,
    locale: string,
    readonly t: Translate,
    private readonly brief = false,
  ) {
    this.in = tz(zone);
    const length = brief ? 'short' : 'long';
    const parts = { weekday: length, day: 'numeric', month: length } as const;
    this.weekday = new Intl.DateTimeFormat(locale, { ...parts, timeZone: zone });
    this.weekdayAndYear = new Intl.DateTimeFormat(locale, {
      ...parts,
      year: 'numeric',
      timeZone: zone,
    });
  }

  day(at: number): string {
    const sameYear = getYear(at, { in: this.in }) === getYear(this.now, { in: this.in });
    return (sameYear ? this.weekday : this.weekdayAndYear).format(at);
  }

  /** What the user wrote (a title, a promise), cut with an ellipsis where it is long. */
  quote(written: string): string {
    const max = this.brief ? 32 : 60;
    return written.length > max ? `${written.slice(0, max - 1).trimEnd()}…` : written;
  }

  ago(at: number): string {
    return this.daysAgo(differenceInCalendarDays(this.now, at, { in: this.in }));
  }

  /** A `YYYY-MM-DD` local day against today. */
  dueOn(day: string): string {
    const date = parseISO(day);
    const today = parseISO(localDay(this.now, this.zone));
    const days = differenceInCalendarDays(today, date);
    // Noon on that day in the user's zone names the right weekday wherever the engine runs.
    const named = this.day(
      new TZDate(date.getFullYear(), date.getMonth(), date.getDate(), 12, this.zone).getTime(),
    );
    return days <= 0
      ? this.t('promptDueToday')
      : days === 1
        ? this.t('promptDueYesterday', named)
        : this.t('promptDueDaysAgo', named, days);
  }

  private daysAgo(days: number): string {
    return days <= 0
      ? this.t('promptToday')
      : days === 1
        ? this.t('promptYesterday')
        : this.t('promptDaysAgo', days);
  }
}

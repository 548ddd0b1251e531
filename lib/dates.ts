/**
 * Dates as every surface writes them, one format per context, from the browser's Intl in the
 * user's language and time zone:
 * - a moment (a log entry, when a rule was learned): "Nov 18, 2026, 10:04 AM";
 * - a day (last interaction, last thanked, asked, a card's dates): "Wed, Nov 18";
 * - a week on a chart's axis, named by its first day: "Nov 16".
 */
export type DateContext = 'moment' | 'day' | 'week';

const OPTIONS: Record<DateContext, Intl.DateTimeFormatOptions> = {
  moment: { dateStyle: 'medium', timeStyle: 'short' },
  day: { weekday: 'short', month: 'short', day: 'numeric' },
  week: { month: 'short', day: 'numeric' },
};

// Building an Intl formatter per row made the log's scrolling janky: one per context, language
// and zone.
const formats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(
  context: DateContext,
  at: number,
  locale: string,
  timeZone?: string,
): string {
  const key = `${context}|${locale}|${timeZone ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...OPTIONS[context], timeZone });
    formats.set(key, format);
  }
  return format.format(at);
}

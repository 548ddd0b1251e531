/**
 * Who to thank now, and why: a pure engine over the log. At most three suggestions, each with
 * a specific reason (a name, a count, a date), so a prompt is something to act on rather than
 * noise. The clock is an argument (`now`), so the engine is tested with a fake one.
 *
 * The rules, each precise enough to test:
 * - check-in: a check-in that is not delivered and whose follow-up day (`followUpOn`, the
 *   user's local day) is today or earlier. Gone once it is delivered.
 * - helped: someone with an interaction in the last 7 days that came after the last thank-you
 *   to them (all thank-yous count, whenever logged), the earliest such interaction being at
 *   least two days old. Gone once the user thanks them.
 * - frequent: an internal person with at least 4 interactions in the last 30 days and no
 *   thank-you in the last 30 days. Gone once the user thanks them.
 * - supporting-cast: someone in the 'support-staff' circle with no thank-you in the last 30
 *   days. Gone once the user thanks them.
 * - balance: the last two completed, consecutive weeks of `trend` both outside the band on the
 *   same side (each with at least 3 internal-or-external interactions), unless the current week
 *   has already come back into the band or crossed it.
 *
 * Selection: candidates of each kind are ranked, then taken in turns, one kind after another
 * (check-in, helped, frequent, supporting-cast, balance), so three suggestions show three
 * different reasons where the log allows. A person is named at most once; snoozed people,
 * check-ins and the balance (key `balance`) are left out until their snooze ends.
 */
import { TZDate, tz } from '@date-fns/tz';
import { differenceInCalendarDays, getYear, parseISO } from 'date-fns';
import { bandPosition, localDay, resolveTimeZone } from './balance';
import { countText, type MessageKey, type Translate } from './i18n';
import type { WeekTotals } from './balance';
import type {
  Appreciation,
  CheckIn,
  Interaction,
  InteractionKind,
  Person,
  Settings,
} from './model';

export const DAY = 86_400_000;
export const MAX_SUGGESTIONS = 3;
/** Interactions older than this are not read at all. */
export const LOOKBACK_DAYS = 30;
/** "Helped": interactions this recent count… */
export const HELP_WINDOW_DAYS = 7;
/** …and are owed a thank-you once this many days have passed without one. */
export const THANK_WITHIN_DAYS = 2;
/** "Frequent": at least this many interactions in the lookback… */
export const FREQUENT_MIN_INTERACTIONS = 4;
/** …and no thank-you in this many days (also "lately" for the supporting cast). */
export const NOT_THANKED_DAYS = 30;
/** A week needs this many internal-or-external interactions to count as off balance. */
export const BALANCE_MIN_INTERACTIONS = 3;
/** The snooze key of the balance suggestion. */
export const BALANCE_KEY = 'balance';

export type SuggestionKind = 'helped' | 'frequent' | 'supporting-cast' | 'check-in' | 'balance';

/** The order in which kinds take turns. */
export const KIND_ORDER: readonly SuggestionKind[] = [
  'check-in',
  'helped',
  'frequent',
  'supporting-cast',
  'balance',
];

export interface Suggestion {
  kind: SuggestionKind;
  personId?: string;
  checkInId?: string;
  reason: string;
  /** What to put in `PromptInput.snoozed` to snooze this one: the check-in, person or 'balance'. */
  key: string;
}

export interface PromptInput {
  now: number;
  people: readonly Person[];
  /** Interactions of the last 30 days at least. */
  interactions: readonly Interaction[];
  /** All thank-yous to the people above (for "last thanked"). */
  appreciations: readonly Appreciation[];
  checkIns: readonly CheckIn[];
  /**
   * The last weeks' totals, oldest first, the current week last. The balance rule needs the
   * two weeks before the current one, so pass at least three.
   */
  trend?: readonly WeekTotals[];
  settings: Pick<Settings, 'timeZone' | 'band'>;
  /**
   * Person ids, check-in ids or 'balance' the user snoozed, with when the snooze ends. Snoozing
   * a person hides every suggestion naming them.
   */
  snoozed?: Readonly<Record<string, number>>;
  /** The words of the reasons (messages.json through the browser's i18n). */
  t: Translate;
  /** The language dates are written in (BCP 47, e.g. the browser's UI language). */
  locale: string;
}

interface PersonFacts {
  person: Person;
  /** Interactions in the lookback, oldest first. */
  recent: Interaction[];
  lastThanked?: number;
}

export function suggestions(input: PromptInput): Suggestion[] {
  const { now } = input;
  const zone = resolveTimeZone(input.settings.timeZone);
  const text = new Words(now, zone, input.locale, input.t);

  const byPerson = new Map<string, Interaction[]>();
  for (const i of input.interactions) {
    if (i.at > now || i.at < now - LOOKBACK_DAYS * DAY) continue;
    const list = byPerson.get(i.personId) ?? [];
    list.push(i);
    byPerson.set(i.personId, list);
  }
  const lastThanked = new Map<string, number>();
  for (const a of input.appreciations) {
    lastThanked.set(a.personId, Math.max(lastThanked.get(a.personId) ?? -Infinity, a.at));
  }
  const facts: PersonFacts[] = input.people.map((person) => ({
    person,
    recent: (byPerson.get(person.id) ?? []).sort((a, b) => a.at - b.at),
    lastThanked: lastThanked.get(person.id),
  }));
  const peopleById = new Map(input.people.map((p) => [p.id, p]));

  const candidates: Record<SuggestionKind, Suggestion[]> = {
    'check-in': checkInsDue(input.checkIns, peopleById, now, zone, text),
    helped: helped(facts, now, text),
    frequent: frequent(facts, now, text),
    'supporting-cast': supportingCast(facts, now, text),
    balance: balance(input.trend ?? [], input.settings.band, now, text),
  };

  const snoozed = (id: string | undefined) => id !== undefined && (input.snoozed?.[id] ?? 0) > now;
  const out: Suggestion[] = [];
  const named = new Set<string>();
  const next = Object.fromEntries(KIND_ORDER.map((k) => [k, 0])) as Record<SuggestionKind, number>;
  let progress = true;
  while (out.length < MAX_SUGGESTIONS && progress) {
    progress = false;
    for (const kind of KIND_ORDER) {
      if (out.length >= MAX_SUGGESTIONS) break;
      const list = candidates[kind];
      while (next[kind] < list.length) {
        const s = list[next[kind]++]!;
        if (snoozed(s.key) || snoozed(s.personId) || snoozed(s.checkInId)) continue;
        if (s.personId && named.has(s.personId)) continue;
        if (s.personId) named.add(s.personId);
        out.push(s);
        progress = true;
        break;
      }
    }
  }
  return out;
}

/** A promise made at a check-in whose follow-up day has come, most overdue first. */
function checkInsDue(
  checkIns: readonly CheckIn[],
  people: Map<string, Person>,
  now: number,
  zone: string,
  text: Words,
): Suggestion[] {
  const today = localDay(now, zone);
  return checkIns
    .filter((c) => !c.delivered && c.followUpOn !== undefined && c.followUpOn <= today)
    .filter((c) => people.has(c.personId))
    .sort((a, b) => a.followUpOn!.localeCompare(b.followUpOn!) || a.askedAt - b.askedAt)
    .map((c) => {
      const person = people.get(c.personId)!;
      const commitment = c.commitment.trim();
      const day = text.day(c.askedAt);
      const due = text.dueOn(c.followUpOn!);
      return {
        kind: 'check-in',
        personId: person.id,
        checkInId: c.id,
        key: c.id,
        reason: commitment
          ? text.t('promptCheckInPromised', person.name, truncate(commitment, 60), day, due)
          : text.t('promptCheckInPlanned', person.name, day, due),
      };
    });
}

/** Help not yet thanked for, two days on; colleagues first, then the longest waiting. */
function helped(facts: PersonFacts[], now: number, text: Words): Suggestion[] {
  const found: Array<{ s: Suggestion; since: number; count: number; external: boolean }> = [];
  for (const { person, recent, lastThanked } of facts) {
    const pending = recent.filter(
      (i) => i.at >= now - HELP_WINDOW_DAYS * DAY && i.at > (lastThanked ?? -Infinity),
    );
    const first = pending[0];
    if (!first || now - first.at < THANK_WITHIN_DAYS * DAY) continue;
    const threads = new Set(pending.map(thread));
    const more = threads.size - 1;
    const what = [person.name, describe(first, text), text.day(first.at), text.ago(first.at)];
    const moreThings = countText(text.t, more, 'promptMoreThingsOne', 'promptMoreThingsOther');
    const reason =
      lastThanked === undefined
        ? more > 0
          ? text.t('promptHelpedMoreNeverThanked', ...what, moreThings)
          : text.t('promptHelpedNeverThanked', ...what)
        : more > 0
          ? text.t('promptHelpedMoreNotSince', ...what, moreThings, text.day(lastThanked))
          : text.t('promptHelpedNotSince', ...what, text.day(lastThanked));
    found.push({
      s: { kind: 'helped', personId: person.id, key: person.id, reason },
      since: first.at,
      count: threads.size,
      external: person.relationship === 'external',
    });
  }
  // Colleagues first (most help comes from inside), then the longest waiting.
  return found
    .sort(
      (a, b) => Number(a.external) - Number(b.external) || a.since - b.since || b.count - a.count,
    )
    .map(({ s }) => s);
}

/** Internal people worked with often and not thanked in 30 days; the most frequent first. */
function frequent(facts: PersonFacts[], now: number, text: Words): Suggestion[] {
  return facts
    .filter(
      ({ person, recent, lastThanked }) =>
        person.relationship === 'internal' &&
        recent.length >= FREQUENT_MIN_INTERACTIONS &&
        !thankedSince(lastThanked, now - NOT_THANKED_DAYS * DAY),
    )
    .sort(
      (a, b) => b.recent.length - a.recent.length || (a.lastThanked ?? 0) - (b.lastThanked ?? 0),
    )
    .map(({ person, recent, lastThanked }) => ({
      kind: 'frequent',
      personId: person.id,
      key: person.id,
      reason:
        lastThanked === undefined
          ? text.t(
              'promptFrequentNeverThanked',
              person.name,
              countText(text.t, recent.length, 'promptTimesOne', 'promptTimesOther'),
              LOOKBACK_DAYS,
              text.day(recent.at(-1)!.at),
            )
          : text.t(
              'promptFrequentLastThanked',
              person.name,
              countText(text.t, recent.length, 'promptTimesOne', 'promptTimesOther'),
              LOOKBACK_DAYS,
              text.day(recent.at(-1)!.at),
              text.day(lastThanked),
              text.ago(lastThanked),
            ),
    }));
}

/**
 * The supporting cast not thanked in 30 days: never thanked first, then the longest ago; among
 * equals, the one seen most recently (the easiest to thank).
 */
function supportingCast(facts: PersonFacts[], now: number, text: Words): Suggestion[] {
  return facts
    .filter(
      ({ person, lastThanked }) =>
        person.circle === 'support-staff' &&
        !thankedSince(lastThanked, now - NOT_THANKED_DAYS * DAY),
    )
    .sort(
      (a, b) =>
        (a.lastThanked ?? -Infinity) - (b.lastThanked ?? -Infinity) ||
        (b.recent.at(-1)?.at ?? -Infinity) - (a.recent.at(-1)?.at ?? -Infinity) ||
        a.person.name.localeCompare(b.person.name),
    )
    .map(({ person, recent, lastThanked }) => {
      const who = person.role
        ? text.t('promptNameWithRole', person.name, person.role)
        : person.name;
      const last = recent.at(-1);
      const thanks =
        lastThanked === undefined
          ? text.t('promptCastNoThanksYet')
          : text.t('promptCastLastThanks', text.day(lastThanked), text.ago(lastThanked));
      return {
        kind: 'supporting-cast',
        personId: person.id,
        key: person.id,
        reason: last
          ? text.t('promptCastLastInTouch', who, thanks, text.day(last.at))
          : text.t('promptCast', who, thanks),
      };
    });
}

/** The last two completed weeks on the same side of the band, and this week not back in it. */
function balance(
  trend: readonly WeekTotals[],
  band: Settings['band'],
  now: number,
  text: Words,
): Suggestion[] {
  const done = trend.filter((w) => w.end <= now);
  const [a, b] = done.slice(-2);
  if (!a || !b || a.end !== b.start) return [];
  const side = (w: WeekTotals) => {
    const total = w.internal + w.external;
    return bandPosition(total ? w.internal / total : null, band);
  };
  const position = side(a);
  if (position !== 'too-external' && position !== 'too-internal') return [];
  if (side(b) !== position) return [];
  if ([a, b].some((w) => w.internal + w.external < BALANCE_MIN_INTERACTIONS)) return [];
  const current = trend.find((w) => w.start <= now && now < w.end);
  if (current) {
    const thisWeek = side(current);
    if (thisWeek !== 'no-data' && thisWeek !== position) return [];
  }
  const external = position === 'too-external';
  const week = (w: WeekTotals) => [
    external ? w.external : w.internal,
    w.internal + w.external,
    text.day(w.start),
  ];
  return [
    {
      kind: 'balance',
      key: BALANCE_KEY,
      reason: text.t(
        external ? 'promptBalanceExternal' : 'promptBalanceInternal',
        ...week(a),
        ...week(b),
        Math.round(band.min * 100),
        Math.round(band.max * 100),
      ),
    },
  ];
}

function thankedSince(lastThanked: number | undefined, since: number): boolean {
  return lastThanked !== undefined && lastThanked >= since;
}

function thread(i: Interaction): string {
  return i.threadKey ?? i.id;
}

const KIND_WORDS: Record<InteractionKind, MessageKey> = {
  mail: 'promptKindMail',
  ticket: 'promptKindTicket',
  chat: 'promptKindChat',
  meeting: 'promptKindMeeting',
  'in-person': 'promptKindInPerson',
  call: 'promptKindCall',
};

function describe(i: Interaction, text: Words): string {
  const title = i.title?.trim();
  return title ? text.t('promptQuotedTitle', truncate(title, 60)) : text.t(KIND_WORDS[i.kind]);
}

/** Dates in the user's zone and language, in words: "Monday 3 March", "4 days ago". */
class Words {
  private readonly in: ReturnType<typeof tz>;
  private readonly weekday: Intl.DateTimeFormat;
  private readonly weekdayAndYear: Intl.DateTimeFormat;
  constructor(
    private readonly now: number,
    private readonly zone: string,
    locale: string,
    readonly t: Translate,
  ) {
    this.in = tz(zone);
    const parts = { weekday: 'long', day: 'numeric', month: 'long' } as const;
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

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

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
import { tz } from '@date-fns/tz';
import { differenceInCalendarDays, format, getYear, parseISO } from 'date-fns';
import { bandPosition, localDay, resolveTimeZone } from './balance';
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
  const text = new Words(now, zone);

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
      const promise = commitment
        ? `You promised ${person.name} “${truncate(commitment, 60)}” at your check-in on ${text.day(c.askedAt)}`
        : `You planned to follow up with ${person.name} after your check-in on ${text.day(c.askedAt)}`;
      return {
        kind: 'check-in',
        personId: person.id,
        checkInId: c.id,
        key: c.id,
        reason: `${promise}; the follow-up was due ${text.dueOn(c.followUpOn!)}. Did you deliver?`,
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
    const reason =
      `${person.name} helped with ${describe(first)} on ${text.day(first.at)} (${text.ago(first.at)})` +
      (more > 0 ? ` and ${plural(more, 'more thing')} since` : '') +
      `, and ${lastThanked === undefined ? 'has not been thanked yet' : `has not been thanked since ${text.day(lastThanked)}`}.`;
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
        `You worked with ${person.name} ${plural(recent.length, 'time')} in the last ${LOOKBACK_DAYS} days, ` +
        `most recently on ${text.day(recent.at(-1)!.at)}; ` +
        (lastThanked === undefined
          ? 'you have never thanked them.'
          : `your last thank-you was on ${text.day(lastThanked)} (${text.ago(lastThanked)}).`),
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
      const who = person.role ? `${person.name} (${person.role})` : person.name;
      const last = recent.at(-1);
      return {
        kind: 'supporting-cast',
        personId: person.id,
        key: person.id,
        reason:
          `${who} keeps things running behind the scenes and has had no thanks from you lately: ` +
          (lastThanked === undefined
            ? 'no thank-you is logged yet'
            : `the last was on ${text.day(lastThanked)} (${text.ago(lastThanked)})`) +
          (last ? `; you were last in touch on ${text.day(last.at)}.` : '.'),
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
  const count = (w: WeekTotals, unit = '') =>
    `${external ? w.external : w.internal} of ${w.internal + w.external}${unit} in the week of ${text.day(w.start)}`;
  const bandText = `${Math.round(band.min * 100)}–${Math.round(band.max * 100)}% internal`;
  return [
    {
      kind: 'balance',
      key: BALANCE_KEY,
      reason: external
        ? `Two weeks running mostly with external customers: ${count(a, ' interactions')} and ${count(b)} were external (your band is ${bandText}). Who inside made that work possible?`
        : `Two weeks running mostly inside the company: ${count(a, ' interactions')} and ${count(b)} were internal (your band is ${bandText}). Are customers waiting on you?`,
    },
  ];
}

function thankedSince(lastThanked: number | undefined, since: number): boolean {
  return lastThanked !== undefined && lastThanked >= since;
}

function thread(i: Interaction): string {
  return i.threadKey ?? i.id;
}

const KIND_WORDS: Record<InteractionKind, string> = {
  mail: 'a mail thread',
  ticket: 'a ticket',
  chat: 'a chat',
  meeting: 'a meeting',
  'in-person': 'something in person',
  call: 'a call',
};

function describe(i: Interaction): string {
  const title = i.title?.trim();
  return title ? `“${truncate(title, 60)}”` : KIND_WORDS[i.kind];
}

/** Dates in the user's zone, in words: "Monday 3 March", "4 days ago". */
class Words {
  private readonly in: ReturnType<typeof tz>;
  constructor(
    private readonly now: number,
    zone: string,
  ) {
    this.in = tz(zone);
  }

  day(at: number): string {
    const sameYear = getYear(at, { in: this.in }) === getYear(this.now, { in: this.in });
    return format(at, sameYear ? 'EEEE d MMMM' : 'EEEE d MMMM yyyy', { in: this.in });
  }

  ago(at: number): string {
    const days = differenceInCalendarDays(this.now, at, { in: this.in });
    return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
  }

  /** A `YYYY-MM-DD` local day against today. */
  dueOn(day: string): string {
    const date = parseISO(day);
    const today = parseISO(format(this.now, 'yyyy-MM-dd', { in: this.in }));
    const days = differenceInCalendarDays(today, date);
    const sameYear = getYear(date) === getYear(today);
    const named = format(date, sameYear ? 'EEEE d MMMM' : 'EEEE d MMMM yyyy');
    return days <= 0
      ? 'today'
      : days === 1
        ? `yesterday, ${named}`
        : `on ${named}, ${days} days ago`;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

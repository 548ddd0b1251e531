/**
 * The rules of the prompt engine (lib/prompts/index.ts says each one), one function per kind of
 * suggestion: each finds its candidates, ranked; the engine takes them in turns.
 */
import { bandPosition, localDay, type WeekTotals } from '../balance';
import { countText, type MessageKey } from '../i18n';
import type { CheckIn, Interaction, InteractionKind, Person, Settings } from '../model';
import type { Words } from './words';

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

export interface Suggestion {
  kind: SuggestionKind;
  personId?: string;
  checkInId?: string;
  reason: string;
  /** What to put in `PromptInput.snoozed` to snooze this one: the check-in, person or 'balance'. */
  key: string;
}

export interface PersonFacts {
  person: Person;
  /** Interactions in the lookback, oldest first. */
  recent: Interaction[];
  lastThanked?: number;
}

/** A promise made at a check-in whose follow-up day has come, most overdue first. */
export function checkInsDue(
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
          ? text.t('promptCheckInPromised', person.name, text.quote(commitment), day, due)
          : text.t('promptCheckInPlanned', person.name, day, due),
      };
    });
}

/** Help not yet thanked for, two days on; colleagues first, then the longest waiting. */
export function helped(facts: PersonFacts[], now: number, text: Words): Suggestion[] {
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
export function frequent(facts: PersonFacts[], now: number, text: Words): Suggestion[] {
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
export function supportingCast(facts: PersonFacts[], now: number, text: Words): Suggestion[] {
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
export function balance(
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
  return title ? text.t('promptQuotedTitle', text.quote(title)) : text.t(KIND_WORDS[i.kind]);
}

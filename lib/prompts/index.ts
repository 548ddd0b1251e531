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
import { resolveTimeZone, type WeekTotals } from '../balance';
import type { Translate } from '../i18n';
import type { Appreciation, CheckIn, Interaction, Person, Settings } from '../model';
import {
  balance,
  checkInsDue,
  DAY,
  frequent,
  helped,
  LOOKBACK_DAYS,
  MAX_SUGGESTIONS,
  supportingCast,
  type PersonFacts,
  type Suggestion,
  type SuggestionKind,
} from './rules';
import { Words } from './words';

export {
  DAY,
  FREQUENT_MIN_INTERACTIONS,
  HELP_WINDOW_DAYS,
  MAX_SUGGESTIONS,
  NOT_THANKED_DAYS,
  THANK_WITHIN_DAYS,
  type Suggestion,
  type SuggestionKind,
} from './rules';

/** The order in which kinds take turns. */
export const KIND_ORDER: readonly SuggestionKind[] = [
  'check-in',
  'helped',
  'frequent',
  'supporting-cast',
  'balance',
];

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
  /** Short dates and quotes, for a small space (lib/prompts/words.ts). */
  brief?: boolean;
}

export function suggestions(input: PromptInput): Suggestion[] {
  const { now } = input;
  const zone = resolveTimeZone(input.settings.timeZone);
  const text = new Words(now, zone, input.locale, input.t, input.brief);

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

/**
 * Who to thank now, and why: a pure engine over the log. At most three suggestions, each with
 * a specific reason, so a prompt is something to act on rather than noise.
 */
import { localDay } from './balance';
import type { WeekTotals } from './balance';
import type { Appreciation, CheckIn, Interaction, Person, Settings } from './model';

export const DAY = 86_400_000;
export const MAX_SUGGESTIONS = 3;

export type SuggestionKind = 'helped' | 'frequent' | 'supporting-cast' | 'check-in' | 'balance';

export interface Suggestion {
  kind: SuggestionKind;
  personId?: string;
  checkInId?: string;
  reason: string;
}

export interface PromptInput {
  now: number;
  people: readonly Person[];
  /** Interactions of the last 30 days at least. */
  interactions: readonly Interaction[];
  /** All thank-yous to the people above (for "last thanked"). */
  appreciations: readonly Appreciation[];
  checkIns: readonly CheckIn[];
  /** The last weeks' totals, oldest first, the current week last. */
  trend?: readonly WeekTotals[];
  settings: Pick<Settings, 'timeZone' | 'band'>;
  /** Person or check-in ids the user snoozed, with when the snooze ends. */
  snoozed?: Readonly<Record<string, number>>;
}

export function suggestions(input: PromptInput): Suggestion[] {
  const { now, settings } = input;
  const byPerson = new Map<string, Interaction[]>();
  for (const i of input.interactions) {
    if (i.at > now || i.at < now - 30 * DAY) continue;
    const list = byPerson.get(i.personId) ?? [];
    list.push(i);
    byPerson.set(i.personId, list);
  }
  const lastThanked = new Map<string, number>();
  for (const a of input.appreciations) {
    lastThanked.set(a.personId, Math.max(lastThanked.get(a.personId) ?? 0, a.at));
  }
  const snoozed = (id: string) => (input.snoozed?.[id] ?? 0) > now;
  const out: Suggestion[] = [];
  const named = new Set<string>();
  const add = (s: Suggestion) => {
    if (out.length >= MAX_SUGGESTIONS) return;
    if (s.personId && (named.has(s.personId) || snoozed(s.personId))) return;
    if (s.checkInId && snoozed(s.checkInId)) return;
    if (s.personId) named.add(s.personId);
    out.push(s);
  };
  const since = (personId: string) => {
    const at = lastThanked.get(personId);
    return at ? `since ${formatDay(at, settings.timeZone)}` : 'yet';
  };

  // Check-ins whose follow-up is due come first: a promise made to someone.
  const today = localDay(now, settings.timeZone);
  for (const c of input.checkIns) {
    if (!c.delivered && c.followUpOn && c.followUpOn <= today) {
      const person = input.people.find((p) => p.id === c.personId);
      if (person) {
        add({
          kind: 'check-in',
          personId: person.id,
          checkInId: c.id,
          reason: `You promised ${person.name} “${truncate(c.commitment || 'to follow up', 60)}”. Did you deliver?`,
        });
      }
    }
  }

  const ranked = input.people
    .map((person) => ({ person, recent: byPerson.get(person.id) ?? [] }))
    .filter(({ recent }) => recent.length > 0)
    .sort((a, b) => b.recent.length - a.recent.length);

  // Someone who helped this week and has not been thanked since, two days on.
  for (const { person, recent } of ranked) {
    const week = recent.filter((i) => i.at >= now - 7 * DAY);
    if (!week.length) continue;
    const firstHelp = Math.min(...week.map((i) => i.at));
    if (now - firstHelp < 2 * DAY) continue;
    if ((lastThanked.get(person.id) ?? 0) >= firstHelp) continue;
    const threads = new Set(week.map((i) => i.threadKey ?? i.id)).size;
    add({
      kind: 'helped',
      personId: person.id,
      reason: `${person.name} worked with you on ${plural(threads, 'thing')} this week and you have not thanked them ${since(person.id)}.`,
    });
  }

  // A frequent internal collaborator not thanked in 30 days.
  for (const { person, recent } of ranked) {
    if (person.relationship !== 'internal' || recent.length < 4) continue;
    if ((lastThanked.get(person.id) ?? 0) >= now - 30 * DAY) continue;
    add({
      kind: 'frequent',
      personId: person.id,
      reason: `You worked with ${person.name} ${plural(recent.length, 'time')} this month; the last thanks was ${lastThanked.get(person.id) ? formatDay(lastThanked.get(person.id)!, settings.timeZone) : 'never'}.`,
    });
  }

  // The supporting cast: reception, facilities, IT, the loading dock.
  for (const person of input.people) {
    if (person.circle !== 'support-staff') continue;
    if ((lastThanked.get(person.id) ?? 0) >= now - 30 * DAY) continue;
    add({
      kind: 'supporting-cast',
      personId: person.id,
      reason: `${person.name} keeps things running behind the scenes. A word of thanks ${lastThanked.get(person.id) ? 'has not come in a month' : 'has never been logged'}.`,
    });
  }

  // The balance outside the band two weeks running, either way.
  const trend = input.trend ?? [];
  const lastTwo = trend.slice(-2);
  if (lastTwo.length === 2) {
    const sides = lastTwo.map((w) => {
      const total = w.internal + w.external;
      if (!total) return 'none';
      const share = w.internal / total;
      return share < settings.band.min ? 'external' : share > settings.band.max ? 'internal' : 'ok';
    });
    if (sides[0] === sides[1] && (sides[0] === 'external' || sides[0] === 'internal')) {
      add({
        kind: 'balance',
        reason:
          sides[0] === 'external'
            ? 'Two weeks mostly with external customers: who inside made that possible?'
            : 'Two weeks mostly inside the company: are customers waiting on you?',
      });
    }
  }
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function formatDay(at: number, timeZone: string): string {
  const day = localDay(at, timeZone);
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en', {
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * The reminder policy, pure: when the weekly reminder fires, whether a nudge may be shown now,
 * how snoozes, ignored prompts and the "keep these reminders?" question change the state, and
 * when the weekly review is due. The background keeps a `ReminderState` in storage and drives
 * these functions from `alarms`; nothing here touches a browser API or reads the clock.
 *
 * Calendar arithmetic goes through date-fns on TZDate in the user's zone, so days, times and
 * week starts are local and survive daylight-saving changes and year ends.
 *
 * Quiet hours are the half-open local interval [start, end); they wrap midnight when end is
 * before start (19:00–08:00), and start = end means no quiet hours.
 */
import { addDays, getDay, startOfDay } from 'date-fns';
import { z } from 'zod';
import { resolveTimeZone, weekBounds } from '../balance';
import { TimestampSchema, type Appreciation, type Settings } from '../model';
import {
  afterQuietHours,
  atTime,
  inQuietHours,
  nextLocalDay,
  sameLocalDay,
  zoned,
} from './local-time';

export { afterQuietHours, inQuietHours } from './local-time';

/** After this many ignored prompts in a row, ask whether to keep them. */
export const ASK_AFTER_IGNORED = 3;
/** "Later today" snoozes for this long. */
export const LATER_TODAY_MS = 3 * 3_600_000;

export type ReminderSettings = Pick<
  Settings,
  'reminderDays' | 'reminderTime' | 'quietHours' | 'weeklyThankGoal' | 'timeZone' | 'weekStartsOn'
>;

export const SNOOZE_KINDS = ['later-today', 'tomorrow', 'next-week'] as const;
export type SnoozeKind = (typeof SNOOZE_KINDS)[number];

export const ReminderStateSchema = z.strictObject({
  version: z.literal(1).default(1),
  /** When a prompt (nudge or question) was last shown. */
  lastNudgeAt: TimestampSchema.optional(),
  /** Prompts ignored one after the other; any answer resets it. */
  ignoredInARow: z.number().int().min(0).max(10_000).default(0),
  /** A snooze the user asked for: nothing is shown before, the snoozed prompt returns after. */
  snoozedUntil: TimestampSchema.optional(),
  /** The user chose to stop the reminders (or let the question go unanswered). */
  paused: z.boolean().default(false),
  /** The "keep these reminders?" question was shown at this time and not answered yet. */
  askedToContinueAt: TimestampSchema.optional(),
  /** When the weekly review was last shown. */
  lastReviewAt: TimestampSchema.optional(),
});
export type ReminderState = z.infer<typeof ReminderStateSchema>;

export const INITIAL_REMINDER_STATE: ReminderState = ReminderStateSchema.parse({});

/** The stored state, or a fresh one when nothing valid is stored. */
export function readReminderState(stored: unknown): ReminderState {
  const parsed = ReminderStateSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : INITIAL_REMINDER_STATE;
}

// ---------------------------------------------------------------------------------------------
// The weekly reminder

/**
 * The next weekly reminder strictly after `now`: on one of `reminderDays` (0 = Sunday) at
 * `reminderTime`, local to the user's zone. When that time falls within the quiet hours, the
 * reminder waits for their end (the next morning for an evening time in 19:00–08:00). A local
 * time that does not exist on a spring-forward day is taken just after the gap (02:30 → 03:30).
 * Null when no day is chosen.
 */
export function nextReminderAt(
  now: number,
  settings: Pick<ReminderSettings, 'reminderDays' | 'reminderTime' | 'quietHours' | 'timeZone'>,
): number | null {
  const days = new Set(settings.reminderDays);
  if (!days.size) return null;
  const today = startOfDay(zoned(now, settings.timeZone));
  let best: number | null = null;
  // Today through the same weekday next week: every chosen day comes up once or twice.
  for (let offset = 0; offset <= 7; offset++) {
    const day = addDays(today, offset);
    if (!days.has(getDay(day))) continue;
    const at = afterQuietHours(
      atTime(day, settings.reminderTime).getTime(),
      settings.quietHours,
      settings.timeZone,
    );
    if (at > now && (best === null || at < best)) best = at;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Nudges

export interface NudgeInput {
  now: number;
  settings: ReminderSettings;
  /** How many suggestions the engine has right now (see `suggestions()`). */
  suggestionCount: number;
  /** Thank-yous logged this week (see `thanksThisWeek`). */
  thanksThisWeek: number;
}

export type NoNudgeReason =
  'paused' | 'quiet-hours' | 'snoozed' | 'already-today' | 'goal-met' | 'no-suggestions';

export type NudgeDecision =
  /** Show a nudge. `snoozeEnded`: it is the return of a snooze the user asked for. */
  | { action: 'nudge'; snoozeEnded: boolean }
  /** Instead of a nudge, ask whether to keep the reminders. */
  | { action: 'ask-to-continue' }
  /** Show nothing; `retryAt`, when known, is the earliest time the answer may change. */
  | { action: 'none'; reason: NoNudgeReason; retryAt?: number };

/**
 * Whether a prompt may be shown now. Nothing when paused, in quiet hours, while snoozed, once a
 * prompt was shown this local day (except the return of a snooze the user asked for), once the
 * week's goal is met (thanks ≥ goal) or when there is nothing to suggest; after three ignored
 * prompts in a row, the question whether to keep them instead of a nudge.
 */
export function shouldNudge(state: ReminderState, input: NudgeInput): NudgeDecision {
  const { now, settings } = input;
  const zone = settings.timeZone;
  if (state.paused) return { action: 'none', reason: 'paused' };
  if (inQuietHours(now, settings.quietHours, zone)) {
    return {
      action: 'none',
      reason: 'quiet-hours',
      retryAt: afterQuietHours(now, settings.quietHours, zone),
    };
  }
  const snoozeEnded = state.snoozedUntil !== undefined && state.snoozedUntil <= now;
  if (state.snoozedUntil !== undefined && !snoozeEnded) {
    return { action: 'none', reason: 'snoozed', retryAt: state.snoozedUntil };
  }
  if (
    !snoozeEnded &&
    state.lastNudgeAt !== undefined &&
    sameLocalDay(state.lastNudgeAt, now, zone)
  ) {
    return { action: 'none', reason: 'already-today', retryAt: nextLocalDay(now, zone) };
  }
  if (input.thanksThisWeek >= settings.weeklyThankGoal)
    return { action: 'none', reason: 'goal-met' };
  if (input.suggestionCount <= 0) return { action: 'none', reason: 'no-suggestions' };
  if (state.ignoredInARow >= ASK_AFTER_IGNORED) return { action: 'ask-to-continue' };
  return { action: 'nudge', snoozeEnded };
}

/** A copy without an optional key, so the stored state has no `undefined` in it. */
function without(state: ReminderState, key: 'snoozedUntil' | 'askedToContinueAt'): ReminderState {
  const copy = { ...state };
  delete copy[key];
  return copy;
}

/** A prompt was shown at `now`: a nudge (which ends any snooze) or the question. */
export function recordShown(
  state: ReminderState,
  now: number,
  shown: 'nudge' | 'ask-to-continue' = 'nudge',
): ReminderState {
  const rest = without(state, 'snoozedUntil');
  return shown === 'ask-to-continue'
    ? { ...rest, lastNudgeAt: now, askedToContinueAt: now }
    : { ...rest, lastNudgeAt: now };
}

/**
 * The prompt went unanswered (closed or timed out). Leaving the question whether to keep the
 * reminders unanswered counts as "no": they pause rather than ask again.
 */
export function recordIgnored(state: ReminderState): ReminderState {
  if (state.askedToContinueAt !== undefined) {
    return { ...without(state, 'askedToContinueAt'), paused: true, ignoredInARow: 0 };
  }
  return { ...state, ignoredInARow: state.ignoredInARow + 1 };
}

/** The user thanked someone or opened the suggestions: the ignored run ends. */
export function recordActed(state: ReminderState): ReminderState {
  return { ...without(state, 'askedToContinueAt'), ignoredInARow: 0 };
}

/**
 * The user snoozed the prompt: later today (+3 h), tomorrow (the next local day at the
 * reminder time) or next week (the first day of next week at the reminder time). A snooze is an
 * answer, so the ignored run ends.
 */
export function snooze(
  state: ReminderState,
  kind: SnoozeKind,
  now: number,
  settings: Pick<ReminderSettings, 'reminderTime' | 'timeZone' | 'weekStartsOn'>,
): ReminderState {
  return { ...state, snoozedUntil: snoozeEnd(kind, now, settings), ignoredInARow: 0 };
}

/** When a snooze of `kind` asked for at `now` ends. */
export function snoozeEnd(
  kind: SnoozeKind,
  now: number,
  settings: Pick<ReminderSettings, 'reminderTime' | 'timeZone' | 'weekStartsOn'>,
): number {
  const zone = resolveTimeZone(settings.timeZone);
  switch (kind) {
    case 'later-today':
      return now + LATER_TODAY_MS;
    case 'tomorrow':
      return atTime(addDays(zoned(now, zone), 1), settings.reminderTime).getTime();
    case 'next-week': {
      const { end } = weekBounds(now, settings.weekStartsOn, zone);
      return atTime(zoned(end, zone), settings.reminderTime).getTime();
    }
  }
}

/** The answer to "keep these reminders?": yes resumes them, no pauses them. */
export function answerContinue(state: ReminderState, keep: boolean): ReminderState {
  return { ...without(state, 'askedToContinueAt'), paused: !keep, ignoredInARow: 0 };
}

/** Thank-yous logged in the week containing `now` (the user's week, in their zone). */
export function thanksThisWeek(
  now: number,
  appreciations: Iterable<Pick<Appreciation, 'at'>>,
  settings: Pick<ReminderSettings, 'weekStartsOn' | 'timeZone'>,
): number {
  const { start, end } = weekBounds(now, settings.weekStartsOn, settings.timeZone);
  let count = 0;
  for (const a of appreciations) if (a.at >= start && a.at < end) count++;
  return count;
}

// ---------------------------------------------------------------------------------------------
// The weekly review

/**
 * Whether the weekly review is due: the week (starting on `weekStartsOn` in the user's zone)
 * has turned since it was last shown, and it is not quiet hours. Never shown yet counts as due.
 */
export function weeklyReviewDue(
  now: number,
  lastReviewAt: number | undefined,
  settings: Pick<ReminderSettings, 'weekStartsOn' | 'timeZone' | 'quietHours'>,
): boolean {
  const { start } = weekBounds(now, settings.weekStartsOn, settings.timeZone);
  if (lastReviewAt !== undefined && lastReviewAt >= start) return false;
  return !inQuietHours(now, settings.quietHours, settings.timeZone);
}

/** When to check for the weekly review next: now if due, else the week's turn after quiet hours. */
export function nextWeeklyReviewAt(
  now: number,
  lastReviewAt: number | undefined,
  settings: Pick<ReminderSettings, 'weekStartsOn' | 'timeZone' | 'quietHours'>,
): number {
  const { start, end } = weekBounds(now, settings.weekStartsOn, settings.timeZone);
  const reviewed = lastReviewAt !== undefined && lastReviewAt >= start;
  return afterQuietHours(reviewed ? end : now, settings.quietHours, settings.timeZone);
}

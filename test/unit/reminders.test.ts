import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weekBounds } from '@/lib/balance';
import { DEFAULT_SETTINGS } from '@/lib/model';
import {
  ASK_AFTER_IGNORED,
  INITIAL_REMINDER_STATE,
  ReminderStateSchema,
  SNOOZE_KINDS,
  afterQuietHours,
  answerContinue,
  inQuietHours,
  nextReminderAt,
  nextWeeklyReviewAt,
  readReminderState,
  recordActed,
  recordIgnored,
  recordShown,
  shouldNudge,
  snooze,
  thanksThisWeek,
  weeklyReviewDue,
  type NudgeDecision,
  type NudgeInput,
  type ReminderSettings,
  type ReminderState,
} from '@/lib/reminders';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const SYDNEY = 'Australia/Sydney';

const SETTINGS: ReminderSettings = {
  reminderDays: DEFAULT_SETTINGS.reminderDays, // Friday
  reminderTime: DEFAULT_SETTINGS.reminderTime, // 15:00
  quietHours: DEFAULT_SETTINGS.quietHours, // 19:00–08:00
  weeklyThankGoal: DEFAULT_SETTINGS.weeklyThankGoal, // 3
  weekStartsOn: DEFAULT_SETTINGS.weekStartsOn, // Monday
  timeZone: BERLIN,
};

/** A local wall-clock time in `zone`, as epoch ms. */
function at(zone: string, y: number, m: number, d: number, h = 0, min = 0): number {
  return new TZDate(y, m - 1, d, h, min, zone).getTime();
}

function local(ms: number, zone: string, pattern = 'EEE yyyy-MM-dd HH:mm'): string {
  return format(new TZDate(ms, zone), pattern);
}

function input(now: number, overrides: Partial<NudgeInput> = {}): NudgeInput {
  return { now, settings: SETTINGS, suggestionCount: 2, thanksThisWeek: 0, ...overrides };
}

describe('quiet hours', () => {
  it('wrap midnight: 19:00–08:00 is quiet, 08:00–19:00 is not', () => {
    const q = { start: '19:00', end: '08:00' };
    expect(inQuietHours(at(BERLIN, 2026, 3, 13, 18, 59), q, BERLIN)).toBe(false);
    expect(inQuietHours(at(BERLIN, 2026, 3, 13, 19, 0), q, BERLIN)).toBe(true);
    expect(inQuietHours(at(BERLIN, 2026, 3, 14, 0, 0), q, BERLIN)).toBe(true);
    expect(inQuietHours(at(BERLIN, 2026, 3, 14, 7, 59), q, BERLIN)).toBe(true);
    expect(inQuietHours(at(BERLIN, 2026, 3, 14, 8, 0), q, BERLIN)).toBe(false);
  });

  it('within a day: 12:00–13:00; and start = end means none', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(inQuietHours(at(BERLIN, 2026, 3, 13, 12, 30), lunch, BERLIN)).toBe(true);
    expect(inQuietHours(at(BERLIN, 2026, 3, 13, 13, 0), lunch, BERLIN)).toBe(false);
    expect(inQuietHours(at(BERLIN, 2026, 3, 13, 11, 59), lunch, BERLIN)).toBe(false);
    const none = { start: '08:00', end: '08:00' };
    expect(inQuietHours(at(BERLIN, 2026, 3, 13, 8, 0), none, BERLIN)).toBe(false);
  });

  it('are local to the user’s zone', () => {
    const noonUtc = Date.UTC(2026, 2, 13, 12);
    expect(inQuietHours(noonUtc, SETTINGS.quietHours, BERLIN)).toBe(false); // 13:00
    expect(inQuietHours(noonUtc, SETTINGS.quietHours, SYDNEY)).toBe(true); // 23:00
  });

  it('end in the evening’s next morning, or the same morning', () => {
    const q = SETTINGS.quietHours;
    const evening = afterQuietHours(at(BERLIN, 2026, 12, 31, 22), q, BERLIN);
    expect(local(evening, BERLIN)).toBe('Fri 2027-01-01 08:00');
    const early = afterQuietHours(at(BERLIN, 2026, 3, 29, 1), q, BERLIN);
    expect(local(early, BERLIN)).toBe('Sun 2026-03-29 08:00');
    const day = at(BERLIN, 2026, 3, 13, 12);
    expect(afterQuietHours(day, q, BERLIN)).toBe(day);
  });
});

describe('nextReminderAt', () => {
  it('is the chosen day at the chosen local time, strictly after now', () => {
    const friday = at(BERLIN, 2026, 3, 13, 15);
    expect(nextReminderAt(friday - 1, SETTINGS)).toBe(friday);
    expect(local(nextReminderAt(friday, SETTINGS)!, BERLIN)).toBe('Fri 2026-03-20 15:00');
    expect(local(nextReminderAt(at(BERLIN, 2026, 3, 9, 9), SETTINGS)!, BERLIN)).toBe(
      'Fri 2026-03-13 15:00',
    );
  });

  it('takes the soonest of several days, and none when no day is chosen', () => {
    const s = { ...SETTINGS, reminderDays: [1, 3], reminderTime: '09:30' };
    expect(local(nextReminderAt(at(BERLIN, 2026, 3, 13, 12), s)!, BERLIN)).toBe(
      'Mon 2026-03-16 09:30',
    );
    expect(local(nextReminderAt(at(BERLIN, 2026, 3, 16, 10), s)!, BERLIN)).toBe(
      'Wed 2026-03-18 09:30',
    );
    expect(nextReminderAt(Date.now(), { ...SETTINGS, reminderDays: [] })).toBeNull();
  });

  it('keeps the local time across daylight-saving changes', () => {
    // Berlin springs forward on Sunday 29 March 2026; New York on Sunday 8 March 2026; Sydney
    // falls back on Sunday 5 April 2026.
    const monday = { ...SETTINGS, reminderDays: [1] };
    const b = nextReminderAt(at(BERLIN, 2026, 3, 27, 12), monday)!;
    expect(local(b, BERLIN)).toBe('Mon 2026-03-30 15:00');
    expect(new Date(b).toISOString()).toBe('2026-03-30T13:00:00.000Z');
    const ny = nextReminderAt(at(NEW_YORK, 2026, 3, 6, 12), { ...monday, timeZone: NEW_YORK })!;
    expect(new Date(ny).toISOString()).toBe('2026-03-09T19:00:00.000Z');
    const syd = nextReminderAt(at(SYDNEY, 2026, 4, 3, 12), { ...monday, timeZone: SYDNEY })!;
    expect(local(syd, SYDNEY)).toBe('Mon 2026-04-06 15:00');
    expect(new Date(syd).toISOString()).toBe('2026-04-06T05:00:00.000Z');
  });

  it('crosses the year end', () => {
    const s = { ...SETTINGS, reminderDays: [5], timeZone: NEW_YORK };
    expect(local(nextReminderAt(at(NEW_YORK, 2026, 12, 31, 20), s)!, NEW_YORK)).toBe(
      'Fri 2027-01-01 15:00',
    );
    const sydney = { ...SETTINGS, reminderDays: [4], timeZone: SYDNEY };
    expect(local(nextReminderAt(at(SYDNEY, 2026, 12, 31, 16), sydney)!, SYDNEY)).toBe(
      'Thu 2027-01-07 15:00',
    );
  });

  it('waits for the quiet hours to end when the chosen time falls inside them', () => {
    const late = { ...SETTINGS, reminderTime: '21:00' };
    expect(local(nextReminderAt(at(BERLIN, 2026, 3, 13, 12), late)!, BERLIN)).toBe(
      'Sat 2026-03-14 08:00',
    );
  });

  it('takes a time lost to the spring-forward gap just after it', () => {
    const s = {
      ...SETTINGS,
      reminderDays: [0],
      reminderTime: '02:30',
      quietHours: { start: '00:00', end: '00:00' },
      timeZone: NEW_YORK,
    };
    const r = nextReminderAt(at(NEW_YORK, 2026, 3, 7, 12), s)!;
    expect(local(r, NEW_YORK)).toBe('Sun 2026-03-08 03:30');
  });
});

describe('shouldNudge', () => {
  const friday = at(BERLIN, 2026, 3, 13, 15);

  it('nudges when there is something to suggest and nothing holds it back', () => {
    expect(shouldNudge(INITIAL_REMINDER_STATE, input(friday))).toEqual({
      action: 'nudge',
      snoozeEnded: false,
    });
  });

  it('never in quiet hours, and says when they end', () => {
    const evening = at(BERLIN, 2026, 3, 13, 20);
    expect(shouldNudge(INITIAL_REMINDER_STATE, input(evening))).toEqual({
      action: 'none',
      reason: 'quiet-hours',
      retryAt: at(BERLIN, 2026, 3, 14, 8),
    });
  });

  it('at most one a local day, then tomorrow', () => {
    const shown = recordShown(INITIAL_REMINDER_STATE, at(BERLIN, 2026, 3, 13, 9));
    expect(shouldNudge(shown, input(friday))).toEqual({
      action: 'none',
      reason: 'already-today',
      retryAt: at(BERLIN, 2026, 3, 14, 0),
    });
    expect(shouldNudge(shown, input(at(BERLIN, 2026, 3, 14, 9))).action).toBe('nudge');
  });

  it('counts the day in the user’s zone', () => {
    // 09:00 and 22:00 UTC on the same UTC day are different days in Sydney (20:00 and 09:00).
    const s = { ...SETTINGS, timeZone: SYDNEY };
    const shown = recordShown(INITIAL_REMINDER_STATE, Date.UTC(2026, 2, 12, 23));
    expect(shouldNudge(shown, { ...input(Date.UTC(2026, 2, 13, 0)), settings: s }).action).toBe(
      'none',
    );
    expect(shouldNudge(shown, { ...input(Date.UTC(2026, 2, 13, 22)), settings: s }).action).toBe(
      'nudge',
    );
  });

  it('none once the week’s goal is met, or with nothing to suggest', () => {
    expect(shouldNudge(INITIAL_REMINDER_STATE, input(friday, { thanksThisWeek: 3 }))).toEqual({
      action: 'none',
      reason: 'goal-met',
    });
    expect(shouldNudge(INITIAL_REMINDER_STATE, input(friday, { thanksThisWeek: 2 })).action).toBe(
      'nudge',
    );
    expect(shouldNudge(INITIAL_REMINDER_STATE, input(friday, { suggestionCount: 0 }))).toEqual({
      action: 'none',
      reason: 'no-suggestions',
    });
  });

  it('after three ignored prompts asks whether to keep them, instead of a nudge', () => {
    let state = INITIAL_REMINDER_STATE;
    for (let day = 0; day < ASK_AFTER_IGNORED; day++) {
      const now = friday + day * DAY;
      expect(shouldNudge(state, input(now)).action).toBe('nudge');
      state = recordIgnored(recordShown(state, now));
    }
    expect(state.ignoredInARow).toBe(3);
    const now = friday + 3 * DAY;
    expect(shouldNudge(state, input(now))).toEqual({ action: 'ask-to-continue' });
    // The question follows the same limits as a nudge.
    expect(shouldNudge(state, input(now, { thanksThisWeek: 5 })).action).toBe('none');
    const asked = recordShown(state, now, 'ask-to-continue');
    expect(asked.askedToContinueAt).toBe(now);
    expect(shouldNudge(asked, input(now + HOUR)).action).toBe('none');

    const kept = answerContinue(asked, true);
    expect(kept).toEqual({
      ...asked,
      ignoredInARow: 0,
      paused: false,
      askedToContinueAt: undefined,
    });
    expect(shouldNudge(kept, input(now + DAY)).action).toBe('nudge');

    const stopped = answerContinue(asked, false);
    expect(stopped.paused).toBe(true);
    expect(shouldNudge(stopped, input(now + DAY))).toEqual({ action: 'none', reason: 'paused' });
    // Resuming later (from the options page) is the same answer, yes.
    expect(shouldNudge(answerContinue(stopped, true), input(now + DAY)).action).toBe('nudge');
  });

  it('an unanswered question pauses the reminders rather than asking again', () => {
    const state = { ...INITIAL_REMINDER_STATE, ignoredInARow: 3 };
    const asked = recordShown(state, friday, 'ask-to-continue');
    const ignored = recordIgnored(asked);
    expect(ignored.paused).toBe(true);
    expect(ignored.askedToContinueAt).toBeUndefined();
    expect(shouldNudge(ignored, input(friday + DAY)).action).toBe('none');
  });

  it('acting on a prompt ends the ignored run', () => {
    const state = recordIgnored(recordIgnored(INITIAL_REMINDER_STATE));
    expect(state.ignoredInARow).toBe(2);
    expect(recordActed(state).ignoredInARow).toBe(0);
    const asked = recordShown({ ...state, ignoredInARow: 3 }, friday, 'ask-to-continue');
    expect(recordActed(asked)).toEqual({
      ...asked,
      ignoredInARow: 0,
      askedToContinueAt: undefined,
    });
  });

  it('snooze later today: three hours on, and the snoozed nudge returns the same day', () => {
    const shown = recordShown(INITIAL_REMINDER_STATE, friday);
    const snoozed = snooze(recordIgnored(shown), 'later-today', friday, SETTINGS);
    expect(snoozed.snoozedUntil).toBe(friday + 3 * HOUR);
    expect(snoozed.ignoredInARow).toBe(0);
    expect(shouldNudge(snoozed, input(friday + HOUR))).toEqual({
      action: 'none',
      reason: 'snoozed',
      retryAt: friday + 3 * HOUR,
    });
    const back = shouldNudge(snoozed, input(friday + 3 * HOUR));
    expect(back).toEqual({ action: 'nudge', snoozeEnded: true });
    const reshown = recordShown(snoozed, friday + 3 * HOUR);
    expect(reshown.snoozedUntil).toBeUndefined();
    expect(shouldNudge(reshown, input(friday + 3.5 * HOUR)).action).toBe('none');
  });

  it('a snooze ending in quiet hours waits for them to end', () => {
    const evening = at(BERLIN, 2026, 3, 13, 18);
    const snoozed = snooze(INITIAL_REMINDER_STATE, 'later-today', evening, SETTINGS);
    expect(shouldNudge(snoozed, input(evening + 3 * HOUR)).action).toBe('none');
    expect(shouldNudge(snoozed, input(at(BERLIN, 2026, 3, 14, 8)))).toEqual({
      action: 'nudge',
      snoozeEnded: true,
    });
  });

  it('snooze tomorrow: the next local day at the reminder time', () => {
    const s = snooze(INITIAL_REMINDER_STATE, 'tomorrow', at(BERLIN, 2026, 3, 28, 23, 30), SETTINGS);
    // The clocks go forward that night: still 15:00 local.
    expect(local(s.snoozedUntil!, BERLIN)).toBe('Sun 2026-03-29 15:00');
    const ny = snooze(INITIAL_REMINDER_STATE, 'tomorrow', at(NEW_YORK, 2026, 12, 31, 10), {
      ...SETTINGS,
      timeZone: NEW_YORK,
    });
    expect(local(ny.snoozedUntil!, NEW_YORK)).toBe('Fri 2027-01-01 15:00');
  });

  it('snooze next week: the first day of next week at the reminder time', () => {
    const s = snooze(INITIAL_REMINDER_STATE, 'next-week', at(BERLIN, 2026, 3, 13, 15), SETTINGS);
    expect(local(s.snoozedUntil!, BERLIN)).toBe('Mon 2026-03-16 15:00');
    const sunday = { ...SETTINGS, weekStartsOn: 0, timeZone: SYDNEY };
    const s2 = snooze(INITIAL_REMINDER_STATE, 'next-week', at(SYDNEY, 2026, 12, 28, 9), sunday);
    expect(local(s2.snoozedUntil!, SYDNEY)).toBe('Sun 2027-01-03 15:00');
  });

  it('paused shows nothing at all', () => {
    const paused = { ...INITIAL_REMINDER_STATE, paused: true };
    expect(shouldNudge(paused, input(friday))).toEqual({ action: 'none', reason: 'paused' });
  });
});

describe('ReminderState', () => {
  it('has a schema with defaults, and survives a JSON round trip', () => {
    expect(INITIAL_REMINDER_STATE).toEqual({ version: 1, ignoredInARow: 0, paused: false });
    const state = snooze(
      recordIgnored(recordShown(INITIAL_REMINDER_STATE, 1_000)),
      'tomorrow',
      2_000,
      SETTINGS,
    );
    const stored = JSON.parse(JSON.stringify(state));
    expect(ReminderStateSchema.parse(stored)).toEqual(state);
    expect(readReminderState(stored)).toEqual(state);
  });

  it('reads something invalid or missing as a fresh state', () => {
    expect(readReminderState(undefined)).toEqual(INITIAL_REMINDER_STATE);
    expect(readReminderState({ ignoredInARow: -1 })).toEqual(INITIAL_REMINDER_STATE);
    expect(readReminderState('nonsense')).toEqual(INITIAL_REMINDER_STATE);
    expect(readReminderState({ lastNudgeAt: 5, extra: true })).toEqual(INITIAL_REMINDER_STATE);
  });

  it('transitions leave no undefined keys behind', () => {
    const asked = recordShown(
      snooze(INITIAL_REMINDER_STATE, 'later-today', 0, SETTINGS),
      1,
      'ask-to-continue',
    );
    for (const s of [
      recordShown(asked, 2),
      recordActed(asked),
      answerContinue(asked, true),
      recordIgnored(asked),
    ]) {
      expect(Object.values(s)).not.toContain(undefined);
    }
  });
});

describe('thanksThisWeek', () => {
  it('counts the thank-yous in the user’s week', () => {
    const now = at(BERLIN, 2026, 3, 13, 15);
    const list = [
      { at: at(BERLIN, 2026, 3, 8, 23, 59) }, // Sunday before: last week
      { at: at(BERLIN, 2026, 3, 9, 0, 0) },
      { at: at(BERLIN, 2026, 3, 13, 9) },
      { at: at(BERLIN, 2026, 3, 16, 0) }, // next week
    ];
    expect(thanksThisWeek(now, list, SETTINGS)).toBe(2);
    expect(thanksThisWeek(now, list, { ...SETTINGS, weekStartsOn: 0 })).toBe(3);
  });
});

describe('weeklyReviewDue', () => {
  it('is due once the week turns, once, after the quiet hours', () => {
    const lastFriday = at(BERLIN, 2026, 3, 13, 15);
    // Monday 00:00 is the turn, but quiet hours last until 08:00.
    expect(weeklyReviewDue(at(BERLIN, 2026, 3, 15, 23), lastFriday, SETTINGS)).toBe(false);
    expect(weeklyReviewDue(at(BERLIN, 2026, 3, 16, 0, 5), lastFriday, SETTINGS)).toBe(false);
    expect(weeklyReviewDue(at(BERLIN, 2026, 3, 16, 8), lastFriday, SETTINGS)).toBe(true);
    const shown = at(BERLIN, 2026, 3, 16, 8);
    expect(weeklyReviewDue(at(BERLIN, 2026, 3, 20, 12), shown, SETTINGS)).toBe(false);
    expect(weeklyReviewDue(at(BERLIN, 2026, 3, 23, 9), shown, SETTINGS)).toBe(true);
    expect(weeklyReviewDue(at(BERLIN, 2026, 3, 18, 12), undefined, SETTINGS)).toBe(true);
  });

  it('follows the user’s week start and zone, across the year end', () => {
    const sunday = { ...SETTINGS, weekStartsOn: 0, timeZone: SYDNEY };
    const last = at(SYDNEY, 2026, 12, 30, 10);
    expect(weeklyReviewDue(at(SYDNEY, 2027, 1, 2, 12), last, sunday)).toBe(false);
    expect(weeklyReviewDue(at(SYDNEY, 2027, 1, 3, 9), last, sunday)).toBe(true);
  });

  it('tells the background when to look next', () => {
    const shown = at(BERLIN, 2026, 3, 16, 8);
    expect(local(nextWeeklyReviewAt(shown + HOUR, shown, SETTINGS), BERLIN)).toBe(
      'Mon 2026-03-23 08:00',
    );
    const now = at(BERLIN, 2026, 3, 17, 12);
    expect(nextWeeklyReviewAt(now, at(BERLIN, 2026, 3, 13, 9), SETTINGS)).toBe(now);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const ZONES = [BERLIN, NEW_YORK, SYDNEY];
const RUNS = 400;

/** Instants near daylight-saving changes and year ends, or anywhere in 2024–2028. */
const EDGES = [
  Date.UTC(2025, 2, 9, 7), // New York springs forward
  Date.UTC(2025, 2, 30, 1), // Berlin springs forward
  Date.UTC(2025, 3, 5, 16), // Sydney falls back
  Date.UTC(2025, 9, 4, 16), // Sydney springs forward
  Date.UTC(2025, 9, 26, 1), // Berlin falls back
  Date.UTC(2025, 10, 2, 6), // New York falls back
  Date.UTC(2025, 11, 31, 23), // year end
  Date.UTC(2026, 11, 31, 12),
  Date.UTC(2027, 2, 14, 7),
  Date.UTC(2027, 9, 31, 1),
];
const instant = fc.oneof(
  fc
    .tuple(fc.constantFrom(...EDGES), fc.integer({ min: -4 * DAY, max: 4 * DAY }))
    .map(([e, o]) => e + o),
  fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) }),
);
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45, 59))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const quietHours = fc.oneof(
  fc.constant({ start: '19:00', end: '08:00' }),
  fc.constant({ start: '00:00', end: '00:00' }),
  fc.record({ start: time, end: time }),
);
const reminderSettings = fc.record({
  reminderDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
  reminderTime: time,
  quietHours,
  weeklyThankGoal: fc.integer({ min: 0, max: 5 }),
  weekStartsOn: fc.integer({ min: 0, max: 6 }),
  timeZone: fc.constantFrom(...ZONES),
});

/** Quiet hours restated on minutes of the day, independently of the module. */
function quietAt(minutes: number, q: { start: string; end: string }): boolean {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const [s, e] = [m(q.start), m(q.end)];
  if (s === e) return false;
  return s < e ? minutes >= s && minutes < e : minutes >= s || minutes < e;
}
function localMinutes(ms: number, zone: string): number {
  const d = new TZDate(ms, zone);
  return d.getHours() * 60 + d.getMinutes();
}

describe('nextReminderAt: properties', () => {
  it('lands on a chosen day at the chosen local time, after now, and is the next such time', () => {
    fc.assert(
      fc.property(
        instant,
        reminderSettings,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (now, s, f) => {
          const chosen = Number(s.reminderTime.slice(0, 2)) * 60 + Number(s.reminderTime.slice(3));
          // Times in quiet hours move; a spring-forward gap moves the time by an hour.
          fc.pre(!quietAt(chosen, s.quietHours) && !quietAt((chosen + 60) % 1440, s.quietHours));
          const next = nextReminderAt(now, s)!;
          expect(next).toBeGreaterThan(now);
          expect(next - now).toBeLessThanOrEqual(7 * DAY + HOUR);
          const zoned = new TZDate(next, s.timeZone);
          expect(s.reminderDays).toContain(zoned.getDay());
          const minutes = localMinutes(next, s.timeZone);
          if (minutes !== chosen) {
            // Only when the chosen time did not exist that day: clocks jumped an hour just before.
            expect(minutes).toBe(chosen + 60);
            expect(tzOffset(s.timeZone, new Date(next))).not.toBe(
              tzOffset(s.timeZone, new Date(next - 2 * HOUR)),
            );
          }
          // Nothing chosen in between: asking from any moment before it gives the same answer.
          const between = now + Math.floor((next - now - 1) * f);
          expect(nextReminderAt(between, s)).toBe(next);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('skips a night whose only time outside quiet hours does not exist (found by seed -884089521)', () => {
    // Berlin, 2025-03-30: clocks jump 02:00 → 03:00, so 02:00–02:45 never happens that night.
    const s = {
      reminderDays: [6],
      reminderTime: '03:00',
      quietHours: { start: '02:45', end: '02:00' },
      timeZone: BERLIN,
    };
    const next = nextReminderAt(1743289199999, s)!;
    expect(inQuietHours(next, s.quietHours, BERLIN)).toBe(false);
    // Quiet hours end at 02:00 on the Monday, the first 02:00 after the Saturday's 03:00.
    expect(new TZDate(next, BERLIN).toISOString()).toBe('2025-03-31T02:00:00.000+02:00');
  });

  it('is never in quiet hours, whatever time is chosen', () => {
    fc.assert(
      fc.property(instant, reminderSettings, (now, s) => {
        const next = nextReminderAt(now, s)!;
        expect(next).toBeGreaterThan(now);
        expect(next - now).toBeLessThanOrEqual(8 * DAY + HOUR);
        expect(quietAt(localMinutes(next, s.timeZone), s.quietHours)).toBe(false);
        expect(inQuietHours(next, s.quietHours, s.timeZone)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

/** What the user does with a prompt in the simulation. */
const RESPONSES = ['ignore', 'act', 'snooze', 'nothing', 'yes', 'no'] as const;

const simulation = fc.record({
  settings: reminderSettings,
  start: instant,
  steps: fc.array(
    fc.record({
      // From a minute to two days between checks: several checks a day, over weeks.
      gap: fc.integer({ min: 60_000, max: 2 * DAY }),
      suggestionCount: fc.integer({ min: 0, max: 3 }),
      thanks: fc.integer({ min: 0, max: 6 }),
      response: fc.constantFrom(...RESPONSES),
      snoozeKind: fc.constantFrom(...SNOOZE_KINDS),
    }),
    { minLength: 1, maxLength: 80 },
  ),
});

describe('shouldNudge: properties', () => {
  it('over weeks of random checks and answers: one nudge a local day, never in quiet hours, never past the goal', () => {
    fc.assert(
      fc.property(simulation, ({ settings, start, steps }) => {
        let state: ReminderState = INITIAL_REMINDER_STATE;
        let now = start;
        const perDay = new Map<string, number>();
        let snoozes = 0;
        let snoozeReturns = 0;
        for (const step of steps) {
          now += step.gap;
          const before = state;
          const decision: NudgeDecision = shouldNudge(state, {
            now,
            settings,
            suggestionCount: step.suggestionCount,
            thanksThisWeek: step.thanks,
          });
          if (decision.action === 'none') {
            if (decision.retryAt !== undefined) expect(decision.retryAt).toBeGreaterThan(now);
            continue;
          }
          // Whatever is shown: not paused, not quiet, not past the goal, something to say.
          expect(before.paused).toBe(false);
          expect(quietAt(localMinutes(now, settings.timeZone), settings.quietHours)).toBe(false);
          expect(step.thanks).toBeLessThan(settings.weeklyThankGoal);
          expect(step.suggestionCount).toBeGreaterThan(0);
          if (before.snoozedUntil !== undefined)
            expect(before.snoozedUntil).toBeLessThanOrEqual(now);
          if (decision.action === 'ask-to-continue') {
            expect(before.ignoredInARow).toBeGreaterThanOrEqual(ASK_AFTER_IGNORED);
          } else {
            expect(before.ignoredInARow).toBeLessThan(ASK_AFTER_IGNORED);
          }
          const snoozeEnded = decision.action === 'nudge' && decision.snoozeEnded;
          if (snoozeEnded) snoozeReturns++;
          else {
            const day = local(now, settings.timeZone, 'yyyy-MM-dd');
            perDay.set(day, (perDay.get(day) ?? 0) + 1);
            expect(perDay.get(day)).toBe(1);
          }
          state = recordShown(state, now, decision.action);
          switch (step.response) {
            case 'ignore':
              state = recordIgnored(state);
              break;
            case 'act':
              state = recordActed(state);
              break;
            case 'snooze':
              state = snooze(state, step.snoozeKind, now, settings);
              expect(state.snoozedUntil).toBeGreaterThan(now);
              snoozes++;
              break;
            case 'yes':
            case 'no':
              if (decision.action === 'ask-to-continue') {
                state = answerContinue(state, step.response === 'yes');
              }
              break;
          }
          expect(ReminderStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
        }
        // A nudge beyond the day's one is only ever a snooze the user asked for coming back.
        expect(snoozeReturns).toBeLessThanOrEqual(snoozes);
      }),
      { numRuns: RUNS },
    );
  });

  it('never nudges once the week’s goal is met', () => {
    fc.assert(
      fc.property(instant, reminderSettings, fc.nat(10), (now, settings, extra) => {
        const decision = shouldNudge(INITIAL_REMINDER_STATE, {
          now,
          settings,
          suggestionCount: 3,
          thanksThisWeek: settings.weeklyThankGoal + extra,
        });
        expect(decision.action).toBe('none');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('weeklyReviewDue: properties', () => {
  it('at most once a week, never in quiet hours, and due at the first check outside them', () => {
    fc.assert(
      fc.property(
        reminderSettings,
        instant,
        fc.array(fc.integer({ min: 60_000, max: 12 * HOUR }), { minLength: 1, maxLength: 120 }),
        (settings, start, gaps) => {
          let last: number | undefined = start - 1; // reviewed just before the simulation
          let now = start;
          const shownWeeks = new Set<number>();
          for (const gap of gaps) {
            now += gap;
            const { start: week } = weekBounds(now, settings.weekStartsOn, settings.timeZone);
            const due = weeklyReviewDue(now, last, settings);
            const quiet = quietAt(localMinutes(now, settings.timeZone), settings.quietHours);
            const reviewedThisWeek = last !== undefined && last >= week;
            expect(due).toBe(!quiet && !reviewedThisWeek);
            if (due) {
              expect(shownWeeks.has(week)).toBe(false);
              shownWeeks.add(week);
              last = now;
            }
            const next = nextWeeklyReviewAt(now, last, settings);
            expect(next).toBeGreaterThanOrEqual(now);
            expect(quietAt(localMinutes(next, settings.timeZone), settings.quietHours)).toBe(false);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

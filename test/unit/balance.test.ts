import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandPosition,
  localDay,
  recentWeeks,
  weekBounds,
  weeklyBalance,
  weekSoFarAndSameDaysLastWeek,
} from '@/lib/balance';
import { DEFAULT_SETTINGS, newId, type Appreciation, type Interaction } from '@/lib/model';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/St_Johns',
  'Pacific/Kiritimati',
];

function interaction(
  at: number,
  relationship: Interaction['relationship'],
  personId = newId(),
): Interaction {
  const id = newId();
  return {
    id,
    at,
    day: '2026-01-01',
    personId,
    relationship,
    relationshipPinned: false,
    kind: 'mail',
    source: 'manual',
    dedupeKey: id,
  };
}

function thanks(at: number): Appreciation {
  return { id: newId(), at, personId: newId(), message: 'Thank you', channel: 'copied' };
}

describe('weekBounds', () => {
  it('starts on the chosen day at local midnight', () => {
    // Wednesday 2026-11-18 15:00 in Berlin.
    const at = new TZDate(2026, 10, 18, 15, 0, 'Europe/Berlin').getTime();
    const monday = weekBounds(at, 1, 'Europe/Berlin');
    expect(new Date(monday.start).toISOString()).toBe('2026-11-15T23:00:00.000Z');
    expect(new Date(monday.end).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    const sunday = weekBounds(at, 0, 'Europe/Berlin');
    expect(new Date(sunday.start).toISOString()).toBe('2026-11-14T23:00:00.000Z');
  });

  it('spans 167 hours in the week clocks go forward and 169 when they go back', () => {
    const spring = weekBounds(Date.UTC(2026, 2, 29, 12), 1, 'Europe/Berlin');
    expect((spring.end - spring.start) / 3_600_000).toBe(167);
    const autumn = weekBounds(Date.UTC(2026, 9, 25, 12), 1, 'Europe/Berlin');
    expect((autumn.end - autumn.start) / 3_600_000).toBe(169);
  });

  it('crosses the year end', () => {
    const at = new TZDate(2026, 0, 1, 9, 0, 'America/New_York').getTime();
    const week = weekBounds(at, 1, 'America/New_York');
    expect(localDay(week.start, 'America/New_York')).toBe('2025-12-29');
    expect(localDay(week.end, 'America/New_York')).toBe('2026-01-05');
  });

  it('is contiguous and aligned for any instant, zone and week start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 6 }),
        (at, zone, weekStartsOn) => {
          const week = weekBounds(at, weekStartsOn, zone);
          expect(week.start).toBeLessThanOrEqual(at);
          expect(at).toBeLessThan(week.end);
          const start = new TZDate(week.start, zone);
          expect(start.getDay()).toBe(weekStartsOn);
          expect(start.getHours() * 60 + start.getMinutes()).toBe(0);
          expect(weekBounds(week.end, weekStartsOn, zone).start).toBe(week.end);
          expect(weekBounds(week.start - 1, weekStartsOn, zone).end).toBe(week.start);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('weekSoFarAndSameDaysLastWeek', () => {
  it("compares a Tuesday's week so far with last Monday and Tuesday, not all of last week", () => {
    // Tuesday 17 November 2026, 15:00 in Berlin; weeks start on Monday.
    const now = Date.UTC(2026, 10, 17, 14);
    const { thisWeek, sameDaysLastWeek } = weekSoFarAndSameDaysLastWeek(now, 1, 'Europe/Berlin');
    expect(thisWeek).toEqual({ start: Date.UTC(2026, 10, 15, 23), end: now + 1 });
    expect(sameDaysLastWeek).toEqual({
      start: Date.UTC(2026, 10, 8, 23),
      end: Date.UTC(2026, 10, 10, 14) + 1,
    });
  });

  it('keeps the same local time across a daylight-saving change', () => {
    // Tuesday 3 November 2026, 10:00 in New York (EST); a week before was 10:00 EDT.
    const now = Date.UTC(2026, 10, 3, 15);
    const { sameDaysLastWeek } = weekSoFarAndSameDaysLastWeek(now, 0, 'America/New_York');
    expect(sameDaysLastWeek.end).toBe(Date.UTC(2026, 9, 27, 14) + 1);
    // Last week began on Sunday 25 October at midnight EDT.
    expect(sameDaysLastWeek.start).toBe(Date.UTC(2026, 9, 25, 4));
  });
});

describe('weeklyBalance', () => {
  const week = weekBounds(Date.UTC(2026, 10, 18, 12), 1, 'UTC');
  const settings = { band: { min: 0.3, max: 0.7 }, weeklyThankGoal: 3 };

  it('counts each side, distinct people, thanks and check-ins of the week only', () => {
    const amy = newId();
    const inWeek = week.start + 1000;
    const balance = weeklyBalance(
      week,
      {
        interactions: [
          interaction(inWeek, 'internal', amy),
          interaction(inWeek + 1, 'internal', amy),
          interaction(inWeek + 2, 'internal'),
          interaction(inWeek + 3, 'external'),
          interaction(inWeek + 4, 'unknown'),
          interaction(inWeek + 5, 'unknown'),
          interaction(week.end, 'external'),
          interaction(week.start - 1, 'internal'),
        ],
        appreciations: [thanks(inWeek), thanks(week.end + 5)],
        checkIns: [
          {
            id: newId(),
            personId: amy,
            askedAt: inWeek,
            answer: '',
            commitment: '',
            delivered: false,
          },
        ],
      },
      settings,
    );
    expect(balance).toMatchObject({
      internal: 3,
      external: 1,
      unknown: 2,
      internalPeople: 2,
      externalPeople: 1,
      unknownPeople: 2,
      thanks: 1,
      thankGoal: 3,
      checkIns: 1,
      internalShare: 0.75,
      position: 'too-internal',
    });
  });

  it('says there is no data rather than a share of zero', () => {
    const empty = weeklyBalance(week, { interactions: [], appreciations: [] }, settings);
    expect(empty.internalShare).toBeNull();
    expect(empty.position).toBe('no-data');
  });

  it('warns of skew either way', () => {
    expect(bandPosition(0.1, settings.band)).toBe('too-external');
    expect(bandPosition(0.3, settings.band)).toBe('balanced');
    expect(bandPosition(0.7, settings.band)).toBe('balanced');
    expect(bandPosition(0.9, settings.band)).toBe('too-internal');
  });

  it('counts every interaction exactly once across weeks, for any zone and week start', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2026, 1, 1) }),
            side: fc.constantFrom('internal', 'external', 'unknown') as fc.Arbitrary<
              Interaction['relationship']
            >,
          }),
          { maxLength: 60 },
        ),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 6 }),
        (entries, zone, weekStartsOn) => {
          const records = entries.map((e) => interaction(e.at, e.side));
          const weeks = recentWeeks(Date.UTC(2026, 1, 1), 12, weekStartsOn, zone);
          let counted = 0;
          for (const w of weeks) {
            const b = weeklyBalance(
              w,
              { interactions: records, appreciations: [] },
              DEFAULT_SETTINGS,
            );
            counted += b.internal + b.external + b.unknown;
          }
          const covered = records.filter(
            (r) => r.at >= weeks[0]!.start && r.at < weeks[weeks.length - 1]!.end,
          );
          expect(counted).toBe(covered.length);
          // Twelve weeks back from February cover all of December and January.
          expect(covered.length).toBe(records.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('recentWeeks', () => {
  it('gives consecutive weeks, oldest first, ending with the current one', () => {
    const now = Date.UTC(2026, 10, 22, 10);
    const weeks = recentWeeks(now, 12, 1, 'Europe/Berlin');
    expect(weeks).toHaveLength(12);
    expect(weeks[11]).toEqual(weekBounds(now, 1, 'Europe/Berlin'));
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.start).toBe(weeks[i - 1]!.end);
  });
});

describe('localDay', () => {
  it('is the day on the user’s calendar, not UTC’s', () => {
    const lateEvening = Date.UTC(2026, 10, 22, 23, 30);
    expect(localDay(lateEvening, 'UTC')).toBe('2026-11-22');
    expect(localDay(lateEvening, 'Europe/Berlin')).toBe('2026-11-23');
    expect(localDay(lateEvening, 'America/Los_Angeles')).toBe('2026-11-22');
  });
});

import { describe, expect, it } from 'vitest';
import type { CheckIn } from '@/lib/model';
import { personCardFacts, tomorrow } from '@/lib/person-card';

const ZONE = 'Europe/Berlin';
// Wednesday 2 December 2026, 09:00 in Berlin.
const NOW = Date.UTC(2026, 11, 2, 8);
const HOUR = 3_600_000;
const DANA = '01JD0000000000000000000DAN';

function checkIn(overrides: Partial<CheckIn>): CheckIn {
  return {
    id: '01JD0000000000000000000C00',
    personId: DANA,
    askedAt: NOW - 48 * HOUR,
    answer: '',
    commitment: 'Send the pallet labels by Friday',
    delivered: false,
    ...overrides,
  };
}

describe('personCardFacts', () => {
  it('says "today" for a thank-you given since local midnight, even one from late last night UTC', () => {
    // 00:30 in Berlin is still 1 December in UTC.
    const justAfterMidnight = Date.UTC(2026, 11, 1, 23, 30);
    const facts = personCardFacts({ lastThankedAt: justAfterMidnight }, [], DANA, NOW, ZONE);
    expect(facts.thanked).toBe('today');
  });

  it('tells a thank-you from yesterday and none at all apart', () => {
    const yesterday = personCardFacts({ lastThankedAt: NOW - 24 * HOUR }, [], DANA, NOW, ZONE);
    expect(yesterday).toMatchObject({ thanked: 'earlier', lastThankedAt: NOW - 24 * HOUR });
    expect(personCardFacts({}, [], DANA, NOW, ZONE).thanked).toBe('never');
  });

  it('shows the newest open promise to this person, due once its follow-up day has come', () => {
    const older = checkIn({ id: '01JD0000000000000000000C01', askedAt: NOW - 96 * HOUR });
    const newer = checkIn({
      id: '01JD0000000000000000000C02',
      commitment: 'Book the Thursday pickup',
      followUpOn: '2026-12-02',
    });
    const delivered = checkIn({ id: '01JD0000000000000000000C03', delivered: true, askedAt: NOW });
    const someoneElse = checkIn({ id: '01JD0000000000000000000C04', personId: 'X', askedAt: NOW });
    const facts = personCardFacts({}, [older, newer, delivered, someoneElse], DANA, NOW, ZONE);
    expect(facts.openPromise).toEqual({
      checkInId: newer.id,
      commitment: 'Book the Thursday pickup',
      followUpOn: '2026-12-02',
      due: true,
    });
    const later = checkIn({ followUpOn: '2026-12-03' });
    expect(personCardFacts({}, [later], DANA, NOW, ZONE).openPromise?.due).toBe(false);
  });

  it('has no promise when every check-in was delivered or promised nothing', () => {
    const facts = personCardFacts(
      {},
      [checkIn({ delivered: true }), checkIn({ commitment: '  ' })],
      DANA,
      NOW,
      ZONE,
    );
    expect(facts.openPromise).toBeUndefined();
  });
});

describe('tomorrow', () => {
  it("is the next day on the user's calendar, not 24 hours in UTC", () => {
    // 23:30 on 2 December in Berlin is 22:30 UTC: tomorrow is 3 December.
    expect(tomorrow(Date.UTC(2026, 11, 2, 22, 30), ZONE)).toBe('2026-12-03');
    expect(tomorrow(Date.UTC(2026, 11, 2, 23, 30), ZONE)).toBe('2026-12-04');
  });
});

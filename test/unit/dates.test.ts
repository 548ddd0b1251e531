import { describe, expect, it } from 'vitest';
import { formatDate } from '@/lib/dates';

// Wednesday 18 November 2026, 10:04 in Berlin (09:04 UTC).
const AT = Date.UTC(2026, 10, 18, 9, 4);

describe('one date format per context, from Intl', () => {
  it('writes a moment, a day and a chart week as the user’s language does', () => {
    expect(formatDate('moment', AT, 'en-US', 'Europe/Berlin')).toMatch(/^Nov 18, 2026, 10:04\sAM$/);
    expect(formatDate('day', AT, 'en-US', 'Europe/Berlin')).toBe('Wed, Nov 18');
    expect(formatDate('week', AT, 'en-US', 'Europe/Berlin')).toBe('Nov 18');
    expect(formatDate('day', AT, 'de-DE', 'Europe/Berlin')).toBe('Mi., 18. Nov.');
    expect(formatDate('moment', AT, 'en-GB', 'UTC')).toBe('18 Nov 2026, 09:04');
  });

  it('writes the day in the zone asked for', () => {
    const lateEvening = Date.UTC(2026, 10, 18, 23, 30);
    expect(formatDate('day', lateEvening, 'en-US', 'UTC')).toBe('Wed, Nov 18');
    expect(formatDate('day', lateEvening, 'en-US', 'Asia/Tokyo')).toBe('Thu, Nov 19');
  });
});

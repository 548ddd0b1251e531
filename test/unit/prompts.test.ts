import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDay, recentWeeks, type WeekTotals } from '@/lib/balance';
import type { Appreciation, CheckIn, Interaction, Person } from '@/lib/model';
import { english } from '@/lib/english';
import { translatorFor } from '@/lib/i18n';
import messages from '@/public/_locales/en/messages.json';
import {
  DAY,
  FREQUENT_MIN_INTERACTIONS,
  HELP_WINDOW_DAYS,
  MAX_SUGGESTIONS,
  NOT_THANKED_DAYS,
  THANK_WITHIN_DAYS,
  suggestions,
  type PromptInput,
  type Suggestion,
} from '@/lib/prompts';

const ZONE = 'Europe/Berlin';
const SETTINGS = { timeZone: ZONE, band: { min: 0.3, max: 0.7 } };
/** Friday 13 March 2026, 15:00 in Berlin: the fake clock. */
const NOW = new TZDate(2026, 2, 13, 15, 0, ZONE).getTime();
const HOUR = 3_600_000;

/** Valid ULIDs, deterministic: a counter in Crockford base 32. */
let counter = 0;
function id(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let n = ++counter;
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = alphabet[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return `01J${'0'.repeat(13)}${out}`;
}

function person(name: string, overrides: Partial<Person> = {}): Person {
  return {
    id: id(),
    name,
    emails: [],
    handles: [],
    relationship: 'internal',
    relationshipSource: 'manual',
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

function met(who: Person, at: number, overrides: Partial<Interaction> = {}): Interaction {
  const iid = id();
  return {
    id: iid,
    at,
    day: localDay(at, ZONE),
    personId: who.id,
    relationship: who.relationship,
    relationshipPinned: false,
    kind: 'mail',
    source: 'detected',
    dedupeKey: iid,
    ...overrides,
  };
}

function thanked(who: Person, at: number): Appreciation {
  return { id: id(), at, personId: who.id, message: 'Thank you', channel: 'copied' };
}

function checkIn(who: Person, askedAt: number, overrides: Partial<CheckIn> = {}): CheckIn {
  return {
    id: id(),
    personId: who.id,
    askedAt,
    answer: '',
    commitment: '',
    delivered: false,
    ...overrides,
  };
}

function run(partial: Partial<PromptInput>): Suggestion[] {
  return suggestions({
    now: NOW,
    people: [],
    interactions: [],
    appreciations: [],
    checkIns: [],
    settings: SETTINGS,
    t: english,
    locale: 'en-GB',
    ...partial,
  });
}

/** Weeks (Monday start, Berlin) ending with the current one, with the given counts. */
function trend(...counts: Array<[internal: number, external: number]>): WeekTotals[] {
  return recentWeeks(NOW, counts.length, 1, ZONE).map((w, i) => ({
    ...w,
    internal: counts[i]![0],
    external: counts[i]![1],
    thanks: 0,
  }));
}

describe('suggestions: someone who helped', () => {
  const priya = person('Priya Shah');

  it('names them, what they helped with, when, and how much more since', () => {
    const out = run({
      people: [priya],
      interactions: [
        met(priya, NOW - 4 * DAY, { title: 'Refund for order 1182', threadKey: 't1' }),
        met(priya, NOW - 3 * DAY, { title: 'Refund for order 1182', threadKey: 't1' }),
        met(priya, NOW - 1 * DAY, { threadKey: 't2' }),
      ],
    });
    expect(out).toEqual([
      {
        kind: 'helped',
        personId: priya.id,
        key: priya.id,
        reason:
          'Priya Shah helped with “Refund for order 1182” on Monday 9 March (4 days ago) and 1 more thing since, and has not been thanked yet.',
      },
    ]);
  });

  it('says it briefly for a small space: short dates, and long titles cut', () => {
    const out = run({
      brief: true,
      people: [priya],
      interactions: [
        met(priya, NOW - 4 * DAY, {
          title: 'Refund for order 1182, and the carrier claim that came with it',
          threadKey: 't1',
        }),
      ],
    });
    expect(out.map((s) => s.reason)).toEqual([
      'Priya Shah helped with “Refund for order 1182, and the…” on Mon 9 Mar (4 days ago), and has not been thanked yet.',
    ]);
  });

  it('waits two days for the thank-you before suggesting it', () => {
    const justNow = run({ people: [priya], interactions: [met(priya, NOW - 47 * HOUR)] });
    expect(justNow).toEqual([]);
    const twoDays = run({ people: [priya], interactions: [met(priya, NOW - 48 * HOUR)] });
    expect(twoDays.map((s) => s.kind)).toEqual(['helped']);
    expect(twoDays[0]!.reason).toBe(
      'Priya Shah helped with a mail thread on Wednesday 11 March (2 days ago), and has not been thanked yet.',
    );
  });

  it('says when they were last thanked, and forgets help older than a week', () => {
    const out = run({
      people: [priya],
      interactions: [met(priya, NOW - 9 * DAY), met(priya, NOW - 5 * DAY, { kind: 'ticket' })],
      appreciations: [thanked(priya, NOW - 8 * DAY)],
    });
    expect(out[0]!.reason).toBe(
      'Priya Shah helped with a ticket on Sunday 8 March (5 days ago), and has not been thanked since Thursday 5 March.',
    );
    const stale = run({ people: [priya], interactions: [met(priya, NOW - 8 * DAY)] });
    expect(stale.filter((s) => s.kind === 'helped')).toEqual([]);
  });

  it('disappears once the user thanks them, and comes back for new help', () => {
    const interactions = [met(priya, NOW - 3 * DAY)];
    expect(run({ people: [priya], interactions })).toHaveLength(1);
    const appreciations = [thanked(priya, NOW - 1)];
    expect(run({ people: [priya], interactions, appreciations })).toEqual([]);
    // Thanked at the same instant as the help counts as thanked.
    const same = [thanked(priya, NOW - 3 * DAY)];
    expect(run({ people: [priya], interactions, appreciations: same })).toEqual([]);
    const later = run({
      now: NOW + 3 * DAY,
      people: [priya],
      interactions: [...interactions, met(priya, NOW)],
      appreciations,
    });
    expect(later.map((s) => s.kind)).toEqual(['helped']);
  });

  it('reads dates in the user’s time zone', () => {
    // 23:30 UTC on Monday is already Tuesday in Berlin.
    const at = Date.UTC(2026, 2, 9, 23, 30);
    const out = run({ people: [priya], interactions: [met(priya, at)] });
    expect(out[0]!.reason).toContain('on Tuesday 10 March (3 days ago)');
    const inNewYork = run({
      people: [priya],
      interactions: [met(priya, at)],
      settings: { ...SETTINGS, timeZone: 'America/New_York' },
    });
    expect(inNewYork[0]!.reason).toContain('on Monday 9 March (4 days ago)');
  });

  it('speaks the user’s language: the reasons come from messages, the dates from the locale', () => {
    const at = Date.UTC(2026, 2, 9, 23, 30);
    const german = translatorFor({
      ...messages,
      promptHelpedNeverThanked: {
        message: '$NAME$ hat am $DAY$ ($AGO$) bei $WHAT$ geholfen; noch kein Dank.',
        placeholders: {
          name: { content: '$1' },
          what: { content: '$2' },
          day: { content: '$3' },
          ago: { content: '$4' },
        },
      },
      promptDaysAgo: { message: 'vor $1 Tagen' },
      promptKindMail: { message: 'einer Mail' },
    });
    const out = run({ people: [priya], interactions: [met(priya, at)], t: german, locale: 'de' });
    expect(out[0]!.reason).toBe(
      'Priya Shah hat am Dienstag, 10. März (vor 3 Tagen) bei einer Mail geholfen; noch kein Dank.',
    );
  });

  it('ranks the longest waiting first and ignores people not in the list', () => {
    const ben = person('Ben Okafor');
    const ghost = person('Not in the list');
    const out = run({
      people: [priya, ben],
      interactions: [met(priya, NOW - 3 * DAY), met(ben, NOW - 6 * DAY), met(ghost, NOW - 5 * DAY)],
    });
    expect(out.map((s) => s.personId)).toEqual([ben.id, priya.id]);
  });
});

describe('suggestions: a frequent internal collaborator', () => {
  const omar = person('Omar Haddad');
  const often = (who: Person, n: number) =>
    Array.from({ length: n }, (_, i) => met(who, NOW - (10 + i) * DAY));

  it('names the count, the last time worked together and the last thank-you', () => {
    const out = run({
      people: [omar],
      interactions: often(omar, 5),
      appreciations: [thanked(omar, NOW - 40 * DAY)],
    });
    expect(out).toEqual([
      {
        kind: 'frequent',
        personId: omar.id,
        key: omar.id,
        reason:
          'You worked with Omar Haddad 5 times in the last 30 days, most recently on Tuesday 3 March; your last thank-you was on Sunday 1 February (40 days ago).',
      },
    ]);
  });

  it('says when they were never thanked, with the year for an old thank-you', () => {
    const never = run({ people: [omar], interactions: often(omar, 4) });
    expect(never[0]!.reason).toBe(
      'You worked with Omar Haddad 4 times in the last 30 days, most recently on Tuesday 3 March; you have never thanked them.',
    );
    const old = run({
      people: [omar],
      interactions: often(omar, 4),
      appreciations: [thanked(omar, new TZDate(2025, 11, 19, 10, 0, ZONE).getTime())],
    });
    expect(old[0]!.reason).toContain(
      'your last thank-you was on Friday, 19 December 2025 (84 days ago)',
    );
  });

  it('needs four interactions, an internal person and no thanks in 30 days', () => {
    expect(run({ people: [omar], interactions: often(omar, 3) })).toEqual([]);
    const external = person('Eve External', { relationship: 'external' });
    expect(run({ people: [external], interactions: often(external, 6) })).toEqual([]);
    const recently = run({
      people: [omar],
      interactions: often(omar, 6),
      appreciations: [thanked(omar, NOW - 29 * DAY)],
    });
    expect(recently).toEqual([]);
  });

  it('disappears once the user thanks them', () => {
    const out = run({
      people: [omar],
      interactions: often(omar, 6),
      appreciations: [thanked(omar, NOW)],
    });
    expect(out).toEqual([]);
  });
});

describe('suggestions: the supporting cast', () => {
  it('names them and their role, and says no thank-you is logged', () => {
    const rosa = person('Rosa Díaz', { circle: 'support-staff', role: 'reception' });
    const out = run({ people: [rosa], interactions: [met(rosa, NOW - 12 * DAY)] });
    expect(out).toEqual([
      {
        kind: 'supporting-cast',
        personId: rosa.id,
        key: rosa.id,
        reason:
          'Rosa Díaz (reception) keeps things running behind the scenes and has had no thanks from you lately: no thank-you is logged yet; you were last in touch on Sunday 1 March.',
      },
    ]);
  });

  it('says when the last thank-you was, more than 30 days ago', () => {
    const ken = person('Ken Ito', { circle: 'support-staff' });
    const out = run({ people: [ken], appreciations: [thanked(ken, NOW - 45 * DAY)] });
    expect(out[0]!.reason).toBe(
      'Ken Ito keeps things running behind the scenes and has had no thanks from you lately: the last was on Tuesday 27 January (45 days ago).',
    );
    const recently = run({ people: [ken], appreciations: [thanked(ken, NOW - 10 * DAY)] });
    expect(recently).toEqual([]);
  });

  it('puts the never-thanked first, then the longest ago', () => {
    const a = person('Ana', { circle: 'support-staff' });
    const b = person('Bo', { circle: 'support-staff' });
    const c = person('Cy', { circle: 'support-staff' });
    const out = run({
      people: [a, b, c],
      appreciations: [thanked(a, NOW - 40 * DAY), thanked(b, NOW - 90 * DAY)],
    });
    // One supporting-cast suggestion per turn, but no other kind competes here.
    expect(out.map((s) => s.personId)).toEqual([c.id, b.id, a.id]);
  });
});

describe('suggestions: check-ins due', () => {
  const lena = person('Lena Novak');
  const asked = new TZDate(2026, 2, 2, 11, 0, ZONE).getTime();

  it('names the promise, when it was made and when it was due', () => {
    const c = checkIn(lena, asked, {
      commitment: 'send the onboarding checklist',
      followUpOn: '2026-03-10',
    });
    expect(run({ people: [lena], checkIns: [c] })).toEqual([
      {
        kind: 'check-in',
        personId: lena.id,
        checkInId: c.id,
        key: c.id,
        reason:
          'You promised Lena Novak “send the onboarding checklist” at your check-in on Monday 2 March; the follow-up was due on Tuesday 10 March, 3 days ago. Did you deliver?',
      },
    ]);
  });

  it('is due today or yesterday, not before its day, and without a commitment', () => {
    const today = checkIn(lena, asked, { followUpOn: '2026-03-13' });
    expect(run({ people: [lena], checkIns: [today] })[0]!.reason).toBe(
      'You planned to follow up with Lena Novak after your check-in on Monday 2 March; the follow-up was due today. Did you deliver?',
    );
    const yesterday = checkIn(lena, asked, { followUpOn: '2026-03-12', commitment: 'call back' });
    expect(run({ people: [lena], checkIns: [yesterday] })[0]!.reason).toContain(
      'the follow-up was due yesterday, Thursday 12 March.',
    );
    const tomorrow = checkIn(lena, asked, { followUpOn: '2026-03-14' });
    expect(run({ people: [lena], checkIns: [tomorrow] })).toEqual([]);
    const noDay = checkIn(lena, asked);
    expect(run({ people: [lena], checkIns: [noDay] })).toEqual([]);
  });

  it('disappears once delivered, and thanking does not deliver it', () => {
    const c = checkIn(lena, asked, { followUpOn: '2026-03-10', commitment: 'x' });
    const delivered = { ...c, delivered: true, deliveredAt: NOW - HOUR };
    expect(run({ people: [lena], checkIns: [delivered] })).toEqual([]);
    const stillDue = run({ people: [lena], checkIns: [c], appreciations: [thanked(lena, NOW)] });
    expect(stillDue.map((s) => s.kind)).toEqual(['check-in']);
  });

  it('uses the user’s local day for "today"', () => {
    // 23:30 UTC on the 12th is already the 13th in Berlin, still the 12th in New York.
    const late = Date.UTC(2026, 2, 12, 23, 30);
    const c = checkIn(lena, asked, { followUpOn: '2026-03-13' });
    expect(run({ now: late, people: [lena], checkIns: [c] })).toHaveLength(1);
    const ny = { ...SETTINGS, timeZone: 'America/New_York' };
    expect(run({ now: late, people: [lena], checkIns: [c], settings: ny })).toEqual([]);
  });
});

describe('suggestions: the balance', () => {
  it('notices two completed weeks mostly external, with counts and weeks', () => {
    const out = run({ trend: trend([1, 8], [2, 9], [0, 0]) });
    expect(out).toEqual([
      {
        kind: 'balance',
        key: 'balance',
        reason:
          'Two weeks running mostly with external customers: 8 of 9 interactions in the week of Monday 23 February and 9 of 11 in the week of Monday 2 March were external (your band is 30–70% internal). Who inside made that work possible?',
      },
    ]);
  });

  it('notices two weeks mostly internal', () => {
    const out = run({ trend: trend([9, 1], [6, 2], [1, 0]) });
    expect(out[0]!.reason).toBe(
      'Two weeks running mostly inside the company: 9 of 10 interactions in the week of Monday 23 February and 6 of 8 in the week of Monday 2 March were internal (your band is 30–70% internal). Are customers waiting on you?',
    );
  });

  it('needs two weeks on the same side, each with enough to go on', () => {
    expect(run({ trend: trend([1, 8], [5, 5], [0, 0]) })).toEqual([]);
    expect(run({ trend: trend([1, 8], [9, 1], [0, 0]) })).toEqual([]);
    expect(run({ trend: trend([0, 2], [0, 9], [0, 0]) })).toEqual([]);
    expect(run({ trend: trend([0, 9], [0, 0]) })).toEqual([]);
    expect(run({ trend: [] })).toEqual([]);
    expect(run({})).toEqual([]);
  });

  it('goes away once this week is back in the band', () => {
    expect(run({ trend: trend([1, 8], [2, 9], [0, 3]) })).toHaveLength(1);
    expect(run({ trend: trend([1, 8], [2, 9], [2, 3]) })).toEqual([]);
    expect(run({ trend: trend([1, 8], [2, 9], [5, 0]) })).toEqual([]);
  });

  it('takes the two weeks before the current one, not the current one', () => {
    // The last two entries end after now: only one week before is complete.
    expect(run({ trend: trend([1, 8], [0, 9]) })).toEqual([]);
    // Two off-balance weeks with a balanced one between them are not "running".
    const gap = trend([1, 8], [3, 3], [2, 9], [0, 0]).filter((_, i) => i !== 1);
    expect(run({ trend: gap })).toEqual([]);
  });
});

describe('suggestions: choosing at most three', () => {
  const helper1 = person('Hana Helper');
  const helper2 = person('Hugo Helper');
  const often = person('Fran Frequent');
  const cast = person('Sam Support', { circle: 'support-staff' });
  const promised = person('Pia Promise');
  const due = checkIn(promised, NOW - 10 * DAY, { followUpOn: '2026-03-12', commitment: 'a demo' });
  const input: Partial<PromptInput> = {
    people: [helper1, helper2, often, cast, promised],
    interactions: [
      met(helper1, NOW - 3 * DAY),
      met(helper2, NOW - 4 * DAY),
      ...Array.from({ length: 5 }, (_, i) => met(often, NOW - (12 + i) * DAY)),
    ],
    checkIns: [due],
    trend: trend([0, 9], [0, 9], [0, 0]),
  };

  it('gives three different kinds, in turn, before a second of any kind', () => {
    const out = run(input);
    expect(out.map((s) => s.kind)).toEqual(['check-in', 'helped', 'frequent']);
    expect(out.map((s) => s.personId)).toEqual([promised.id, helper2.id, often.id]);
  });

  it('names a person at most once', () => {
    const both = person('Both Ways', { circle: 'support-staff' });
    const c = checkIn(both, NOW - 9 * DAY, { followUpOn: '2026-03-11' });
    const out = run({ people: [both], interactions: [met(both, NOW - 3 * DAY)], checkIns: [c] });
    expect(out.map((s) => s.kind)).toEqual(['check-in']);
  });

  it('respects snoozes of a person, a check-in and the balance until they end', () => {
    const snoozed = { [due.id]: NOW + HOUR, [helper2.id]: NOW + DAY, [often.id]: NOW - 1 };
    const out = run({ ...input, snoozed });
    expect(out.map((s) => s.personId ?? s.key)).toEqual([helper1.id, often.id, cast.id]);
    const more = run({
      ...input,
      snoozed: { ...snoozed, [often.id]: NOW + 1, [cast.id]: NOW + 1 },
    });
    expect(more.map((s) => s.key)).toEqual([helper1.id, 'balance']);
    const none = run({
      ...input,
      snoozed: {
        ...snoozed,
        [helper1.id]: NOW + 1,
        [often.id]: NOW + 1,
        [cast.id]: NOW + 1,
        balance: NOW + 1,
      },
    });
    expect(none).toEqual([]);
    // Snoozing the person hides their check-in too.
    expect(run({ ...input, snoozed: { [promised.id]: NOW + 1 } }).map((s) => s.kind)).toEqual([
      'helped',
      'frequent',
      'supporting-cast',
    ]);
  });
});

describe('suggestions: a realistic month', () => {
  it('suggests a week’s worth of specific prompts', () => {
    const people = {
      maya: person('Maya Chen', { team: 'Finance' }),
      joe: person('Joe Park', { team: 'Platform' }),
      ines: person('Inês Costa', { team: 'Support' }),
      tom: person('Tom Brandt', { circle: 'support-staff', role: 'facilities' }),
      ada: person('Ada Lund', { circle: 'support-staff', role: 'IT help desk' }),
      acme: person('Carla (Acme Corp)', { relationship: 'external', circle: 'customer' }),
      globex: person('Dev (Globex)', { relationship: 'external', circle: 'customer' }),
    };
    const interactions: Interaction[] = [];
    // Four weeks of customer work, with Joe's platform help most days.
    for (let d = 1; d <= 28; d++) {
      const at = NOW - d * DAY;
      const weekday = new TZDate(at, ZONE).getDay();
      if (weekday === 0 || weekday === 6) continue;
      interactions.push(
        met(people.acme, at - 2 * HOUR, { kind: 'ticket', threadKey: `acme-${d % 5}` }),
      );
      interactions.push(
        met(people.globex, at - HOUR, { kind: 'mail', threadKey: `globex-${d % 3}` }),
      );
      if (d % 3 === 0)
        interactions.push(met(people.joe, at, { kind: 'chat', threadKey: `joe-${d}` }));
    }
    interactions.push(
      met(people.maya, NOW - 3 * DAY - 2 * HOUR, {
        kind: 'ticket',
        threadKey: 'FIN-231',
        title: 'FIN-231 Refund approval for Acme',
      }),
      met(people.ada, NOW - 20 * DAY, { kind: 'in-person', source: 'manual' }),
    );
    const appreciations = [
      thanked(people.ines, NOW - 6 * DAY),
      thanked(people.tom, NOW - 50 * DAY),
      thanked(people.joe, NOW - 45 * DAY),
    ];
    const checkIns = [
      checkIn(people.acme, NOW - 14 * DAY, {
        commitment: 'share the Q2 roadmap',
        followUpOn: '2026-03-11',
      }),
    ];
    const weeks = recentWeeks(NOW, 4, 1, ZONE).map((w) => ({
      ...w,
      internal: interactions.filter(
        (i) => i.at >= w.start && i.at < w.end && i.relationship === 'internal',
      ).length,
      external: interactions.filter(
        (i) => i.at >= w.start && i.at < w.end && i.relationship === 'external',
      ).length,
      thanks: 0,
    }));
    const out = run({
      people: Object.values(people),
      interactions,
      appreciations,
      checkIns,
      trend: weeks,
    });
    expect(out.map((s) => [s.kind, s.reason])).toEqual([
      [
        'check-in',
        'You promised Carla (Acme Corp) “share the Q2 roadmap” at your check-in on Friday 27 February; the follow-up was due on Wednesday 11 March, 2 days ago. Did you deliver?',
      ],
      [
        'helped',
        'Maya Chen helped with “FIN-231 Refund approval for Acme” on Tuesday 10 March (3 days ago), and has not been thanked yet.',
      ],
      [
        'frequent',
        'You worked with Joe Park 6 times in the last 30 days, most recently on Tuesday 10 March; your last thank-you was on Tuesday 27 January (45 days ago).',
      ],
    ]);

    // The user delivers the roadmap and thanks Maya and Joe: the next prompts move on.
    const after = run({
      now: NOW + HOUR,
      people: Object.values(people),
      interactions,
      appreciations: [...appreciations, thanked(people.maya, NOW), thanked(people.joe, NOW)],
      checkIns: checkIns.map((c) => ({ ...c, delivered: true, deliveredAt: NOW })),
      trend: weeks,
    });
    expect(after.map((s) => [s.kind, s.reason])).toEqual([
      [
        'helped',
        'Carla (Acme Corp) helped with a ticket on Monday 9 March (4 days ago) and 3 more things since, and has not been thanked yet.',
      ],
      [
        'supporting-cast',
        'Ada Lund (IT help desk) keeps things running behind the scenes and has had no thanks from you lately: no thank-you is logged yet; you were last in touch on Saturday 21 February.',
      ],
      [
        'balance',
        'Two weeks running mostly with external customers: 10 of 12 interactions in the week of Monday 23 February and 10 of 11 in the week of Monday 2 March were external (your band is 30–70% internal). Who inside made that work possible?',
      ],
    ]);
  });
});

describe('suggestions: properties', () => {
  const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'UTC'];
  const RUNS = 400;

  /** A random log around a random `now`: people, interactions, thanks, check-ins, snoozes. */
  const world = fc
    .record({
      now: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) }),
      zone: fc.constantFrom(...ZONES),
      people: fc.array(
        fc.record({
          relationship: fc.constantFrom('internal', 'external', 'unknown'),
          circle: fc.option(fc.constantFrom('own-team', 'support-staff', 'customer'), {
            nil: undefined,
          }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      // Offsets before now, in hours, up to 40 days; a few just after now.
      interactions: fc.array(
        fc.record({
          who: fc.nat(),
          hoursAgo: fc.integer({ min: -24, max: 40 * 24 }),
          thread: fc.nat(4),
        }),
        { maxLength: 60 },
      ),
      thanks: fc.array(
        fc.record({ who: fc.nat(), hoursAgo: fc.integer({ min: -24, max: 60 * 24 }) }),
        {
          maxLength: 15,
        },
      ),
      checkIns: fc.array(
        fc.record({
          who: fc.nat(),
          dueInDays: fc.integer({ min: -10, max: 10 }),
          delivered: fc.boolean(),
        }),
        { maxLength: 5 },
      ),
      snoozes: fc.array(fc.record({ who: fc.nat(), endsIn: fc.integer({ min: -48, max: 48 }) }), {
        maxLength: 3,
      }),
      weeks: fc.array(fc.tuple(fc.nat(12), fc.nat(12)), { minLength: 0, maxLength: 4 }),
    })
    .map((w) => {
      const people = w.people.map((p, i) =>
        person(`Person ${i}`, { relationship: p.relationship, circle: p.circle }),
      );
      const pick = (n: number) => people[n % people.length]!;
      const interactions = w.interactions.map((i) =>
        met(pick(i.who), w.now - i.hoursAgo * HOUR, { threadKey: `t${i.thread}` }),
      );
      const appreciations = w.thanks.map((t) => thanked(pick(t.who), w.now - t.hoursAgo * HOUR));
      const checkIns = w.checkIns.map((c) =>
        checkIn(pick(c.who), w.now - 20 * DAY, {
          followUpOn: localDay(w.now + c.dueInDays * DAY, w.zone),
          delivered: c.delivered,
        }),
      );
      const snoozed: Record<string, number> = {};
      for (const s of w.snoozes) snoozed[pick(s.who).id] = w.now + s.endsIn * HOUR;
      const trend = recentWeeks(w.now, w.weeks.length, 1, w.zone).map((b, i) => ({
        ...b,
        internal: w.weeks[i]![0],
        external: w.weeks[i]![1],
        thanks: 0,
      }));
      const input: PromptInput = {
        t: english,
        locale: 'en-GB',
        now: w.now,
        people,
        interactions,
        appreciations,
        checkIns,
        trend,
        settings: { timeZone: w.zone, band: { min: 0.3, max: 0.7 } },
        snoozed,
      };
      return input;
    });

  /** The rules, restated independently of the engine. */
  function facts(input: PromptInput, personId: string) {
    const { now } = input;
    const thanks = input.appreciations.filter((a) => a.personId === personId).map((a) => a.at);
    const last = thanks.length ? Math.max(...thanks) : -Infinity;
    const mine = input.interactions.filter((i) => i.personId === personId && i.at <= now);
    const p = input.people.find((x) => x.id === personId)!;
    const today = localDay(now, input.settings.timeZone);
    return {
      helped: mine.some(
        (i) =>
          i.at > last &&
          i.at >= now - HELP_WINDOW_DAYS * DAY &&
          i.at <= now - THANK_WITHIN_DAYS * DAY,
      ),
      frequent:
        p.relationship === 'internal' &&
        mine.filter((i) => i.at >= now - 30 * DAY).length >= FREQUENT_MIN_INTERACTIONS &&
        last < now - NOT_THANKED_DAYS * DAY,
      cast: p.circle === 'support-staff' && last < now - NOT_THANKED_DAYS * DAY,
      checkIn: input.checkIns.some(
        (c) =>
          c.personId === personId &&
          !c.delivered &&
          c.followUpOn! <= today &&
          !((input.snoozed?.[c.id] ?? 0) > now),
      ),
      snoozed: (input.snoozed?.[personId] ?? 0) > now,
    };
  }

  it('never gives more than three, never names a person twice', () => {
    fc.assert(
      fc.property(world, (input) => {
        const out = suggestions(input);
        expect(out.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
        const named = out.flatMap((s) => (s.personId ? [s.personId] : []));
        expect(new Set(named).size).toBe(named.length);
        expect(out.filter((s) => s.kind === 'balance').length).toBeLessThanOrEqual(1);
        for (const s of out) expect(s.reason.length).toBeGreaterThan(20);
      }),
      { numRuns: RUNS },
    );
  });

  it('suggests only what its rule allows: never someone thanked since, never a snoozed one', () => {
    fc.assert(
      fc.property(world, (input) => {
        for (const s of suggestions(input)) {
          if (!s.personId) continue;
          const f = facts(input, s.personId);
          expect(f.snoozed).toBe(false);
          if (s.kind === 'helped') expect(f.helped).toBe(true);
          if (s.kind === 'frequent') expect(f.frequent).toBe(true);
          if (s.kind === 'supporting-cast') expect(f.cast).toBe(true);
          if (s.kind === 'check-in') {
            const c = input.checkIns.find((x) => x.id === s.checkInId)!;
            expect(c.delivered).toBe(false);
            expect(c.followUpOn! <= localDay(input.now, input.settings.timeZone)).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a thank-you now removes every thanks-based suggestion for that person', () => {
    fc.assert(
      fc.property(world, (input) => {
        const before = suggestions(input);
        const thankedNow = before.filter((s) => s.personId).map((s) => s.personId!);
        const byId = new Map(input.people.map((p) => [p.id, p]));
        const after = suggestions({
          ...input,
          appreciations: [
            ...input.appreciations,
            ...thankedNow.map((p) => thanked(byId.get(p)!, input.now)),
          ],
          checkIns: input.checkIns.map((c) => ({ ...c, delivered: true })),
        });
        for (const s of after) expect(thankedNow).not.toContain(s.personId);
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves nobody out when there is room: fewer than three means every due person is named', () => {
    fc.assert(
      fc.property(world, (input) => {
        const out = suggestions(input);
        if (out.length >= MAX_SUGGESTIONS) return;
        const named = new Set(out.map((s) => s.personId));
        for (const p of input.people) {
          const f = facts(input, p.id);
          if (f.snoozed) continue;
          if (f.helped || f.frequent || f.cast || f.checkIn) expect(named.has(p.id)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

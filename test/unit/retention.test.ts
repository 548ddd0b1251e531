import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, ValidationError, newId } from '@/lib/model';
import { parseKeepMonths, retentionCutoff } from '@/lib/retention';
import { openStore, type Store } from '@/lib/store';

const settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };
const NOW = Date.UTC(2026, 10, 18, 12);
const DAY = 86_400_000;
let store: Store;

beforeEach(async () => {
  store = await openStore(`retention-${newId()}`);
});
afterEach(() => store.close());

async function seed() {
  const amy = await store.createPerson(
    {
      name: 'Amy Chen',
      emails: [],
      handles: [],
      relationship: 'internal',
      relationshipSource: 'manual',
    },
    NOW - 900 * DAY,
  );
  for (const age of [800, 400, 10]) {
    await store.logInteraction(
      { personId: amy.id, kind: 'call', source: 'manual', at: NOW - age * DAY },
      settings,
      NOW - age * DAY,
    );
  }
  await store.addAppreciation(
    { personId: amy.id, message: 'Thanks', channel: 'copied', at: NOW - 800 * DAY },
    NOW - 800 * DAY,
  );
  const open = await store.addCheckIn(
    { personId: amy.id, commitment: 'Fix the loading dock form', askedAt: NOW - 700 * DAY },
    NOW - 700 * DAY,
  );
  await store.addCheckIn(
    {
      personId: amy.id,
      commitment: 'Send the report',
      askedAt: NOW - 700 * DAY,
      delivered: true,
    },
    NOW - 700 * DAY,
  );
  return { amy, open };
}

describe('the "keep for" value', () => {
  it('accepts whole months from 1 to 240 and nothing else', () => {
    expect(parseKeepMonths('24')).toEqual({ ok: true, months: 24 });
    expect(parseKeepMonths(' 1 ')).toEqual({ ok: true, months: 1 });
    for (const bad of ['', ' ', '0', '-3', '2.5', '1e2', 'abc', '241', 'NaN']) {
      expect(parseKeepMonths(bad)).toEqual({ ok: false });
    }
  });

  it('never yields a cutoff at or after now', () => {
    for (const bad of [0, -1, Number.NaN, 1.5, 241]) {
      expect(() => retentionCutoff(bad, NOW)).toThrow(ValidationError);
    }
    expect(retentionCutoff(12, NOW)).toBe(Date.UTC(2025, 10, 18, 12));
  });
});

describe('removing old entries', () => {
  it('refuses a cutoff less than a month ago and removes nothing', async () => {
    await seed();
    const before = await store.logPage({ limit: 100 });
    for (const cutoff of [NOW, NOW + DAY, NOW - DAY, Number.NaN]) {
      await expect(store.removeOlderThan(cutoff, NOW)).rejects.toThrow(ValidationError);
      await expect(store.countOlderThan(cutoff, NOW)).rejects.toThrow(ValidationError);
    }
    expect(await store.logPage({ limit: 100 })).toEqual(before);
    expect(await store.listCheckIns()).toHaveLength(2);
  });

  it('counts what would go, then removes exactly that, keeping open commitments', async () => {
    const { open } = await seed();
    const cutoff = retentionCutoff(12, NOW);
    const count = await store.countOlderThan(cutoff, NOW);
    expect(count).toEqual({
      interactions: 2,
      appreciations: 1,
      checkIns: 1,
      openCommitmentsKept: 1,
    });
    expect((await store.logPage({ limit: 100 })).entries).toHaveLength(4);
    expect(await store.removeOlderThan(cutoff, NOW)).toBe(4);
    expect((await store.logPage({ limit: 100 })).entries.map((e) => e.at)).toEqual([
      NOW - 10 * DAY,
    ]);
    expect(await store.listCheckIns()).toEqual([open]);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/model';
import {
  SYNC_QUOTA,
  SyncQuotaError,
  customDomainKey,
  itemBytes,
  joinSettings,
  planSettingsWrite,
} from '@/lib/settings-sync';

const domains = (n: number): Settings['customDomains'] =>
  Array.from({ length: n }, (_, i) => ({
    tool: 'jira' as const,
    origin: `https://jira-${i}.tools.acme-corporation.example`,
  }));

/** storage.sync after a set: what it held, with the writes on top. */
const apply = (current: Record<string, unknown>, writes: Record<string, unknown>) => ({
  ...current,
  ...writes,
});

describe('settings in storage.sync', () => {
  it('150 self-hosted tools fit: no item is over 8 KB, and they all read back', () => {
    let stored: Record<string, unknown> = {};
    for (const domain of domains(150))
      stored = apply(stored, planSettingsWrite(stored, { addDomain: domain }));
    stored = apply(
      stored,
      planSettingsWrite(stored, {
        settings: { ...DEFAULT_SETTINGS, orgDomains: ['acme.example'] },
      }),
    );
    for (const [key, value] of Object.entries(stored))
      expect(itemBytes(key, value), key).toBeLessThanOrEqual(SYNC_QUOTA.perItem);
    const read = joinSettings(stored);
    expect(read.customDomains).toEqual(domains(150));
    expect(read.orgDomains).toEqual(['acme.example']);
    // The one-item layout could not have held them.
    expect(itemBytes('settings', read)).toBeGreaterThan(SYNC_QUOTA.perItem);
  });

  it('reads settings of the former layout and moves their custom domains out on the next save', () => {
    const legacy = { settings: { ...DEFAULT_SETTINGS, customDomains: domains(2) } };
    expect(joinSettings(legacy).customDomains).toEqual(domains(2));
    const writes = planSettingsWrite(legacy, {});
    expect(writes.settings).not.toHaveProperty('customDomains');
    expect(Object.keys(writes)).toEqual(
      expect.arrayContaining(domains(2).map((d) => customDomainKey(d.origin))),
    );
    expect(joinSettings(apply(legacy, writes)).customDomains).toEqual(domains(2));
  });

  it('a save from a page that shows an older list never drops a tool added meanwhile', () => {
    const [added] = domains(1);
    const stored = apply({}, planSettingsWrite({}, { addDomain: added! }));
    const stale = { ...DEFAULT_SETTINGS, weeklyThankGoal: 5, customDomains: [] };
    const after = apply(stored, planSettingsWrite(stored, { settings: stale }));
    expect(joinSettings(after).customDomains).toEqual([added]);
    expect(joinSettings(after).weeklyThankGoal).toBe(5);
  });

  it('refuses, before writing, what would not fit; skips a bad item without losing the rest', () => {
    const long = Array.from(
      { length: 100 },
      (_, i) => `${'d'.repeat(60)}${i}.${'e'.repeat(60)}.example`,
    );
    expect(() =>
      planSettingsWrite({}, { settings: { ...DEFAULT_SETTINGS, orgDomains: long } }),
    ).toThrow(SyncQuotaError);
    let stored: Record<string, unknown> = {};
    for (const domain of domains(200))
      stored = apply(stored, planSettingsWrite(stored, { addDomain: domain }));
    expect(() =>
      planSettingsWrite(stored, {
        addDomain: { tool: 'jira', origin: 'https://one.more.example' },
      }),
    ).toThrow(SyncQuotaError);
    const read = joinSettings({
      ...stored,
      [customDomainKey('https://bad.example')]: { tool: 'not-a-tool', origin: 'x' },
      settings: { weeklyThankGoal: 'many', weekStartsOn: 0 },
    });
    expect(read.customDomains).toHaveLength(200);
    expect(read.weekStartsOn).toBe(0);
  });
});

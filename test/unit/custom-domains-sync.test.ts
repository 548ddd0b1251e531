import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { SYNC_QUOTA, itemBytes } from '@/lib/settings-sync';
import {
  addCustomDomain,
  loadSettings,
  removeCustomDomain,
  saveSettings,
  syncCustomDomains,
} from '@/platform';
import { customDomainGrantsItem } from '@/platform/storage';

/** This device's host permissions and registered scripts, as the browser keeps them. */
const held = new Set<string>();
const scripts = new Map<string, { id: string }>();

beforeEach(() => {
  fakeBrowser.reset();
  held.clear();
  scripts.clear();
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins }: { origins: string[] }) => origins.every((o) => held.has(o)),
    request: async ({ origins }: { origins: string[] }) => (
      origins.forEach((o) => held.add(o)),
      true
    ),
    remove: async ({ origins }: { origins: string[] }) => (
      origins.forEach((o) => held.delete(o)),
      true
    ),
  });
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: async () => [...scripts.values()],
    registerContentScripts: async (list: Array<{ id: string }>) =>
      list.forEach((s) => scripts.set(s.id, s)),
    unregisterContentScripts: async ({ ids }: { ids: string[] }) =>
      ids.forEach((id) => scripts.delete(id)),
  });
});

const JIRA = 'https://jira.acme.example';
const GHE = 'https://git.acme.example';

describe('self-hosted tools across devices', () => {
  it('a tool synced from another device stays in the settings where this one lacks access', async () => {
    // Another device added two; this device was allowed only one of them.
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS },
      [`custom-domain:${JIRA}`]: { tool: 'jira', origin: JIRA },
      [`custom-domain:${GHE}`]: { tool: 'github', origin: GHE },
    });
    held.add(`${GHE}/*`);
    await syncCustomDomains();
    expect((await loadSettings()).customDomains.map((d) => d.origin).sort()).toEqual(
      [GHE, JIRA].sort(),
    );
    expect([...scripts.keys()]).toEqual([`custom:github:${GHE}`]);
    expect(await customDomainGrantsItem.get()).toEqual([GHE]);
  });

  it('a tool removed on another device takes this device’s script and access with it', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS } });
    expect(await addCustomDomain('jira', JIRA)).toBe(true);
    expect(scripts.has(`custom:jira:${JIRA}`)).toBe(true);
    await fakeBrowser.storage.sync.remove(`custom-domain:${JIRA}`);
    await syncCustomDomains();
    expect(scripts.size).toBe(0);
    expect(held.has(`${JIRA}/*`)).toBe(false);
  });

  it('a failed save leaves no script and no access granted only for it', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(
      Object.assign(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'), { name: 'Error' }),
    );
    await expect(addCustomDomain('jira', JIRA)).rejects.toThrow(/quota/);
    expect(scripts.size).toBe(0);
    expect(held.size).toBe(0);
    expect((await loadSettings()).customDomains).toEqual([]);
    expect(await customDomainGrantsItem.get()).toEqual([]);
  });

  it('access the user had before the failed save is kept', async () => {
    held.add(`${JIRA}/*`);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('offline'));
    await expect(addCustomDomain('jira', JIRA)).rejects.toThrow('offline');
    expect(held.has(`${JIRA}/*`)).toBe(true);
    expect(scripts.size).toBe(0);
  });

  it('ninety tools and the settings each stay under the per-item quota; removing one removes it everywhere', async () => {
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    for (let i = 0; i < 90; i++)
      await addCustomDomain('jira', `https://jira-${i}.tools.acme-corporation.example`);
    await saveSettings({ ...DEFAULT_SETTINGS, weeklyThankGoal: 4 });
    for (const [items] of set.mock.calls)
      for (const [key, value] of Object.entries(items as Record<string, unknown>))
        expect(itemBytes(key, value), key).toBeLessThanOrEqual(SYNC_QUOTA.perItem);
    expect((await loadSettings()).customDomains).toHaveLength(90);
    expect((await loadSettings()).weeklyThankGoal).toBe(4);
    await removeCustomDomain('https://jira-7.tools.acme-corporation.example');
    expect((await loadSettings()).customDomains).toHaveLength(89);
    expect(scripts.size).toBe(89);
  });
});

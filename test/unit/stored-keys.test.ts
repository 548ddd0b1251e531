import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/lib/model';
import {
  declineDomainOffer,
  loadComposerDraft,
  loadDeclinedDomainOffers,
  onDeclinedDomainOffersChanged,
  onPendingComposer,
  onSettingsStorageChange,
  saveComposerDraft,
  setPendingComposer,
  takePendingComposer,
} from '@/platform/core';
import { onOrgDomainsChanged } from '@/platform';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.useRealTimers());

const ID = '01J00000000000000000000000';

describe('keys the pages keep with the browser’s own calls', () => {
  it('read through their parser: junk stored reads as the default', async () => {
    await fakeBrowser.storage.local.set({ 'declined-domain-offers': ['a.example', 7, null] });
    expect(await loadDeclinedDomainOffers()).toEqual(['a.example']);
    await fakeBrowser.storage.local.set({ 'declined-domain-offers': 'a.example' });
    expect(await loadDeclinedDomainOffers()).toEqual([]);
    await fakeBrowser.storage.local.set({ 'pending-composer': { personId: ID } });
    expect(await takePendingComposer()).toBeUndefined();
  });

  it('are watched, and a decline is kept once', async () => {
    const seen: string[][] = [];
    const stop = onDeclinedDomainOffersChanged((declined) => seen.push(declined));
    await declineDomainOffer('b.example');
    await declineDomainOffer('b.example');
    await declineDomainOffer('c.example');
    stop();
    await declineDomainOffer('d.example');
    expect(seen).toEqual([['b.example'], ['b.example', 'c.example']]);
    expect(await loadDeclinedDomainOffers()).toEqual(['b.example', 'c.example', 'd.example']);
  });

  it('hand a pending composer over once, and only within a minute', async () => {
    const asked = vi.fn();
    const stop = onPendingComposer(asked);
    await setPendingComposer({ candidates: [{ id: ID }] });
    expect(asked).toHaveBeenCalledTimes(1);
    expect(await takePendingComposer()).toEqual({ candidateIds: [ID] });
    expect(await takePendingComposer()).toBeUndefined();
    stop();

    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] });
    await setPendingComposer({ person: { id: ID } });
    vi.setSystemTime(1_000_000 + 61_000);
    expect(await takePendingComposer()).toBeUndefined();
  });

  it('keep the draft in the session area where there is one', async () => {
    await saveComposerDraft({ personId: ID, text: 'Thanks' });
    expect(await loadComposerDraft()).toEqual({ personId: ID, text: 'Thanks' });
    expect(await fakeBrowser.storage.session.get('composer-draft')).toEqual({
      'composer-draft': { personId: ID, text: 'Thanks' },
    });
    expect(await fakeBrowser.storage.local.get('composer-draft')).toEqual({});
  });
});

describe('the one watch on the settings', () => {
  it('hears the settings item and custom domains in storage.sync, nothing else', async () => {
    const heard: string[][] = [];
    const stop = onSettingsStorageChange((changes) => heard.push(Object.keys(changes)));
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, weeklyThankGoal: 4 } });
    await fakeBrowser.storage.sync.set({ 'custom-domain:https://jira.acme.example': {} });
    await fakeBrowser.storage.sync.set({ unrelated: 1 });
    await fakeBrowser.storage.local.set({ settings: {} });
    stop();
    await fakeBrowser.storage.sync.set({ settings: DEFAULT_SETTINGS });
    expect(heard).toEqual([['settings'], ['custom-domain:https://jira.acme.example']]);
  });

  it('tells the organisation’s domains only when they change', async () => {
    const domains: string[][] = [];
    const stop = onOrgDomainsChanged((next) => domains.push(next));
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, weeklyThankGoal: 4 } });
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, orgDomains: ['acme.example'] },
    });
    stop();
    expect(domains).toEqual([['acme.example']]);
  });
});

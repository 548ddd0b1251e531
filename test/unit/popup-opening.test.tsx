// @vitest-environment happy-dom
/**
 * The popup's opening: popup.html's early script paints this week's numbers as the popup's
 * address carries them, before anything is read; the module paints in its place, reads the log
 * (creating it, or saying what is wrong) and shows what it read, and gives the address the
 * numbers it read for the next opening.
 */
import { openDB } from 'idb';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '@/public/_locales/en/messages.json';
import { translatorFor } from '@/lib/i18n';
import { openStore } from '@/lib/store';
import { DB_NAME, DB_VERSION } from '@/lib/store/schema';
import type { WeeklyBalance } from '@/lib/balance';
import { popupAddressWith, weekNumbersIn, type WeekNumbers } from '@/lib/week-numbers';

const HAND_OVER = Symbol.for('inside-out:popup-opening');
const t = translatorFor(english);

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = ((key: Parameters<typeof t>[0], subs?: string[]) =>
    key.startsWith('@@') ? '' : t(key, ...(subs ?? []))) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
  // Each test loads the popup's modules afresh, as each opening of the popup does.
  vi.resetModules();
  delete (globalThis as Record<symbol, unknown>)[HAND_OVER];
  document.body.innerHTML = '<div id="app"></div>';
  history.replaceState(null, '', '/popup.html');
  popupAddress = 'popup.html';
  fakeBrowser.action.setPopup = vi.fn(async ({ popup }: { popup: string | null }) => {
    popupAddress = popup ?? 'popup.html';
  }) as typeof fakeBrowser.action.setPopup;
});

/** The address the toolbar button opens (the browser's action keeps it). */
let popupAddress = 'popup.html';
afterEach(async () => {
  render(null, document.getElementById('app')!);
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
});

/** This week: two colleagues (one twice) and a customer, and one thank-you. */
async function logAWeek(): Promise<void> {
  const store = await openStore(DB_NAME, () => {});
  const settings = { timeZone: '' };
  const person = (name: string, relationship: 'internal' | 'external') =>
    store.createPerson({
      name,
      emails: [],
      handles: [],
      relationship,
      relationshipSource: 'manual',
    });
  const [rosa, ivan, pat] = await Promise.all([
    person('Rosa Delgado', 'internal'),
    person('Ivan Petrov', 'internal'),
    person('Pat Kim', 'external'),
  ]);
  const now = Date.now();
  for (const [who, thread] of [
    [rosa, 'a'],
    [rosa, 'b'],
    [ivan, 'c'],
    [pat, 'd'],
  ] as const) {
    await store.logInteraction(
      {
        personId: who.id,
        at: now,
        kind: 'mail',
        tool: 'gmail',
        threadKey: `gmail:${thread}`,
        source: 'detected',
      },
      settings,
    );
  }
  await store.addAppreciation({
    personId: rosa.id,
    message: 'Thank you, Rosa.',
    channel: 'copied',
  });
  store.close();
}

/** The background's reading after a change (loaded afresh, as each test's log is new). */
async function refreshWeekNumbers(): Promise<void> {
  await (await import('@/entrypoints/background/week-numbers')).refreshWeekNumbers();
}

/** Opens the popup as the toolbar button does: at its address, the early script first. */
async function openPopup({ moduleFirst = false } = {}) {
  history.replaceState(null, '', `/${popupAddress}`);
  const earlyScript = async () => (await import('@/entrypoints/popup-opening')).default.main();
  const module = async () => {
    const { takeOverFirstPaint } = await import('@/platform/popup-opening');
    const { App } = await import('@/entrypoints/popup/App');
    takeOverFirstPaint();
    render(<App />, document.getElementById('app')!);
  };
  if (moduleFirst) {
    await module();
    await earlyScript();
  } else {
    await earlyScript();
    const painted = balance()?.dataset.internal;
    await module();
    return painted;
  }
}

/** Numbers of this week as if the log had said them earlier: 9 internal, 4 external. */
function keptNumbers(now = Date.now()): WeekNumbers {
  const balance: WeeklyBalance = {
    start: now - 1000,
    end: now + 60 * 60 * 1000,
    internal: 9,
    external: 4,
    unknown: 0,
    internalPeople: 5,
    externalPeople: 2,
    unknownPeople: 0,
    thanks: 2,
    thankGoal: 3,
    checkIns: 1,
    internalShare: 9 / 13,
    position: 'balanced',
  };
  return { balance, band: { min: 0.3, max: 0.7 } };
}

async function databases(): Promise<Record<string, number | undefined>> {
  return Object.fromEntries((await indexedDB.databases()).map((d) => [d.name, d.version]));
}

/** The popup's own read (open, maybe create, read) on a loaded machine: a state, not a time. */
const SETTLED = { timeout: 10_000 };
const balance = () => document.querySelector<HTMLElement>('[data-testid="balance"]');

describe("the popup's address", () => {
  it("carries this week's numbers whole, and nothing else", () => {
    const kept = keptNumbers();
    const address = popupAddressWith({
      ...kept,
      balance: { ...kept.balance, extra: 'not ours' } as WeeklyBalance,
    });
    expect(address.startsWith('popup.html#')).toBe(true);
    expect(address).not.toContain('not ours');
    expect(weekNumbersIn(new URL(address, 'chrome-extension://x/').hash, Date.now())).toEqual(kept);
  });

  it('carries nothing from a week that has ended, or from a fragment that is not ours', () => {
    const kept = keptNumbers();
    const hash = (numbers: unknown) => `#${encodeURIComponent(JSON.stringify(numbers))}`;
    expect(weekNumbersIn(hash(kept), kept.balance.end)).toBeUndefined();
    for (const wrong of [
      '',
      '#',
      '#%E0%A4%A',
      '#not-json',
      hash(null),
      hash({ balance: kept.balance }),
      hash({ ...kept, balance: { ...kept.balance, internal: 'nine' } }),
      hash({ ...kept, balance: { ...kept.balance, position: 'upside-down' } }),
      hash({ ...kept, band: { min: '0.3', max: 0.7 } }),
    ])
      expect(weekNumbersIn(wrong, Date.now()), wrong).toBeUndefined();
  });

  it('is given the numbers of the log by the background after a change', async () => {
    await logAWeek();
    await refreshWeekNumbers();
    expect(weekNumbersIn(new URL(popupAddress, 'x:/').hash, Date.now())?.balance).toMatchObject({
      internal: 3,
      internalPeople: 2,
      external: 1,
      thanks: 1,
    });
  });
});

describe("the popup's first render", () => {
  const shown = () => document.querySelectorAll('[data-testid="balance"]').length;

  it('paints the numbers its address carries before anything is read, and the module keeps them', async () => {
    popupAddress = popupAddressWith(keptNumbers());
    await logAWeek();
    const painted = await openPopup();
    // The early script's paint, before the module ran and before any read.
    expect(painted).toBe('9');
    // Right after the module's first render: one page, the same numbers, never "Loading…".
    expect(shown()).toBe(1);
    expect(balance()?.dataset).toMatchObject({ internal: '9', external: '4', thanks: '2' });
    expect(document.body.textContent).not.toContain(t('commonLoading'));
  });

  it("then shows what the log says, and gives the address the log's numbers", async () => {
    popupAddress = popupAddressWith(keptNumbers());
    await logAWeek();
    await openPopup();
    await vi.waitFor(() => expect(balance()?.dataset.internal).toBe('3'), SETTLED);
    expect(balance()?.dataset).toMatchObject({ external: '1', thanks: '1' });
    await vi.waitFor(() => expect(fakeBrowser.action.setPopup).toHaveBeenCalled(), SETTLED);
    expect(weekNumbersIn(new URL(popupAddress, 'x:/').hash, Date.now())?.balance).toMatchObject({
      internal: 3,
      external: 1,
      thanks: 1,
    });
  });

  it('leaves the address as it is when the log says the same', async () => {
    await logAWeek();
    await refreshWeekNumbers();
    const setPopup = vi.mocked(fakeBrowser.action.setPopup);
    setPopup.mockClear();
    expect(await openPopup()).toBe('3');
    await vi.waitFor(
      () => expect(document.querySelector('[data-testid="trend"]')).not.toBeNull(),
      SETTLED,
    );
    expect(setPopup).not.toHaveBeenCalled();
  });

  it('paints nothing early when the module runs first, which shows the numbers itself', async () => {
    popupAddress = popupAddressWith(keptNumbers());
    await logAWeek();
    await openPopup({ moduleFirst: true });
    expect(shown()).toBe(1);
    expect(balance()?.dataset.internal).toBe('9');
  });

  it('paints nothing from a week that has ended: the log is read first', async () => {
    popupAddress = popupAddressWith(keptNumbers(Date.now() - 8 * 24 * 60 * 60 * 1000));
    await logAWeek();
    expect(await openPopup()).toBeUndefined();
    expect(document.body.textContent).toContain(t('commonLoading'));
    await vi.waitFor(() => expect(balance()?.dataset.internal).toBe('3'), SETTLED);
  });

  it('reads the log itself when the address carries nothing, and creates a new one', async () => {
    await openPopup();
    await vi.waitFor(
      () => expect(document.querySelector('[data-testid="first-week"]')).not.toBeNull(),
      SETTLED,
    );
    expect(balance()?.dataset).toMatchObject({ internal: '0', external: '0', thanks: '0' });
    expect((await databases())[DB_NAME]).toBe(DB_VERSION);
  });

  it('says what is wrong when the log cannot be read at all (a newer version)', async () => {
    const newer = await openDB(DB_NAME, DB_VERSION + 1, {
      upgrade: (db) => void db.createObjectStore('from-the-future'),
    });
    newer.close();
    popupAddress = popupAddressWith(keptNumbers());
    await openPopup();
    const problem = () => document.querySelector<HTMLElement>('[data-testid="storage-problem"]');
    await vi.waitFor(() => expect(problem()).not.toBeNull(), SETTLED);
    expect(problem()!.dataset.problem).toBe('newer-version');
    expect(shown()).toBe(0);
    expect((await databases())[DB_NAME]).toBe(DB_VERSION + 1);
  });
});

// @vitest-environment happy-dom
/**
 * The popup's opening read, started by popup.html's early script and handed to its module: the
 * first render shows the week's numbers when the read has arrived; a log the early read must
 * leave alone (none yet, an older or a newer version) is left as it was and read by the popup
 * itself, which creates it, or says what is wrong.
 */
import { openDB } from 'idb';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '@/public/_locales/en/messages.json';
import { translatorFor } from '@/lib/i18n';
import { openStore } from '@/lib/store';
import { DB_NAME, DB_VERSION, MIGRATIONS } from '@/lib/store/schema';

const HAND_OVER = Symbol.for('inside-out:popup-opening');
const t = translatorFor(english);

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = ((key: Parameters<typeof t>[0], subs?: string[]) =>
    t(key, ...(subs ?? []))) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
  // Each test loads the popup's modules afresh, as each opening of the popup does.
  vi.resetModules();
  delete (globalThis as Record<symbol, unknown>)[HAND_OVER];
  document.body.innerHTML = '<div id="app"></div>';
});
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

async function earlyRead() {
  const { earlyPopupOpening, startPopupOpening } = await import('@/platform/popup-opening');
  startPopupOpening();
  const early = earlyPopupOpening()!;
  return { early, read: await early.reading };
}

async function databases(): Promise<Record<string, number | undefined>> {
  return Object.fromEntries((await indexedDB.databases()).map((d) => [d.name, d.version]));
}

/** The popup's own read (open, maybe create, read) on a loaded machine: a state, not a time. */
const SETTLED = { timeout: 10_000 };
const balance = () => document.querySelector<HTMLElement>('[data-testid="balance"]');

describe("the popup's early read", () => {
  it("reads this week's numbers from a log at the current version", async () => {
    await logAWeek();
    const { early, read } = await earlyRead();
    expect(read?.balance).toMatchObject({
      internal: 3,
      internalPeople: 2,
      external: 1,
      externalPeople: 1,
      thanks: 1,
    });
    expect(early.read).toBe(read);
    read!.reader.close();
  });

  it('steps aside when a newer version takes the log over, and its reads then say so', async () => {
    await logAWeek();
    const { read } = await earlyRead();
    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    newer.close();
    await expect(read!.reader.weekSummary(read!.settings)).rejects.toThrow(
      expect.objectContaining({ name: 'LogUpdatedError' }),
    );
  });

  it('leaves a log that does not exist yet to the store: nothing is created', async () => {
    const { read } = await earlyRead();
    expect(read).toBeUndefined();
    expect(await databases()).not.toHaveProperty(DB_NAME);
  });

  it('leaves a log that needs a migration as it was', async () => {
    const older = await openDB(DB_NAME, 1, {
      upgrade: (db, _o, _n, tx) => MIGRATIONS[0]!(db as never, tx as never),
    });
    older.close();
    const { read } = await earlyRead();
    expect(read).toBeUndefined();
    expect((await databases())[DB_NAME]).toBe(1);
  });
});

describe("the popup's first render", () => {
  it('shows the numbers of the early read at once, never "Loading…"', async () => {
    await logAWeek();
    await earlyRead();
    const { App } = await import('@/entrypoints/popup/App');
    render(<App />, document.getElementById('app')!);
    // Right after the first render, before any effect or promise has run.
    expect(balance()?.dataset).toMatchObject({ internal: '3', external: '1', thanks: '1' });
    expect(document.body.textContent).not.toContain(t('commonLoading'));
  });

  it('reads the log itself when the early read had nothing, and creates a new one', async () => {
    await earlyRead();
    const { App } = await import('@/entrypoints/popup/App');
    render(<App />, document.getElementById('app')!);
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
    const { read } = await earlyRead();
    expect(read).toBeUndefined();
    const { App } = await import('@/entrypoints/popup/App');
    render(<App />, document.getElementById('app')!);
    const problem = () => document.querySelector<HTMLElement>('[data-testid="storage-problem"]');
    await vi.waitFor(() => expect(problem()).not.toBeNull(), SETTLED);
    expect(problem()!.dataset.problem).toBe('newer-version');
    expect(document.body.textContent).not.toContain(t('commonLoading'));
    expect((await databases())[DB_NAME]).toBe(DB_VERSION + 1);
  });
});

import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Translate } from '@/lib/i18n';
import {
  describeFailedRead,
  describeFailedWrite,
  describeOpenProblem,
  storageProblemOf,
} from '@/lib/storage-errors';
import { openStore } from '@/lib/store';
import { openDatabase } from '@/lib/store/reader';
import { DB_VERSION, upgrade, type InsideOutDB } from '@/lib/store/schema';

const t = ((key: string, ...subs: unknown[]) => [key, ...subs].join(':')) as Translate;
let next = 0;
const freshName = () => `storage-open-${++next}`;

/** What opening the log ended in: the database, or the error it was refused with. */
async function outcome(name: string): Promise<{ opened: boolean; problem?: string }> {
  try {
    (await openDatabase(name)).close();
    return { opened: true };
  } catch (error) {
    return { opened: false, problem: storageProblemOf(error) };
  }
}

describe('opening the log never waits forever', () => {
  it('a log written by a newer version (a downgrade) is refused as such, and left as it was', async () => {
    const name = freshName();
    const newer = await openDB(name, DB_VERSION + 1, {
      upgrade: (db) => void db.createObjectStore('from-the-future'),
    });
    newer.close();
    expect(await outcome(name)).toEqual({ opened: false, problem: 'newer-version' });
    const after = await openDB(name);
    expect(after.version).toBe(DB_VERSION + 1);
    expect([...after.objectStoreNames]).toEqual(['from-the-future']);
    after.close();
  });

  it('an upgrade held up by an older page that stays open fails at once as "blocked"', async () => {
    const name = freshName();
    // An older version's page that keeps the log open and ignores requests to close it.
    const older = await openDB<InsideOutDB>(name, DB_VERSION - 1, {
      upgrade: (db, oldVersion, newVersion, tx) => upgrade(db, oldVersion, newVersion, tx),
    });
    expect(await outcome(name)).toEqual({ opened: false, problem: 'blocked' });
    older.close();
  });

  it('an open log steps aside when a newer version asks, so it never blocks an upgrade', async () => {
    const name = freshName();
    const ours = await openDatabase(name);
    const newer = await openDB(name, DB_VERSION + 1);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    ours.close();
  });
});

describe('what a page says when the log cannot be opened', () => {
  const denied = Object.assign(new Error('The user denied permission to access the database.'), {
    name: 'UnknownError',
  });

  it('the in-page sidebar points to the side panel; a page of its own, to the settings', () => {
    expect(describeOpenProblem(denied, t, 'frame')).toBe('storageDenied');
    expect(describeOpenProblem(denied, t, 'page')).toBe('storageDeniedPage');
  });

  it('other problems read the same everywhere', () => {
    const version = Object.assign(new Error('less than the existing version'), {
      name: 'VersionError',
    });
    expect(describeOpenProblem(version, t, 'page')).toBe('storageNewerVersion');
    expect(describeOpenProblem(version, t, 'frame')).toBe('storageNewerVersion');
  });
});

describe('a page open while a newer version takes the log over', () => {
  it('steps aside, and then says the extension was updated instead of failing obscurely', async () => {
    const name = freshName();
    const store = await openStore(name, () => undefined);
    await store.listPeople();
    // The updated extension opens the log at its own, newer version: this page must not block it.
    const newer = await openDB(name, DB_VERSION + 1, {
      upgrade: (db) => void db.createObjectStore('from-the-update'),
    });
    newer.close();
    const failed = await store.listPeople().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(storageProblemOf(failed)).toBe('updated');
    expect(describeFailedRead(failed, t)).toBe('storageUpdated');
    expect(describeFailedWrite(failed, t)).toBe('storageWriteFailed:storageUpdated');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { english } from '@/lib/english';
import { exportAll, exportJson, parseImport, type ExportFile } from '@/lib/io';
import { DEFAULT_SETTINGS, newId } from '@/lib/model';
import { openStore, type Store } from '@/lib/store';

const settings = { ...DEFAULT_SETTINGS, timeZone: 'UTC' };
const T = Date.UTC(2026, 10, 18, 9);
const HOUR = 3_600_000;
let store: Store;

beforeEach(async () => {
  store = await openStore(`import-merge-${newId()}`);
});
afterEach(() => store.close());

async function backup(now: number): Promise<ExportFile> {
  const parsed = parseImport(exportJson(await exportAll(store, now)), english);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.file;
}

async function seed() {
  const amy = await store.createPerson(
    {
      name: 'Amy Chen',
      emails: ['amy@globex.example'],
      handles: [],
      relationship: 'external',
      relationshipSource: 'rule',
    },
    T,
  );
  const log = (threadKey: string) =>
    store.logInteraction(
      { personId: amy.id, kind: 'ticket', tool: 'jira', threadKey, source: 'detected', at: T },
      settings,
      T,
    );
  const a = (await log('jira:A-1')).interaction!;
  const b = (await log('jira:A-2')).interaction!;
  const checkIn = await store.addCheckIn({ personId: amy.id, commitment: 'Weekly report' }, T);
  return { amy, a, b, checkIn };
}

describe('importing an older backup', () => {
  it('keeps notes, manual relationships, re-tags and deletions made since, and says so', async () => {
    const { amy, a, b, checkIn } = await seed();
    const old = await backup(T + HOUR);

    // After the backup: a note, a manual relationship (which re-labels the log), a re-tag, a
    // delivered commitment and a deletion.
    await store.savePerson(
      { ...(await store.getPerson(amy.id))!, notes: 'Night shift' },
      T + 2 * HOUR,
    );
    await store.setRelationship(amy.id, 'internal', T + 3 * HOUR);
    await store.retagInteraction(a.id, 'external', T + 4 * HOUR);
    await store.updateCheckIn(
      checkIn.id,
      { delivered: true, deliveredAt: T + 5 * HOUR },
      T + 5 * HOUR,
    );
    await store.deleteInteraction(b.id, T + 6 * HOUR);
    const now = await backup(T + 7 * HOUR);

    const result = await store.importRecords(old);
    expect(result).toEqual({ added: 0, updated: 0, unchanged: 0, keptNewer: 3, keptDeleted: 1 });
    expect(await backup(T + 7 * HOUR)).toEqual(now);
    const kept = (await store.getPerson(amy.id))!;
    expect(kept.notes).toBe('Night shift');
    expect(kept.relationship).toBe('internal');
    expect((await store.getInteraction(a.id))!.relationship).toBe('external');
    expect(await store.getInteraction(b.id)).toBeUndefined();
  });

  it('takes a newer backup’s changes, and adds what the log lacks', async () => {
    const { amy, a } = await seed();
    const before = await backup(T + HOUR);
    await store.savePerson({ ...amy, notes: 'From the other laptop' }, T + 2 * HOUR);
    await store.retagInteraction(a.id, 'internal', T + 2 * HOUR);
    const newer = await backup(T + 3 * HOUR);

    const other = await openStore(`import-merge-other-${newId()}`);
    try {
      const parsedBefore = parseImport(exportJson(before), english);
      if (!parsedBefore.ok) throw new Error('invalid');
      await other.importRecords(parsedBefore.file);
      expect(await other.importRecords(newer)).toEqual({
        added: 0,
        updated: 2,
        unchanged: 2,
        keptNewer: 0,
        keptDeleted: 0,
      });
      expect((await other.getPerson(amy.id))!.notes).toBe('From the other laptop');
      expect((await other.getInteraction(a.id))!.relationship).toBe('internal');
    } finally {
      other.close();
    }
  });
});

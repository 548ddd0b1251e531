import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logRows, type LogRow } from '@/lib/log-groups';
import type { Appreciation, Interaction } from '@/lib/model';
import type { LogEntry } from '@/lib/store';

const T = Date.UTC(2026, 10, 18, 12);
let serial = 0;

function interaction(personId: string, fields: Partial<Interaction> = {}): LogEntry {
  const id = `I${String(++serial).padStart(5, '0')}`;
  const value: Interaction = {
    id,
    at: T,
    day: '2026-11-18',
    personId,
    relationship: 'internal',
    relationshipPinned: false,
    kind: 'ticket',
    tool: 'jira',
    threadKey: 'jira:brightwater:OPS-7',
    title: 'Loading dock hours',
    source: 'detected',
    dedupeKey: id,
    ...fields,
  };
  return { type: 'interaction', at: value.at, id, interaction: value };
}

function thanks(personId: string): LogEntry {
  const id = `A${String(++serial).padStart(5, '0')}`;
  const value: Appreciation = { id, at: T, personId, message: 'Thank you', channel: 'copied' };
  return { type: 'appreciation', at: T, id, appreciation: value };
}

const shape = (rows: LogRow[]) =>
  rows.map((row) =>
    row.type === 'group'
      ? `group(${row.entries.map((e) => e.interaction.personId).join(',')})`
      : row.type === 'member'
        ? `  ${row.entry.interaction.personId}`
        : row.entry.type === 'interaction'
          ? row.entry.interaction.personId
          : `thanks ${row.entry.appreciation.personId}`,
  );

describe('the log as rows', () => {
  it('makes one row of a four-person ticket, naming the four in the log order', () => {
    const ticket = ['rosa', 'pat', 'ivan', 'dana'].map((p) => interaction(p));
    expect(shape(logRows(ticket, new Set()))).toEqual(['group(rosa,pat,ivan,dana)']);
  });

  it('keeps thank-yous, entries on no thread and one-person conversations as rows of their own', () => {
    const entries = [
      thanks('rosa'),
      interaction('grace', { threadKey: undefined, kind: 'in-person' }),
      interaction('lee', { threadKey: 'slack:T1:C9' }),
      interaction('rosa'),
      interaction('pat'),
    ];
    expect(shape(logRows(entries, new Set()))).toEqual([
      'thanks rosa',
      'grace',
      'lee',
      'group(rosa,pat)',
    ]);
  });

  it('keeps apart the same thread on another day, or again after something else', () => {
    const entries = [
      interaction('rosa'),
      interaction('pat'),
      interaction('ivan', { day: '2026-11-17' }),
      interaction('dana', { day: '2026-11-17' }),
      interaction('sam', { threadKey: undefined }),
      interaction('ivan', { day: '2026-11-17' }),
    ];
    expect(shape(logRows(entries, new Set()))).toEqual([
      'group(rosa,pat)',
      'group(ivan,dana)',
      'sam',
      'ivan',
    ]);
  });

  it("lists an open group's people right below it, one row each", () => {
    const entries = [thanks('lee'), interaction('rosa'), interaction('pat'), thanks('ivan')];
    const closed = logRows(entries, new Set());
    const key = closed[1]!.key;
    const rows = logRows(entries, new Set([key]));
    expect(shape(rows)).toEqual([
      'thanks lee',
      'group(rosa,pat)',
      '  rosa',
      '  pat',
      'thanks ivan',
    ]);
    expect(rows[1]).toMatchObject({ type: 'group', open: true });
    expect(rows[2]).toMatchObject({ type: 'member', group: key });
  });

  it('extends a group a page boundary cut, under the same key, so it stays open', () => {
    const ticket = ['rosa', 'pat', 'ivan', 'dana'].map((p) => interaction(p));
    const firstPage = logRows(ticket.slice(0, 2), new Set());
    const open = new Set([firstPage[0]!.key]);
    const bothPages = logRows(ticket, open);
    expect(bothPages[0]).toMatchObject({ key: firstPage[0]!.key, open: true });
    expect(shape(bothPages)).toEqual([
      'group(rosa,pat,ivan,dana)',
      '  rosa',
      '  pat',
      '  ivan',
      '  dana',
    ]);
  });

  it('shows every entry exactly once and in order, grouped or not (property)', () => {
    const entry = fc.oneof(
      fc.constantFrom('a', 'b', 'c').map((p) => thanks(p)),
      fc
        .record({
          person: fc.constantFrom('a', 'b', 'c', 'd'),
          thread: fc.constantFrom(undefined, 't1', 't2'),
          day: fc.constantFrom('2026-11-17', '2026-11-18'),
        })
        .map(({ person, thread, day }) => interaction(person, { threadKey: thread, day })),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), fc.boolean(), (entries, openAll) => {
        const groups = logRows(entries, new Set()).map((row) => row.key);
        const rows = logRows(entries, openAll ? new Set(groups) : new Set());
        const shown = rows.flatMap((row) =>
          row.type === 'group' ? (openAll ? [] : row.entries) : [row.entry],
        );
        expect(shown.map((e) => e.id)).toEqual(entries.map((e) => e.id));
        expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
        for (const row of rows)
          if (row.type === 'group') {
            expect(row.entries.length).toBeGreaterThan(1);
            const [first] = row.entries;
            for (const member of row.entries) {
              expect(member.interaction.threadKey).toBe(first!.interaction.threadKey);
              expect(member.interaction.day).toBe(first!.interaction.day);
            }
          }
      }),
    );
  });
});

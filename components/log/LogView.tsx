import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { resolveTimeZone } from '@/lib/balance';
import { logRows } from '@/lib/log-groups';
import { activeFilters, logEntryMatcher, NO_FILTERS, type LogFilters } from '@/lib/log-filters';
import type { Person, Relationship } from '@/lib/model';
import { describeFailedWrite } from '@/lib/storage-errors';
import type { LogEntry, Store } from '@/lib/store';
import { t } from '@/platform';
import { useSettings } from '../shared/hooks';
import { LogFilterForm } from './LogFilterForm';
import { LogRowView, type LogRowActions } from './LogRows';
import { ManualEntry } from './ManualEntry';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 64;
const PAGE = 150;

/**
 * The whole log, newest first, a page at a time, filling the panel; a conversation's people in
 * one row; filter, search, edit, delete with undo.
 */
export function LogView({ store, version }: { store: Store; version: number }) {
  const settings = useSettings();
  const timeZone = resolveTimeZone(settings.timeZone);
  const [people, setPeople] = useState<Map<string, Person>>(new Map());
  const [filters, setFilters] = useState<LogFilters>(NO_FILTERS);
  const [entries, setEntries] = useState<LogEntry[]>([]);
  const [done, setDone] = useState(false);
  const [undo, setUndo] = useState<{ entry: LogEntry; timer: number } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState('');
  const loading = useRef(false);
  const generation = useRef(0);

  useEffect(() => {
    void store.listPeople().then((list) => setPeople(new Map(list.map((p) => [p.id, p]))));
  }, [store, version]);

  const match = useMemo(
    () => logEntryMatcher(filters, people, timeZone),
    [filters, people, timeZone],
  );
  const rows = useMemo(() => logRows(entries, open), [entries, open]);

  const loadMore = useCallback(
    async (reset = false) => {
      if (loading.current && !reset) return;
      loading.current = true;
      const mine = ++generation.current;
      const last = reset ? undefined : entries[entries.length - 1];
      const page = await store.logPage({
        before: last && { at: last.at, id: last.id },
        limit: PAGE,
        match,
      });
      if (mine !== generation.current) return;
      setEntries((prev) => (reset ? page.entries : [...prev, ...page.entries]));
      setDone(page.done);
      loading.current = false;
    },
    [store, match, entries],
  );

  // Reload from the top when the filters or the log change.
  useEffect(() => {
    void loadMore(true);
  }, [store, match, version]);

  /** Runs a write; a failure (a full disk, storage taken away) is shown, never swallowed. */
  async function write(action: () => Promise<unknown>): Promise<boolean> {
    setFailure('');
    try {
      await action();
      return true;
    } catch (error) {
      setFailure(describeFailedWrite(error, t));
      return false;
    }
  }

  async function remove(entry: LogEntry) {
    const removed = await write(() =>
      entry.type === 'interaction'
        ? store.deleteInteraction(entry.id)
        : store.deleteAppreciation(entry.id),
    );
    if (!removed) return;
    if (undo) clearTimeout(undo.timer);
    setUndo({ entry, timer: window.setTimeout(() => setUndo(null), 10_000) });
  }

  async function restore() {
    if (!undo) return;
    clearTimeout(undo.timer);
    const entry = undo.entry;
    setUndo(null);
    await write(() =>
      entry.type === 'interaction'
        ? store.restoreInteraction(entry.interaction)
        : store.restoreAppreciation(entry.appreciation),
    );
  }

  const actions: LogRowActions = {
    people,
    timeZone,
    editing,
    onEdit: (entry) => setEditing(editing === entry.id ? null : entry.id),
    onRetag: (entry: LogEntry, relationship: Relationship) =>
      void write(() => store.retagInteraction(entry.id, relationship)).then(
        (ok) => ok && setEditing(null),
      ),
    onDelete: (entry) => void remove(entry),
    onToggle: (group) => {
      const next = new Set(open);
      if (!next.delete(group)) next.add(group);
      setOpen(next);
    },
  };
  const filtering = Object.keys(activeFilters(filters)).length > 0;

  return (
    <section aria-label={t('sharedLog')} class="log">
      <ManualEntry store={store} conversation={null} />
      <LogFilterForm
        filters={filters}
        people={[...people.values()].sort((a, b) => a.name.localeCompare(b.name))}
        onChange={setFilters}
      />
      {failure && (
        <p role="alert" class="error" data-testid="write-error">
          {failure}
        </p>
      )}
      {undo && (
        <p role="status" class="prompt">
          {t('logDeleted')}{' '}
          <button type="button" data-testid="undo" onClick={() => void restore()}>
            {t('logUndo')}
          </button>
        </p>
      )}
      {entries.length === 0 && done ? (
        <p class="empty" data-testid="log-empty">
          {filtering ? t('logNoMatch') : t('logEmpty')}
        </p>
      ) : (
        <VirtualList
          label={t('logListLabel')}
          testId="log-list"
          items={rows}
          rowHeight={ROW_HEIGHT}
          keyOf={(row) => row.key}
          onNearEnd={done ? undefined : () => void loadMore()}
          render={(row) => <LogRowView row={row} actions={actions} />}
        />
      )}
    </section>
  );
}

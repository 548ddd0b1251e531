import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { localDay, resolveTimeZone } from '@/lib/balance';
import type { MessageKey } from '@/lib/i18n';
import {
  channelsOf,
  CIRCLES,
  type Circle,
  type InteractionKind,
  type Person,
  type Relationship,
} from '@/lib/model';
import { TOOL_LABELS, TOOLS } from '@/lib/sites';
import { describeFailedWrite } from '@/lib/storage-errors';
import type { LogEntry, Store } from '@/lib/store';
import { t, uiLocale } from '@/platform';
import { useSettings } from '../shared/hooks';
import { CHANNEL_LABELS } from '../shared/labels';
import { ManualEntry } from './ManualEntry';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 64;
const PAGE = 150;

const CIRCLE_LABELS: Record<Circle, MessageKey> = {
  'own-team': 'logCircleOwnTeam',
  'other-department': 'logCircleOtherDepartment',
  'support-staff': 'logCircleSupportStaff',
  customer: 'logCircleCustomer',
  partner: 'logCirclePartner',
};
const RELATIONSHIP_LABELS: Record<Relationship, MessageKey> = {
  internal: 'logRelationshipInternal',
  external: 'logRelationshipExternal',
  unknown: 'logRelationshipUnknown',
};
const KIND_LABELS: Record<InteractionKind, MessageKey> = {
  mail: 'logKindMail',
  ticket: 'logKindTicket',
  chat: 'logKindChat',
  meeting: 'logKindMeeting',
  'in-person': 'logKindInPerson',
  call: 'logKindCall',
};

interface Filters {
  side: '' | Relationship | 'thanks';
  tool: string;
  person: string;
  circle: string;
  from: string;
  to: string;
  search: string;
}
const NO_FILTERS: Filters = {
  side: '',
  tool: '',
  person: '',
  circle: '',
  from: '',
  to: '',
  search: '',
};

/** The whole log, newest first, a page at a time; filter, search, edit, delete with undo. */
export function LogView({ store, version }: { store: Store; version: number }) {
  const settings = useSettings();
  const timeZone = resolveTimeZone(settings.timeZone);
  const [people, setPeople] = useState<Map<string, Person>>(new Map());
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = useState<LogEntry[]>([]);
  const [done, setDone] = useState(false);
  const [undo, setUndo] = useState<{ entry: LogEntry; timer: number } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [failure, setFailure] = useState('');
  const loading = useRef(false);
  const generation = useRef(0);

  useEffect(() => {
    void store.listPeople().then((list) => setPeople(new Map(list.map((p) => [p.id, p]))));
  }, [store, version]);

  const match = useMemo(() => {
    const search = filters.search.trim().toLowerCase();
    return (entry: LogEntry) => {
      const personId =
        entry.type === 'interaction' ? entry.interaction.personId : entry.appreciation.personId;
      const person = people.get(personId);
      if (filters.side === 'thanks' && entry.type !== 'appreciation') return false;
      if (filters.side && filters.side !== 'thanks') {
        if (entry.type !== 'interaction' || entry.interaction.relationship !== filters.side)
          return false;
      }
      if (filters.tool && (entry.type !== 'interaction' || entry.interaction.tool !== filters.tool))
        return false;
      if (filters.person && personId !== filters.person) return false;
      if (filters.circle && person?.circle !== filters.circle) return false;
      if (filters.from && localDay(entry.at, timeZone) < filters.from) return false;
      if (filters.to && localDay(entry.at, timeZone) > filters.to) return false;
      if (search) {
        const text = [
          person?.name,
          entry.type === 'interaction' ? entry.interaction.title : entry.appreciation.message,
          entry.type === 'interaction' ? entry.interaction.note : entry.appreciation.whatTheyDid,
        ]
          .join(' ')
          .toLowerCase();
        if (!text.includes(search)) return false;
      }
      return true;
    };
  }, [filters, people, timeZone]);

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

  const set = (key: keyof Filters) => (e: Event) =>
    setFilters({ ...filters, [key]: (e.currentTarget as HTMLInputElement).value });
  const peopleList = [...people.values()].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section aria-label={t('sharedLog')}>
      <ManualEntry store={store} conversation={null} />
      <details class="filters">
        <summary>{t('logFilters')}</summary>
        <label>
          {t('logSearch')}
          <input
            type="search"
            value={filters.search}
            onInput={set('search')}
            data-testid="log-search"
          />
        </label>
        <label>
          {t('logSide')}
          <select value={filters.side} onChange={set('side')} data-testid="filter-side">
            <option value="">{t('logAll')}</option>
            <option value="internal">{t('logSideInternal')}</option>
            <option value="external">{t('logSideExternal')}</option>
            <option value="unknown">{t('logSideUnknown')}</option>
            <option value="thanks">{t('logSideThanks')}</option>
          </select>
        </label>
        <label>
          {t('logTool')}
          <select value={filters.tool} onChange={set('tool')}>
            <option value="">{t('logAll')}</option>
            {TOOLS.map((tool) => (
              <option key={tool} value={tool}>
                {TOOL_LABELS[tool]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('logPerson')}
          <select value={filters.person} onChange={set('person')}>
            <option value="">{t('logEveryone')}</option>
            {peopleList.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('logCircle')}
          <select value={filters.circle} onChange={set('circle')}>
            <option value="">{t('logAll')}</option>
            {CIRCLES.map((c) => (
              <option key={c} value={c}>
                {t(CIRCLE_LABELS[c])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('logFrom')} <input type="date" value={filters.from} onInput={set('from')} />
        </label>
        <label>
          {t('logTo')} <input type="date" value={filters.to} onInput={set('to')} />
        </label>
        <button type="button" onClick={() => setFilters(NO_FILTERS)}>
          {t('logClearFilters')}
        </button>
      </details>
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
          {filters === NO_FILTERS ? t('logEmpty') : t('logNoMatch')}
        </p>
      ) : (
        <VirtualList
          label={t('logListLabel')}
          items={entries}
          rowHeight={ROW_HEIGHT}
          height={420}
          keyOf={(e) => e.id}
          onNearEnd={done ? undefined : () => void loadMore()}
          render={(entry) => (
            <LogRow
              entry={entry}
              person={people.get(
                entry.type === 'interaction'
                  ? entry.interaction.personId
                  : entry.appreciation.personId,
              )}
              timeZone={timeZone}
              editing={editing === entry.id}
              onEdit={() => setEditing(editing === entry.id ? null : entry.id)}
              onRetag={async (relationship) => {
                if (await write(() => store.retagInteraction(entry.id, relationship))) {
                  setEditing(null);
                }
              }}
              onDelete={() => void remove(entry)}
            />
          )}
        />
      )}
    </section>
  );
}

function LogRow(props: {
  entry: LogEntry;
  person?: Person;
  timeZone: string;
  editing: boolean;
  onEdit(): void;
  onRetag(relationship: Relationship): Promise<void>;
  onDelete(): void;
}) {
  const { entry, person, editing } = props;
  const name = person?.name ?? t('sharedSomeoneRemoved');
  const when = dateTimeFormat(props.timeZone).format(entry.at);
  const relationship = entry.type === 'interaction' ? entry.interaction.relationship : undefined;
  return (
    <div
      class="log-row"
      data-testid="log-entry"
      data-type={entry.type}
      data-relationship={relationship}
      data-person={name}
    >
      <div class="who">
        <strong>{entry.type === 'appreciation' ? t('logThanked', name) : name}</strong>
        {relationship && (
          <span class={`badge ${relationship}`}>{t(RELATIONSHIP_LABELS[relationship])}</span>
        )}
        <span class="meta">
          {t(
            'logRowMeta',
            when,
            entry.type === 'interaction'
              ? t(KIND_LABELS[entry.interaction.kind])
              : channelsOf(entry.appreciation)
                  .map((channel) => t(CHANNEL_LABELS[channel]))
                  .join(', '),
          )}
        </span>
      </div>
      <div class="meta ellipsis">
        {entry.type === 'interaction'
          ? (entry.interaction.title ?? entry.interaction.note ?? '')
          : entry.appreciation.message}
      </div>
      {editing && entry.type === 'interaction' ? (
        <div class="tags">
          <button type="button" onClick={() => void props.onRetag('internal')}>
            {t('logRetagInternal')}
          </button>
          <button type="button" onClick={() => void props.onRetag('external')}>
            {t('logRetagExternal')}
          </button>
          <button type="button" class="danger" data-testid="delete-entry" onClick={props.onDelete}>
            {t('logDelete')}
          </button>
          <button type="button" onClick={props.onEdit}>
            {t('logDone')}
          </button>
        </div>
      ) : (
        <div class="row-actions">
          {entry.type === 'interaction' ? (
            <button type="button" onClick={props.onEdit} aria-label={t('logEditLabel', name)}>
              {t('logEdit')}
            </button>
          ) : (
            <button
              type="button"
              data-testid="delete-entry"
              onClick={props.onDelete}
              aria-label={t('logDeleteThanksLabel', name)}
            >
              {t('logDelete')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per zone: building an Intl formatter per row made scrolling janky. */
function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(uiLocale(), {
      timeZone,
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    formats.set(timeZone, format);
  }
  return format;
}

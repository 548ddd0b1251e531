import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate } from '@/lib/dates';
import { countText, type MessageKey } from '@/lib/i18n';
import { CIRCLES, THANK_PREFERENCES, type Person } from '@/lib/model';
import { ValidationError } from '@/lib/model';
import type { MergeUndo, PersonActivity, Store } from '@/lib/store';
import { personPatch } from '@/lib/people';
import { describeFailedWrite } from '@/lib/storage-errors';
import { t, uiLocale } from '@/platform';
import { CIRCLE_LABELS, PREFERENCE_LABELS } from '../shared/labels';
import { ChoiceSelect } from '../shared/ChoiceSelect';

/** How long "Merged … — Undo" stays. */
const UNDO_FOR = 10_000;
const RELATIONSHIP_BADGES: Record<Person['relationship'], MessageKey> = {
  internal: 'peopleBadgeInternal',
  external: 'peopleBadgeExternal',
  unknown: 'peopleBadgeUnknown',
};

type Row = Person & { activity: PersonActivity };

/** Everyone met: relationship, circle, role, last interaction, last thanked; edit and merge. */
export function PeopleView({
  store,
  version,
  onThank,
}: {
  store: Store;
  version: number;
  onThank(p: Person): void;
}) {
  const [rows, setRows] = useState<Row[]>([]);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [merged, setMerged] = useState<{ message: string; undo?: MergeUndo } | null>(null);
  const mergedTimer = useRef<number>();
  useEffect(() => () => clearTimeout(mergedTimer.current), []);

  /** Says what happened (with Undo while it can be taken back) for a few seconds. */
  function announce(message: string, undo?: MergeUndo) {
    clearTimeout(mergedTimer.current);
    setMerged({ message, undo });
    mergedTimer.current = window.setTimeout(() => setMerged(null), UNDO_FOR);
  }

  async function undoMerge(undo: MergeUndo) {
    try {
      await store.undoMerge(undo);
      announce(t('peopleMergeUndone', undo.drop.name, undo.keep.name));
    } catch (error) {
      announce(
        error instanceof ValidationError
          ? t('peopleMergeUndoRefused', undo.keep.name)
          : describeFailedWrite(error, t),
      );
    }
  }

  useEffect(() => {
    void (async () => {
      const people = await store.listPeople();
      const withActivity = await Promise.all(
        people.map(async (p) => ({ ...p, activity: await store.personActivity(p.id) })),
      );
      withActivity.sort(
        (a, b) => (b.activity.lastInteractionAt ?? 0) - (a.activity.lastInteractionAt ?? 0),
      );
      setRows(withActivity);
    })();
  }, [store, version]);

  const q = query.trim().toLowerCase();
  const shown = q
    ? rows.filter((r) =>
        `${r.name} ${r.emails.join(' ')} ${r.team ?? ''}`.toLowerCase().includes(q),
      )
    : rows;
  if (rows.length === 0) {
    return (
      <p class="empty" data-testid="people-empty">
        {t('peopleEmpty')}
      </p>
    );
  }
  return (
    <section aria-label={t('peopleLabel')}>
      <label>
        {t('peopleFind')}
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      {/* Always in the page, so screen readers hear what is put in it. */}
      <p role="status" class={merged ? 'prompt' : 'visually-hidden'} data-testid="people-status">
        {merged?.message}{' '}
        {merged?.undo && (
          <button
            type="button"
            data-testid="undo-merge"
            onClick={() => void undoMerge(merged.undo!)}
          >
            {t('peopleUndo')}
          </button>
        )}
      </p>
      <ul class="people">
        {shown.map((row) => (
          <li
            key={row.id}
            data-testid="person"
            data-name={row.name}
            data-relationship={row.relationship}
          >
            <div class="who">
              <strong>{row.name}</strong>
              <span class={`badge ${row.relationship}`}>
                {t(RELATIONSHIP_BADGES[row.relationship])}
              </span>
              {row.circle && <span class="meta">{t(CIRCLE_LABELS[row.circle])}</span>}
            </div>
            <p class="meta">
              {[
                countText(
                  t,
                  row.activity.interactions,
                  'peopleInteractionsOne',
                  'peopleInteractionsOther',
                ),
                row.activity.thanks
                  ? countText(t, row.activity.thanks, 'peopleThanksOne', 'peopleThanksOther')
                  : t('peopleNotThankedYet'),
                row.activity.lastInteractionAt &&
                  t(
                    'peopleLastSeen',
                    formatDate('day', row.activity.lastInteractionAt, uiLocale()),
                  ),
                row.activity.lastThankedAt &&
                  t('peopleLastThanked', formatDate('day', row.activity.lastThankedAt, uiLocale())),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <div class="tags">
              <button type="button" data-testid="thank" onClick={() => onThank(row)}>
                {t('peopleThank')}
              </button>
              <button
                type="button"
                aria-expanded={open === row.id}
                onClick={() => setOpen(open === row.id ? null : row.id)}
              >
                {t('peopleEdit')}
              </button>
            </div>
            {open === row.id && (
              <PersonEditor
                person={row}
                others={rows.filter((r) => r.id !== row.id)}
                store={store}
                onDone={() => setOpen(null)}
                onMerged={(undo) =>
                  announce(t('peopleMerged', undo.drop.name, undo.keep.name), undo)
                }
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PersonEditor({
  person,
  others,
  store,
  onDone,
  onMerged,
}: {
  person: Person;
  others: Person[];
  store: Store;
  onDone(): void;
  /** Merged at once; the list offers to undo it. */
  onMerged(undo: MergeUndo): void;
}) {
  const [draft, setDraft] = useState<Person>(person);
  const [mergeWith, setMergeWith] = useState('');
  const [status, setStatus] = useState('');
  const field = (key: keyof Person) => (e: Event) =>
    setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value || undefined });

  async function save(event: Event) {
    event.preventDefault();
    try {
      await store.patchPerson(person.id, personPatch(person, draft));
      onDone();
    } catch (e) {
      setStatus(e instanceof ValidationError ? e.problems.join('; ') : describeFailedWrite(e, t));
    }
  }

  async function merge() {
    const other = others.find((o) => o.id === mergeWith);
    if (!other) return;
    try {
      const { undo } = await store.mergePeople(person.id, other.id);
      onDone();
      onMerged(undo);
    } catch (e) {
      setStatus(describeFailedWrite(e, t));
    }
  }

  return (
    <form class="editor" onSubmit={(e) => void save(e)}>
      <label>
        {t('peopleName')}
        <input
          value={draft.name}
          onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          required
        />
      </label>
      <label>
        {t('peopleRelationship')}
        <select
          value={draft.relationship}
          onChange={(e) =>
            setDraft({ ...draft, relationship: e.currentTarget.value as Person['relationship'] })
          }
        >
          <option value="internal">{t('peopleRelationshipInternal')}</option>
          <option value="external">{t('peopleRelationshipExternal')}</option>
          <option value="unknown">{t('peopleRelationshipUnknown')}</option>
        </select>
      </label>
      <label>
        {t('peopleCircle')}
        <ChoiceSelect
          value={draft.circle ?? ''}
          onChange={field('circle')}
          empty={t('peopleNoChoice')}
          choices={CIRCLES.map((c) => ({ value: c, label: t(CIRCLE_LABELS[c]) }))}
        />
      </label>
      <label>
        {t('peopleRole')}
        <input value={draft.role ?? ''} onInput={field('role')} />
      </label>
      <label>
        {t('peopleTeam')}
        <input value={draft.team ?? ''} onInput={field('team')} />
      </label>
      <label>
        {t('peopleThankPreference')}
        <select value={draft.thankPreference ?? ''} onChange={field('thankPreference')}>
          <option value="">{t('peopleNoChoice')}</option>
          {THANK_PREFERENCES.map((p) => (
            <option key={p} value={p}>
              {t(PREFERENCE_LABELS[p])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('peopleNotes')}
        <textarea value={draft.notes ?? ''} onInput={field('notes')} rows={3} />
      </label>
      <div class="actions">
        <button type="submit">{t('peopleSave')}</button>
        <button type="button" class="secondary" onClick={onDone}>
          {t('peopleCancel')}
        </button>
      </div>
      {others.length > 0 && (
        <fieldset>
          <legend>{t('peopleSamePerson')}</legend>
          <select
            value={mergeWith}
            onChange={(e) => setMergeWith(e.currentTarget.value)}
            aria-label={t('peopleMergeWith')}
          >
            <option value="">{t('peopleChooseDuplicate')}</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} {o.emails[0] ? `(${o.emails[0]})` : ''}
              </option>
            ))}
          </select>
          <button type="button" disabled={!mergeWith} onClick={() => void merge()}>
            {t('peopleMergeInto', person.name)}
          </button>
        </fieldset>
      )}
      <p role="alert">{status}</p>
    </form>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { CIRCLES, THANK_PREFERENCES, type Person } from '@/lib/model';
import { ValidationError } from '@/lib/model';
import type { PersonActivity, Store } from '@/lib/store';
import { announceStoreChange } from '@/platform';

const CIRCLE_LABELS: Record<(typeof CIRCLES)[number], string> = {
  'own-team': 'Own team',
  'other-department': 'Other department',
  'support-staff': 'Supporting cast',
  customer: 'Customer',
  partner: 'Partner',
};
const PREFERENCE_LABELS: Record<(typeof THANK_PREFERENCES)[number], string> = {
  privately: 'Privately',
  publicly: 'Publicly',
  'in-writing': 'In writing',
  'via-manager': 'By telling their manager',
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
        No one here yet. People appear as you open conversations in your tools, or when you log a
        meeting or a word at the front desk.
      </p>
    );
  }
  return (
    <section aria-label="People">
      <label>
        Find someone
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
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
              <span class={`badge ${row.relationship}`}>{row.relationship}</span>
              {row.circle && <span class="meta">{CIRCLE_LABELS[row.circle]}</span>}
            </div>
            <p class="meta">
              {row.activity.interactions} interactions · {row.activity.thanks} thanks · last seen{' '}
              {formatWhen(row.activity.lastInteractionAt)} · last thanked{' '}
              {formatWhen(row.activity.lastThankedAt)}
            </p>
            <div class="tags">
              <button type="button" data-testid="thank" onClick={() => onThank(row)}>
                Thank
              </button>
              <button
                type="button"
                aria-expanded={open === row.id}
                onClick={() => setOpen(open === row.id ? null : row.id)}
              >
                Edit
              </button>
            </div>
            {open === row.id && (
              <PersonEditor
                person={row}
                others={rows.filter((r) => r.id !== row.id)}
                store={store}
                onDone={() => setOpen(null)}
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
}: {
  person: Person;
  others: Person[];
  store: Store;
  onDone(): void;
}) {
  const [draft, setDraft] = useState<Person>(person);
  const [mergeWith, setMergeWith] = useState('');
  const [status, setStatus] = useState('');
  const field = (key: keyof Person) => (e: Event) =>
    setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value || undefined });

  async function save(event: Event) {
    event.preventDefault();
    try {
      if (draft.relationship !== person.relationship)
        await store.setRelationship(person.id, draft.relationship);
      const current = (await store.getPerson(person.id)) ?? person;
      await store.savePerson({
        ...draft,
        relationship: current.relationship,
        relationshipSource: current.relationshipSource,
      });
      announceStoreChange();
      onDone();
    } catch (e) {
      setStatus(e instanceof ValidationError ? e.problems.join('; ') : (e as Error).message);
    }
  }

  async function merge() {
    const other = others.find((o) => o.id === mergeWith);
    if (!other) return;
    if (!confirm(`Merge ${other.name} into ${person.name}? Their history moves to ${person.name}.`))
      return;
    await store.mergePeople(person.id, other.id);
    announceStoreChange();
    onDone();
  }

  return (
    <form class="editor" onSubmit={(e) => void save(e)}>
      <label>
        Name
        <input
          value={draft.name}
          onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          required
        />
      </label>
      <label>
        Relationship
        <select
          value={draft.relationship}
          onChange={(e) =>
            setDraft({ ...draft, relationship: e.currentTarget.value as Person['relationship'] })
          }
        >
          <option value="internal">Internal</option>
          <option value="external">External</option>
          <option value="unknown">Not sure</option>
        </select>
      </label>
      <label>
        Circle
        <select value={draft.circle ?? ''} onChange={field('circle')}>
          <option value="">—</option>
          {CIRCLES.map((c) => (
            <option key={c} value={c}>
              {CIRCLE_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Role
        <input value={draft.role ?? ''} onInput={field('role')} />
      </label>
      <label>
        Team
        <input value={draft.team ?? ''} onInput={field('team')} />
      </label>
      <label>
        Likes to be thanked
        <select value={draft.thankPreference ?? ''} onChange={field('thankPreference')}>
          <option value="">—</option>
          {THANK_PREFERENCES.map((p) => (
            <option key={p} value={p}>
              {PREFERENCE_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Private notes (never leave this device)
        <textarea value={draft.notes ?? ''} onInput={field('notes')} rows={3} />
      </label>
      <div class="actions">
        <button type="submit">Save</button>
        <button type="button" class="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
      {others.length > 0 && (
        <fieldset>
          <legend>Same person as someone else?</legend>
          <select
            value={mergeWith}
            onChange={(e) => setMergeWith(e.currentTarget.value)}
            aria-label="Merge with"
          >
            <option value="">Choose a duplicate…</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} {o.emails[0] ? `(${o.emails[0]})` : ''}
              </option>
            ))}
          </select>
          <button type="button" disabled={!mergeWith} onClick={() => void merge()}>
            Merge into {person.name}
          </button>
        </fieldset>
      )}
      <p role="alert">{status}</p>
    </form>
  );
}

function formatWhen(at: number | undefined): string {
  return at ? new Date(at).toLocaleDateString('en', { month: 'short', day: 'numeric' }) : 'never';
}

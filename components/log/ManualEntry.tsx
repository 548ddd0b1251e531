import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '@/lib/i18n';
import { AmbiguousNameError } from '@/lib/manual-entry';
import type { Conversation, InteractionKind, Person, Relationship } from '@/lib/model';
import { ValidationError } from '@/lib/model';
import type { Store } from '@/lib/store';
import { t } from '@/platform';
import { useSettings } from '../shared/hooks';
import { useStoreVersion } from '../shared/read-hooks';
import { NameCombobox, personDetail } from './NameCombobox';

const KINDS: Array<{ value: InteractionKind; label: MessageKey }> = [
  { value: 'in-person', label: 'manualKindInPerson' },
  { value: 'meeting', label: 'manualKindMeeting' },
  { value: 'call', label: 'manualKindCall' },
  { value: 'mail', label: 'manualKindMail' },
  { value: 'ticket', label: 'manualKindTicket' },
  { value: 'chat', label: 'manualKindChat' },
];

export interface ManualEntryProps {
  store: Store;
  /** When set, the entry is logged on this thread. */
  conversation: Conversation | null;
  /** Open by default (the side panel's "add what happened elsewhere"). */
  open?: boolean;
}

/**
 * "Someone else": log a person detection missed, or what happened away from the screen
 * (the reception desk, the loading dock, a call).
 */
export function ManualEntry({ store, conversation, open }: ManualEntryProps) {
  const settings = useSettings();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  // Unset: an existing person keeps theirs (and their past keeps its labels).
  const [relationship, setRelationship] = useState<Relationship | undefined>();
  // Several people share the typed name: the user says which one.
  const [candidates, setCandidates] = useState<Person[]>([]);
  const [pickedId, setPickedId] = useState<string>();
  const [kind, setKind] = useState<InteractionKind>(conversation?.kind ?? 'in-person');
  const [note, setNote] = useState('');
  const today = new Date().toLocaleDateString('en-CA');
  const [day, setDay] = useState(today);
  const [status, setStatus] = useState('');
  // Everyone in the log, for the name field's suggestions.
  const [people, setPeople] = useState<Person[]>([]);
  const version = useStoreVersion();
  useEffect(() => {
    void store.listPeople().then(setPeople);
  }, [store, version]);
  const picked = pickedId ? people.find((p) => p.id === pickedId) : undefined;

  async function submit(event: Event) {
    event.preventDefault();
    setStatus('');
    try {
      const trimmed = name.trim();
      if (!trimmed) {
        setStatus(t('manualNeedName'));
        return;
      }
      const person = await store.logManualEntry(
        {
          name: trimmed,
          email,
          relationship,
          personId: pickedId,
          interaction: {
            at: atOf(day, today),
            kind: conversation ? conversation.kind : kind,
            tool: conversation?.tool,
            threadKey: conversation?.threadKey,
            title: conversation?.title || undefined,
            url: conversation?.url,
            source: 'manual',
            note: note.trim() || undefined,
          },
        },
        settings,
      );
      setStatus(t('manualLogged', person.name));
      setName('');
      setEmail('');
      setNote('');
      setRelationship(undefined);
      setCandidates([]);
      setPickedId(undefined);
    } catch (error) {
      if (error instanceof AmbiguousNameError) {
        setCandidates(error.candidates);
        setStatus(t('manualWhichPerson', name.trim()));
        return;
      }
      setStatus(
        error instanceof ValidationError
          ? t('manualNotSaved', error.problems.join('; '))
          : t('manualNotSaved', (error as Error).message),
      );
    }
  }

  return (
    <details class="manual" open={open} data-testid="manual-details">
      <summary>{conversation ? t('manualSomeoneElse') : t('manualTitle')}</summary>
      <form onSubmit={(e) => void submit(e)} data-testid="manual-entry">
        <NameCombobox
          value={name}
          people={people}
          onInput={(typed) => {
            setName(typed);
            setCandidates([]);
            setPickedId(undefined);
          }}
          onPick={(person) => {
            setName(person.name);
            setCandidates([]);
            setPickedId(person.id);
          }}
        />
        {picked && (
          <p class="hint" data-testid="manual-picked">
            {t('manualPicked', picked.name, personDetail(picked))}
          </p>
        )}
        <label>
          {t('manualEmail')}
          <input type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        {candidates.length > 0 && (
          <fieldset data-testid="manual-candidates">
            <legend>{t('manualWhichPerson', name.trim())}</legend>
            {candidates.map((person) => (
              <label key={person.id} class="inline">
                <input
                  type="radio"
                  name="manual-person"
                  value={person.id}
                  data-testid="manual-candidate"
                  checked={pickedId === person.id}
                  onChange={() => setPickedId(person.id)}
                />
                {t('manualCandidate', person.name, personDetail(person))}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend>{t('manualTheyAre')}</legend>
          {([undefined, 'internal', 'external'] as const).map((value) => (
            <label key={value ?? 'as-before'} class="inline">
              <input
                type="radio"
                name="relationship"
                value={value ?? ''}
                checked={relationship === value}
                onChange={() => setRelationship(value)}
              />
              {value === undefined
                ? t('manualAsBefore')
                : value === 'internal'
                  ? t('manualInternal')
                  : t('manualExternal')}
            </label>
          ))}
        </fieldset>
        {!conversation && (
          <label>
            {t('manualHow')}
            <select
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as InteractionKind)}
            >
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {t(k.label)}
                </option>
              ))}
            </select>
          </label>
        )}
        {!conversation && (
          <label>
            {t('manualWhen')}
            <input
              type="date"
              value={day}
              max={today}
              onInput={(e) => setDay(e.currentTarget.value || today)}
            />
          </label>
        )}
        <label>
          {t('manualNote')}
          <input value={note} onInput={(e) => setNote(e.currentTarget.value)} maxLength={2000} />
        </label>
        <button type="submit" data-testid="manual-submit">
          {t('manualSubmit')}
        </button>
        <p role="status">{status}</p>
      </form>
    </details>
  );
}

/** Now for today; midday of an earlier day the user picked (so the local day is never in doubt). */
function atOf(day: string, today: string): number {
  if (day >= today) return Date.now();
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 12).getTime();
}

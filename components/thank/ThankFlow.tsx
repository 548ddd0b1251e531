import { useEffect, useRef, useState } from 'preact/hooks';
import { readDraft, type ComposerDraft } from '@/lib/drafts';
import type { Person } from '@/lib/model';
import type { Store } from '@/lib/store';
import { clearComposerDraft, loadComposerDraft, saveComposerDraft } from '@/platform';
import { Composer } from './Composer';
import { usePendingComposer } from '../shared/hooks';
import { PersonPicker } from './PersonPicker';

export interface ThankFlowState {
  thanking: Person | null;
  choices: Person[] | null;
  /** The draft kept from before the sidebar closed, for `thanking`. */
  draft?: ComposerDraft;
  thank(person: Person | null): void;
  choose(people: Person[] | null): void;
}

/**
 * Whom the user is thanking, including a composer asked for from elsewhere (menu, popup) and a
 * draft left open when the sidebar was closed, which reopens as it was.
 */
export function useThankFlow(
  store: Store | undefined,
  /** The in-page sidebar reopens a draft; the side panel opens where the user asked it to. */
  reopensDraft = false,
): ThankFlowState {
  const [thanking, setThanking] = useState<Person | null>(null);
  const [choices, choose] = useState<Person[] | null>(null);
  const [draft, setDraft] = useState<ComposerDraft>();
  // A new request (menu, shortcut, popup) wins over a draft kept from before.
  const asked = useRef(false);
  const thank = (person: Person | null) => {
    setDraft(undefined);
    setThanking(person);
    if (!person) void clearComposerDraft();
  };
  const offer = (people: Person[] | null) => {
    if (people) {
      setDraft(undefined);
      setThanking(null);
    }
    choose(people);
  };
  usePendingComposer(
    store,
    (person) => {
      asked.current = true;
      thank(person);
    },
    (people) => {
      asked.current = true;
      offer(people);
    },
  );
  useEffect(() => {
    if (!store || !reopensDraft) return;
    void (async () => {
      const kept = readDraft(await loadComposerDraft());
      const person = kept && (await store.getPerson(kept.personId));
      if (!kept || !person || asked.current) return;
      setDraft(kept);
      setThanking((current) => current ?? person);
    })();
  }, [store, reopensDraft]);
  return { thanking, choices, draft, thank, choose };
}

/** The picker when several people match, then the composer; nothing when no one is being thanked. */
export function ThankFlow(props: {
  store: Store;
  flow: ThankFlowState;
  /** What they did, as far as the page tells (the thread's title). */
  prefill?: string;
  canInsert?: boolean;
  onInsert?(text: string): Promise<boolean>;
}) {
  const { store, flow } = props;
  if (flow.choices && !flow.thanking) {
    return (
      <PersonPicker
        people={flow.choices}
        onPick={(p) => {
          flow.choose(null);
          flow.thank(p);
        }}
        onCancel={() => flow.choose(null)}
      />
    );
  }
  if (!flow.thanking) return null;
  const person = flow.thanking;
  const draft = flow.draft?.personId === person.id ? flow.draft : undefined;
  return (
    <Composer
      key={person.id}
      person={person}
      draft={draft}
      prefill={props.prefill}
      onDraft={(next) => void saveComposerDraft(next)}
      canInsert={props.canInsert}
      onInsert={props.onInsert}
      onDeliver={async ({ id, ...thanks }) => {
        const saved = await store.deliverAppreciation({ ...thanks, id, personId: person.id });
        return saved.id;
      }}
      onCancel={() => flow.thank(null)}
    />
  );
}

import { useState } from 'preact/hooks';
import type { Person } from '@/lib/model';
import type { Store } from '@/lib/store';
import { Composer } from './Composer';
import { usePendingComposer } from './hooks';
import { PersonPicker } from './PersonPicker';

export interface ThankFlowState {
  thanking: Person | null;
  choices: Person[] | null;
  thank(person: Person | null): void;
  choose(people: Person[] | null): void;
}

/** Whom the user is thanking, including a composer asked for from elsewhere (menu, popup). */
export function useThankFlow(store: Store | undefined): ThankFlowState {
  const [thanking, thank] = useState<Person | null>(null);
  const [choices, choose] = useState<Person[] | null>(null);
  usePendingComposer(store, thank, choose);
  return { thanking, choices, thank, choose };
}

/** The picker when several people match, then the composer; nothing when no one is being thanked. */
export function ThankFlow(props: {
  store: Store;
  flow: ThankFlowState;
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
  return (
    <Composer
      person={person}
      canInsert={props.canInsert}
      onInsert={props.onInsert}
      onSend={async (thanks) => {
        await store.addAppreciation({ ...thanks, personId: person.id });
      }}
      onCancel={() => flow.thank(null)}
    />
  );
}

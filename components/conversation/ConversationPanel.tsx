import { useLayoutEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { MessageKey } from '@/lib/i18n';
import type { Conversation, ConversationKind, Person, Relationship } from '@/lib/model';
import { personCardFacts, tomorrow, type PersonCardFacts } from '@/lib/person-card';
import type { ResolvedParticipant, Store } from '@/lib/store';
import { TOOL_LABELS } from '@/lib/sites';
import { describeFailedRead, describeFailedWrite } from '@/lib/storage-errors';
import { t } from '@/platform';
import { settingsWereRead, useSettings } from '../shared/hooks';
import { DomainOffer } from './DomainOffer';
import { ManualEntry } from '../log/ManualEntry';
import { PersonCard } from './PersonCard';
import { readView } from './view-read';

const KIND_LABEL: Record<ConversationKind, MessageKey> = {
  mail: 'logKindMail',
  ticket: 'logKindTicket',
  chat: 'logKindChat',
};

/** Said when the page shows a conversation but nobody in it could be read. */
const NO_ONE: Record<ConversationKind, MessageKey> = {
  mail: 'panelNoOneMail',
  ticket: 'panelNoOneTicket',
  chat: 'panelNoOneChat',
};

const LOG_THIS: Record<ConversationKind, MessageKey> = {
  mail: 'panelLogMail',
  ticket: 'panelLogTicket',
  chat: 'panelLogChat',
};

export interface ConversationPanelProps {
  store: Store;
  conversation: Conversation | null;
  /** Bumped when the log changes elsewhere, so people are re-read. */
  version: number;
  onThank(person: Person): void;
  /** Shown beside "can't read who is here" (issue 19's "Pick people on this page"). */
  unreadableActions?: ComponentChildren;
}

/**
 * Who is in the open conversation, each with one-click internal / external tags that stick to
 * the person and log the interaction. Shared by the in-page sidebar and the side panel's "Now".
 */
export function ConversationPanel({
  store,
  conversation,
  version,
  onThank,
  unreadableActions,
}: ConversationPanelProps) {
  const settings = useSettings();
  const [people, setPeople] = useState<ResolvedParticipant[]>([]);
  const [error, setError] = useState('');
  const [loggedIds, setLoggedIds] = useState<Set<string>>(new Set());
  const [facts, setFacts] = useState<Map<string, PersonCardFacts>>(new Map());
  // Whom the user tagged last, in which conversation: its domain may be offered for everyone.
  const [lastTagged, setLastTagged] = useState<{
    person: Person;
    relationship: Relationship;
    threadKey?: string;
  }>();

  // A layout effect starts the read in the same task as the render that shows the new
  // conversation; a plain effect waits for the next frame, a visible share of the sidebar's delay.
  useLayoutEffect(() => {
    let cancelled = false;
    if (!conversation) {
      setPeople([]);
      return;
    }
    // Read with the user's settings only: the defaults know no organisation's domains.
    if (!settingsWereRead()) return;
    void (async () => {
      try {
        // One read; new people are written (and announced) by a command inside it, once.
        const view = await readView(store, conversation, settings, version);
        if (cancelled) return;
        // The people are listed at once; each card's history follows (a person shown before
        // keeps theirs meanwhile).
        setPeople(view.people);
        setLoggedIds(view.loggedIds);
        const { activity, checkIns } = await view.facts;
        if (cancelled) return;
        const now = Date.now();
        const cards = new Map<string, PersonCardFacts>();
        for (const { person } of view.people) {
          cards.set(
            person.id,
            personCardFacts(
              activity.get(person.id) ?? {},
              checkIns,
              person.id,
              now,
              settings.timeZone,
            ),
          );
        }
        setFacts(cards);
      } catch (e) {
        if (!cancelled) setError(describeFailedRead(e, t));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [store, conversation, settings, version]);

  async function tag(person: Person, relationship: Relationship) {
    try {
      await store.tagPerson(person.id, relationship, conversation, settings);
      setLastTagged({ person, relationship, threadKey: conversation?.threadKey });
    } catch (e) {
      setError(describeFailedWrite(e, t));
    }
  }

  async function answerPromise(checkInId: string, delivered: boolean) {
    try {
      const now = Date.now();
      await store.updateCheckIn(
        checkInId,
        delivered
          ? { delivered: true, deliveredAt: now }
          : { followUpOn: tomorrow(now, settings.timeZone) },
      );
    } catch (e) {
      setError(describeFailedWrite(e, t));
    }
  }

  async function logAll() {
    if (!conversation) return;
    try {
      await store.logConversation(
        conversation,
        people.map((p) => p.person),
        settings,
        'manual',
      );
    } catch (e) {
      setError(describeFailedWrite(e, t));
    }
  }

  if (!conversation) {
    return (
      <section class="empty" data-testid="no-conversation">
        <p>{t('panelNothingOpen')}</p>
        <ManualEntry store={store} conversation={null} />
      </section>
    );
  }

  const allLogged = people.length > 0 && people.every((p) => loggedIds.has(p.person.id));
  return (
    <section data-testid="conversation" data-tool={conversation.tool} data-kind={conversation.kind}>
      <p class="eyebrow">
        {TOOL_LABELS[conversation.tool]} · {t(KIND_LABEL[conversation.kind])}
      </p>
      <h2 class="title">{conversation.title || t('panelUntitled')}</h2>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <DomainOffer
        key={conversation.threadKey}
        conversation={conversation}
        settings={settings}
        lastTagged={lastTagged?.threadKey === conversation.threadKey ? lastTagged : undefined}
      />
      {conversation.participants.length === 0 ? (
        // Never silent: the page's markup may have moved on, and nothing is logged by itself.
        <div class="unreadable" data-testid="unreadable" role="status">
          <p>{t(NO_ONE[conversation.kind])}</p>
          {unreadableActions}
        </div>
      ) : (
        <ul class="people" aria-label={t('panelPeopleLabel')}>
          {people.map(({ participant, person }) => (
            <PersonCard
              key={person.id}
              person={person}
              participant={participant}
              facts={facts.get(person.id)}
              onTag={(relationship) => void tag(person, relationship)}
              onThank={() => onThank(person)}
              onPromise={(id, delivered) => void answerPromise(id, delivered)}
            />
          ))}
        </ul>
      )}
      {people.length > 0 && (
        <p class="log-status">
          {allLogged ? (
            <span data-testid="logged">{t('panelLoggedToday')}</span>
          ) : (
            <button type="button" data-testid="log-now" onClick={() => void logAll()}>
              {t(LOG_THIS[conversation.kind])}
            </button>
          )}
        </p>
      )}
      <ManualEntry
        store={store}
        conversation={conversation}
        open={conversation.participants.length === 0}
      />
    </section>
  );
}

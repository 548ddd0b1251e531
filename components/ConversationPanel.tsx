import { useEffect, useState } from 'preact/hooks';
import {
  logConversation,
  resolveParticipants,
  type ResolvedParticipant,
} from '@/lib/conversations';
import type { Conversation, Person, Relationship } from '@/lib/model';
import type { Store } from '@/lib/store';
import { TOOL_LABELS } from '@/lib/sites';
import { announceStoreChange } from '@/platform';
import { useSettings } from './hooks';
import { ManualEntry } from './ManualEntry';

const RELATIONSHIP_LABEL: Record<Relationship, string> = {
  internal: 'Internal',
  external: 'External',
  unknown: 'Not sure yet',
};

export interface ConversationPanelProps {
  store: Store;
  conversation: Conversation | null;
  /** Bumped when the log changes elsewhere, so people are re-read. */
  version: number;
  onThank(person: Person): void;
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
}: ConversationPanelProps) {
  const settings = useSettings();
  const [people, setPeople] = useState<ResolvedParticipant[]>([]);
  const [error, setError] = useState('');
  const [loggedIds, setLoggedIds] = useState<Set<string>>(new Set());

  useEffect(() => {
    let cancelled = false;
    if (!conversation) {
      setPeople([]);
      return;
    }
    void (async () => {
      try {
        const resolved = await resolveParticipants(store, conversation, settings);
        const logged = new Set<string>();
        for (const { person } of resolved) {
          const withThem = await store.interactionsWith(person.id);
          if (withThem.some((i) => i.threadKey === conversation.threadKey)) logged.add(person.id);
        }
        if (cancelled) return;
        setPeople(resolved);
        setLoggedIds(logged);
      } catch (e) {
        if (!cancelled) setError(`Could not read the log: ${(e as Error).message}`);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [store, conversation, settings, version]);

  async function tag(person: Person, relationship: Relationship) {
    try {
      const updated = await store.setRelationship(person.id, relationship);
      if (conversation) await logConversation(store, conversation, [updated], settings, 'manual');
      announceStoreChange();
    } catch (e) {
      setError(`Could not save: ${(e as Error).message}`);
    }
  }

  async function logAll() {
    if (!conversation) return;
    await logConversation(
      store,
      conversation,
      people.map((p) => p.person),
      settings,
      'manual',
    );
    announceStoreChange();
  }

  if (!conversation) {
    return (
      <section class="empty" data-testid="no-conversation">
        <p>
          Nothing open here that Inside Out recognises. Open a thread, ticket or chat, or note who
          you are dealing with below.
        </p>
        <ManualEntry store={store} conversation={null} />
      </section>
    );
  }

  const allLogged = people.length > 0 && people.every((p) => loggedIds.has(p.person.id));
  return (
    <section data-testid="conversation" data-tool={conversation.tool} data-kind={conversation.kind}>
      <p class="eyebrow">
        {TOOL_LABELS[conversation.tool]} · {conversation.kind}
      </p>
      <h1 class="title">{conversation.title || 'Untitled conversation'}</h1>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {people.length === 0 ? (
        <p class="empty">No one recognised in this {conversation.kind}. Add them below.</p>
      ) : (
        <ul class="people" aria-label="People in this conversation">
          {people.map(({ participant, person }) => (
            <li
              key={person.id}
              data-testid="participant"
              data-name={person.name}
              data-email={participant.email ?? person.emails[0]}
              data-handle={participant.handle ?? person.handles[0]}
              data-relationship={person.relationship}
            >
              <div class="who">
                <strong>{person.name}</strong>
                <span class="meta">
                  {participant.role}
                  {participant.email ? ` · ${participant.email}` : ''}
                </span>
                <span class={`badge ${person.relationship}`}>
                  {RELATIONSHIP_LABEL[person.relationship]}
                  {person.relationshipSource === 'manual' ? '' : ' (guess)'}
                </span>
              </div>
              <div class="tags" role="group" aria-label={`Tag ${person.name}`}>
                <button
                  type="button"
                  data-testid="tag-internal"
                  aria-pressed={person.relationship === 'internal'}
                  onClick={() => void tag(person, 'internal')}
                >
                  Internal
                </button>
                <button
                  type="button"
                  data-testid="tag-external"
                  aria-pressed={person.relationship === 'external'}
                  onClick={() => void tag(person, 'external')}
                >
                  External
                </button>
                <button type="button" data-testid="thank" onClick={() => onThank(person)}>
                  Thank
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {people.length > 0 && (
        <p class="log-status">
          {allLogged ? (
            <span data-testid="logged">Logged today.</span>
          ) : (
            <button type="button" data-testid="log-now" onClick={() => void logAll()}>
              Log this {conversation.kind}
            </button>
          )}
        </p>
      )}
      <ManualEntry store={store} conversation={conversation} />
    </section>
  );
}

import { formatDate } from '@/lib/dates';
import type { MessageKey } from '@/lib/i18n';
import type { Participant, Person, Relationship } from '@/lib/model';
import type { PersonCardFacts } from '@/lib/person-card';
import { t, uiLocale } from '@/platform';
import { PersonFacts } from './PersonFacts';

const RELATIONSHIP_LABEL: Record<Relationship, MessageKey> = {
  internal: 'panelInternal',
  external: 'panelExternal',
  unknown: 'panelUnknown',
};

const ROLE_LABEL: Record<Participant['role'], MessageKey> = {
  sender: 'panelRoleSender',
  recipient: 'panelRoleRecipient',
  cc: 'panelRoleCc',
  requester: 'panelRoleRequester',
  assignee: 'panelRoleAssignee',
  author: 'panelRoleAuthor',
  member: 'panelRoleMember',
  mention: 'panelRoleMention',
};

export interface PersonCardProps {
  person: Person;
  participant: Participant;
  facts?: PersonCardFacts;
  onTag(relationship: Relationship): void;
  onThank(): void;
  /** The open promise: delivered, or not yet (its follow-up comes back tomorrow). */
  onPromise(checkInId: string, delivered: boolean): void;
}

/** A card's dates are days: "Mon, Nov 30" in the user's language. */
const cardDate = (at: number) => formatDate('day', at, uiLocale());

/**
 * One person in the open conversation: who they are to the user (a two-way internal / external
 * switch), when the user last worked with and thanked them, a promise still open to them.
 */
export function PersonCard({
  person,
  participant,
  facts,
  onTag,
  onThank,
  onPromise,
}: PersonCardProps) {
  const history = facts && [
    facts.lastTogetherAt !== undefined && t('cardLastTogether', cardDate(facts.lastTogetherAt)),
    facts.thanked === 'today'
      ? t('cardThankedToday')
      : facts.thanked === 'earlier'
        ? t('cardLastThanked', cardDate(facts.lastThankedAt!))
        : t('cardNeverThanked'),
  ];
  const promise = facts?.openPromise;
  return (
    <li
      data-testid="participant"
      data-name={person.name}
      data-email={participant.email ?? person.emails[0]}
      data-handle={participant.handle ?? person.handles[0]}
      data-relationship={person.relationship}
    >
      <div class="who">
        <strong>{person.name}</strong>
        <span class="meta">
          {t(ROLE_LABEL[participant.role])}
          {participant.email ? ` · ${participant.email}` : ''}
        </span>
        <span class={`badge ${person.relationship}`}>
          {person.relationshipSource === 'manual'
            ? t(RELATIONSHIP_LABEL[person.relationship])
            : t('panelGuessed', t(RELATIONSHIP_LABEL[person.relationship]))}
        </span>
      </div>
      <PersonFacts person={person} />
      {history && (
        <p class="meta" data-testid="person-history" data-thanked={facts!.thanked}>
          {history.filter(Boolean).join(' · ')}
        </p>
      )}
      {promise && (
        <div class="promise" data-testid="open-promise" data-due={promise.due}>
          <p class="meta">
            {t('cardPromise', promise.commitment)}
            {promise.followUpOn && !promise.due
              ? ` · ${t('cardFollowUpOn', cardDate(Date.parse(`${promise.followUpOn}T12:00`)))}`
              : ''}
          </p>
          {promise.due && (
            <div class="actions" role="group" aria-label={t('cardPromiseDue')}>
              <span class="meta">{t('cardPromiseDue')}</span>
              <button
                type="button"
                data-testid="promise-delivered"
                onClick={() => onPromise(promise.checkInId, true)}
              >
                {t('cardDelivered')}
              </button>
              <button
                type="button"
                data-testid="promise-not-yet"
                onClick={() => onPromise(promise.checkInId, false)}
              >
                {t('cardNotYet')}
              </button>
            </div>
          )}
        </div>
      )}
      <div class="tags" role="group" aria-label={t('panelTagPerson', person.name)}>
        <button
          type="button"
          data-testid="tag-internal"
          aria-pressed={person.relationship === 'internal'}
          onClick={() => onTag('internal')}
        >
          {t('panelInternal')}
        </button>
        <button
          type="button"
          data-testid="tag-external"
          aria-pressed={person.relationship === 'external'}
          onClick={() => onTag('external')}
        >
          {t('panelExternal')}
        </button>
        <button type="button" data-testid="thank" onClick={onThank}>
          {t('panelThank')}
        </button>
      </div>
    </li>
  );
}

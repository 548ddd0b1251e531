/** The log's rows: an entry, a conversation's people in one row, and each of them once opened. */
import { Component } from 'preact';
import { formatDate } from '@/lib/dates';
import { countText, type MessageKey } from '@/lib/i18n';
import type { LogRow } from '@/lib/log-groups';
import {
  channelsOf,
  type Interaction,
  type InteractionKind,
  type Person,
  type Relationship,
} from '@/lib/model';
import { TOOL_LABELS } from '@/lib/sites';
import type { LogEntry } from '@/lib/store';
import { t, uiLocale } from '@/platform';
import { CHANNEL_LABELS } from '../shared/labels';

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

export interface LogRowActions {
  people: ReadonlyMap<string, Person>;
  timeZone: string;
  /** The entry whose edit actions are showing. */
  editing: string | null;
  onEdit(entry: LogEntry): void;
  onRetag(entry: LogEntry, relationship: Relationship): void;
  onDelete(entry: LogEntry): void;
  onToggle(group: string): void;
}

interface LogRowProps {
  row: LogRow;
  actions: LogRowActions;
}

/**
 * One row of the list. Scrolling brings rows in and out but leaves a row and the view's actions
 * as they were, so a row already showing is not rendered again.
 */
export class LogRowView extends Component<LogRowProps> {
  override shouldComponentUpdate(next: LogRowProps): boolean {
    return next.row !== this.props.row || next.actions !== this.props.actions;
  }

  override render({ row, actions }: LogRowProps) {
    if (row.type === 'group') return <GroupRow row={row} actions={actions} />;
    return <EntryRow entry={row.entry} member={row.type === 'member'} actions={actions} />;
  }
}

/** Where it happened: the tool, or else how (in person, a call). */
const whereOf = (interaction: Interaction) =>
  interaction.tool ? TOOL_LABELS[interaction.tool] : t(KIND_LABELS[interaction.kind]);

const personOf = (entry: LogEntry) =>
  entry.type === 'interaction' ? entry.interaction.personId : entry.appreciation.personId;

function nameOf(entry: LogEntry, people: ReadonlyMap<string, Person>): string {
  return people.get(personOf(entry))?.name ?? t('sharedSomeoneRemoved');
}

/** One row naming everyone of a conversation; opening it lists each below with their actions. */
function GroupRow({
  row,
  actions,
}: {
  row: Extract<LogRow, { type: 'group' }>;
  actions: LogRowActions;
}) {
  const first = row.entries[0]!.interaction;
  return (
    <div class="log-row log-group" data-testid="log-group" data-count={row.entries.length}>
      <div class="names">
        {row.entries.map((entry, n) => (
          <span key={entry.id}>
            {n > 0 && ', '}
            {/* Closed, the row stands for each of its entries; open, the rows below do. */}
            <strong
              data-testid={row.open ? undefined : 'log-entry'}
              data-type="interaction"
              data-relationship={entry.interaction.relationship}
              data-person={nameOf(entry, actions.people)}
            >
              {nameOf(entry, actions.people)}
            </strong>
          </span>
        ))}
      </div>
      <div class="meta ellipsis">
        {t(
          'logRowMeta',
          formatDate('moment', row.entries[0]!.at, uiLocale(), actions.timeZone),
          whereOf(first),
        )}
        {first.title && ` · ${first.title}`}
      </div>
      <div class="row-actions">
        <button
          type="button"
          aria-expanded={row.open}
          data-testid="log-group-toggle"
          onClick={() => actions.onToggle(row.key)}
        >
          {countText(t, row.entries.length, 'commonPeopleOne', 'commonPeopleOther')}
        </button>
      </div>
    </div>
  );
}

function EntryRow({
  entry,
  member,
  actions,
}: {
  entry: LogEntry;
  member: boolean;
  actions: LogRowActions;
}) {
  const name = nameOf(entry, actions.people);
  const editing = actions.editing === entry.id;
  const relationship = entry.type === 'interaction' ? entry.interaction.relationship : undefined;
  const about =
    entry.type === 'interaction'
      ? (entry.interaction.title ?? entry.interaction.note)
      : entry.appreciation.message;
  return (
    <div
      class={member ? 'log-row log-member' : 'log-row'}
      data-testid="log-entry"
      data-type={entry.type}
      data-relationship={relationship}
      data-person={name}
    >
      <div class="names">
        <strong>{entry.type === 'appreciation' ? t('logThanked', name) : name}</strong>{' '}
        {relationship && (
          <span class={`badge ${relationship}`}>{t(RELATIONSHIP_LABELS[relationship])}</span>
        )}
      </div>
      <div class="meta ellipsis">
        {t(
          'logRowMeta',
          formatDate('moment', entry.at, uiLocale(), actions.timeZone),
          entry.type === 'interaction'
            ? whereOf(entry.interaction)
            : channelsOf(entry.appreciation)
                .map((channel) => t(CHANNEL_LABELS[channel]))
                .join(', '),
        )}
        {about && ` · ${about}`}
      </div>
      {editing && entry.type === 'interaction' ? (
        <div class="tags">
          <button type="button" onClick={() => actions.onRetag(entry, 'internal')}>
            {t('logRetagInternal')}
          </button>
          <button type="button" onClick={() => actions.onRetag(entry, 'external')}>
            {t('logRetagExternal')}
          </button>
          <button
            type="button"
            class="danger"
            data-testid="delete-entry"
            onClick={() => actions.onDelete(entry)}
          >
            {t('logDelete')}
          </button>
          <button type="button" onClick={() => actions.onEdit(entry)}>
            {t('logDone')}
          </button>
        </div>
      ) : (
        <div class="row-actions">
          {entry.type === 'interaction' ? (
            <button
              type="button"
              onClick={() => actions.onEdit(entry)}
              aria-label={t('logEditLabel', name)}
            >
              {t('logEdit')}
            </button>
          ) : (
            <button
              type="button"
              data-testid="delete-entry"
              onClick={() => actions.onDelete(entry)}
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

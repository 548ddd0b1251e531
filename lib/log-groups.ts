/**
 * The log's rows: one conversation's people, logged together, are one row naming them all
 * (a four-person ticket is one row, not four), which opens to a row per person. Pure, over the
 * entries loaded so far (newest first), so paging further down extends a group that a page
 * boundary cut.
 */
import type { Interaction } from './model';
import type { LogEntry } from './store';

type InteractionEntry = Extract<LogEntry, { type: 'interaction' }>;

export type LogRow =
  /** An entry on its own: a thank-you, something logged by hand, a conversation with one person. */
  | { type: 'entry'; key: string; entry: LogEntry }
  /** Several people of one conversation on one day; `open` when its people are listed below. */
  | { type: 'group'; key: string; entries: InteractionEntry[]; open: boolean }
  /** One person of an open group, right below it. */
  | { type: 'member'; key: string; entry: InteractionEntry; group: string };

/** The thread and local day an interaction belongs to, or none for one on no thread. */
function conversationOf(interaction: Interaction): string | undefined {
  return interaction.threadKey && `${interaction.threadKey}\u0000${interaction.day}`;
}

/**
 * Groups runs of interactions on the same thread and local day (a conversation's people are
 * logged at the same moment, so they sit together in the log). Entries apart from each other
 * stay apart: the same thread visited again hours later is a row of its own. A group is keyed
 * by its newest entry, so it stays open while the user pages on.
 */
export function logRows(entries: readonly LogEntry[], open: ReadonlySet<string>): LogRow[] {
  const rows: LogRow[] = [];
  let index = 0;
  while (index < entries.length) {
    const first = entries[index]!;
    const conversation = first.type === 'interaction' && conversationOf(first.interaction);
    let end = index + 1;
    if (conversation) {
      while (end < entries.length) {
        const next = entries[end]!;
        if (next.type !== 'interaction' || conversationOf(next.interaction) !== conversation) break;
        end++;
      }
    }
    if (end - index === 1) {
      rows.push({ type: 'entry', key: first.id, entry: first });
    } else {
      const members = entries.slice(index, end) as InteractionEntry[];
      const key = `group:${first.id}`;
      const isOpen = open.has(key);
      rows.push({ type: 'group', key, entries: members, open: isOpen });
      if (isOpen)
        for (const entry of members)
          rows.push({ type: 'member', key: `member:${entry.id}`, entry, group: key });
    }
    index = end;
  }
  return rows;
}

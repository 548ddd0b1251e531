/**
 * The log's filters: which entries they let through, and which of them are set (a filter set
 * and folded away still filters, so the log names it).
 */
import { localDay } from './balance';
import type { Person, Relationship } from './model';
import type { LogEntry } from './store';

export interface LogFilters {
  side: '' | Relationship | 'thanks';
  tool: string;
  person: string;
  circle: string;
  /** Local days, `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
  search: string;
}

export const NO_FILTERS: LogFilters = {
  side: '',
  tool: '',
  person: '',
  circle: '',
  from: '',
  to: '',
  search: '',
};

/** The filters that are set, in the order the form shows them; the search trimmed. */
export function activeFilters(filters: LogFilters): Partial<LogFilters> {
  const active: Partial<LogFilters> = {};
  for (const key of Object.keys(NO_FILTERS) as (keyof LogFilters)[]) {
    const value = filters[key].trim();
    if (value) (active as Record<string, string>)[key] = value;
  }
  return active;
}

/** Whether an entry passes every filter that is set. */
export function logEntryMatcher(
  filters: LogFilters,
  people: ReadonlyMap<string, Person>,
  timeZone: string,
): (entry: LogEntry) => boolean {
  const search = filters.search.trim().toLowerCase();
  return (entry) => {
    const personId =
      entry.type === 'interaction' ? entry.interaction.personId : entry.appreciation.personId;
    const person = people.get(personId);
    if (filters.side === 'thanks' && entry.type !== 'appreciation') return false;
    if (filters.side && filters.side !== 'thanks') {
      if (entry.type !== 'interaction' || entry.interaction.relationship !== filters.side)
        return false;
    }
    if (filters.tool && (entry.type !== 'interaction' || entry.interaction.tool !== filters.tool))
      return false;
    if (filters.person && personId !== filters.person) return false;
    if (filters.circle && person?.circle !== filters.circle) return false;
    if (filters.from && localDay(entry.at, timeZone) < filters.from) return false;
    if (filters.to && localDay(entry.at, timeZone) > filters.to) return false;
    if (search) {
      const text = [
        person?.name,
        entry.type === 'interaction' ? entry.interaction.title : entry.appreciation.message,
        entry.type === 'interaction' ? entry.interaction.note : entry.appreciation.whatTheyDid,
      ]
        .join(' ')
        .toLowerCase();
      if (!text.includes(search)) return false;
    }
    return true;
  };
}

/** The log's filters, folded away by default, and a line naming those that are set. */
import { formatDate } from '@/lib/dates';
import type { MessageKey } from '@/lib/i18n';
import { activeFilters, NO_FILTERS, type LogFilters } from '@/lib/log-filters';
import { CIRCLES, type Circle, type Person } from '@/lib/model';
import { TOOL_LABELS, TOOLS, type Tool } from '@/lib/sites';
import { t, uiLocale } from '@/platform';
import { CIRCLE_LABELS } from '../shared/labels';
import { ChoiceSelect } from '../shared/ChoiceSelect';

const SIDE_LABELS: Record<Exclude<LogFilters['side'], ''>, MessageKey> = {
  internal: 'logSideInternal',
  external: 'logSideExternal',
  unknown: 'logSideUnknown',
  thanks: 'logSideThanks',
};

/** A filter's day (`YYYY-MM-DD`, the user's own) as the log writes days. */
const day = (value: string) =>
  formatDate('day', Date.parse(`${value}T12:00:00Z`), uiLocale(), 'UTC');

/** What the set filters say, in the form's order: "Internal · Jira · since Mon, Nov 2". */
function describe(filters: LogFilters, people: readonly Person[]): string {
  const set = activeFilters(filters);
  const parts: string[] = [];
  if (set.side) parts.push(t(SIDE_LABELS[set.side as keyof typeof SIDE_LABELS]));
  if (set.tool) parts.push(TOOL_LABELS[set.tool as Tool] ?? set.tool);
  if (set.person)
    parts.push(people.find((p) => p.id === set.person)?.name ?? t('sharedSomeoneRemoved'));
  if (set.circle) parts.push(t(CIRCLE_LABELS[set.circle as Circle]));
  if (set.from && set.to) parts.push(t('logFilterDays', day(set.from), day(set.to)));
  else if (set.from) parts.push(t('logFilterSince', day(set.from)));
  else if (set.to) parts.push(t('logFilterUntil', day(set.to)));
  if (set.search) parts.push(t('logFilterSearch', set.search));
  return parts.join(' · ');
}

export function LogFilterForm({
  filters,
  people,
  onChange,
}: {
  filters: LogFilters;
  /** Everyone, by name. */
  people: readonly Person[];
  onChange(filters: LogFilters): void;
}) {
  const set = (key: keyof LogFilters) => (e: Event) =>
    onChange({ ...filters, [key]: (e.currentTarget as HTMLInputElement).value });
  const summary = describe(filters, people);
  return (
    <>
      <details class="filters">
        <summary>{t('logFilters')}</summary>
        <label>
          {t('logSearch')}
          <input
            type="search"
            value={filters.search}
            onInput={set('search')}
            data-testid="log-search"
          />
        </label>
        <label>
          {t('logSide')}
          <ChoiceSelect
            value={filters.side}
            onChange={set('side')}
            data-testid="filter-side"
            empty={t('logAll')}
            choices={(Object.keys(SIDE_LABELS) as (keyof typeof SIDE_LABELS)[]).map((side) => ({
              value: side,
              label: t(SIDE_LABELS[side]),
            }))}
          />
        </label>
        <label>
          {t('logTool')}
          <ChoiceSelect
            value={filters.tool}
            onChange={set('tool')}
            empty={t('logAll')}
            choices={TOOLS.map((tool) => ({ value: tool, label: TOOL_LABELS[tool] }))}
          />
        </label>
        <label>
          {t('logPerson')}
          <ChoiceSelect
            value={filters.person}
            onChange={set('person')}
            empty={t('logEveryone')}
            choices={people.map((p) => ({ value: p.id, label: p.name }))}
          />
        </label>
        <label>
          {t('logCircle')}
          <ChoiceSelect
            value={filters.circle}
            onChange={set('circle')}
            empty={t('logAll')}
            choices={CIRCLES.map((c) => ({ value: c, label: t(CIRCLE_LABELS[c]) }))}
          />
        </label>
        <div class="filter-days">
          <label>
            {t('logFrom')} <input type="date" value={filters.from} onInput={set('from')} />
          </label>
          <label>
            {t('logTo')} <input type="date" value={filters.to} onInput={set('to')} />
          </label>
        </div>
      </details>
      {/* Folded away, a filter still filters: say so, whatever the fold. */}
      {summary && (
        <p class="filter-summary" data-testid="filter-summary">
          <span>{t('logFiltered', summary)}</span>{' '}
          <button type="button" class="link" onClick={() => onChange(NO_FILTERS)}>
            {t('logClearFilters')}
          </button>
        </p>
      )}
    </>
  );
}

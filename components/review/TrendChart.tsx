import { useState } from 'preact/hooks';
import { formatDate } from '@/lib/dates';
import type { WeekTotals } from '@/lib/balance';
import { countText } from '@/lib/i18n';
import { t, uiLocale } from '@/platform/core';

const MAX_THANK_MARKS = 10;

const STEP: Record<string, (index: number, last: number) => number> = {
  ArrowLeft: (i) => Math.max(0, i - 1),
  ArrowRight: (i, last) => Math.min(last, i + 1),
  Home: () => 0,
  End: (_i, last) => last,
};

/**
 * Internal and external interactions per week as stacked bars, thank-yous beside them. Each week
 * is one focusable item (arrow keys move between them) whose values show below the chart on
 * hover and focus, and are its accessible name.
 */
export function TrendChart({ weeks }: { weeks: readonly WeekTotals[] }) {
  const last = weeks.length - 1;
  // Roving focus: one Tab stop for the whole chart, on this week until the user moves.
  const [focusable, setFocusable] = useState(last);
  const [pointed, setPointed] = useState<number>();
  const max = Math.max(1, ...weeks.map((w) => w.internal + w.external));
  const share = (n: number) => `${(n / max) * 100}%`;
  const weekOf = (w: WeekTotals) => formatDate('week', w.start, uiLocale());
  const values = (w: WeekTotals) =>
    t('trendWeekValues', weekOf(w), w.internal, w.external, w.thanks);

  const onKeyDown = (event: KeyboardEvent) => {
    const step = STEP[event.key];
    if (!step) return;
    event.preventDefault();
    const next = step(focusable, last);
    setFocusable(next);
    const items = (event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('li');
    items[next]?.focus();
  };

  return (
    <figure class="trend" data-testid="trend">
      <figcaption>
        <span class="key key-internal">{t('trendKeyInternal')}</span>{' '}
        <span class="key key-external">{t('trendKeyExternal')}</span>{' '}
        <span class="key key-thanks">{t('trendKeyThanks')}</span>
      </figcaption>
      <ol
        class="trend-bars"
        aria-label={countText(t, weeks.length, 'trendLastWeeksOne', 'trendLastWeeksOther')}
        onKeyDown={onKeyDown}
      >
        {weeks.map((w, i) => (
          <li
            key={w.start}
            data-testid="trend-week"
            data-internal={w.internal}
            data-external={w.external}
            data-thanks={w.thanks}
            tabIndex={i === focusable ? 0 : -1}
            aria-label={values(w)}
            aria-current={i === last ? 'date' : undefined}
            onMouseEnter={() => setPointed(i)}
            onMouseLeave={() => setPointed(undefined)}
            onFocus={() => (setFocusable(i), setPointed(i))}
            onBlur={() => setPointed(undefined)}
          >
            <span class="trend-stack">
              <span class="bar-external" style={{ height: share(w.external) }} />
              <span class="bar-internal" style={{ height: share(w.internal) }} />
            </span>
            {/* One mark per thank-you: a week's few thanks stay visible beside dozens of talks. */}
            <span class="trend-thanks">
              {Array.from({ length: Math.min(w.thanks, MAX_THANK_MARKS) }, (_, k) => (
                <span key={k} class="thank-mark" />
              ))}
            </span>
          </li>
        ))}
      </ol>
      {/* The hovered or focused week's values take the place of the axis while it is pointed at. */}
      {pointed === undefined ? (
        <div class="trend-axis" aria-hidden="true">
          {weeks.length > 1 && <span>{weekOf(weeks[0]!)}</span>}
          <span>{t('commonThisWeek')}</span>
        </div>
      ) : (
        <p class="trend-readout" data-testid="trend-readout" aria-hidden="true">
          {values(weeks[pointed]!)}
        </p>
      )}
    </figure>
  );
}

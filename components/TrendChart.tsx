import type { WeekTotals } from '@/lib/balance';
import { countText } from '@/lib/i18n';
import { t, uiLocale } from '@/platform/core';

/** Internal and external interactions per week as stacked bars, with a table for screen readers. */
export function TrendChart({ weeks }: { weeks: readonly WeekTotals[] }) {
  const max = Math.max(1, ...weeks.map((w) => w.internal + w.external));
  const barWidth = 200 / Math.max(1, weeks.length);
  const height = 60;
  const label = (w: WeekTotals) =>
    new Date(w.start).toLocaleDateString(uiLocale(), { month: 'short', day: 'numeric' });
  return (
    <figure class="trend" data-testid="trend">
      <svg viewBox={`0 0 200 ${height}`} width="100%" height={height} aria-hidden="true">
        {weeks.map((w, i) => {
          const internalH = (w.internal / max) * (height - 4);
          const externalH = (w.external / max) * (height - 4);
          const x = i * barWidth + 1;
          return (
            <g key={w.start} data-week={i}>
              <rect
                class="bar-external"
                x={x}
                y={height - externalH - internalH}
                width={barWidth - 2}
                height={externalH}
              />
              <rect
                class="bar-internal"
                x={x}
                y={height - internalH}
                width={barWidth - 2}
                height={internalH}
              />
            </g>
          );
        })}
      </svg>
      <figcaption>
        {countText(t, weeks.length, 'trendLastWeeksOne', 'trendLastWeeksOther')}{' '}
        <span class="key-internal">{t('trendKeyInternal')}</span> {t('trendKeyAnd')}{' '}
        <span class="key-external">{t('trendKeyExternal')}</span>
      </figcaption>
      <table class="visually-hidden">
        <caption>{t('trendTableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trendWeekOf')}</th>
            <th scope="col">{t('commonInternal')}</th>
            <th scope="col">{t('commonExternal')}</th>
            <th scope="col">{t('trendThanks')}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr
              key={w.start}
              data-testid="trend-week"
              data-internal={w.internal}
              data-external={w.external}
            >
              <th scope="row">{label(w)}</th>
              <td>{w.internal}</td>
              <td>{w.external}</td>
              <td>{w.thanks}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

import type { WeeklyBalance } from '@/lib/balance';
import type { MessageKey } from '@/lib/i18n';
import type { Settings } from '@/lib/model';
import { t } from '@/platform/core';

const MESSAGES: Record<WeeklyBalance['position'], MessageKey> = {
  'no-data': 'gaugeNoData',
  balanced: 'gaugeBalanced',
  'too-external': 'gaugeTooExternal',
  'too-internal': 'gaugeTooInternal',
};

/** The internal share against the user's band; warns of skew either way. */
export function BalanceGauge({
  balance,
  band,
}: {
  balance: WeeklyBalance;
  band: Settings['band'];
}) {
  const share = balance.internalShare;
  const percent = share === null ? null : Math.round(share * 100);
  return (
    <figure class="gauge" data-position={balance.position}>
      <svg
        viewBox="0 0 200 22"
        width="100%"
        role="img"
        aria-label={t('gaugeBandLabel', Math.round(band.min * 100), Math.round(band.max * 100))}
      >
        <rect x="0" y="3" width="200" height="6" rx="3" class="gauge-track" />
        <rect
          x={band.min * 200}
          y="3"
          width={(band.max - band.min) * 200}
          height="6"
          class="gauge-band"
        />
        {/* The band's edges and name, under it: the figure caption says the same in words. */}
        <text x={band.min * 200} y="20" text-anchor="middle" class="gauge-edge">
          {t('gaugeBandEdge', Math.round(band.min * 100))}
        </text>
        <text x={((band.min + band.max) / 2) * 200} y="20" text-anchor="middle" class="gauge-name">
          {t('gaugeBandName')}
        </text>
        <text x={band.max * 200} y="20" text-anchor="middle" class="gauge-edge">
          {t('gaugeBandEdge', Math.round(band.max * 100))}
        </text>
        {percent !== null && <circle cx={percent * 2} cy="6" r="5" class="gauge-marker" />}
      </svg>
      <figcaption>
        {percent === null ? '' : `${t('gaugeShare', percent)} `}
        <span
          class={balance.position === 'balanced' || balance.position === 'no-data' ? '' : 'warning'}
        >
          {t(MESSAGES[balance.position])}
        </span>
      </figcaption>
    </figure>
  );
}

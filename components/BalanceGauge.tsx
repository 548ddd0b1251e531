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
      <svg viewBox="0 0 200 24" width="100%" height="24" role="img" aria-labelledby="gauge-label">
        <rect x="0" y="8" width="200" height="8" rx="4" class="gauge-track" />
        <rect
          x={band.min * 200}
          y="8"
          width={(band.max - band.min) * 200}
          height="8"
          class="gauge-band"
        />
        {percent !== null && <circle cx={percent * 2} cy="12" r="6" class="gauge-marker" />}
      </svg>
      <figcaption id="gauge-label">
        {percent === null
          ? ''
          : `${t('gaugeShare', percent, Math.round(band.min * 100), Math.round(band.max * 100))} `}
        <span
          class={balance.position === 'balanced' || balance.position === 'no-data' ? '' : 'warning'}
        >
          {t(MESSAGES[balance.position])}
        </span>
      </figcaption>
    </figure>
  );
}

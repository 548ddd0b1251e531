import type { WeeklyBalance } from '@/lib/balance';
import type { Settings } from '@/lib/model';

const MESSAGES: Record<WeeklyBalance['position'], string> = {
  'no-data': 'No interactions tagged internal or external yet this week.',
  balanced: 'Within your band: both kinds of customers are getting your time.',
  'too-external': 'Mostly external this week. Who inside is holding things together for you?',
  'too-internal': 'Mostly internal this week. Are customers waiting on you?',
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
          : `${percent}% internal (your band: ${Math.round(band.min * 100)}–${Math.round(band.max * 100)}%). `}
        <span
          class={balance.position === 'balanced' || balance.position === 'no-data' ? '' : 'warning'}
        >
          {MESSAGES[balance.position]}
        </span>
      </figcaption>
    </figure>
  );
}

import type { ComponentChildren } from 'preact';
import type { WeeklyBalance } from '@/lib/balance';
import { countText } from '@/lib/i18n';
import type { Settings } from '@/lib/model';
import { openSettings, openSidePanelFromClick, t } from '@/platform/core';
import { BalanceGauge } from './BalanceGauge';

/**
 * The popup: this week's numbers, then what the popup reads after them (the trend, who to
 * thank) as children. Painted by popup.html's early script from the kept numbers, and by the
 * popup's module from then on, so both paints are the same page.
 */
export function WeekAtAGlance({
  balance,
  band,
  children,
}: {
  balance: WeeklyBalance;
  band: Settings['band'];
  children?: ComponentChildren;
}) {
  const empty = balance.internal + balance.external + balance.unknown + balance.thanks === 0;
  return (
    <main class="popup">
      <header class="toolbar">
        <h1>{t('commonThisWeek')}</h1>
        <span class="actions">
          <button
            type="button"
            data-testid="open-log"
            onClick={() => void openSidePanelFromClick()}
          >
            {t('popupOpenLog')}
          </button>
          <button type="button" data-testid="open-settings" onClick={() => void openSettings()}>
            {t('commonSettings')}
          </button>
        </span>
      </header>
      <section
        data-testid="balance"
        data-internal={balance.internal}
        data-external={balance.external}
        data-thanks={balance.thanks}
        aria-label={t('popupBalanceLabel')}
      >
        {empty ? (
          <div class="empty" data-testid="first-week">
            <p>
              <strong>{t('popupEmptyTitle')}</strong>
            </p>
            <p>
              {t('popupEmptyHintStart')} <em>{t('extName')}</em> {t('popupEmptyHintEnd')}
            </p>
          </div>
        ) : (
          <>
            <dl class="stats">
              <div>
                <dt>{t('commonInternal')}</dt>
                <dd>{balance.internal}</dd>
                <dt>{people(balance.internalPeople)}</dt>
              </div>
              <div>
                <dt>{t('commonExternal')}</dt>
                <dd>{balance.external}</dd>
                <dt>{people(balance.externalPeople)}</dt>
              </div>
              <div>
                <dt>{t('popupThanksGiven')}</dt>
                <dd>
                  {balance.thanks} / {balance.thankGoal}
                </dd>
              </div>
              <div>
                <dt>{t('popupCheckIns')}</dt>
                <dd>{balance.checkIns}</dd>
              </div>
            </dl>
            {balance.unknownPeople > 0 && (
              <p class="hint" data-testid="unsorted" data-count={balance.unknownPeople}>
                {countText(t, balance.unknownPeople, 'popupUnsortedOne', 'popupUnsortedOther')}
              </p>
            )}
            <BalanceGauge balance={balance} band={band} />
          </>
        )}
      </section>
      {children}
    </main>
  );
}

function people(n: number): string {
  return countText(t, n, 'commonPeopleOne', 'commonPeopleOther');
}

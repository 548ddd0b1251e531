import { describeFailedRead } from '@/lib/storage-errors';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { BalanceGauge } from '@/components/review/BalanceGauge';
import { StorageProblem } from '@/components/shared/StorageProblem';
import { useDisplaySettings, useStoreVersion } from '@/components/shared/read-hooks';
import { TrendChart } from '@/components/review/TrendChart';
import type { WeeklyBalance, WeekTotals } from '@/lib/balance';
import type { Person } from '@/lib/model';
import { countText } from '@/lib/i18n';
import { DAY, suggestions, type Suggestion } from '@/lib/prompts';
// Only the read-only, zod-free part of the platform: the popup must stay small and quick.
import {
  getReader,
  loadDisplaySettings,
  openComposerInSidePanel,
  openSettings,
  openSidePanelFromClick,
  t,
  uiLocale,
} from '@/platform/core';
import { earlyPopupOpening, type PopupOpening } from '@/platform/popup-opening';

/** The popup fits in 600 px: the most pressing two; the side panel's "Now" lists them all. */
const SHOWN_SUGGESTIONS = 2;

interface PopupData {
  balance: WeeklyBalance;
  /** Undefined until read: on opening, the week's numbers show first. */
  trend?: WeekTotals[];
  toThank: Array<Suggestion & { person?: Person }>;
}

/**
 * The week's numbers. popup.html's early script has usually read them while this module loaded
 * (platform/popup-opening.ts), and the first render shows them; when it had nothing to read (no
 * log yet, a migration, a failure) they are read here, before the first render rather than in
 * an effect, which Preact runs only after a paint.
 */
// User Timing marks (popup:*) let the benchmark split open-to-numbers into its steps.
performance.mark('popup:modules-ran');
const early = earlyPopupOpening();
const opening: Promise<PopupOpening> = (early?.reading ?? Promise.resolve(undefined)).then(
  (read) => read ?? readHere(),
);

async function readHere(): Promise<PopupOpening> {
  const [reader, settings] = await Promise.all([getReader(), loadDisplaySettings()]);
  const now = Date.now();
  return { reader, settings, now, balance: await reader.weekSummary(settings, now) };
}

/**
 * The week at a glance: reads this week, twelve weekly totals and who to thank, nothing else.
 * On opening, the week's numbers show as soon as they are read; the chart and who to thank
 * (which read more) are read after them and follow. Later refreshes replace everything at
 * once, so what is shown is always one consistent reading.
 */
export function App() {
  const [opened, setOpened] = useState(early?.read);
  const liveSettings = useDisplaySettings();
  const settings = liveSettings ?? opened?.settings;
  // Settings compare by content: the live copy arriving after the opening read is no change.
  const settingsKey = settings && JSON.stringify(settings);
  const version = useStoreVersion();
  const [data, setData] = useState<PopupData>();
  const [error, setError] = useState('');
  // The log could not be opened at all: said in words, never "Loading…" forever.
  const [openProblem, setOpenProblem] = useState<unknown>();
  const openingUsed = useRef(false);

  useLayoutEffect(() => {
    if (!opened)
      void opening.then(setOpened, (e: unknown) => setOpenProblem(e ?? new Error(String(e))));
  }, []);

  useEffect(() => {
    if (!opened || !settings) return;
    const store = opened.reader;
    let current = true;
    void (async () => {
      try {
        // The opening read serves the first reading; later ones (the log or settings
        // changed) read the week again, together with the rest, for one consistent view.
        const reuse = !openingUsed.current;
        openingUsed.current = true;
        const now = reuse ? opened.now : Date.now();
        const balance = reuse ? opened.balance : await store.weekSummary(settings, now);
        if (!current) return;
        const [trend, recent, appreciations, people, checkIns] = await Promise.all([
          store.weeklyTrend(settings, 12, now),
          store.interactionsBetween(now - 30 * DAY, now + 1),
          store.listAppreciations(),
          store.listPeople(),
          store.listCheckIns(),
        ]);
        const found = suggestions({
          now,
          people,
          interactions: recent,
          appreciations,
          checkIns,
          trend,
          settings,
          t,
          locale: uiLocale(),
        });
        const byId = new Map(people.map((p) => [p.id, p]));
        if (!current) return;
        setData({
          balance,
          trend,
          toThank: found.map((s) => ({
            ...s,
            person: s.personId ? byId.get(s.personId) : undefined,
          })),
        });
      } catch (e) {
        if (current) setError(describeFailedRead(e, t));
      }
    })();
    return () => {
      current = false;
    };
  }, [opened, settingsKey, version]);

  if (openProblem)
    return (
      <main class="popup">
        <StorageProblem problem={openProblem} where="page" />
      </main>
    );
  if (error) return <main role="alert">{error}</main>;
  // Until the chart and who to thank are read, the opening's numbers show on their own.
  const shown = data ?? (opened && { balance: opened.balance, toThank: [] });
  if (!shown || !settings) return <main aria-busy="true">{t('commonLoading')}</main>;
  const { balance, trend, toThank } = shown;
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
            <BalanceGauge balance={balance} band={settings.band} />
          </>
        )}
      </section>
      {trend && <TrendChart weeks={trend} />}
      {toThank.length > 0 && (
        <section aria-labelledby="thank-now">
          <h2 id="thank-now">{t('popupThankNow')}</h2>
          <ul class="people">
            {toThank.slice(0, SHOWN_SUGGESTIONS).map((s) => (
              <li key={s.personId ?? s.kind} data-testid="suggestion" data-kind={s.kind}>
                <p title={s.reason}>{s.reason}</p>
                {s.kind === 'check-in' ? (
                  // A due follow-up asks about the user's own promise, not for a thank-you.
                  <button
                    type="button"
                    data-testid="did-i-deliver"
                    onClick={() => void openSidePanelFromClick()}
                  >
                    {t('checkInDelivered')}
                  </button>
                ) : (
                  s.person && (
                    <button
                      type="button"
                      onClick={() => void openComposerInSidePanel(s.person!.id)}
                    >
                      {t('commonThankPerson', s.person.name)}
                    </button>
                  )
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

function people(n: number): string {
  return countText(t, n, 'commonPeopleOne', 'commonPeopleOther');
}

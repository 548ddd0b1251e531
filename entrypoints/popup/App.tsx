import { describeFailedRead } from '@/lib/storage-errors';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { StorageProblem } from '@/components/shared/StorageProblem';
import {
  loadSettingsLater,
  useSettingsLoadedLater,
  useStoreVersion,
} from '@/components/shared/read-hooks';
import { TrendChart } from '@/components/review/TrendChart';
import { WeekAtAGlance } from '@/components/review/WeekAtAGlance';
import type { WeeklyBalance, WeekTotals } from '@/lib/balance';
import type { Person, Settings } from '@/lib/model';
import type { StoreReader } from '@/lib/store/reader';
import { sameWeekNumbers } from '@/lib/week-numbers';
import { DAY, suggestions, type Suggestion } from '@/lib/prompts';
// Only the read-only, zod-free part of the platform: the popup must stay small and quick.
import {
  getReader,
  keepWeekNumbers,
  openComposerInSidePanel,
  openSidePanelFromClick,
  t,
  uiLocale,
} from '@/platform/core';
import { earlyPopupOpening, keptWeekNumbers } from '@/platform/popup-opening';

/** The popup fits in 600 px: the most pressing two; the side panel's "Now" lists them all. */
const SHOWN_SUGGESTIONS = 2;

interface PopupData {
  balance: WeeklyBalance;
  /** Undefined until read: on opening, the week's numbers show first. */
  trend?: WeekTotals[];
  toThank: Array<Suggestion & { person?: Person }>;
}

/** What the popup reads first: its settings, the log, and this week in it. */
interface PopupOpening {
  reader: StoreReader;
  settings: Settings;
  /** The moment the week was read for. */
  now: number;
  balance: WeeklyBalance;
}

// User Timing marks (popup:*) let the benchmark split open-to-numbers into its steps.
performance.mark('popup:modules-ran');
/**
 * The week's numbers as the popup's address carries them, which popup.html's early script has
 * usually painted already (platform/popup-opening.ts): the first render shows them too. The log
 * is read as this module loads, before the first render rather than in an effect, which Preact
 * runs only after a paint.
 */
const kept = earlyPopupOpening()?.kept ?? keptWeekNumbers();
const opening = readWeek();

async function readWeek(): Promise<PopupOpening> {
  const [reader, settings] = await Promise.all([
    getReader().then((reader) => (performance.mark('popup:log-open'), reader)),
    loadSettingsLater().then((settings) => (performance.mark('popup:settings-read'), settings)),
  ]);
  const now = Date.now();
  const balance = await reader.weekSummary(settings, now);
  performance.mark('popup:week-read');
  return { reader, settings, now, balance };
}

/**
 * The week at a glance: reads this week, twelve weekly totals and who to thank, nothing else.
 * On opening, the week's numbers show as the address carries them, then as read; the chart and
 * who to thank (which read more) are read after them and follow. Later refreshes replace
 * everything at once, so what is shown is always one consistent reading.
 */
export function App() {
  const [opened, setOpened] = useState<PopupOpening>();
  const liveSettings = useSettingsLoadedLater();
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
        // For the next opening's first paint (the background keeps them too, after each change).
        const numbers = { balance, band: settings.band };
        if (!sameWeekNumbers(numbers, kept)) keepWeekNumbers(numbers).catch(() => undefined);
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
          // Four lines at most each: brief dates and quotes keep each reason whole.
          brief: true,
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
  // Until the chart and who to thank are read, the week's numbers show on their own: those
  // the opening read, or until it arrives those kept from the last reading.
  const numbers = opened?.balance ?? kept?.balance;
  const shown = data ?? (numbers && { balance: numbers, toThank: [] });
  const band = settings?.band ?? kept?.band;
  if (!shown || !band) return <main aria-busy="true">{t('commonLoading')}</main>;
  const { balance, trend, toThank } = shown;
  return (
    <WeekAtAGlance balance={balance} band={band}>
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
    </WeekAtAGlance>
  );
}

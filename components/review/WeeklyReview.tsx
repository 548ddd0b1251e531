import { useEffect, useState } from 'preact/hooks';
import {
  weeklyBalance,
  weekSoFarAndSameDaysLastWeek,
  type WeeklyBalance,
  type WeekTotals,
} from '@/lib/balance';
import { countText, type MessageKey } from '@/lib/i18n';
import type { Store } from '@/lib/store';
import { t } from '@/platform/core';
import { BalanceGauge } from './BalanceGauge';
import { useSettings } from '../shared/hooks';
import { TrendChart } from './TrendChart';

type Direction = 'same' | 'up' | 'down';

/** This week's count against last week's, singular and plural. */
const INTERNAL: Record<Direction, [MessageKey, MessageKey]> = {
  same: ['reviewInternalSameOne', 'reviewInternalSameOther'],
  up: ['reviewInternalUpOne', 'reviewInternalUpOther'],
  down: ['reviewInternalDownOne', 'reviewInternalDownOther'],
};
const EXTERNAL: Record<Direction, [MessageKey, MessageKey]> = {
  same: ['reviewExternalSameOne', 'reviewExternalSameOther'],
  up: ['reviewExternalUpOne', 'reviewExternalUpOther'],
  down: ['reviewExternalDownOne', 'reviewExternalDownOther'],
};

interface Review {
  thisWeek: WeeklyBalance;
  lastWeek: WeeklyBalance;
  trend: WeekTotals[];
  peopleThanked: number;
  circlesThanked: number;
  checkInsDue: number;
}

/** This week against last, the trend, how wide the circle of thanks was, check-ins due. */
export function WeeklyReview({ store, version }: { store: Store; version: number }) {
  const settings = useSettings();
  const [review, setReview] = useState<Review>();

  useEffect(() => {
    void (async () => {
      const now = Date.now();
      const { thisWeek: current, sameDaysLastWeek: last } = weekSoFarAndSameDaysLastWeek(
        now,
        settings.weekStartsOn,
        settings.timeZone,
      );
      const [interactions, appreciations, trend, checkIns] = await Promise.all([
        store.interactionsBetween(last.start, current.end),
        store.appreciationsBetween(last.start, current.end),
        store.weeklyTrend(settings, 12, now),
        store.listCheckIns(),
      ]);
      const thanked = appreciations.filter((a) => a.at >= current.start);
      const people = await store.getPeople(thanked.map((a) => a.personId));
      const today = new Date(now).toISOString().slice(0, 10);
      setReview({
        thisWeek: weeklyBalance(current, { interactions, appreciations, checkIns }, settings),
        lastWeek: weeklyBalance(last, { interactions, appreciations, checkIns }, settings),
        trend,
        peopleThanked: people.length,
        circlesThanked: new Set(people.map((p) => p.circle ?? p.relationship)).size,
        checkInsDue: checkIns.filter((c) => !c.delivered && c.followUpOn && c.followUpOn <= today)
          .length,
      });
    })();
  }, [store, settings, version]);

  if (!review) return <p aria-busy="true">{t('commonLoading')}</p>;
  const { thisWeek, lastWeek } = review;
  const diff = (a: number, b: number): Direction => (a === b ? 'same' : a > b ? 'up' : 'down');
  return (
    <section aria-label={t('reviewLabel')} data-testid="weekly-review">
      <h2>{t('commonThisWeek')}</h2>
      <ul>
        <li>
          {countText(
            t,
            thisWeek.internal,
            ...INTERNAL[diff(thisWeek.internal, lastWeek.internal)],
            lastWeek.internal,
          )}
        </li>
        <li>
          {countText(
            t,
            thisWeek.external,
            ...EXTERNAL[diff(thisWeek.external, lastWeek.external)],
            lastWeek.external,
          )}
        </li>
        <li>
          {countText(
            t,
            thisWeek.thanks,
            'reviewThanksOne',
            'reviewThanksOther',
            thisWeek.thankGoal,
            countText(t, review.peopleThanked, 'commonPeopleOne', 'commonPeopleOther'),
            countText(t, review.circlesThanked, 'reviewCirclesOne', 'reviewCirclesOther'),
          )}
        </li>
        <li>
          {review.checkInsDue
            ? countText(t, review.checkInsDue, 'reviewFollowUpsOne', 'reviewFollowUpsOther')
            : t('reviewNoFollowUps')}
        </li>
      </ul>
      <BalanceGauge balance={thisWeek} band={settings.band} />
      <TrendChart weeks={review.trend} />
    </section>
  );
}

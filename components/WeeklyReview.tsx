import { useEffect, useState } from 'preact/hooks';
import { recentWeeks, weeklyBalance, type WeeklyBalance, type WeekTotals } from '@/lib/balance';
import type { Store } from '@/lib/store';
import { BalanceGauge } from './BalanceGauge';
import { useSettings } from './hooks';
import { TrendChart } from './TrendChart';

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
      const [last, current] = recentWeeks(now, 2, settings.weekStartsOn, settings.timeZone);
      const [interactions, appreciations, trend, checkIns] = await Promise.all([
        store.interactionsBetween(last!.start, current!.end),
        store.appreciationsBetween(last!.start, current!.end),
        store.weeklyTrend(settings, 12, now),
        store.listCheckIns(),
      ]);
      const thanked = appreciations.filter((a) => a.at >= current!.start);
      const people = await store.getPeople(thanked.map((a) => a.personId));
      const today = new Date(now).toISOString().slice(0, 10);
      setReview({
        thisWeek: weeklyBalance(current!, { interactions, appreciations, checkIns }, settings),
        lastWeek: weeklyBalance(last!, { interactions, appreciations, checkIns }, settings),
        trend,
        peopleThanked: people.length,
        circlesThanked: new Set(people.map((p) => p.circle ?? p.relationship)).size,
        checkInsDue: checkIns.filter((c) => !c.delivered && c.followUpOn && c.followUpOn <= today)
          .length,
      });
    })();
  }, [store, settings, version]);

  if (!review) return <p aria-busy="true">Loading…</p>;
  const { thisWeek, lastWeek } = review;
  const diff = (a: number, b: number) => (a === b ? 'same as' : a > b ? `up from` : `down from`);
  return (
    <section aria-label="Weekly review" data-testid="weekly-review">
      <h2>This week</h2>
      <ul>
        <li>
          {thisWeek.internal} internal interactions ({diff(thisWeek.internal, lastWeek.internal)}{' '}
          {lastWeek.internal} last week)
        </li>
        <li>
          {thisWeek.external} external interactions ({diff(thisWeek.external, lastWeek.external)}{' '}
          {lastWeek.external} last week)
        </li>
        <li>
          {thisWeek.thanks} thank-yous of a goal of {thisWeek.thankGoal}, to {review.peopleThanked}{' '}
          {review.peopleThanked === 1 ? 'person' : 'people'} in {review.circlesThanked}{' '}
          {review.circlesThanked === 1 ? 'circle' : 'circles'}
        </li>
        <li>
          {review.checkInsDue
            ? `${review.checkInsDue} check-in follow-ups due`
            : 'No check-in follow-ups due'}
        </li>
      </ul>
      <BalanceGauge balance={thisWeek} band={settings.band} />
      <TrendChart weeks={review.trend} />
    </section>
  );
}

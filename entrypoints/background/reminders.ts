/**
 * Reminders and the weekly review, driven by `alarms` and shown as notifications. The policy is
 * lib/reminders.ts (pure); this file only reads and writes its state in storage, so nothing is
 * lost when the background stops or the browser restarts.
 */
import { weekBounds } from '@/lib/balance';
import type { Settings } from '@/lib/model';
import {
  answerContinue,
  nextReminderAt,
  nextWeeklyReviewAt,
  recordActed,
  recordIgnored,
  recordShown,
  shouldNudge,
  snooze,
  thanksThisWeek,
  weeklyReviewDue,
  type ReminderState,
} from '@/lib/reminders';
import { getStore, loadSettings, setPendingComposer, t } from '@/platform';
import {
  alarmTime,
  clearAlarm,
  clearNotification,
  notify,
  openExtensionTab,
  setAlarm,
} from '@/platform/background';
import { nudgedPersonItem, reminderStateItem } from '@/platform/storage';
import { dueSuggestions } from './badge';

export const ALARM = { reminder: 'reminder', review: 'weekly-review' } as const;
export const NOTIFICATION = { nudge: 'nudge', ask: 'ask-to-continue', review: 'weekly-review' };
const readState = () => reminderStateItem.get();
const writeState = (state: ReminderState) => reminderStateItem.set(state);

/** (Re)sets both alarms from the settings and the stored state. */
export async function scheduleReminders(
  now: number = Date.now(),
  settings?: Settings,
): Promise<void> {
  const s = settings ?? (await loadSettings());
  const state = await readState();
  const next =
    state.snoozedUntil && state.snoozedUntil > now ? state.snoozedUntil : nextReminderAt(now, s);
  await clearAlarm(ALARM.reminder);
  if (next !== null && !state.paused) await setAlarm(ALARM.reminder, Math.max(next, now + 1_000));
  await setAlarm(
    ALARM.review,
    Math.max(nextWeeklyReviewAt(now, state.lastReviewAt, s), now + 1_000),
  );
}

/** The reminder alarm fired: nudge, ask whether to keep going, or stay quiet. */
export async function reminderDue(now: number = Date.now()): Promise<string> {
  const settings = await loadSettings();
  const [state, due, store] = await Promise.all([readState(), dueSuggestions(now), getStore()]);
  const { start, end } = weekBounds(now, settings.weekStartsOn, settings.timeZone);
  const thanks = thanksThisWeek(now, await store.appreciationsBetween(start, end), settings);
  const decision = shouldNudge(state, {
    now,
    settings,
    suggestionCount: due.length,
    thanksThisWeek: thanks,
  });
  if (decision.action === 'nudge') {
    const top = due[0]!;
    await notify(NOTIFICATION.nudge, t('nudgeTitle'), top.reason, [
      t('nudgeThankNow'),
      t('nudgeSnooze'),
    ]);
    await writeState(recordShown(state, now));
    if (top.personId) await nudgedPersonItem.set(top.personId);
    else await nudgedPersonItem.remove();
  } else if (decision.action === 'ask-to-continue') {
    await notify(NOTIFICATION.ask, t('askTitle'), t('askMessage'), [t('askKeep'), t('askStop')]);
    await writeState(recordShown(state, now, 'ask-to-continue'));
  }
  const retryAt = decision.action === 'none' ? decision.retryAt : undefined;
  await scheduleReminders(now, settings);
  if (retryAt && retryAt > now) {
    const scheduled = await alarmTime(ALARM.reminder);
    if (scheduled === undefined || scheduled > retryAt) await setAlarm(ALARM.reminder, retryAt);
  }
  return decision.action;
}

/** The week turned: a short review of it. */
export async function reviewDue(now: number = Date.now()): Promise<boolean> {
  const settings = await loadSettings();
  const state = await readState();
  if (!weeklyReviewDue(now, state.lastReviewAt, settings)) {
    await scheduleReminders(now, settings);
    return false;
  }
  const store = await getStore();
  // The week that just ended.
  const lastWeek = weekBounds(
    weekBounds(now, settings.weekStartsOn, settings.timeZone).start - 1,
    settings.weekStartsOn,
    settings.timeZone,
  );
  const summary = await store.weekSummary(settings, lastWeek.start);
  await notify(
    NOTIFICATION.review,
    t('reviewTitle'),
    t(
      'reviewMessage',
      String(summary.internal),
      String(summary.external),
      String(summary.thanks),
      String(summary.thankGoal),
    ),
    [],
  );
  await writeState({ ...state, lastReviewAt: now });
  await scheduleReminders(now, settings);
  return true;
}

export async function notificationClicked(id: string, button?: number): Promise<void> {
  const state = await readState();
  if (id === NOTIFICATION.nudge) {
    if (button === 1) {
      await writeState(snooze(recordActed(state), 'tomorrow', Date.now(), await loadSettings()));
      await scheduleReminders();
    } else {
      await writeState(recordActed(state));
      const personId = await nudgedPersonItem.get();
      if (personId) await setPendingComposer({ person: { id: personId } });
      await openExtensionTab('/sidepanel.html?tab=people');
    }
  } else if (id === NOTIFICATION.ask) {
    await writeState(answerContinue(state, button !== 1));
    await scheduleReminders();
  } else if (id === NOTIFICATION.review) {
    await openExtensionTab('/sidepanel.html?tab=review');
  }
  await clearNotification(id);
}

export async function notificationClosed(id: string, byUser: boolean): Promise<void> {
  if (id === NOTIFICATION.nudge && byUser) await writeState(recordIgnored(await readState()));
}

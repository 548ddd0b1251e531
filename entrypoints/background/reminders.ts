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
  readReminderState,
  recordActed,
  recordIgnored,
  recordShown,
  shouldNudge,
  snooze,
  thanksThisWeek,
  weeklyReviewDue,
  type ReminderState,
} from '@/lib/reminders';
import { browser, getStore, loadSettings, setPendingComposer, t } from '@/platform';
import { dueSuggestions } from './badge';

export const ALARM = { reminder: 'reminder', review: 'weekly-review' } as const;
export const NOTIFICATION = { nudge: 'nudge', ask: 'ask-to-continue', review: 'weekly-review' };
const STATE_KEY = 'reminder-state';

async function readState(): Promise<ReminderState> {
  return readReminderState((await browser.storage.local.get(STATE_KEY))[STATE_KEY]);
}

async function writeState(state: ReminderState): Promise<void> {
  await browser.storage.local.set({ [STATE_KEY]: state });
}

/** (Re)sets both alarms from the settings and the stored state. */
export async function scheduleReminders(
  now: number = Date.now(),
  settings?: Settings,
): Promise<void> {
  const s = settings ?? (await loadSettings());
  const state = await readState();
  const next =
    state.snoozedUntil && state.snoozedUntil > now ? state.snoozedUntil : nextReminderAt(now, s);
  await browser.alarms.clear(ALARM.reminder);
  if (next !== null && !state.paused)
    await browser.alarms.create(ALARM.reminder, { when: Math.max(next, now + 1_000) });
  await browser.alarms.create(ALARM.review, {
    when: Math.max(nextWeeklyReviewAt(now, state.lastReviewAt, s), now + 1_000),
  });
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
    await browser.storage.local.set({ 'nudge-person': top.personId ?? null });
  } else if (decision.action === 'ask-to-continue') {
    await notify(NOTIFICATION.ask, t('askTitle'), t('askMessage'), [t('askKeep'), t('askStop')]);
    await writeState(recordShown(state, now, 'ask-to-continue'));
  }
  const retryAt = decision.action === 'none' ? decision.retryAt : undefined;
  await scheduleReminders(now, settings);
  if (retryAt && retryAt > now) {
    const alarm = await browser.alarms.get(ALARM.reminder);
    if (!alarm || alarm.scheduledTime > retryAt)
      await browser.alarms.create(ALARM.reminder, { when: retryAt });
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
      const personId = (await browser.storage.local.get('nudge-person'))['nudge-person'];
      if (typeof personId === 'string') await setPendingComposer({ person: { id: personId } });
      await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html?tab=people') });
    }
  } else if (id === NOTIFICATION.ask) {
    await writeState(answerContinue(state, button !== 1));
    await scheduleReminders();
  } else if (id === NOTIFICATION.review) {
    await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html?tab=review') });
  }
  await browser.notifications.clear(id);
}

export async function notificationClosed(id: string, byUser: boolean): Promise<void> {
  if (id === NOTIFICATION.nudge && byUser) await writeState(recordIgnored(await readState()));
}

async function notify(
  id: string,
  title: string,
  message: string,
  buttons: string[],
): Promise<void> {
  const options = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
    // Firefox shows no buttons: a click on the notification takes the first action.
    ...(buttons.length && !isFirefox() ? { buttons: buttons.map((title) => ({ title })) } : {}),
  };
  await browser.notifications.create(id, options);
}

function isFirefox(): boolean {
  return (
    typeof (browser.runtime as unknown as { getBrowserInfo?: unknown }).getBrowserInfo ===
    'function'
  );
}

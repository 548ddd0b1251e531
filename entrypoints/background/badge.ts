/**
 * The toolbar badge: how many thank-you prompts are due now, nothing when none.
 */
import { DAY, suggestions } from '@/lib/prompts';
import { getStore, loadSettings, t, uiLocale } from '@/platform';
import { setBadge } from '@/platform/background';

export async function dueSuggestions(now: number = Date.now()) {
  const [store, settings] = await Promise.all([getStore(), loadSettings()]);
  const [people, interactions, appreciations, checkIns, trend] = await Promise.all([
    store.listPeople(),
    store.interactionsBetween(now - 30 * DAY, now + 1),
    store.listAppreciations(),
    store.listCheckIns(),
    store.weeklyTrend(settings, 3, now),
  ]);
  return suggestions({
    now,
    people,
    interactions,
    appreciations,
    checkIns,
    trend,
    settings,
    t,
    locale: uiLocale(),
  });
}

export async function refreshBadge(): Promise<number> {
  let due: number;
  try {
    due = (await dueSuggestions()).filter((s) => s.personId).length;
  } catch {
    // A log that cannot be read now (a newer version took it over, storage refused) leaves the
    // badge as it was: the pages say what is wrong.
    return 0;
  }
  await setBadge(due ? String(due) : '', '#1d4ed8');
  return due;
}

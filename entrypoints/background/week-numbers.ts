/**
 * This week's numbers, carried in the popup's address for its first paint (lib/week-numbers.ts):
 * read again after each change to the log or the settings. One reading at a time, and at most
 * one waiting, so the numbers written last are those of the last change.
 */
import { getStore, keepWeekNumbers, loadSettings } from '@/platform';

let waiting: Promise<void> | undefined;
let latest: Promise<unknown> = Promise.resolve();

export function refreshWeekNumbers(): Promise<void> {
  if (waiting) return waiting;
  const reading = latest.then(() => {
    waiting = undefined;
    return readAndKeep();
  });
  waiting = reading;
  latest = reading.catch(() => undefined);
  return reading;
}

async function readAndKeep(): Promise<void> {
  const [store, settings] = await Promise.all([getStore(), loadSettings()]);
  const balance = await store.weekSummary(settings);
  await keepWeekNumbers({ balance, band: settings.band });
}

/**
 * The popup's opening read — its settings, the log, this week's numbers — started by
 * popup.html's early classic script while the page's modules load, and taken over by the
 * popup's module: the one hand-over between the two, through the page's global object.
 */
import type { WeeklyBalance } from '@/lib/balance';
import type { Settings } from '@/lib/model';
import { openReaderIfCurrent } from '@/lib/store/open-current';
import type { StoreReader } from '@/lib/store/reader';
import { loadDisplaySettings } from './core';

export interface PopupOpening {
  reader: StoreReader;
  settings: Settings;
  /** The moment the week was read for. */
  now: number;
  balance: WeeklyBalance;
}

/** The early read in flight, and its result once it has arrived (for the very first render). */
export interface EarlyOpening {
  /** Undefined when there was nothing to read early: the popup then reads itself. */
  reading: Promise<PopupOpening | undefined>;
  read?: PopupOpening;
}

const HAND_OVER = Symbol.for('inside-out:popup-opening');
type WithHandOver = typeof globalThis & { [HAND_OVER]?: EarlyOpening };

/** For the early script: starts the opening read and leaves it for the module. */
export function startPopupOpening(): void {
  performance.mark('popup:early-script');
  const early: EarlyOpening = { reading: readEarly() };
  void early.reading.then((read) => (early.read = read));
  (globalThis as WithHandOver)[HAND_OVER] = early;
}

/** For the popup's module: the early read, if the early script ran. */
export function earlyPopupOpening(): EarlyOpening | undefined {
  return (globalThis as WithHandOver)[HAND_OVER];
}

/**
 * Only a log that exists at the current version is read early; anything else (no log yet, a
 * migration, a failure) is left to the popup's own read, which creates or migrates the log
 * through the store, or says what is wrong.
 */
async function readEarly(): Promise<PopupOpening | undefined> {
  const [reader, settings] = await Promise.all([
    openReaderIfCurrent().then((reader) => (performance.mark('popup:log-open'), reader)),
    loadDisplaySettings().then(
      (settings) => (performance.mark('popup:settings-read'), settings),
      () => undefined,
    ),
  ]);
  if (!reader || !settings) return void reader?.close();
  try {
    const now = Date.now();
    const balance = await reader.weekSummary(settings, now);
    performance.mark('popup:week-read');
    return { reader, settings, now, balance };
  } catch {
    reader.close();
    return undefined;
  }
}

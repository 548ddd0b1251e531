/**
 * The popup's first paint, by popup.html's early classic script while the page's modules load:
 * this week's numbers as the popup's address carries them (lib/week-numbers.ts), painted before
 * anything is read. The popup's module then paints in its place and reads the log. The one
 * hand-over between the two, through the page's global object.
 */
import { weekNumbersIn, type WeekNumbers } from '@/lib/week-numbers';

export interface EarlyOpening {
  /** The numbers the address carries, if they are of this week. */
  kept?: WeekNumbers;
  /** What the early script painted from them, until the module paints instead. */
  firstPaint?: Element;
  /** Set by the module: from then on it paints, and the early script must not. */
  takenOver?: boolean;
}

const HAND_OVER = Symbol.for('inside-out:popup-opening');
/** The early opening, or a note that the module ran first (the early script then does nothing). */
type WithHandOver = typeof globalThis & { [HAND_OVER]?: EarlyOpening | 'module-first' };

/** For the early script: undefined when the module has already started (it paints itself). */
export function startPopupOpening(): EarlyOpening | undefined {
  if ((globalThis as WithHandOver)[HAND_OVER]) return undefined;
  performance.mark('popup:early-script');
  const early: EarlyOpening = { kept: keptWeekNumbers() };
  (globalThis as WithHandOver)[HAND_OVER] = early;
  return early;
}

/** This week's numbers as the popup's address carries them (none when opened without them). */
export function keptWeekNumbers(): WeekNumbers | undefined {
  return weekNumbersIn(location.hash, Date.now());
}

/** For the popup's module, before its first render: the early script's paint gives way to it. */
export function takeOverFirstPaint(): void {
  const early = earlyPopupOpening();
  if (!early) {
    (globalThis as WithHandOver)[HAND_OVER] = 'module-first';
    return;
  }
  early.takenOver = true;
  early.firstPaint?.remove();
}

/** For the popup's module: the early opening, if the early script ran first. */
export function earlyPopupOpening(): EarlyOpening | undefined {
  const early = (globalThis as WithHandOver)[HAND_OVER];
  return early === 'module-first' ? undefined : early;
}

/**
 * This week's numbers as last read, carried in the popup's own address so that its first paint
 * needs no read at all: the popup shows them at once, and its read of the log follows and
 * replaces them. The background sets the address after each change to the log or the settings,
 * and the popup after each of its reads. Parsed like any input: a wrong one is ignored.
 */
import type { WeeklyBalance } from './balance';
import type { Settings } from './model';

export interface WeekNumbers {
  balance: WeeklyBalance;
  band: Settings['band'];
}

/** Relative to the extension's root, as the browser's action takes it. */
const POPUP_PAGE = 'popup.html';

const POSITIONS: ReadonlySet<unknown> = new Set<WeeklyBalance['position']>([
  'no-data',
  'balanced',
  'too-external',
  'too-internal',
]);
const COUNTS = [
  'start',
  'end',
  'internal',
  'external',
  'unknown',
  'internalPeople',
  'externalPeople',
  'unknownPeople',
  'thanks',
  'thankGoal',
  'checkIns',
] as const;

/** The popup's address carrying `numbers` (what its first paint shows, nothing else). */
export function popupAddressWith(numbers: WeekNumbers): string {
  return `${POPUP_PAGE}#${encodeURIComponent(JSON.stringify(readWeekNumbers(numbers)))}`;
}

/** Whether the popup's address would carry the same numbers (so it need not be set again). */
export function sameWeekNumbers(a: WeekNumbers, b: WeekNumbers | undefined): boolean {
  return !!b && popupAddressWith(a) === popupAddressWith(b);
}

/** The numbers an address's fragment carries, if they are whole and of the week `now` is in. */
export function weekNumbersIn(fragment: string, now: number): WeekNumbers | undefined {
  let stored: unknown;
  try {
    stored = JSON.parse(decodeURIComponent(fragment.replace(/^#/, '')));
  } catch {
    return undefined;
  }
  const numbers = readWeekNumbers(stored);
  return numbers && numbers.balance.start <= now && now < numbers.balance.end ? numbers : undefined;
}

function readWeekNumbers(stored: unknown): WeekNumbers | undefined {
  if (!stored || typeof stored !== 'object') return undefined;
  const { balance, band } = stored as Partial<Record<keyof WeekNumbers, Record<string, unknown>>>;
  if (!balance || !band || typeof band.min !== 'number' || typeof band.max !== 'number')
    return undefined;
  const share = balance.internalShare;
  if (
    !COUNTS.every((name) => Number.isFinite(balance[name])) ||
    !(share === null || Number.isFinite(share)) ||
    !POSITIONS.has(balance.position)
  )
    return undefined;
  const whole = Object.fromEntries(COUNTS.map((name) => [name, balance[name]]));
  return {
    balance: { ...whole, internalShare: share, position: balance.position } as WeeklyBalance,
    band: { min: band.min, max: band.max },
  };
}

/**
 * Loaded by popup.html ahead of its modules: it paints this week's numbers as the popup's
 * address carries them, before anything is read. The module then paints in its place and reads
 * the log (platform/popup-opening.ts).
 */
import { render } from 'preact';
import { WeekAtAGlance } from '@/components/review/WeekAtAGlance';
import type { WeekNumbers } from '@/lib/week-numbers';
import { showInUiLanguage } from '@/platform/core';
import { startPopupOpening, type EarlyOpening } from '@/platform/popup-opening';

export default defineUnlistedScript(() => {
  const early = startPopupOpening();
  if (early?.kept) paintKept(early, early.kept);
});

function paintKept(early: EarlyOpening, kept: WeekNumbers): void {
  const app = document.getElementById('app');
  if (!app) {
    // The page is still being parsed: painted once it is, before the modules run.
    document.addEventListener('readystatechange', () => paintKept(early, kept), { once: true });
    return;
  }
  if (early.takenOver) return;
  showInUiLanguage();
  // A holder of its own: the module's Preact never finds this one's state on its container.
  const holder = document.createElement('div');
  holder.style.display = 'contents';
  app.append(holder);
  render(<WeekAtAGlance balance={kept.balance} band={kept.band} />, holder);
  early.firstPaint = holder;
  performance.mark('popup:numbers-kept');
}

import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/platform';

/** How long "Undo" stays after hiding the launcher, unless the user is on the notice. */
const UNDO_MS = 10_000;

/**
 * Right after "Hide here": the tab is gone from the page, this says where it can be brought
 * back, and offers Undo (focused, so Enter undoes). Then the sidebar closes, and with it every
 * trace of the extension in the page, until the menu or the shortcut opens it again.
 */
export function HiddenNotice({ onUndo, onDone }: { onUndo(): void; onDone(): void }) {
  const notice = useRef<HTMLDivElement>(null);
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    undo.current?.focus();
    let timer: ReturnType<typeof setTimeout>;
    const wait = () => {
      timer = setTimeout(() => {
        const here = notice.current;
        // Not while the user is reading or about to press it.
        if (here && (here.contains(document.activeElement) || here.matches(':hover'))) wait();
        else onDone();
      }, UNDO_MS);
    };
    wait();
    return () => clearTimeout(timer);
  }, []);
  return (
    <div ref={notice} class="notice" role="status" data-testid="hidden-notice">
      <p>{t('sidebarHiddenNotice')}</p>
      <button ref={undo} type="button" data-testid="undo-hide" onClick={onUndo}>
        {t('logUndo')}
      </button>
    </div>
  );
}

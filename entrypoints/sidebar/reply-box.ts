import { useEffect, useState } from 'preact/hooks';
import type { Tool } from '@/lib/model';
import { REPLY_BOXES } from '@/lib/reply-boxes';
import { sendToBackground } from '@/platform';

/**
 * Whether the page under the sidebar has a reply box open, so Insert is offered only then.
 * Asked when the composer opens and again whenever the user comes back to the sidebar from the
 * page (the pointer is over it again, or it gains focus), which is when they may have opened or
 * closed one there: the button is right by the time they reach for it.
 */
export function useReplyBoxOpen(tool: Tool | undefined): boolean {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!tool || !REPLY_BOXES[tool]) {
      setOpen(false);
      return undefined;
    }
    let current = true;
    /** The user went to the page (the sidebar lost focus) and has not come back yet. */
    let away = false;
    const ask = () => {
      away = false;
      void sendToBackground({ type: 'relay', message: { type: 'reply-box-open' } }).then(
        (reply) => current && setOpen(reply === true),
      );
    };
    const leave = () => {
      away = true;
    };
    const pointerBack = () => {
      if (away) ask();
    };
    ask();
    window.addEventListener('focus', ask);
    window.addEventListener('blur', leave);
    document.addEventListener('pointerover', pointerBack);
    return () => {
      current = false;
      window.removeEventListener('focus', ask);
      window.removeEventListener('blur', leave);
      document.removeEventListener('pointerover', pointerBack);
    };
  }, [tool]);
  return open;
}

import { useEffect, useState } from 'preact/hooks';
import type { Tool } from '@/lib/model';
import { REPLY_BOXES } from '@/lib/reply-boxes';
import { sendToBackground } from '@/platform';

/**
 * Whether the page under the sidebar has a reply box open, so Insert is offered only then.
 * Asked when the composer opens and again whenever the user comes back to the sidebar (its
 * window gains focus), which is when they may have opened or closed one in the page.
 */
export function useReplyBoxOpen(tool: Tool | undefined): boolean {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!tool || !REPLY_BOXES[tool]) {
      setOpen(false);
      return undefined;
    }
    let current = true;
    const ask = () =>
      void sendToBackground({ type: 'relay', message: { type: 'reply-box-open' } }).then(
        (reply) => current && setOpen(reply === true),
      );
    ask();
    window.addEventListener('focus', ask);
    return () => {
      current = false;
      window.removeEventListener('focus', ask);
    };
  }, [tool]);
  return open;
}

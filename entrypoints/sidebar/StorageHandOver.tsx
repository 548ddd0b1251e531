import { useEffect } from 'preact/hooks';
import { StorageProblem } from '@/components/shared/StorageProblem';
import { storageProblemOf } from '@/lib/storage-errors';
import { sendToBackground } from '@/platform';

/**
 * The in-page sidebar could not open the log. Where its frame may not use storage (the browser
 * blocks third-party storage, and a frame inside a web page counts as one), the side panel, a
 * page of the extension's own, can: the launcher opens it from now on, and a button opens it now
 * (the browser wants a click for that).
 */
export function StorageHandOver({ problem }: { problem: unknown }) {
  const denied = storageProblemOf(problem) === 'denied';
  useEffect(() => {
    if (denied) void sendToBackground({ type: 'frame-storage-denied', open: false });
  }, [denied]);
  return (
    <StorageProblem
      problem={problem}
      where="frame"
      onOpenSidePanel={
        denied
          ? () => void sendToBackground({ type: 'frame-storage-denied', open: true })
          : undefined
      }
    />
  );
}

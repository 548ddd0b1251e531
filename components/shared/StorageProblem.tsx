import { describeOpenProblem, storageProblemOf } from '@/lib/storage-errors';
// The zod-free platform only: the popup shows this too.
import { t } from '@/platform/core';

/**
 * Why the log could not be opened, in words, and what to do: shown where the page would
 * otherwise say "Loading…" forever. `onOpenSidePanel`: the in-page sidebar's way out when its
 * frame may not use storage (the side panel is a page of the extension's own).
 */
export function StorageProblem({
  problem,
  where,
  onOpenSidePanel,
}: {
  problem: unknown;
  where: 'frame' | 'page';
  onOpenSidePanel?: () => void;
}) {
  return (
    <section
      role="alert"
      class="storage-problem"
      data-testid="storage-problem"
      data-problem={storageProblemOf(problem)}
    >
      <h2>{t('storageHeading')}</h2>
      <p>{describeOpenProblem(problem, t, where)}</p>
      {onOpenSidePanel && (
        <p>
          <button type="button" data-testid="open-in-side-panel" onClick={onOpenSidePanel}>
            {t('storageOpenSidePanel')}
          </button>
        </p>
      )}
    </section>
  );
}

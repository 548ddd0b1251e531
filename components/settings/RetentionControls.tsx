import { useState } from 'preact/hooks';
import {
  MAX_KEEP_MONTHS,
  MIN_KEEP_MONTHS,
  parseKeepMonths,
  retentionCutoff,
  totalRemoved,
  type RetentionCount,
} from '@/lib/retention';
import { describeFailedWrite } from '@/lib/storage-errors';
import type { Store } from '@/lib/store';
import { t } from '@/platform';

interface Pending {
  months: number;
  cutoff: number;
  count: RetentionCount;
}

/**
 * "Keep for N months": checks the value, says how many entries would go and asks, offers the
 * export first (as wiping does); open commitments are never removed.
 */
export function RetentionControls(props: {
  store: Store;
  onExport(): void;
  onStatus(status: string): void;
}) {
  const { store, onStatus } = props;
  const [keepFor, setKeepFor] = useState('24');
  const [error, setError] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);

  /** Nothing is removed here: only counted, for the user to confirm. */
  async function ask() {
    setPending(null);
    const keep = parseKeepMonths(keepFor);
    if (!keep.ok) {
      setError(t('dataKeepInvalid', MIN_KEEP_MONTHS, MAX_KEEP_MONTHS));
      return;
    }
    setError('');
    const now = Date.now();
    const cutoff = retentionCutoff(keep.months, now);
    const count = await store.countOlderThan(cutoff, now);
    if (totalRemoved(count) === 0) onStatus(t('dataPruneNothing', keep.months));
    else setPending({ months: keep.months, cutoff, count });
  }

  async function prune() {
    if (!pending) return;
    setPending(null);
    try {
      const removed = await store.removeOlderThan(pending.cutoff);
      onStatus(t('dataPruned', removed, pending.months));
    } catch (failure) {
      onStatus(describeFailedWrite(failure, t));
    }
  }

  return (
    <fieldset>
      <legend>{t('dataKeepFor')}</legend>
      <label class="inline">
        <input
          type="number"
          min={MIN_KEEP_MONTHS}
          max={MAX_KEEP_MONTHS}
          step={1}
          required
          value={keepFor}
          onInput={(e) => {
            setKeepFor(e.currentTarget.value);
            setPending(null);
          }}
          aria-label={t('dataMonthsToKeep')}
          aria-invalid={error ? true : undefined}
          data-testid="keep-months"
        />
        {t('dataMonths')}
      </label>
      <button type="button" data-testid="prune" onClick={() => void ask()}>
        {t('dataPrune')}
      </button>
      {error && (
        <p role="alert" class="error" data-testid="keep-error">
          {error}
        </p>
      )}
      {pending && (
        <div role="alertdialog" aria-labelledby="prune-title" class="prompt">
          <p id="prune-title" data-testid="prune-count">
            {t(
              'dataPruneConfirm',
              totalRemoved(pending.count),
              pending.months,
              pending.count.interactions,
              pending.count.appreciations,
              pending.count.checkIns,
            )}{' '}
            {pending.count.openCommitmentsKept > 0 &&
              t('dataPruneKeepsCommitments', pending.count.openCommitmentsKept)}
          </p>
          <div class="actions">
            <button type="button" onClick={props.onExport}>
              {t('dataExportFirst')}
            </button>
            <button
              type="button"
              class="danger"
              data-testid="prune-confirm"
              onClick={() => void prune()}
            >
              {t('dataPruneConfirmButton', totalRemoved(pending.count))}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('dataKeep')}
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}

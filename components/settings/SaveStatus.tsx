import { t } from '@/platform';
import type { AutosaveStatus } from './autosave';

/**
 * "Saved", or what was not saved and why: one line that stays in view at the top of the page,
 * and that a screen reader reads out as it changes.
 */
export function SaveStatus({ status }: { status: AutosaveStatus }) {
  const problems = Object.values(status.problems);
  return (
    <p
      class={`save-status${problems.length ? ' error' : ''}`}
      role="status"
      aria-live="polite"
      data-testid="settings-status"
      data-state={problems.length ? 'problem' : status.saved ? 'saved' : 'idle'}
    >
      {problems.length ? problems.join(' ') : status.saved ? t('optionsSaved') : ''}
    </p>
  );
}

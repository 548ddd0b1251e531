import { useEffect, useRef, useState } from 'preact/hooks';
import { ValidationError, type Settings } from '@/lib/model';
import { updateSettings } from '@/lib/settings';
import { SyncQuotaError } from '@/lib/settings-sync';
import { changeSettings, saveSettingsWhileLeaving, t } from '@/platform';

/** What the page says about saving: nothing yet, saved, or why a field was not saved. */
export interface AutosaveStatus {
  saved: boolean;
  /** Per field, what is wrong with it (that field is not saved until it is right). */
  problems: Record<string, string>;
}

export interface Autosave {
  status: AutosaveStatus;
  /**
   * A field changed: saves `changes` (after a short pause while typing, at once with `now`),
   * or, when `problem` says the input is wrong, saves nothing and shows why.
   */
  change(
    field: string,
    changes: Partial<Settings>,
    options?: { now?: boolean; problem?: string },
  ): void;
  /** Saves whatever is waiting (the field was left). */
  flush(): void;
  /** The field holds something not saved yet (waiting, or wrong): keep showing the user's text. */
  isDirty(field: string): boolean;
}

const TYPING_PAUSE_MS = 600;

/**
 * Settings save as they change: each field on its own (a wrong field never holds back the
 * others, and never reaches storage), one save at a time, on top of what is stored now
 * (changeSettings), and whatever is waiting is saved when the page is left.
 */
export function useAutosave(saved: Settings): Autosave {
  const latest = useRef(saved);
  latest.current = saved;
  const pending = useRef(new Map<string, Partial<Settings>>());
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [status, setStatus] = useState<AutosaveStatus>({ saved: false, problems: {} });
  const problems = useRef<Record<string, string>>({});

  const setProblem = (field: string, problem: string | undefined) => {
    const next = { ...problems.current };
    if (problem) next[field] = problem;
    else delete next[field];
    problems.current = next;
  };

  function flush(): void {
    clearTimeout(timer.current);
    const batch = [...pending.current];
    pending.current.clear();
    if (!batch.length) return;
    queue.current = queue.current.then(async () => {
      let saved = false;
      for (const [field, changes] of batch) {
        try {
          await changeSettings(changes);
          setProblem(field, undefined);
          saved = true;
        } catch (error) {
          setProblem(field, describe(error));
        }
      }
      setStatus({ saved, problems: problems.current });
    });
  }

  function change(
    field: string,
    changes: Partial<Settings>,
    options: { now?: boolean; problem?: string } = {},
  ): void {
    if (options.problem) {
      pending.current.delete(field);
      setProblem(field, options.problem);
      setStatus({ saved: false, problems: problems.current });
      return;
    }
    pending.current.set(field, changes);
    clearTimeout(timer.current);
    if (options.now) flush();
    else timer.current = setTimeout(flush, TYPING_PAUSE_MS);
  }

  /** The page is going: what is waiting and right is written in one call made now. */
  function saveWhileLeaving(): void {
    clearTimeout(timer.current);
    let next = latest.current;
    for (const changes of pending.current.values()) {
      try {
        next = updateSettings(next, changes);
      } catch {
        // Checked when queued; a field that went wrong since stays unsaved, like any wrong field.
      }
    }
    if (pending.current.size) saveSettingsWhileLeaving(next);
    pending.current.clear();
  }

  useEffect(() => {
    const onLeave = () => saveWhileLeaving();
    const onHidden = () => document.visibilityState === 'hidden' && saveWhileLeaving();
    addEventListener('pagehide', onLeave);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      removeEventListener('pagehide', onLeave);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, []);

  return {
    status,
    change,
    flush,
    isDirty: (field) => pending.current.has(field) || field in problems.current,
  };
}

function describe(error: unknown): string {
  if (error instanceof ValidationError) return t('optionsNotSaved', error.problems.join('; '));
  if (error instanceof SyncQuotaError) return t('settingsTooLargeForSync');
  return t('optionsNotSaved', (error as Error).message);
}

/** Whether `changes` would be valid settings on top of `current` (a check before queueing). */
export function problemWith(current: Settings, changes: Partial<Settings>): string | undefined {
  try {
    updateSettings(current, changes);
    return undefined;
  } catch (error) {
    return describe(error);
  }
}

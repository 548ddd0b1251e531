import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Person, type Settings } from '@/lib/model';
import type { LearnedRule } from '@/lib/learned-rules/rule';
import type { Store } from '@/lib/store';
import { loadRules, watchRules } from '@/platform/learned-rules';
import { useLive } from './read-hooks';
import {
  getStore,
  loadSettings,
  onPendingComposer,
  onSettingsChanged,
  takePendingComposer,
} from '@/platform';

/**
 * The settings last read in this page. A view mounted later starts from them rather than from
 * the defaults: a read made with the defaults (no organisation's domains) would sort people
 * wrongly for a moment, and be made twice.
 */
let lastRead: Settings | undefined;

async function loadAndRemember(): Promise<Settings> {
  const read = await loadSettings();
  // The same settings keep the same object, so views that depend on them do not read again.
  if (!lastRead || JSON.stringify(read) !== JSON.stringify(lastRead)) lastRead = read;
  return lastRead;
}

function watchAndRemember(callback: (settings: Settings) => void): () => void {
  return onSettingsChanged((settings) => {
    lastRead = settings;
    callback(settings);
  });
}

/** The user's settings, kept live (the defaults until first read in this page). */
export function useSettings(): Settings {
  return useLive(lastRead ?? DEFAULT_SETTINGS, loadAndRemember, watchAndRemember);
}

/** Whether this page has read the settings yet (until then, useSettings gives the defaults). */
export function settingsWereRead(): boolean {
  return lastRead !== undefined;
}

/** The store once open, or why it could not be opened (never "loading" forever). */
export function useOpenStore(): { store?: Store; problem?: unknown } {
  const [opened, setOpened] = useState<{ store?: Store; problem?: unknown }>({});
  useEffect(() => {
    getStore().then(
      (store) => setOpened({ store }),
      (problem: unknown) => setOpened({ problem: problem ?? new Error(String(problem)) }),
    );
  }, []);
  return opened;
}

/**
 * Whom the composer should open for when this page was opened from "Thank …" elsewhere (the
 * context menu, the popup): one person, or several to choose from.
 */
export function usePendingComposer(
  store: Store | undefined,
  onPerson: (person: Person) => void,
  onChoices: (people: Person[]) => void,
): void {
  useEffect(() => {
    if (!store) return;
    const check = async () => {
      const pending = await takePendingComposer();
      if (!pending) return;
      if ('personId' in pending) {
        const person = await store.getPerson(pending.personId);
        if (person) onPerson(person);
      } else {
        onChoices(await store.getPeople(pending.candidateIds));
      }
    };
    void check();
    return onPendingComposer(() => void check());
  }, [store]);
}

/** The learned rules, kept live. */
export function useLearnedRules(): LearnedRule[] {
  return useLive<LearnedRule[]>([], loadRules, watchRules);
}

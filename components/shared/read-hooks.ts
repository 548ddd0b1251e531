/**
 * Hooks for pages that only read the log (the popup): nothing here loads validation code before
 * the page has painted, which keeps the popup small and quick to open.
 */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS } from '@/lib/defaults';
import type { Settings } from '@/lib/model';
import { onStoreChange } from '@/lib/store/changes';

/**
 * A value read once and then kept live by a watch: `initial` until read, `ifUnreadable` if the
 * read fails (without one, a failed read leaves `initial`).
 */
export function useLive<T>(
  initial: T,
  load: () => Promise<T>,
  watch: (callback: (value: T) => void) => () => void,
  ifUnreadable?: () => T,
): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    void load().then(setValue, ifUnreadable && (() => setValue(ifUnreadable())));
    return watch(setValue);
  }, []);
  return value;
}

/**
 * The settings' one reader (lib/settings.ts, with its schema), loaded once the page has painted:
 * a page that only reads needs none for its first paint.
 */
const settingsReader = () => import('@/platform');

/** The settings as stored and parsed, read once. */
export async function loadSettingsLater(): Promise<Settings> {
  return (await settingsReader()).loadSettings();
}

/** The settings, kept live; undefined until read (so nothing is read twice). */
export function useSettingsLoadedLater(): Settings | undefined {
  return useLive<Settings | undefined>(
    undefined,
    loadSettingsLater,
    (callback) => {
      let stop: (() => void) | undefined;
      let stopped = false;
      void settingsReader().then(({ onSettingsChanged }) => {
        if (!stopped) stop = onSettingsChanged(callback);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
    () => DEFAULT_SETTINGS,
  );
}

/** A number that changes whenever any page changes the log: a dependency for live views. */
export function useStoreVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => onStoreChange(() => setVersion((v) => v + 1)), []);
  return version;
}

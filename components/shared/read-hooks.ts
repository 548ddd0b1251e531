/**
 * Hooks for pages that only read the log (the popup): nothing here pulls in validation code,
 * which keeps the popup small and quick to open.
 */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS } from '@/lib/defaults';
import type { Settings } from '@/lib/model';
import { onStoreChange } from '@/lib/store/changes';
import { loadDisplaySettings, onDisplaySettingsChanged } from '@/platform/core';

/** The settings as stored, kept live; undefined until read (so nothing is read twice). */
export function useDisplaySettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    void loadDisplaySettings().then(setSettings, () => setSettings(DEFAULT_SETTINGS));
    return onDisplaySettingsChanged(setSettings);
  }, []);
  return settings;
}

/** A number that changes whenever any page changes the log: a dependency for live views. */
export function useStoreVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => onStoreChange(() => setVersion((v) => v + 1)), []);
  return version;
}

/**
 * The settings' defaults, the one place they are written: the schema (lib/model.ts) takes each
 * field's `.default` from here. Kept free of zod and of every other import so the popup stays
 * small: it reads settings with the lenient `settingsForDisplay` below; every page that writes
 * settings parses them with the schema (lib/settings.ts).
 */

/** Where the settings live in storage.sync (each self-hosted tool apart: lib/settings-sync.ts). */
export const SETTINGS_KEY = 'settings';
export const CUSTOM_DOMAIN_PREFIX = 'custom-domain:';

/** Whether a change in storage.sync touches the settings (the item or a custom domain). */
export function isSettingsKey(key: string): boolean {
  return key === SETTINGS_KEY || key.startsWith(CUSTOM_DOMAIN_PREFIX);
}

export const DEFAULT_SETTINGS = {
  version: 1 as const,
  orgDomains: [] as string[],
  weekStartsOn: 1,
  timeZone: '',
  band: { min: 0.3, max: 0.7 },
  weeklyThankGoal: 3,
  reminderDays: [5],
  reminderTime: '15:00',
  quietHours: { start: '19:00', end: '08:00' },
  sites: {} as Record<never, boolean>,
  customDomains: [] as never[],
  autoLog: 'after-open' as 'after-open' | 'manual',
  autoLogDelaySeconds: 5,
};
type Defaults = typeof DEFAULT_SETTINGS;

/** Stored settings with every field of the wrong kind replaced by its default. */
export function settingsForDisplay(stored: unknown): Defaults {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return DEFAULT_SETTINGS;
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, fallback] of Object.entries(DEFAULT_SETTINGS)) {
    const value = (stored as Record<string, unknown>)[key];
    const sameKind = Array.isArray(fallback)
      ? Array.isArray(value)
      : typeof value === typeof fallback && value !== null;
    if (value !== undefined && sameKind) out[key] = value;
  }
  const band = out.band as Defaults['band'];
  if (!(band.min >= 0 && band.max <= 1 && band.min <= band.max)) out.band = DEFAULT_SETTINGS.band;
  const week = out.weekStartsOn as number;
  if (!Number.isInteger(week) || week < 0 || week > 6)
    out.weekStartsOn = DEFAULT_SETTINGS.weekStartsOn;
  return out as Defaults;
}

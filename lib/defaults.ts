/**
 * The default settings as a plain object, and a lenient read of stored settings for views that
 * only display them (the popup). Kept free of zod so the popup stays small; every page that
 * writes settings parses them with the schema (lib/settings.ts). A unit test checks that the
 * schema's defaults and these are the same.
 */
import type { Settings } from './model';

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  orgDomains: [],
  weekStartsOn: 1,
  timeZone: '',
  band: { min: 0.3, max: 0.7 },
  weeklyThankGoal: 3,
  reminderDays: [5],
  reminderTime: '15:00',
  quietHours: { start: '19:00', end: '08:00' },
  sites: {},
  customDomains: [],
  autoLog: 'after-open',
  autoLogDelaySeconds: 5,
};

/** Stored settings with every field of the wrong kind replaced by its default. */
export function settingsForDisplay(stored: unknown): Settings {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return DEFAULT_SETTINGS;
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, fallback] of Object.entries(DEFAULT_SETTINGS)) {
    const value = (stored as Record<string, unknown>)[key];
    const sameKind = Array.isArray(fallback)
      ? Array.isArray(value)
      : typeof value === typeof fallback && value !== null;
    if (value !== undefined && sameKind) out[key] = value;
  }
  const band = out.band as Settings['band'];
  if (!(band.min >= 0 && band.max <= 1 && band.min <= band.max)) out.band = DEFAULT_SETTINGS.band;
  const week = out.weekStartsOn as number;
  if (!Number.isInteger(week) || week < 0 || week > 6)
    out.weekStartsOn = DEFAULT_SETTINGS.weekStartsOn;
  return out as Settings;
}

/**
 * Settings as stored (storage.sync): parsed by their schema, with defaults, and salvaged field
 * by field when something stored is invalid, so one bad value never loses the rest.
 */
import {
  DEFAULT_SETTINGS,
  SettingsSchema,
  ValidationError,
  describeIssues,
  type Settings,
} from './model';

export function readSettings(stored: unknown): Settings {
  const whole = SettingsSchema.safeParse(stored ?? {});
  if (whole.success) return whole.data;
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return DEFAULT_SETTINGS;
  const salvaged: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
    if (!Object.hasOwn(stored, key)) continue;
    const value = (stored as Record<string, unknown>)[key];
    if (SettingsSchema.safeParse({ [key]: value }).success) salvaged[key] = value;
  }
  return SettingsSchema.parse(salvaged);
}

/** Applies changes to settings, or throws a ValidationError naming what is wrong. */
export function updateSettings(current: Settings, changes: Partial<Settings>): Settings {
  const result = SettingsSchema.safeParse({ ...current, ...changes });
  if (!result.success) throw new ValidationError('settings', describeIssues(result.error));
  return result.data;
}

/** The domains typed into a field: one per line, or separated by spaces or commas. */
export function domainsFromText(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * The settings' defaults, the one place they are written: the schema (lib/model.ts) takes each
 * field's `.default` from here, and every read parses with that schema (lib/settings.ts). Kept
 * free of zod and of every other import: the popup needs the defaults before it loads the schema.
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

/**
 * How settings are laid out in `storage.sync`, which the browser copies to every device signed in
 * and which refuses any one item over 8 KB. The settings stay one item, but what grows with use
 * moves out of it: each self-hosted tool is an item of its own (`custom-domain:<origin>`), so a
 * hundred of them fit, and two devices adding one each at the same time both keep theirs.
 * Settings written before this layout (custom domains inside the settings item) are read as
 * before and moved out on the next save. Pure: it plans reads and writes, platform/ does them.
 */
import { z } from 'zod';
import { MAX_CUSTOM_DOMAINS, SettingsSchema, ToolSchema, type Settings } from './model';
import { CUSTOM_DOMAIN_PREFIX as DOMAIN_PREFIX, SETTINGS_KEY } from './defaults';
import { readSettings } from './settings';

/** storage.sync's limits in Chrome (Firefox's are the same or looser). */
export const SYNC_QUOTA = { perItem: 8_192, total: 102_400, items: 512 } as const;

type CustomDomain = Settings['customDomains'][number];
const CustomDomainSchema = z.strictObject({
  tool: ToolSchema,
  origin: z.url({ protocol: /^https$/ }),
});

export const customDomainKey = (origin: string): string => `${DOMAIN_PREFIX}${origin}`;

/** The settings from everything storage.sync holds; a bad item is skipped, never the rest. */
export function joinSettings(stored: Record<string, unknown>): Settings {
  const whole = (stored[SETTINGS_KEY] ?? {}) as Record<string, unknown>;
  // Read without the custom domains, which are parsed one by one below.
  const { customDomains: legacy, ...rest } =
    whole && typeof whole === 'object' && !Array.isArray(whole) ? whole : {};
  const settings = readSettings(rest);
  const byOrigin = new Map<string, CustomDomain>();
  const add = (value: unknown) => {
    const parsed = CustomDomainSchema.safeParse(value);
    if (parsed.success) byOrigin.set(parsed.data.origin, parsed.data);
  };
  if (Array.isArray(legacy)) legacy.forEach(add);
  for (const [key, value] of Object.entries(stored)) if (key.startsWith(DOMAIN_PREFIX)) add(value);
  return { ...settings, customDomains: [...byOrigin.values()].slice(0, MAX_CUSTOM_DOMAINS) };
}

/** Bytes an item takes against the per-item quota: its key and its value as JSON. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

export class SyncQuotaError extends Error {
  constructor(readonly item: string) {
    super(`The settings are too large for the browser's sync storage (${item})`);
    this.name = 'SyncQuotaError';
  }
}

/**
 * What to write so that storage.sync holds `changes` on top of what it holds now (`current`):
 * the settings item, without custom domains (they are written one by one, by their own
 * commands, so a save from a page showing an older list never drops another device's), and the
 * custom domains a former layout kept inside it, moved out. Throws SyncQuotaError before
 * anything is written when an item, or everything together, would not fit.
 */
export function planSettingsWrite(
  current: Record<string, unknown>,
  changes: { settings?: Settings; addDomain?: CustomDomain },
): Record<string, unknown> {
  const stored = joinSettings(current);
  const writes: Record<string, unknown> = {};
  if (changes.settings || hasLegacyDomains(current)) {
    // Custom domains are items of their own, written one by one.
    const settings: Partial<Settings> = { ...SettingsSchema.parse(changes.settings ?? stored) };
    delete settings.customDomains;
    writes[SETTINGS_KEY] = settings;
  }
  const domains = changes.addDomain
    ? [...stored.customDomains, changes.addDomain]
    : stored.customDomains;
  for (const domain of domains) {
    const key = customDomainKey(domain.origin);
    if (JSON.stringify(current[key]) !== JSON.stringify(domain)) writes[key] = domain;
  }
  const after = { ...current, ...writes };
  const domainCount = Object.keys(after).filter((key) => key.startsWith(DOMAIN_PREFIX)).length;
  if (domainCount > MAX_CUSTOM_DOMAINS) throw new SyncQuotaError('custom domains');
  let total = 0;
  for (const [key, value] of Object.entries(after)) {
    const bytes = itemBytes(key, value);
    if (bytes > SYNC_QUOTA.perItem) throw new SyncQuotaError(key);
    total += bytes;
  }
  if (total > SYNC_QUOTA.total || Object.keys(after).length > SYNC_QUOTA.items)
    throw new SyncQuotaError('all');
  return writes;
}

function hasLegacyDomains(current: Record<string, unknown>): boolean {
  const whole = current[SETTINGS_KEY];
  return !!whole && typeof whole === 'object' && 'customDomains' in whole;
}

/**
 * Self-hosted tools: which ones the user added is a setting, synced to every device
 * (lib/settings-sync.ts, one item each); whether this device may reach one is this device's
 * own (a host permission, and the content script registered for it), remembered in
 * storage.local. A device without the permission keeps the domain in the synced settings and
 * offers to allow it; a domain removed anywhere loses this device's script and access too.
 */
import { browser } from 'wxt/browser';
import { originPattern, scriptId } from '@/lib/custom-domains';
import { customDomainKey, joinSettings, planSettingsWrite } from '@/lib/settings-sync';
import type { Tool } from '@/lib/sites';
import { customDomainGrantsItem } from './storage';

export function hasOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.contains({ origins });
}

/** Must be called from a click: the browser shows its own prompt. */
export function requestOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}

/**
 * Adds a self-hosted tool. Must be called straight from the user's click: the permission
 * prompt needs the gesture, so it is asked before anything else is awaited. A save that fails
 * (the sync quota, a broken profile) leaves nothing behind: no script, and no access granted
 * only for it. Throws what the save threw.
 */
export async function addCustomDomain(tool: Tool, origin: string): Promise<boolean> {
  const pattern = originPattern(origin);
  const [heldBefore, granted] = await Promise.all([
    hasOrigins([pattern]),
    requestOrigins([pattern]),
  ]);
  if (!granted) return false;
  try {
    await registerCustomScript(tool, origin);
    const current = await browser.storage.sync.get(null);
    await browser.storage.sync.set(planSettingsWrite(current, { addDomain: { tool, origin } }));
  } catch (error) {
    await unregisterScripts([scriptId(tool, origin)]).catch(() => undefined);
    if (!heldBefore) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    throw error;
  }
  await rememberGrant(origin, true);
  return true;
}

/** A domain the synced settings hold, allowed on this device too (from a click). */
export async function allowCustomDomainHere(tool: Tool, origin: string): Promise<boolean> {
  if (!(await requestOrigins([originPattern(origin)]))) return false;
  await registerCustomScript(tool, origin);
  await rememberGrant(origin, true);
  return true;
}

/** Removes both the script and the permission, and forgets the domain on every device. */
export async function removeCustomDomain(origin: string): Promise<void> {
  const current = await browser.storage.sync.get(null);
  const ids = joinSettings(current)
    .customDomains.filter((d) => d.origin === origin)
    .map((d) => scriptId(d.tool, d.origin));
  await unregisterScripts(ids);
  await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
  // Settings of the former layout hold the domain inside them: move those out first.
  const moved = planSettingsWrite(current, {});
  if (Object.keys(moved).length) await browser.storage.sync.set(moved);
  await browser.storage.sync.remove(customDomainKey(origin));
  await rememberGrant(origin, false);
}

/**
 * Makes this device's scripts and access match the synced settings and the permissions the
 * browser really holds. A domain this device may not reach stays in the settings (another
 * device may) and gets no script here; a domain gone from the settings takes this device's
 * script, and the access this device granted for it, with it.
 */
export async function syncCustomDomains(): Promise<void> {
  const { customDomains } = joinSettings(await browser.storage.sync.get(null));
  const reachable = [];
  for (const domain of customDomains)
    if (await hasOrigins([originPattern(domain.origin)])) reachable.push(domain);
  const wanted = new Set(reachable.map((d) => scriptId(d.tool, d.origin)));
  const registered = await browser.scripting.getRegisteredContentScripts();
  await unregisterScripts(
    registered.map((s) => s.id).filter((id) => id.startsWith('custom:') && !wanted.has(id)),
  );
  const present = new Set(registered.map((s) => s.id));
  for (const d of reachable)
    if (!present.has(scriptId(d.tool, d.origin))) await registerCustomScript(d.tool, d.origin);
  const synced = new Set(customDomains.map((d) => d.origin));
  for (const origin of await customDomainGrantsItem.get())
    if (!synced.has(origin))
      await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
  await customDomainGrantsItem.set(reachable.map((d) => d.origin));
}

async function rememberGrant(origin: string, granted: boolean): Promise<void> {
  const grants = (await customDomainGrantsItem.get()).filter((o) => o !== origin);
  await customDomainGrantsItem.set(granted ? [...grants, origin] : grants);
}

async function registerCustomScript(tool: Tool, origin: string): Promise<void> {
  const id = scriptId(tool, origin);
  await unregisterScripts([id]);
  await browser.scripting.registerContentScripts([
    {
      id,
      matches: [originPattern(origin)],
      js: [`content-scripts/${tool}.js`],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

async function unregisterScripts(ids: string[]): Promise<void> {
  if (!ids.length) return;
  const registered = new Set(
    (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id),
  );
  const present = ids.filter((id) => registered.has(id));
  if (present.length) await browser.scripting.unregisterContentScripts({ ids: present });
}

/**
 * The background's part in learned rules: hands a tab's content script the rule for its tool and
 * host, records what the rule read there, and loads the picker into a tab when asked.
 */
import { adapterFor } from '@/lib/adapters';
import type { MessageOf, PickingTarget } from '@/lib/messages';
import { loadSettings, tellPages, type Sender } from '@/platform';
import { injectPicker, recordReading, ruleFor } from '@/platform/learned-rules';

/** The host of the page that sent a message (a frame's own address, else its tab's). */
function hostOf(sender: Sender): string | undefined {
  try {
    return new URL(sender.url ?? sender.tab?.url ?? '').hostname || undefined;
  } catch {
    return undefined;
  }
}

export async function learnedRuleFor(message: MessageOf<'learned-rule'>, sender: Sender) {
  const host = hostOf(sender);
  return host ? ((await ruleFor(message.tool, host))?.people ?? null) : null;
}

export async function learnedRuleRead(message: MessageOf<'learned-rule-read'>, sender: Sender) {
  const host = hostOf(sender);
  if (host) await recordReading(message.tool, host, message.count);
}

/** Starts picking in the sender's tab (the in-page sidebar's own). */
export async function startPicking(sender: Sender): Promise<PickingTarget> {
  const tab = sender.tab;
  if (tab?.id === undefined || !tab.url) return null;
  const url = new URL(tab.url);
  const adapter = adapterFor(url, (await loadSettings()).customDomains);
  if (!adapter) return null;
  return (await injectPicker(tab.id)) ? { tool: adapter.tool, host: url.hostname } : null;
}

/** The picker's state, passed to the in-page sidebar of the same tab. */
export async function pickStateReported(message: MessageOf<'pick-state'>, sender: Sender) {
  const tabId = sender.tab?.id;
  if (tabId !== undefined) await tellPages(tabId, { ...message, type: 'picked', tabId });
}

/**
 * The background's part in learned rules: hands a tab's content script the rule for its tool and
 * host, records what the rule read there, and loads the picker into a tab when asked.
 */
import { adapterFor } from '@/lib/adapters';
import type { MessageOf, PickingTarget } from '@/lib/messages';
import { loadSettings, sendToTab, tellPages, type Sender } from '@/platform';
import { injectOnDemand, recordReading, ruleFor } from '@/platform/learned-rules';

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
  const rule = host ? await ruleFor(message.tool, host) : undefined;
  return rule ? { people: rule.people, thread: rule.thread } : null;
}

export async function learnedRuleRead(message: MessageOf<'learned-rule-read'>, sender: Sender) {
  const host = hostOf(sender);
  if (host) await recordReading(message.tool, host, message.count);
}

/**
 * Starts picking in the sender's tab (the in-page sidebar's own), already set to what is picked,
 * so the sidebar hears of nothing else once this answers.
 */
export async function startPicking(
  message: MessageOf<'start-picking'>,
  sender: Sender,
): Promise<PickingTarget> {
  const tab = sender.tab;
  if (tab?.id === undefined || !tab.url) return null;
  const url = new URL(tab.url);
  const adapter = adapterFor(url, (await loadSettings()).customDomains);
  if (!adapter || !(await injectOnDemand(tab.id, '/picker.js'))) return null;
  const part = message.part ?? 'people';
  if (part !== 'people')
    await sendToTab(tab.id, { type: 'pick', action: 'part', part, tool: adapter.tool });
  return { tool: adapter.tool, host: url.hostname };
}

/** The picker's state, passed to the in-page sidebar of the same tab. */
export async function pickStateReported(message: MessageOf<'pick-state'>, sender: Sender) {
  const tabId = sender.tab?.id;
  if (tabId !== undefined) await tellPages(tabId, { ...message, type: 'picked', tabId });
}

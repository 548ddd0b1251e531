/**
 * The learned rules, in the extension's own storage (never the page's): one typed item holding
 * every rule, each entry parsed on the way out so a damaged one is skipped, not trusted. Every
 * change goes through the functions here.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { withTaught, type LearnedRule, type RuleParts } from '@/lib/learned-rules/rule';
import { importRules, parseStoredRules, type ImportResult } from '@/lib/learned-rules/schema';
import type { MessageOf, TryRuleReply } from '@/lib/messages';
import type { Tool } from '@/lib/sites';
import { sendToTab } from './index';

const rulesItem = storage.defineItem<unknown[]>('local:learned-rules', {
  fallback: [],
  version: 1,
});

export async function loadRules(): Promise<LearnedRule[]> {
  return parseStoredRules(await rulesItem.getValue());
}

export function watchRules(callback: (rules: LearnedRule[]) => void): () => void {
  return rulesItem.watch((value) => callback(parseStoredRules(value)));
}

export async function ruleFor(tool: Tool, host: string): Promise<LearnedRule | undefined> {
  return (await loadRules()).find((r) => r.tool === tool && r.host === host);
}

/** Saves what was just taught for a tool at a host, with the parts taught there before. */
export async function teachRule(
  tool: Tool,
  host: string,
  taught: RuleParts,
  count: number,
): Promise<void> {
  const existing = await ruleFor(tool, host);
  await saveRule(withTaught(existing, taught, { tool, host, now: Date.now(), count }));
}

/** Saves a rule in place of the one this tool and host had (it was re-taught). */
async function saveRule(rule: LearnedRule): Promise<void> {
  const [checked] = parseStoredRules([rule]);
  if (!checked) throw new Error('not a valid learned rule');
  const others = (await loadRules()).filter((r) => !(r.tool === rule.tool && r.host === rule.host));
  await rulesItem.setValue([...others, checked]);
}

export async function removeRule(tool: Tool, host: string): Promise<void> {
  const rules = await loadRules();
  await rulesItem.setValue(rules.filter((r) => !(r.tool === tool && r.host === host)));
}

/** Imports a rules file: every rule in it, or (with its reason) none. */
export async function importRulesFile(text: string): Promise<ImportResult> {
  const result = importRules(await loadRules(), text);
  if (result.ok && result.added.length) await rulesItem.setValue(result.rules);
  return result;
}

/**
 * Remembers what a rule read on a page of its host: when and how many, or that it read nobody.
 * Written only when that changes what the options page or the sidebar shows (at most once an
 * hour for the same count), so a busy page does not write on every read.
 */
export async function recordReading(tool: Tool, host: string, count: number, now = Date.now()) {
  const rules = await loadRules();
  const rule = rules.find((r) => r.tool === tool && r.host === host);
  if (!rule) return;
  if (count > 0) {
    const fresh = rule.lastCount === count && now - (rule.lastMatchedAt ?? 0) < 3_600_000;
    if (fresh && rule.missedAt === undefined) return;
    rule.lastMatchedAt = now;
    rule.lastCount = Math.min(count, 50);
    delete rule.missedAt;
  } else {
    if (rule.missedAt !== undefined) return;
    rule.missedAt = now;
  }
  await rulesItem.setValue(rules);
}

/**
 * Loads one of the scripts host pages load only when the user asks (the picker while they pick,
 * the insertion when they insert) into a tab's top frame, beside the content script.
 */
export async function injectOnDemand(
  tabId: number,
  script: '/picker.js' | '/insert.js',
): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [script] });
    return true;
  } catch {
    return false;
  }
}

/** What a rule reads now in the most recently used tab at its host (null: no such tab open). */
export async function tryRuleInTab(rule: LearnedRule): Promise<TryRuleReply | null> {
  const tabs = await browser.tabs.query({ url: `https://${rule.host}/*` });
  const tab = tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  if (tab?.id === undefined) return null;
  const reply = await sendToTab(tab.id, {
    type: 'try-learned-rule',
    // Parsed when loaded.
    rule: { people: rule.people, thread: rule.thread } as MessageOf<'try-learned-rule'>['rule'],
  });
  return reply ?? null;
}

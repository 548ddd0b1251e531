/**
 * The adapter registry: picks the adapter for a URL and runs the whole detection with it.
 * A broken adapter (markup changed) yields null, never an exception in the host page.
 */
import { MatchPattern } from '@webext-core/match-patterns';
import type { Conversation, Tool } from '../model';
import type { Adapter } from './types';
import { freshdesk } from './freshdesk';
import { github } from './github';
import { gmail } from './gmail';
import { googleChat } from './google-chat';
import { jira } from './jira';
import { linear } from './linear';
import { outlook } from './outlook';
import { servicenow } from './servicenow';
import { slack } from './slack';
import { teams } from './teams';
import { zendesk } from './zendesk';

import { detectWith, type DetectOptions } from './detect';

export type { Adapter } from './types';
export { detectWith, type DetectOptions } from './detect';

/** Order matters where patterns overlap: Google Chat inside Gmail (`/chat/`) before Gmail. */
export const ADAPTERS: readonly Adapter[] = [
  googleChat,
  gmail,
  outlook,
  jira,
  zendesk,
  github,
  linear,
  freshdesk,
  servicenow,
  slack,
  teams,
];

const compiled = ADAPTERS.map((adapter) => ({
  adapter,
  patterns: adapter.matches.map((m) => new MatchPattern(m)),
}));

/** The adapter for a page, by its URL; custom domains map an origin to a tool. */
export function adapterFor(
  url: URL,
  customDomains: ReadonlyArray<{ tool: Tool; origin: string }> = [],
): Adapter | undefined {
  const custom = customDomains.find((d) => safeOrigin(d.origin) === url.origin);
  if (custom) return ADAPTERS.find((a) => a.tool === custom.tool);
  // A string, not the URL: the library checks `instanceof Location`, absent in service workers.
  return compiled.find(({ patterns }) => patterns.some((p) => p.includes(url.href)))?.adapter;
}

function safeOrigin(origin: string): string | undefined {
  try {
    return new URL(origin).origin;
  } catch {
    return undefined;
  }
}

/**
 * What the content script runs on a page: the adapter for its address (custom domains
 * included), then `detectWith` — learned rules, the tool's generations, its same-origin frames,
 * the generic reader. Pure over the DOM it is given; never throws. Each content script bundles
 * one adapter and calls `detectWith` with it directly: the same path.
 */
export function detectConversation(
  document: Document,
  url: URL,
  options: DetectOptions & { customDomains?: ReadonlyArray<{ tool: Tool; origin: string }> } = {},
): Conversation | null {
  const adapter = adapterFor(url, options.customDomains);
  return adapter ? detectWith(adapter, document, url, options) : null;
}

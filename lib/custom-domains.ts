/**
 * Self-hosted tools (Jira Data Center, GitHub Enterprise, Zendesk on a custom domain):
 * turning what the user typed into an origin the browser can be asked about, and the ids and
 * match patterns of the content scripts registered for it.
 */
import type { Translate } from './i18n';
import { MatchPattern } from '@webext-core/match-patterns';
import { ALL_TOOL_MATCHES, type Tool } from './sites';

export type CustomDomainResult = { ok: true; origin: string } | { ok: false; problem: string };

/** `jira.acme.example`, `https://jira.acme.example/browse/X-1` → `https://jira.acme.example`. */
export function parseCustomDomain(input: string, t: Translate): CustomDomainResult {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, problem: t('customDomainEmpty') };
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return { ok: false, problem: t('customDomainNotAnAddress', trimmed) };
  }
  if (url.protocol !== 'https:') return { ok: false, problem: t('customDomainHttpsOnly') };
  if (!url.hostname.includes('.') || url.username || url.password) {
    return { ok: false, problem: t('customDomainNotAnAddress', trimmed) };
  }
  if (isSupportedAddress(url.href)) {
    return { ok: false, problem: t('customDomainSupported', url.hostname) };
  }
  return { ok: true, origin: url.origin };
}

const supported = ALL_TOOL_MATCHES.map((m) => new MatchPattern(m));

/**
 * A page of a supported tool at its own address (not a self-hosted one): where the manifest
 * lets the in-page sidebar be framed. A string: the library's `instanceof Location` check
 * fails in service workers.
 */
export function isSupportedAddress(href: string): boolean {
  try {
    return supported.some((pattern) => pattern.includes(href));
  } catch {
    return false; // not an address at all
  }
}

/** The pattern asked for and registered: every page of that origin. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

export function scriptId(tool: Tool, origin: string): string {
  return `custom:${tool}:${origin}`;
}

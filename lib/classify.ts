/**
 * Internal, external or unknown: from the user's own choice (always wins), the user's org
 * domains, and what the tool itself says about a person.
 */
import type { Relationship, RelationshipSource } from './model';

/** Free mail providers: an address here says nothing about whom someone works for. */
export const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'yandex.ru',
  'fastmail.com',
  'hey.com',
  'tutanota.com',
  'qq.com',
  '163.com',
  '126.com',
  'naver.com',
  'orange.fr',
  'free.fr',
  'libero.it',
  't-online.de',
]);

export interface Classification {
  relationship: Relationship;
  source: RelationshipSource;
}

export interface ClassifyInput {
  email?: string;
  /** What the tool says (a Zendesk end user, a Slack Connect badge). */
  signal?: 'internal' | 'external';
}

export function domainOf(email: string | undefined): string | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  return at >= 0 ? email!.slice(at + 1).toLowerCase() : undefined;
}

export function isPublicMailDomain(domain: string): boolean {
  return PUBLIC_MAIL_DOMAINS.has(domain.toLowerCase());
}

/** True when `domain` is one of the org domains or a subdomain of one (never a public one). */
export function isOrgDomain(domain: string, orgDomains: readonly string[]): boolean {
  const d = domain.toLowerCase();
  if (isPublicMailDomain(d)) return false;
  return orgDomains.some((org) => {
    const o = org.toLowerCase();
    return d === o || d.endsWith(`.${o}`);
  });
}

/**
 * Classifies one person. Order of evidence: the user's manual choice; an address at an org
 * domain; the tool's own signal; an address at a company domain outside the org; otherwise
 * whatever the person already had, or unknown.
 */
export function classify(
  input: ClassifyInput,
  orgDomains: readonly string[],
  existing?: Classification,
): Classification {
  if (existing?.source === 'manual') return existing;
  const domain = domainOf(input.email);
  if (domain && isOrgDomain(domain, orgDomains))
    return { relationship: 'internal', source: 'rule' };
  if (input.signal) return { relationship: input.signal, source: 'tool' };
  if (domain && orgDomains.length > 0 && !isPublicMailDomain(domain)) {
    return { relationship: 'external', source: 'rule' };
  }
  if (existing && existing.relationship !== 'unknown') return existing;
  return { relationship: 'unknown', source: 'rule' };
}

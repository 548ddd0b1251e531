/**
 * The two questions that set the organisation up from what the user is doing, each asked once
 * per domain: "Are people at @yours your colleagues?" when a page shows the user's own address
 * and no organisation is set, and "Everyone at @theirs too?" after tagging someone internal.
 */
import { domainOf, isOrgDomain, isPublicMailDomain } from './classify';
import type { Person, Relationship } from './model';

/** The user's own domain to ask about, or nothing to ask. */
export function ownDomainToAsk(
  self: { name?: string; email?: string } | undefined,
  orgDomains: readonly string[],
  declined: readonly string[],
): string | undefined {
  if (orgDomains.length > 0) return undefined;
  return askable(domainOf(self?.email), orgDomains, declined);
}

/** After the user tags `person` internal by hand: their domain, if it is worth offering. */
export function domainToExtend(
  person: Pick<Person, 'emails'>,
  relationship: Relationship,
  orgDomains: readonly string[],
  declined: readonly string[],
): string | undefined {
  if (relationship !== 'internal') return undefined;
  for (const email of person.emails) {
    const domain = askable(domainOf(email), orgDomains, declined);
    if (domain) return domain;
  }
  return undefined;
}

function askable(
  domain: string | undefined,
  orgDomains: readonly string[],
  declined: readonly string[],
): string | undefined {
  if (!domain || isPublicMailDomain(domain) || isOrgDomain(domain, orgDomains)) return undefined;
  return declined.includes(domain) ? undefined : domain;
}

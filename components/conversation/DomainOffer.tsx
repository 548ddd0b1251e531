import { useEffect, useState } from 'preact/hooks';
import { domainToExtend, ownDomainToAsk } from '@/lib/domain-offers';
import type { Conversation, Person, Relationship, Settings } from '@/lib/model';
import {
  addOrgDomain,
  declineDomainOffer,
  loadDeclinedDomainOffers,
  onDeclinedDomainOffersChanged,
  removeOrgDomain,
  t,
} from '@/platform';

export interface DomainOfferProps {
  conversation: Conversation;
  settings: Settings;
  /** The person the user just tagged by hand, and how. */
  lastTagged?: { person: Person; relationship: Relationship };
}

/**
 * Sets the organisation up from what the user does: asks once whether people at the user's own
 * domain are colleagues, and after an internal tag, whether everyone at that person's domain is.
 * "Yes" adds the domain to the settings (with undo); "No" is remembered and never asked again.
 */
export function DomainOffer({ conversation, settings, lastTagged }: DomainOfferProps) {
  const [declined, setDeclined] = useState<string[]>();
  const [added, setAdded] = useState<string>();
  const [error, setError] = useState('');
  useEffect(() => {
    void loadDeclinedDomainOffers().then(setDeclined);
    return onDeclinedDomainOffersChanged(setDeclined);
  }, []);

  if (!declined) return null;
  // A new question takes the place of the last answer's "Saved" (its undo is in the settings too).
  const own = ownDomainToAsk(conversation.self, settings.orgDomains, declined);
  const extend =
    !own && lastTagged
      ? domainToExtend(lastTagged.person, lastTagged.relationship, settings.orgDomains, declined)
      : undefined;
  const domain = own ?? extend;
  if (!domain && added) {
    return (
      <div class="prompt" role="status" data-testid="domain-added" data-domain={added}>
        <p>{t('offerAdded', added)}</p>
        <button
          type="button"
          data-testid="domain-undo"
          onClick={() => void removeOrgDomain(added).then(() => setAdded(undefined), fail)}
        >
          {t('logUndo')}
        </button>
      </div>
    );
  }
  if (!domain) return null;

  function fail(e: unknown) {
    setError(t('offerNotSaved', (e as Error).message));
  }
  const question = own
    ? t('offerOwnDomain', domain)
    : t('offerExtendDomain', domain, lastTagged!.person.name);
  return (
    <div
      class="prompt"
      role="group"
      aria-label={question}
      data-testid={own ? 'own-domain-offer' : 'extend-domain-offer'}
      data-domain={domain}
    >
      <p>
        <strong>{question}</strong>
      </p>
      <p class="hint">{t(own ? 'offerOwnDomainHint' : 'offerExtendDomainHint')}</p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="actions">
        <button
          type="button"
          data-testid="domain-yes"
          onClick={() => void addOrgDomain(domain).then(() => setAdded(domain), fail)}
        >
          {t(own ? 'offerOwnDomainYes' : 'offerExtendDomainYes')}
        </button>
        <button
          type="button"
          data-testid="domain-no"
          onClick={() => void declineDomainOffer(domain).catch(fail)}
        >
          {t('offerNo')}
        </button>
      </div>
    </div>
  );
}

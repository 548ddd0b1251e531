import { useState } from 'preact/hooks';
import { parseCustomDomain } from '@/lib/custom-domains';
import type { Settings } from '@/lib/model';
import { TOOL_LABELS, TOOLS, type Tool } from '@/lib/sites';
import { addCustomDomain, removeCustomDomain, t } from '@/platform';

/**
 * Self-hosted tools: the browser is asked for that one origin from the click, the tool's
 * content script is registered for it, and removing the domain removes both.
 */
export function CustomDomains({ domains }: { domains: Settings['customDomains'] }) {
  const [tool, setTool] = useState<Tool>('jira');
  const [address, setAddress] = useState('');
  const [status, setStatus] = useState('');

  async function add(event: Event) {
    event.preventDefault();
    const parsed = parseCustomDomain(address, t);
    if (!parsed.ok) {
      setStatus(parsed.problem);
      return;
    }
    try {
      const added = await addCustomDomain(tool, parsed.origin);
      setStatus(
        added
          ? t('domainsAdded', parsed.origin, TOOL_LABELS[tool])
          : t('domainsNotGranted', parsed.origin),
      );
      if (added) setAddress('');
    } catch (e) {
      setStatus(t('domainsAddFailed', parsed.origin, (e as Error).message));
    }
  }

  async function remove(origin: string) {
    await removeCustomDomain(origin);
    setStatus(t('domainsRemoved', origin));
  }

  return (
    <section aria-labelledby="custom-domains">
      <h2 id="custom-domains">{t('domainsHeading')}</h2>
      <p class="hint">{t('domainsHint')}</p>
      {domains.length > 0 && (
        <ul class="people" data-testid="custom-domain-list">
          {domains.map((d) => (
            <li key={d.origin} data-testid="custom-domain" data-origin={d.origin}>
              {t('domainsToolAt', TOOL_LABELS[d.tool], d.origin)}{' '}
              <button
                type="button"
                onClick={() => void remove(d.origin)}
                aria-label={t('domainsRemoveLabel', d.origin)}
              >
                {t('domainsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void add(e)} data-testid="custom-domain-form">
        <label>
          {t('domainsTool')}
          <select value={tool} onChange={(e) => setTool(e.currentTarget.value as Tool)}>
            {TOOLS.map((option) => (
              <option key={option} value={option}>
                {TOOL_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('domainsAddress')}
          <input
            data-testid="custom-domain-address"
            value={address}
            placeholder={t('domainsAddressPlaceholder')}
            onInput={(e) => setAddress(e.currentTarget.value)}
          />
        </label>
        <button type="submit" data-testid="custom-domain-add">
          {t('domainsAdd')}
        </button>
      </form>
      <p role="status" data-testid="custom-domain-status">
        {status}
      </p>
    </section>
  );
}

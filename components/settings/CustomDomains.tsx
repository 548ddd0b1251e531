import { useEffect, useState } from 'preact/hooks';
import { originPattern, parseCustomDomain } from '@/lib/custom-domains';
import type { Settings } from '@/lib/model';
import { SELF_HOSTED_TOOLS, TOOL_LABELS, type Tool } from '@/lib/sites';
import { SyncQuotaError } from '@/lib/settings-sync';
import {
  addCustomDomain,
  allowCustomDomainHere,
  hasOrigins,
  removeCustomDomain,
  t,
} from '@/platform';

/**
 * Self-hosted tools: the browser is asked for that one origin from the click, the tool's
 * content script is registered for it, and removing the domain removes both. The list is
 * synced; access is per device, so one added elsewhere is offered to allow here.
 */
export function CustomDomains({ domains }: { domains: Settings['customDomains'] }) {
  const [tool, setTool] = useState<Tool>('jira');
  const [address, setAddress] = useState('');
  const [status, setStatus] = useState('');
  const [allowedHere, setAllowedHere] = useState<Record<string, boolean>>({});

  async function refreshAccess() {
    const entries = await Promise.all(
      domains.map(async (d) => [d.origin, await hasOrigins([originPattern(d.origin)])] as const),
    );
    setAllowedHere(Object.fromEntries(entries));
  }
  useEffect(() => void refreshAccess(), [domains]);

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
      setStatus(
        e instanceof SyncQuotaError
          ? t('settingsTooLargeForSync')
          : t('domainsAddFailed', parsed.origin, (e as Error).message),
      );
    }
  }

  async function allowHere(tool: Tool, origin: string) {
    const allowed = await allowCustomDomainHere(tool, origin);
    setStatus(allowed ? t('domainsAllowedHere', origin) : t('domainsNotGranted', origin));
    await refreshAccess();
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
              {allowedHere[d.origin] === false && (
                <>
                  <em data-testid="not-allowed-here">{t('domainsNotAllowedHere')}</em>{' '}
                  <button
                    type="button"
                    onClick={() => void allowHere(d.tool, d.origin)}
                    aria-label={t('domainsAllowHereLabel', d.origin)}
                  >
                    {t('domainsAllowHere')}
                  </button>{' '}
                </>
              )}
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
            {SELF_HOSTED_TOOLS.map((option) => (
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

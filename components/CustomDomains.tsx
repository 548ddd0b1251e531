import { useState } from 'preact/hooks';
import { parseCustomDomain } from '@/lib/custom-domains';
import type { Settings } from '@/lib/model';
import { TOOL_LABELS, TOOLS, type Tool } from '@/lib/sites';
import { addCustomDomain, removeCustomDomain } from '@/platform';

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
    const parsed = parseCustomDomain(address);
    if (!parsed.ok) {
      setStatus(parsed.problem);
      return;
    }
    try {
      const added = await addCustomDomain(tool, parsed.origin);
      setStatus(
        added
          ? `Added ${parsed.origin} as ${TOOL_LABELS[tool]}. Reload its tabs to see Inside Out there.`
          : `The browser did not grant access to ${parsed.origin}; nothing was added.`,
      );
      if (added) setAddress('');
    } catch (e) {
      setStatus(`Could not add ${parsed.origin}: ${(e as Error).message}`);
    }
  }

  async function remove(origin: string) {
    await removeCustomDomain(origin);
    setStatus(`Removed ${origin} and its access.`);
  }

  return (
    <section aria-labelledby="custom-domains">
      <h2 id="custom-domains">Self-hosted tools</h2>
      <p class="hint">
        Jira Data Center, GitHub Enterprise, Zendesk on your own domain… Inside Out asks the browser
        for that one address only.
      </p>
      {domains.length > 0 && (
        <ul class="people" data-testid="custom-domain-list">
          {domains.map((d) => (
            <li key={d.origin} data-testid="custom-domain" data-origin={d.origin}>
              {TOOL_LABELS[d.tool]} at {d.origin}{' '}
              <button
                type="button"
                onClick={() => void remove(d.origin)}
                aria-label={`Remove ${d.origin}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void add(e)} data-testid="custom-domain-form">
        <label>
          Tool
          <select value={tool} onChange={(e) => setTool(e.currentTarget.value as Tool)}>
            {TOOLS.map((t) => (
              <option key={t} value={t}>
                {TOOL_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Address
          <input
            data-testid="custom-domain-address"
            value={address}
            placeholder="jira.example.com"
            onInput={(e) => setAddress(e.currentTarget.value)}
          />
        </label>
        <button type="submit" data-testid="custom-domain-add">
          Add and allow
        </button>
      </form>
      <p role="status" data-testid="custom-domain-status">
        {status}
      </p>
    </section>
  );
}

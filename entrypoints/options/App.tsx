import { useEffect, useMemo, useState } from 'preact/hooks';
import { useSettings, useStore, useStoreVersion } from '@/components/hooks';
import { CustomDomains } from '@/components/CustomDomains';
import { DataControls } from '@/components/DataControls';
import { classify } from '@/lib/classify';
import {
  ValidationError,
  describeIssues,
  SettingsSchema,
  type Person,
  type Settings,
} from '@/lib/model';
import { TOOL_LABELS, TOOL_MATCHES, TOOLS, type Tool } from '@/lib/sites';
import { hasOrigins, requestOrigins, saveSettings, seenOrgDomains } from '@/platform';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Settings: org domains with a preview, tools and their permissions, goals, reminders, data. */
export function App() {
  const saved = useSettings();
  const store = useStore();
  const version = useStoreVersion();
  const [draft, setDraft] = useState<Settings>(saved);
  const [domainsText, setDomainsText] = useState('');
  const [people, setPeople] = useState<Person[]>([]);
  const [granted, setGranted] = useState<Partial<Record<Tool, boolean>>>({});
  const [suggested, setSuggested] = useState<string[]>([]);
  const [status, setStatus] = useState('');

  useEffect(() => {
    setDraft(saved);
    setDomainsText(saved.orgDomains.join('\n'));
  }, [saved]);
  useEffect(() => {
    void store?.listPeople().then(setPeople);
  }, [store, version]);
  useEffect(() => {
    void refreshPermissions();
    void seenOrgDomains().then(setSuggested);
  }, []);

  async function refreshPermissions() {
    const entries = await Promise.all(
      TOOLS.map(async (t) => [t, await hasOrigins([...TOOL_MATCHES[t]])] as const),
    );
    setGranted(Object.fromEntries(entries));
  }

  const domains = domainsText
    .split(/[\s,]+/)
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
  const preview = useMemo(() => {
    const counts = { internal: 0, external: 0, unknown: 0 };
    for (const p of people) {
      const result = classify(
        { email: p.emails[0] },
        domains,
        p.relationshipSource === 'rule'
          ? undefined
          : { relationship: p.relationship, source: p.relationshipSource },
      );
      counts[result.relationship]++;
    }
    return counts;
  }, [people, domainsText]);

  async function save(event: Event) {
    event.preventDefault();
    // Custom domains are saved by their own controls: keep what is stored now.
    const result = SettingsSchema.safeParse({
      ...draft,
      orgDomains: domains,
      customDomains: saved.customDomains,
    });
    if (!result.success) {
      setStatus(`Not saved: ${describeIssues(result.error).join('; ')}`);
      return;
    }
    try {
      await saveSettings(result.data);
      setStatus('Saved.');
    } catch (e) {
      setStatus(
        e instanceof ValidationError ? e.problems.join('; ') : `Not saved: ${(e as Error).message}`,
      );
    }
  }

  async function toggleTool(tool: Tool, on: boolean) {
    if (on && !granted[tool]) {
      // Asked from this click: the browser shows its own prompt.
      const ok = await requestOrigins([...TOOL_MATCHES[tool]]);
      await refreshPermissions();
      if (!ok) {
        setStatus(`${TOOL_LABELS[tool]} stays off: the browser did not grant access.`);
        return;
      }
    }
    setDraft({ ...draft, sites: { ...draft.sites, [tool]: on } });
  }

  const number = (key: keyof Settings) => (e: Event) =>
    setDraft({ ...draft, [key]: Number((e.currentTarget as HTMLInputElement).value) });

  return (
    <main class="options">
      <h1>Inside Out settings</h1>
      <form onSubmit={(e) => void save(e)} data-testid="settings-form">
        <section aria-labelledby="org">
          <h2 id="org">Your organisation</h2>
          <label>
            Org domains (one per line; subdomains count)
            <textarea
              data-testid="org-domains"
              rows={3}
              value={domainsText}
              onInput={(e) => setDomainsText(e.currentTarget.value)}
              placeholder="acme.example"
            />
          </label>
          {suggested
            .filter((d) => !domains.includes(d))
            .map((d) => (
              <button
                key={d}
                type="button"
                onClick={() => setDomainsText([...domains, d].join('\n'))}
              >
                Add {d} (you are signed in with it)
              </button>
            ))}
          <p class="hint" data-testid="classification-preview">
            With these domains, the {people.length} people you know would be: {preview.internal}{' '}
            internal, {preview.external} external, {preview.unknown} not sure. Your own choices
            always stay.
          </p>
        </section>

        <section aria-labelledby="tools">
          <h2 id="tools">Tools</h2>
          <ul class="people">
            {TOOLS.map((tool) => (
              <li key={tool}>
                <label class="inline">
                  <input
                    type="checkbox"
                    data-testid={`site-${tool}`}
                    checked={draft.sites[tool] !== false && granted[tool] !== false}
                    onChange={(e) => void toggleTool(tool, e.currentTarget.checked)}
                  />
                  {TOOL_LABELS[tool]}
                </label>
                <span class="meta">
                  {granted[tool] === undefined
                    ? 'checking…'
                    : granted[tool]
                      ? 'access granted'
                      : 'no access yet'}{' '}
                  ·{' '}
                  {TOOL_MATCHES[tool]
                    .map((m) => m.replace('https://', '').replace('/*', ''))
                    .join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="week">
          <h2 id="week">Your week</h2>
          <label>
            The week starts on
            <select value={draft.weekStartsOn} onChange={number('weekStartsOn')}>
              {DAYS.map((d, i) => (
                <option key={d} value={i}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>Balanced means an internal share between</legend>
            <label class="inline">
              <input
                type="number"
                min={0}
                max={100}
                value={Math.round(draft.band.min * 100)}
                onInput={(e) =>
                  setDraft({
                    ...draft,
                    band: { ...draft.band, min: Number(e.currentTarget.value) / 100 },
                  })
                }
                aria-label="Band minimum, percent"
              />
              % and
              <input
                type="number"
                min={0}
                max={100}
                value={Math.round(draft.band.max * 100)}
                onInput={(e) =>
                  setDraft({
                    ...draft,
                    band: { ...draft.band, max: Number(e.currentTarget.value) / 100 },
                  })
                }
                aria-label="Band maximum, percent"
              />
              %
            </label>
          </fieldset>
          <label>
            Weekly thank-you goal
            <input
              type="number"
              min={0}
              max={100}
              value={draft.weeklyThankGoal}
              onInput={number('weeklyThankGoal')}
            />
          </label>
        </section>

        <section aria-labelledby="reminders">
          <h2 id="reminders">Reminders</h2>
          <fieldset>
            <legend>Remind me on</legend>
            {DAYS.map((d, i) => (
              <label key={d} class="inline">
                <input
                  type="checkbox"
                  checked={draft.reminderDays.includes(i)}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      reminderDays: e.currentTarget.checked
                        ? [...draft.reminderDays, i].sort()
                        : draft.reminderDays.filter((x) => x !== i),
                    })
                  }
                />
                {d}
              </label>
            ))}
          </fieldset>
          <label>
            At
            <input
              type="time"
              value={draft.reminderTime}
              onInput={(e) => setDraft({ ...draft, reminderTime: e.currentTarget.value })}
            />
          </label>
          <fieldset>
            <legend>Quiet hours</legend>
            <label class="inline">
              from
              <input
                type="time"
                value={draft.quietHours.start}
                onInput={(e) =>
                  setDraft({
                    ...draft,
                    quietHours: { ...draft.quietHours, start: e.currentTarget.value },
                  })
                }
              />
              to
              <input
                type="time"
                value={draft.quietHours.end}
                onInput={(e) =>
                  setDraft({
                    ...draft,
                    quietHours: { ...draft.quietHours, end: e.currentTarget.value },
                  })
                }
              />
            </label>
          </fieldset>
          <label>
            Logging
            <select
              value={draft.autoLog}
              onChange={(e) =>
                setDraft({ ...draft, autoLog: e.currentTarget.value as Settings['autoLog'] })
              }
            >
              <option value="after-open">
                Log a conversation once it has been open a few seconds
              </option>
              <option value="manual">Only when I tag or log it myself</option>
            </select>
          </label>
        </section>
        <button type="submit" data-testid="save-settings">
          Save settings
        </button>
        <p role="status" data-testid="settings-status">
          {status}
        </p>
      </form>
      <CustomDomains domains={saved.customDomains} />
      {store && <DataControls store={store} />}
    </main>
  );
}

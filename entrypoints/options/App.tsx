import { useEffect, useMemo, useState } from 'preact/hooks';
import { useOpenStore, useSettings } from '@/components/shared/hooks';
import { StorageProblem } from '@/components/shared/StorageProblem';
import { useStoreVersion } from '@/components/shared/read-hooks';
import { CustomDomains } from '@/components/settings/CustomDomains';
import { DataControls } from '@/components/settings/DataControls';
import { LearnedRules } from '@/components/settings/LearnedRules';
import { classify } from '@/lib/classify';
import {
  ValidationError,
  describeIssues,
  SettingsSchema,
  type Person,
  type Settings,
} from '@/lib/model';
import { TOOL_LABELS, TOOL_MATCHES, TOOLS, type Tool } from '@/lib/sites';
import { countText } from '@/lib/i18n';
import { SyncQuotaError } from '@/lib/settings-sync';
import { hasOrigins, requestOrigins, saveSettings, seenOrgDomains, t } from '@/platform';

const DAYS = [
  'optionsDaySunday',
  'optionsDayMonday',
  'optionsDayTuesday',
  'optionsDayWednesday',
  'optionsDayThursday',
  'optionsDayFriday',
  'optionsDaySaturday',
] as const;

/** Settings: org domains with a preview, tools and their permissions, goals, reminders, data. */
export function App() {
  const saved = useSettings();
  const { store, problem } = useOpenStore();
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
      TOOLS.map(async (tool) => [tool, await hasOrigins([...TOOL_MATCHES[tool]])] as const),
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
      setStatus(t('optionsNotSaved', describeIssues(result.error).join('; ')));
      return;
    }
    try {
      await saveSettings(result.data);
      setStatus(t('optionsSaved'));
    } catch (e) {
      setStatus(
        e instanceof ValidationError
          ? e.problems.join('; ')
          : e instanceof SyncQuotaError
            ? t('settingsTooLargeForSync')
            : t('optionsNotSaved', (e as Error).message),
      );
    }
  }

  async function toggleTool(tool: Tool, on: boolean) {
    if (on && !granted[tool]) {
      // Asked from this click: the browser shows its own prompt.
      const ok = await requestOrigins([...TOOL_MATCHES[tool]]);
      await refreshPermissions();
      if (!ok) {
        setStatus(t('optionsToolStaysOff', TOOL_LABELS[tool]));
        return;
      }
    }
    setDraft({ ...draft, sites: { ...draft.sites, [tool]: on } });
  }

  const number = (key: keyof Settings) => (e: Event) =>
    setDraft({ ...draft, [key]: Number((e.currentTarget as HTMLInputElement).value) });

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <form onSubmit={(e) => void save(e)} data-testid="settings-form">
        <section aria-labelledby="org">
          <h2 id="org">{t('optionsOrgHeading')}</h2>
          <label>
            {t('optionsOrgDomains')}
            <textarea
              data-testid="org-domains"
              rows={3}
              value={domainsText}
              onInput={(e) => setDomainsText(e.currentTarget.value)}
              placeholder={t('optionsOrgDomainsPlaceholder')}
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
                {t('optionsAddSuggestedDomain', d)}
              </button>
            ))}
          <p class="hint" data-testid="classification-preview">
            {t(
              'optionsPreview',
              countText(t, people.length, 'commonPeopleOne', 'commonPeopleOther'),
              preview.internal,
              preview.external,
              preview.unknown,
            )}
          </p>
        </section>

        <section aria-labelledby="tools">
          <h2 id="tools">{t('optionsToolsHeading')}</h2>
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
                    ? t('optionsAccessChecking')
                    : granted[tool]
                      ? t('optionsAccessGranted')
                      : t('optionsAccessMissing')}{' '}
                  ·{' '}
                  {/* The hosts only: the paths it runs on are the tool's business, not the user's. */}
                  {[
                    ...new Set(
                      TOOL_MATCHES[tool].map((m) => m.replace('https://', '').split('/')[0]),
                    ),
                  ].join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="week">
          <h2 id="week">{t('optionsWeekHeading')}</h2>
          <label>
            {t('optionsWeekStartsOn')}
            <select value={draft.weekStartsOn} onChange={number('weekStartsOn')}>
              {DAYS.map((d, i) => (
                <option key={d} value={i}>
                  {t(d)}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t('optionsBandLegend')}</legend>
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
                aria-label={t('optionsBandMin')}
              />
              {t('optionsBandAnd')}
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
                aria-label={t('optionsBandMax')}
              />
              {t('optionsBandPercent')}
            </label>
          </fieldset>
          <label>
            {t('optionsThankGoal')}
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
          <h2 id="reminders">{t('optionsRemindersHeading')}</h2>
          <fieldset>
            <legend>{t('optionsRemindOn')}</legend>
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
                {t(d)}
              </label>
            ))}
          </fieldset>
          <label>
            {t('optionsReminderAt')}
            <input
              type="time"
              value={draft.reminderTime}
              onInput={(e) => setDraft({ ...draft, reminderTime: e.currentTarget.value })}
            />
          </label>
          <fieldset>
            <legend>{t('optionsQuietHours')}</legend>
            <label class="inline">
              {t('optionsQuietFrom')}
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
              {t('optionsQuietTo')}
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
            {t('optionsLogging')}
            <select
              value={draft.autoLog}
              onChange={(e) =>
                setDraft({ ...draft, autoLog: e.currentTarget.value as Settings['autoLog'] })
              }
            >
              <option value="after-open">{t('optionsAutoLogAfterOpen')}</option>
              <option value="manual">{t('optionsAutoLogManual')}</option>
            </select>
          </label>
        </section>
        <button type="submit" data-testid="save-settings">
          {t('optionsSave')}
        </button>
        <p role="status" data-testid="settings-status">
          {status}
        </p>
      </form>
      <CustomDomains domains={saved.customDomains} />
      <LearnedRules />
      {problem ? (
        <StorageProblem problem={problem} where="page" />
      ) : (
        store && <DataControls store={store} />
      )}
    </main>
  );
}

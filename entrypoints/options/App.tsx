import { useEffect, useState } from 'preact/hooks';
import { useOpenStore, useSettings } from '@/components/shared/hooks';
import { StorageProblem } from '@/components/shared/StorageProblem';
import { useStoreVersion } from '@/components/shared/read-hooks';
import { CustomDomains } from '@/components/settings/CustomDomains';
import { DataControls } from '@/components/settings/DataControls';
import { LearnedRules } from '@/components/settings/LearnedRules';
import { OrgDomainsField } from '@/components/settings/OrgDomainsField';
import { SaveStatus } from '@/components/settings/SaveStatus';
import { ToolSwitches } from '@/components/settings/ToolSwitches';
import { problemWith, useAutosave } from '@/components/settings/autosave';
import { domainsProblem } from '@/components/settings/problems';
import { ReminderFields, WeekFields } from '@/components/settings/SettingsFields';
import type { Person, Settings } from '@/lib/model';
import { domainsFromText } from '@/lib/settings';
import { TOOL_LABELS } from '@/lib/sites';
import { HiddenSites } from '@/components/settings/HiddenSites';
import { seenOrgDomains, t } from '@/platform';

type Field = keyof Settings;

/**
 * Settings: org domains with a preview, tools and their permissions, goals, reminders, data.
 * Each field saves as it changes (a short pause while typing), with "Saved" said at the top.
 */
export function App() {
  const saved = useSettings();
  const { store, problem } = useOpenStore();
  const version = useStoreVersion();
  const [draft, setDraft] = useState<Settings>(saved);
  const autosave = useAutosave(saved);
  const [domainsText, setDomainsText] = useState('');
  const [people, setPeople] = useState<Person[]>([]);
  const [suggested, setSuggested] = useState<string[]>([]);
  const [refused, setRefused] = useState('');

  // What is stored now, except a field the user is still typing into or has to correct.
  useEffect(() => {
    setDraft((current) => {
      const next = { ...saved };
      for (const field of Object.keys(saved) as Field[])
        if (autosave.isDirty(field)) Object.assign(next, { [field]: current[field] });
      return next;
    });
    setDomainsText((text) =>
      autosave.isDirty('orgDomains') ||
      JSON.stringify(domainsFromText(text)) === JSON.stringify(saved.orgDomains)
        ? text
        : saved.orgDomains.join('\n'),
    );
  }, [saved]);
  useEffect(() => {
    void store?.listPeople().then(setPeople);
  }, [store, version]);
  useEffect(() => {
    void seenOrgDomains().then(setSuggested);
  }, []);

  /** Shows the change and saves it, or says what is wrong with it and saves nothing. */
  function edit<K extends Field>(
    field: K,
    value: Settings[K],
    options: { now?: boolean; problem?: string } = {},
  ) {
    setDraft((current) => ({ ...current, [field]: value }));
    const changes = { [field]: value } as Partial<Settings>;
    autosave.change(field, changes, {
      now: options.now,
      problem: options.problem ?? problemWith(saved, changes),
    });
  }

  function editDomains(text: string) {
    setDomainsText(text);
    const domains = domainsFromText(text);
    edit('orgDomains', domains, { problem: domainsProblem(domains) });
  }

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <SaveStatus status={autosave.status} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          autosave.flush();
        }}
        onFocusOut={() => autosave.flush()}
        data-testid="settings-form"
      >
        <section aria-labelledby="org">
          <h2 id="org">{t('optionsOrgHeading')}</h2>
          <OrgDomainsField
            text={domainsText}
            onText={editDomains}
            people={people}
            suggested={suggested}
            problem={autosave.status.problems.orgDomains}
          />
        </section>

        <section aria-labelledby="tools">
          <h2 id="tools">{t('optionsToolsHeading')}</h2>
          <ToolSwitches
            sites={draft.sites}
            onChange={(sites) => {
              setRefused('');
              edit('sites', sites, { now: true });
            }}
            onRefused={(tool) => setRefused(t('optionsToolStaysOff', TOOL_LABELS[tool]))}
          />
          {refused && (
            <p role="alert" class="error">
              {refused}
            </p>
          )}
          <h3 id="hidden-sites">{t('optionsHiddenHeading')}</h3>
          <HiddenSites />
        </section>

        <WeekFields draft={draft} edit={edit} problems={autosave.status.problems} />
        <ReminderFields draft={draft} edit={edit} />
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

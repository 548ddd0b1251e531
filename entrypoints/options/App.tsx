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
import { domainsProblem, numberProblem } from '@/components/settings/problems';
import type { Person, Settings } from '@/lib/model';
import { domainsFromText } from '@/lib/settings';
import { TOOL_LABELS } from '@/lib/sites';
import { seenOrgDomains, t } from '@/platform';

const DAYS = [
  'optionsDaySunday',
  'optionsDayMonday',
  'optionsDayTuesday',
  'optionsDayWednesday',
  'optionsDayThursday',
  'optionsDayFriday',
  'optionsDaySaturday',
] as const;

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

  const number = (field: 'weekStartsOn' | 'weeklyThankGoal', max: number) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    edit(field, Number(value), {
      now: e.type === 'change',
      problem: numberProblem(value, 0, max),
    });
  };
  const band = (end: 'min' | 'max') => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    const next = { ...draft.band, [end]: Number(value) / 100 };
    edit('band', next, {
      problem:
        numberProblem(value, 0, 100) ??
        (next.min > next.max ? t('optionsBandOrderProblem') : undefined),
    });
  };

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
        </section>

        <section aria-labelledby="week">
          <h2 id="week">{t('optionsWeekHeading')}</h2>
          <label>
            {t('optionsWeekStartsOn')}
            <select value={draft.weekStartsOn} onChange={number('weekStartsOn', 6)}>
              {DAYS.map((d, i) => (
                <option key={d} value={i}>
                  {t(d)}
                </option>
              ))}
            </select>
          </label>
          <fieldset aria-invalid={autosave.status.problems.band ? true : undefined}>
            <legend>{t('optionsBandLegend')}</legend>
            <label class="inline">
              <input
                type="number"
                class="short"
                min={0}
                max={100}
                value={Math.round(draft.band.min * 100)}
                onInput={band('min')}
                aria-label={t('optionsBandMin')}
              />
              {t('optionsBandAnd')}
              <input
                type="number"
                class="short"
                min={0}
                max={100}
                value={Math.round(draft.band.max * 100)}
                onInput={band('max')}
                aria-label={t('optionsBandMax')}
              />
              {t('optionsBandPercent')}
            </label>
          </fieldset>
          <label>
            {t('optionsThankGoal')}
            <input
              type="number"
              class="short"
              min={0}
              max={100}
              value={draft.weeklyThankGoal}
              aria-invalid={autosave.status.problems.weeklyThankGoal ? true : undefined}
              onInput={number('weeklyThankGoal', 100)}
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
                    edit(
                      'reminderDays',
                      e.currentTarget.checked
                        ? [...draft.reminderDays, i].sort()
                        : draft.reminderDays.filter((x) => x !== i),
                      { now: true },
                    )
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
              onInput={(e) => edit('reminderTime', e.currentTarget.value)}
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
                  edit('quietHours', { ...draft.quietHours, start: e.currentTarget.value })
                }
              />
              {t('optionsQuietTo')}
              <input
                type="time"
                value={draft.quietHours.end}
                onInput={(e) =>
                  edit('quietHours', { ...draft.quietHours, end: e.currentTarget.value })
                }
              />
            </label>
          </fieldset>
          <label>
            {t('optionsLogging')}
            <select
              value={draft.autoLog}
              onChange={(e) =>
                edit('autoLog', e.currentTarget.value as Settings['autoLog'], { now: true })
              }
            >
              <option value="after-open">{t('optionsAutoLogAfterOpen')}</option>
              <option value="manual">{t('optionsAutoLogManual')}</option>
            </select>
          </label>
        </section>
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

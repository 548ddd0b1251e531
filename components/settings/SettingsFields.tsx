/**
 * The settings page's week and reminder sections: each field shows its change and hands it to
 * `edit`, which saves it or says what is wrong with it (entrypoints/options/App.tsx).
 */
import type { Settings } from '@/lib/model';
import { t } from '@/platform';
import { numberProblem } from './problems';

const DAYS = [
  'optionsDaySunday',
  'optionsDayMonday',
  'optionsDayTuesday',
  'optionsDayWednesday',
  'optionsDayThursday',
  'optionsDayFriday',
  'optionsDaySaturday',
] as const;

/** Shows a field's change and saves it, or says what is wrong with it and saves nothing. */
export type EditSetting = <K extends keyof Settings>(
  field: K,
  value: Settings[K],
  options?: { now?: boolean; problem?: string },
) => void;

interface FieldsProps {
  draft: Settings;
  edit: EditSetting;
}

/** The week: when it starts, the balance band, the thank-you goal. */
export function WeekFields({
  draft,
  edit,
  problems,
}: FieldsProps & { problems: Partial<Record<keyof Settings, string>> }) {
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
  const bandEnd = (end: 'min' | 'max', label: string) => (
    <input
      type="number"
      class="short"
      min={0}
      max={100}
      value={Math.round(draft.band[end] * 100)}
      onInput={band(end)}
      aria-label={label}
    />
  );
  return (
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
      <fieldset aria-invalid={problems.band ? true : undefined}>
        <legend>{t('optionsBandLegend')}</legend>
        <label class="inline">
          {bandEnd('min', t('optionsBandMin'))}
          {t('optionsBandAnd')}
          {bandEnd('max', t('optionsBandMax'))}
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
          aria-invalid={problems.weeklyThankGoal ? true : undefined}
          onInput={number('weeklyThankGoal', 100)}
        />
      </label>
    </section>
  );
}

/** Reminders: on which days, at what time, the quiet hours, and whether to log by itself. */
export function ReminderFields({ draft, edit }: FieldsProps) {
  return (
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
            onInput={(e) => edit('quietHours', { ...draft.quietHours, end: e.currentTarget.value })}
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
  );
}

import type { JSX } from 'preact';

export interface Choice {
  value: string;
  label: string;
}

/**
 * A select whose first choice is "none of them" (All, Everyone, No choice…), then `choices`:
 * every filter and picker of people, circles and tools is one.
 */
export function ChoiceSelect({
  empty,
  choices,
  ...select
}: { empty: string; choices: readonly Choice[] } & JSX.IntrinsicElements['select']) {
  return (
    <select {...select}>
      <option value="">{empty}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

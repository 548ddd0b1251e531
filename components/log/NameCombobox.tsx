/**
 * A name field that suggests the people already in the log as one types (the ARIA 1.2
 * combobox with a list: arrows move through the suggestions, Enter takes one, Escape closes
 * them), so "Rosa" finds Rosa Delgado instead of making a second Rosa.
 */
import { useId, useMemo, useState } from 'preact/hooks';
import type { MessageKey } from '@/lib/i18n';
import { suggestPeople } from '@/lib/manual-entry';
import type { Person, Relationship } from '@/lib/model';
import { t } from '@/platform';

const RELATIONSHIP_LABEL: Record<Relationship, MessageKey> = {
  internal: 'logRelationshipInternal',
  external: 'logRelationshipExternal',
  unknown: 'logRelationshipUnknown',
};

/** What tells two people of one name apart: an address, else a team, else the relationship. */
export function personDetail(person: Person): string {
  return person.emails[0] ?? person.team ?? t(RELATIONSHIP_LABEL[person.relationship]);
}

export function NameCombobox({
  value,
  people,
  onInput,
  onPick,
}: {
  value: string;
  people: readonly Person[];
  /** The user typed: whoever was picked is no longer. */
  onInput(name: string): void;
  onPick(person: Person): void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useMemo(() => suggestPeople(people, value), [people, value]);
  const showing = open && suggestions.length > 0;
  const optionId = (n: number) => `${id}-option-${n}`;

  function pick(person: Person) {
    onPick(person);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (suggestions.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setOpen(true);
      setActive(showing ? (active + step + suggestions.length) % suggestions.length : 0);
    } else if (event.key === 'Enter' && showing && active >= 0) {
      // Enter takes the suggestion; it does not send the form yet.
      event.preventDefault();
      pick(suggestions[active]!);
    } else if (event.key === 'Escape' && showing) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div class="combobox">
      <label for={`${id}-input`}>{t('manualName')}</label>
      <input
        id={`${id}-input`}
        data-testid="manual-name"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showing}
        aria-controls={`${id}-listbox`}
        aria-activedescendant={showing && active >= 0 ? optionId(active) : undefined}
        autocomplete="off"
        value={value}
        onInput={(e) => {
          onInput(e.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        required
        maxLength={200}
      />
      <ul
        id={`${id}-listbox`}
        role="listbox"
        aria-label={t('manualSuggestions')}
        class="suggestions"
        data-testid="manual-suggestions"
        hidden={!showing}
      >
        {showing &&
          suggestions.map((person, n) => (
            <li
              key={person.id}
              id={optionId(n)}
              role="option"
              aria-selected={n === active}
              data-testid="manual-suggestion"
              // Taken before the field loses focus to the click.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(person);
              }}
            >
              <strong>{person.name}</strong> <span class="meta">{personDetail(person)}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}

import type { Person } from '@/lib/model';
import { t } from '@/platform/core';

/** Several people match what was clicked: the user says which one they meant. */
export function PersonPicker({
  people,
  onPick,
  onCancel,
}: {
  people: Person[];
  onPick(p: Person): void;
  onCancel(): void;
}) {
  return (
    <section aria-labelledby="picker-title" data-testid="person-picker">
      <h2 id="picker-title">{t('pickerTitle')}</h2>
      <ul class="people">
        {people.map((p) => (
          <li key={p.id}>
            <button type="button" onClick={() => onPick(p)}>
              {p.name}
              {p.emails[0] ? ` (${p.emails[0]})` : ''}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="secondary" onClick={onCancel}>
        {t('commonCancel')}
      </button>
    </section>
  );
}

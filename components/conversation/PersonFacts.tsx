import type { Person } from '@/lib/model';
import { t } from '@/platform/core';
import { CIRCLE_LABELS, PREFERENCE_SENTENCES } from '../shared/labels';

/** Who the person is to the user, in one line each: role and circle, how they like thanks. */
export function PersonFacts({ person }: { person: Person }) {
  const roleAndCircle = [person.role, person.circle && t(CIRCLE_LABELS[person.circle])]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      {roleAndCircle && (
        <p class="meta" data-testid="person-role">
          {roleAndCircle}
        </p>
      )}
      {person.thankPreference && (
        <p class="meta" data-testid="person-preference">
          {t(PREFERENCE_SENTENCES[person.thankPreference])}
        </p>
      )}
    </>
  );
}

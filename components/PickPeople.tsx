import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '@/lib/i18n';
import type { MessageOf, PickingTarget } from '@/lib/messages';
import type { DeriveProblem } from '@/lib/learned-rules/derive';
import { isFromExtensionPage, onMessage, sendToBackground, t } from '@/platform';
import { saveRule } from '@/platform/learned-rules';

type PickState = MessageOf<'picked'>;

const PROBLEM: Record<DeriveProblem, MessageKey> = {
  'no-name': 'pickProblemNoName',
  'no-structure': 'pickProblemNoStructure',
  'no-container': 'pickProblemNoContainer',
  'too-many': 'pickProblemTooMany',
  misses: 'pickProblemMisses',
};

const command = (action: MessageOf<'pick'>['action'], index?: number) =>
  void sendToBackground({
    type: 'relay',
    message: { type: 'pick', action, ...(index === undefined ? {} : { index }) },
  });

/** Stops picking in the page; the sidebar's Escape and Cancel both end here. */
export const stopPicking = () => command('stop');

export interface PickPeopleProps {
  tabId: number | null;
  target: NonNullable<PickingTarget>;
  onDone(): void;
}

/**
 * The sidebar's half of picking: what the page's picker highlighted and chose (names come by
 * runtime message, never through the page), buttons that do everything the mouse does, what a
 * rule from these people would read here now, and saving it.
 */
export function PickPeople({ tabId, target, onDone }: PickPeopleProps) {
  const [state, setState] = useState<PickState | null>(null);
  const [error, setError] = useState('');

  // The picker in this tab says what it highlighted and chose, through the background.
  useEffect(
    () =>
      onMessage(isFromExtensionPage, {
        picked: (message) => {
          if (message.tabId !== tabId) return undefined;
          if (message.phase === 'cancelled') onDone();
          else setState(message);
          return undefined;
        },
      }),
    [tabId],
  );

  async function save() {
    if (!state?.rule) return;
    const now = Date.now();
    try {
      await saveRule({
        version: 1,
        tool: target.tool,
        host: target.host,
        people: state.rule,
        learnedAt: now,
        lastMatchedAt: now,
        lastCount: Math.min(state.preview.length, 50),
      });
    } catch (e) {
      setError(t('pickSaveError', (e as Error).message));
      return;
    }
    stopPicking();
    void sendToBackground({ type: 'relay', message: { type: 'learned-rule-changed' } });
    onDone();
  }

  const chosen = state?.chosen ?? [];
  return (
    <section class="picker" data-testid="picker" aria-labelledby="pick-heading">
      <h1 id="pick-heading" class="title">
        {t('pickHeading')}
      </h1>
      <p>{t('pickHelp')}</p>
      <p aria-live="polite" data-testid="pick-highlighted">
        {state?.highlighted ? t('pickHighlighted', state.highlighted) : t('pickNoneHighlighted')}
      </p>
      <div class="tags" role="group" aria-label={t('pickMoveLabel')}>
        <button type="button" data-testid="pick-previous" onClick={() => command('previous')}>
          {t('pickPrevious')}
        </button>
        <button type="button" data-testid="pick-next" onClick={() => command('next')}>
          {t('pickNext')}
        </button>
        <button
          type="button"
          data-testid="pick-choose"
          disabled={!state?.highlighted}
          onClick={() => command('choose')}
        >
          {t('pickChoose')}
        </button>
      </div>
      <h2 class="eyebrow">{t('pickChosenHeading')}</h2>
      {chosen.length === 0 ? (
        <p class="empty">{t('pickNoneChosen')}</p>
      ) : (
        <ul class="people" aria-label={t('pickChosenHeading')} data-testid="pick-chosen">
          {chosen.map((name, index) => (
            <li key={`${index}:${name}`} data-testid="pick-chosen-person" data-name={name}>
              <span class="who">
                <strong>{name}</strong>
              </span>
              <button
                type="button"
                data-testid="pick-remove"
                aria-label={t('pickRemoveLabel', name)}
                onClick={() => command('remove', index)}
              >
                {t('pickRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {state?.problem && (
        <p role="status" class="error" data-testid="pick-problem">
          {t(PROBLEM[state.problem])}
        </p>
      )}
      {state?.rule && (
        <p role="status" data-testid="pick-preview" data-names={JSON.stringify(state.preview)}>
          {t('pickPreview', state.preview.join(', '))}
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p class="log-status">
        <button
          type="button"
          data-testid="pick-save"
          disabled={!state?.rule}
          onClick={() => void save()}
        >
          {t('pickSave')}
        </button>{' '}
        <button
          type="button"
          data-testid="pick-cancel"
          onClick={() => {
            stopPicking();
            onDone();
          }}
        >
          {t('pickCancel')}
        </button>
      </p>
    </section>
  );
}

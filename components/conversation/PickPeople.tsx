import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '@/lib/i18n';
import type { MessageOf, PickingTarget, PickPart } from '@/lib/messages';
import type { DeriveProblem } from '@/lib/learned-rules/derive';
import { isFromExtensionPage, onMessage, sendToBackground, t } from '@/platform';
import { teachRule } from '@/platform/learned-rules';

type PickState = MessageOf<'picked'>;

const PROBLEM: Record<DeriveProblem, MessageKey> = {
  'no-name': 'pickProblemNoName',
  'no-structure': 'pickProblemNoStructure',
  'no-container': 'pickProblemNoContainer',
  'too-many': 'pickProblemTooMany',
  misses: 'pickProblemMisses',
};

/** The words that differ with what is picked: people, the title, or the conversation's part. */
const WORDS: Record<
  PickPart,
  Record<'heading' | 'help' | 'none' | 'move' | 'nothing', MessageKey>
> = {
  people: {
    heading: 'pickHeading',
    help: 'pickHelp',
    none: 'pickNoneHighlighted',
    move: 'pickMoveLabel',
    nothing: 'pickNoneChosen',
  },
  title: {
    heading: 'pickTitleHeading',
    help: 'pickTitleHelp',
    none: 'pickThreadNoneHighlighted',
    move: 'pickThreadMoveLabel',
    nothing: 'pickThreadNoneChosen',
  },
  container: {
    heading: 'pickContainerHeading',
    help: 'pickContainerHelp',
    none: 'pickThreadNoneHighlighted',
    move: 'pickThreadMoveLabel',
    nothing: 'pickThreadNoneChosen',
  },
};

const command = (action: MessageOf<'pick'>['action'], extra: Partial<MessageOf<'pick'>> = {}) =>
  void sendToBackground({ type: 'relay', message: { type: 'pick', action, ...extra } });

/** Stops picking in the page; the sidebar's Escape and Cancel both end here. */
export const stopPicking = () => command('stop');

export interface PickPeopleProps {
  tabId: number | null;
  target: NonNullable<PickingTarget>;
  /** What is being taught: the people (the default), the title, or the conversation's part. */
  part?: PickPart;
  onDone(): void;
}

/**
 * The sidebar's half of picking: what the page's picker highlighted and chose (names come by
 * runtime message, never through the page), buttons that do everything the mouse does, what a
 * rule from these people would read here now, and saving it.
 */
export function PickPeople({ tabId, target, part = 'people', onDone }: PickPeopleProps) {
  const [state, setState] = useState<PickState | null>(null);
  const [error, setError] = useState('');
  const words = WORDS[part];

  // The picker in this tab says what it highlighted and chose, through the background.
  useEffect(
    () =>
      onMessage(isFromExtensionPage, {
        picked: (message) => {
          if (message.tabId !== tabId) return undefined;
          if (message.phase === 'cancelled') onDone();
          else if (message.part === part) setState(message);
          return undefined;
        },
      }),
    [tabId],
  );

  async function save() {
    const taught = part === 'people' ? { people: state?.rule } : { thread: state?.thread };
    if (!state || (!taught.people && !taught.thread)) return;
    try {
      await teachRule(target.tool, target.host, taught, state.preview.length);
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
        {t(words.heading)}
      </h1>
      <p>{t(words.help)}</p>
      <p aria-live="polite" data-testid="pick-highlighted">
        {state?.highlighted ? t('pickHighlighted', state.highlighted) : t(words.none)}
      </p>
      <div class="tags" role="group" aria-label={t(words.move)}>
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
        <p class="empty">{t(words.nothing)}</p>
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
                onClick={() => command('remove', { index })}
              >
                {t('pickRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {state?.problem && (
        <p role="status" class="error" data-testid="pick-problem">
          {t(
            part === 'title' && state.problem === 'no-name'
              ? 'pickProblemNoTitle'
              : PROBLEM[state.problem],
          )}
        </p>
      )}
      {(state?.rule || state?.thread) && (
        <p role="status" data-testid="pick-preview" data-names={JSON.stringify(state.preview)}>
          {preview(part, state.preview)}
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
          disabled={!state?.rule && !state?.thread}
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

/** What the rule would read here now, in words. */
function preview(part: PickPart, shown: string[]): string {
  if (part === 'title') return t('pickPreviewTitle', shown[0] ?? '');
  if (part === 'container' && !shown.length) return t('pickPreviewContainerNobody');
  return t('pickPreview', shown.join(', '));
}

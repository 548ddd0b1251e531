import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComposerDraft } from '@/lib/drafts';
import type { Appreciation, Person } from '@/lib/model';
import {
  MAX_MESSAGE,
  TEMPLATES,
  mailtoUrl,
  suggestedTone,
  templateById,
  type TemplateId,
} from '@/lib/templates';
import { t } from '@/platform/core';
import { PersonFacts } from '../conversation/PersonFacts';

export interface Delivery {
  message: string;
  whatTheyDid?: string;
  whatItMadePossible?: string;
  channel: Appreciation['channel'];
  /** The thank-you this composer already recorded: a second channel updates it. */
  id?: string;
}

export interface ComposerProps {
  person: Person;
  /** What they did, as far as we know it (the thread they helped with). */
  prefill?: string;
  /** A draft kept from before the sidebar was closed. */
  draft?: ComposerDraft;
  onDraft?(draft: ComposerDraft): void;
  /** Offered when the page has a reply box open that the content script can fill. */
  canInsert?: boolean;
  /** Records one delivery; resolves to the thank-you's id. */
  onDeliver(delivery: Delivery): Promise<string>;
  onInsert?(text: string): Promise<boolean>;
  onCancel(): void;
}

/** The thank-you composer: what they did, what it made possible, a tone, a way to deliver. */
export function Composer(props: ComposerProps) {
  const { person, draft } = props;
  const [tone, setTone] = useState<TemplateId>(draft?.tone ?? suggestedTone(person));
  const [whatTheyDid, setWhatTheyDid] = useState(draft?.whatTheyDid ?? props.prefill ?? '');
  const [whatItMadePossible, setWhatItMadePossible] = useState(draft?.whatItMadePossible ?? '');
  const [edited, setEdited] = useState<string | undefined>(draft?.edited);
  const [managerEmail, setManagerEmail] = useState(draft?.managerEmail ?? '');
  const [appreciationId, setAppreciationId] = useState(draft?.appreciationId);
  const [status, setStatus] = useState('');
  const first = useRef<HTMLInputElement>(null);
  const template = templateById(tone);
  const drafted = useMemo(
    () => template.render({ name: person.name, whatTheyDid, whatItMadePossible }, t),
    [template, person.name, whatTheyDid, whatItMadePossible],
  );
  const message = (edited ?? drafted).slice(0, MAX_MESSAGE);
  const to = template.aboutThePerson ? managerEmail.trim() : person.emails[0];

  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    props.onDraft?.({
      personId: person.id,
      tone,
      whatTheyDid,
      whatItMadePossible,
      edited,
      managerEmail: managerEmail || undefined,
      appreciationId,
    });
  }, [tone, whatTheyDid, whatItMadePossible, edited, managerEmail, appreciationId]);

  async function deliver(channel: Appreciation['channel']) {
    try {
      if (channel === 'copied') await navigator.clipboard.writeText(message);
      if (channel === 'inserted' && !(await props.onInsert?.(message))) {
        setStatus(t('composerNoReplyBox'));
        return;
      }
      const id = await props.onDeliver({
        message,
        whatTheyDid: whatTheyDid.trim() || undefined,
        whatItMadePossible: whatItMadePossible.trim() || undefined,
        channel,
        id: appreciationId,
      });
      setAppreciationId(id);
      setStatus(t(STATUS[channel]));
    } catch (error) {
      setStatus(t('composerSaveError', (error as Error).message));
    }
  }

  const heading = template.aboutThePerson
    ? t('composerToManager', person.name)
    : t('commonThankPerson', person.name);
  return (
    <section
      class="composer"
      aria-label={heading}
      data-testid="composer"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        props.onCancel();
      }}
    >
      <h2>{heading}</h2>
      <PersonFacts person={person} />
      <label>
        {t('composerWhatTheyDid')}
        <input
          ref={first}
          data-testid="composer-did"
          value={whatTheyDid}
          onInput={(e) => setWhatTheyDid(e.currentTarget.value)}
          placeholder={t('composerWhatTheyDidExample')}
          maxLength={300}
        />
      </label>
      <label>
        {t('composerWhatItMadePossible')}
        <input
          data-testid="composer-made-possible"
          value={whatItMadePossible}
          onInput={(e) => setWhatItMadePossible(e.currentTarget.value)}
          placeholder={t('composerWhatItMadePossibleExample')}
          maxLength={300}
        />
      </label>
      <label>
        {t('composerTone')}
        <select
          data-testid="composer-tone"
          value={tone}
          onChange={(e) => setTone(e.currentTarget.value as TemplateId)}
        >
          {TEMPLATES.map((option) => (
            <option key={option.id} value={option.id}>
              {t(option.label)}
            </option>
          ))}
        </select>
      </label>
      {template.aboutThePerson && (
        <label>
          {t('composerManagerEmail', person.name)}
          <input
            type="email"
            data-testid="composer-manager-email"
            value={managerEmail}
            onInput={(e) => setManagerEmail(e.currentTarget.value)}
            maxLength={320}
          />
        </label>
      )}
      <label>
        {t('composerMessage')}
        <textarea
          data-testid="composer-message"
          value={message}
          rows={5}
          maxLength={MAX_MESSAGE}
          onInput={(e) => setEdited(e.currentTarget.value)}
        />
      </label>
      <p class="hint" aria-live="polite">
        {message.length}/{MAX_MESSAGE}
        {edited !== undefined && edited !== drafted && (
          <>
            {' · '}
            {t('composerEditedKept')}{' '}
            <button
              type="button"
              class="link"
              data-testid="composer-use-template"
              onClick={() => setEdited(undefined)}
            >
              {t('composerUseTemplate')}
            </button>
          </>
        )}
      </p>
      <div class="actions">
        <button type="button" data-testid="send-copy" onClick={() => void deliver('copied')}>
          {t('composerCopy')}
        </button>
        {to && (
          <a
            class="button"
            data-testid="send-mailto"
            href={mailtoUrl(to, t('composerEmailSubject'), message)}
            target="_blank"
            rel="noreferrer"
            onClick={() => void deliver('mailto')}
          >
            {t('composerEmail')}
          </a>
        )}
        {props.canInsert && (
          <button type="button" data-testid="send-insert" onClick={() => void deliver('inserted')}>
            {t('composerInsert')}
          </button>
        )}
        <button
          type="button"
          data-testid="send-in-person"
          onClick={() => void deliver('in-person')}
        >
          {t('composerInPerson')}
        </button>
        <button
          type="button"
          class="secondary"
          data-testid="composer-done"
          onClick={props.onCancel}
        >
          {appreciationId ? t('composerDone') : t('commonCancel')}
        </button>
      </div>
      <p role="status">{status}</p>
    </section>
  );
}

const STATUS = {
  copied: 'composerCopied',
  mailto: 'composerDraftOpened',
  inserted: 'composerInserted',
  'in-person': 'composerLogged',
} as const;

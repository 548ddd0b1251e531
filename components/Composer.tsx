import { useMemo, useState } from 'preact/hooks';
import type { Appreciation, Person } from '@/lib/model';
import { MAX_MESSAGE, TEMPLATES, mailtoUrl, type Template } from '@/lib/templates';
import { t } from '@/platform/core';

export interface ComposerProps {
  person: Person;
  /** Offered when the page has a reply box the content script can fill. */
  canInsert?: boolean;
  onSend(thanks: {
    message: string;
    whatTheyDid?: string;
    whatItMadePossible?: string;
    channel: Appreciation['channel'];
  }): Promise<void>;
  onInsert?(text: string): Promise<boolean>;
  onCancel(): void;
}

/** The thank-you composer: what they did, what it made possible, a template, a way to send. */
export function Composer({ person, canInsert, onSend, onInsert, onCancel }: ComposerProps) {
  const [templateId, setTemplateId] = useState<Template['id']>('quick');
  const [whatTheyDid, setWhatTheyDid] = useState('');
  const [whatItMadePossible, setWhatItMadePossible] = useState('');
  const [edited, setEdited] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [sent, setSent] = useState(false);
  const template = TEMPLATES.find((tone) => tone.id === templateId) ?? TEMPLATES[0]!;
  const drafted = useMemo(
    () => template.render({ name: person.name, whatTheyDid, whatItMadePossible }, t),
    [template, person.name, whatTheyDid, whatItMadePossible],
  );
  const message = (edited ?? drafted).slice(0, MAX_MESSAGE);
  const email = person.emails[0];
  const fields = {
    message,
    whatTheyDid: whatTheyDid.trim() || undefined,
    whatItMadePossible: whatItMadePossible.trim() || undefined,
  };

  async function send(channel: Appreciation['channel']) {
    try {
      if (channel === 'copied') await navigator.clipboard.writeText(message);
      if (channel === 'inserted' && !(await onInsert?.(message))) {
        setStatus(t('composerNoReplyBox'));
        return;
      }
      await onSend({ ...fields, channel });
      setSent(true);
      setStatus(channel === 'copied' ? t('composerCopied') : t('composerLogged'));
    } catch (error) {
      setStatus(t('composerSaveError', (error as Error).message));
    }
  }

  return (
    <section
      class="composer"
      aria-label={t('commonThankPerson', person.name)}
      data-testid="composer"
    >
      <h2>{t('commonThankPerson', person.name)}</h2>
      <label>
        {t('composerWhatTheyDid')}
        <input
          value={whatTheyDid}
          onInput={(e) => setWhatTheyDid(e.currentTarget.value)}
          placeholder={t('composerWhatTheyDidExample')}
          maxLength={300}
        />
      </label>
      <label>
        {t('composerWhatItMadePossible')}
        <input
          value={whatItMadePossible}
          onInput={(e) => setWhatItMadePossible(e.currentTarget.value)}
          placeholder={t('composerWhatItMadePossibleExample')}
          maxLength={300}
        />
      </label>
      <label>
        {t('composerTone')}
        <select
          value={templateId}
          onChange={(e) => {
            setTemplateId(e.currentTarget.value as Template['id']);
            setEdited(undefined);
          }}
        >
          {TEMPLATES.map((tone) => (
            <option key={tone.id} value={tone.id}>
              {t(tone.label)}
            </option>
          ))}
        </select>
      </label>
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
      </p>
      <div class="actions">
        <button type="button" data-testid="send-copy" onClick={() => void send('copied')}>
          {t('composerCopy')}
        </button>
        {email && (
          <a
            class="button"
            data-testid="send-mailto"
            href={mailtoUrl(email, t('composerEmailSubject'), message)}
            target="_blank"
            rel="noreferrer"
            onClick={() =>
              void onSend({ ...fields, channel: 'mailto' }).then(() => {
                setSent(true);
                setStatus(t('composerDraftOpened'));
              })
            }
          >
            {t('composerEmail')}
          </a>
        )}
        {canInsert && (
          <button type="button" data-testid="send-insert" onClick={() => void send('inserted')}>
            {t('composerInsert')}
          </button>
        )}
        <button type="button" data-testid="send-in-person" onClick={() => void send('in-person')}>
          {t('composerInPerson')}
        </button>
        <button type="button" class="secondary" data-testid="composer-done" onClick={onCancel}>
          {sent ? t('composerDone') : t('commonCancel')}
        </button>
      </div>
      <p role="status">{status}</p>
    </section>
  );
}

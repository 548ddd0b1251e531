import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate } from '@/lib/dates';
import { localDay, resolveTimeZone } from '@/lib/balance';
import type { CheckIn, Person } from '@/lib/model';
import { ValidationError } from '@/lib/model';
import type { Store } from '@/lib/store';
import { t, uiLocale } from '@/platform';
import { useSettings } from '../shared/hooks';
import { ChoiceSelect } from '../shared/ChoiceSelect';

/**
 * "How can I serve you better?": ask an internal customer, write down their answer and what you
 * commit to, and come back on the follow-up date to ask yourself "Did I deliver?".
 */
export function CheckInsView({ store, version }: { store: Store; version: number }) {
  const settings = useSettings();
  const [checkIns, setCheckIns] = useState<CheckIn[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  const [personId, setPersonId] = useState('');
  const [answer, setAnswer] = useState('');
  const [commitment, setCommitment] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const [status, setStatus] = useState('');
  const today = localDay(Date.now(), resolveTimeZone(settings.timeZone));
  // Counts this page's own writes: a read that began before the latest one would show the box
  // flipping back, so its result is dropped (the write's own announcement brings a fresh read).
  const writes = useRef(0);

  useEffect(() => {
    let stale = false;
    const writesAtStart = writes.current;
    void Promise.all([store.listCheckIns(), store.listPeople()]).then(([c, p]) => {
      if (stale || writesAtStart !== writes.current) return;
      setCheckIns(c.sort((a, b) => b.askedAt - a.askedAt));
      setPeople(p.sort((a, b) => a.name.localeCompare(b.name)));
    });
    return () => {
      stale = true;
    };
  }, [store, version]);

  async function add(event: Event) {
    event.preventDefault();
    try {
      if (!personId) {
        setStatus(t('checkInChoosePerson'));
        return;
      }
      await store.addCheckIn({ personId, answer, commitment, followUpOn: followUpOn || undefined });
      setAnswer('');
      setCommitment('');
      setFollowUpOn('');
      setStatus(t('checkInSaved'));
    } catch (e) {
      setStatus(e instanceof ValidationError ? e.problems.join('; ') : (e as Error).message);
    }
  }

  async function delivered(checkIn: CheckIn, value: boolean) {
    const patch = { delivered: value, deliveredAt: value ? Date.now() : undefined };
    const show = (changes: Partial<CheckIn>) =>
      setCheckIns((list) => list.map((c) => (c.id === checkIn.id ? { ...c, ...changes } : c)));
    writes.current += 1;
    show(patch); // the box answers the click at once; the write follows
    try {
      await store.updateCheckIn(checkIn.id, patch);
    } catch (e) {
      show({ delivered: checkIn.delivered, deliveredAt: checkIn.deliveredAt });
      setStatus(t('checkInNotSaved', (e as Error).message));
    }
  }

  const name = (id: string) => people.find((p) => p.id === id)?.name ?? t('sharedSomeoneRemoved');
  return (
    <section aria-label={t('sharedCheckIns')}>
      <form onSubmit={(e) => void add(e)} data-testid="check-in-form">
        <h2>{t('checkInTitle')}</h2>
        {people.length === 0 ? (
          <p class="empty">{t('checkInEmpty')}</p>
        ) : (
          <>
            <label>
              {t('checkInWhom')}
              <ChoiceSelect
                value={personId}
                onChange={(e) => setPersonId(e.currentTarget.value)}
                required
                empty={t('checkInChoose')}
                choices={people.map((p) => ({ value: p.id, label: p.name }))}
              />
            </label>
            <label>
              {t('checkInAnswer')}
              <textarea value={answer} onInput={(e) => setAnswer(e.currentTarget.value)} rows={3} />
            </label>
            <label>
              {t('checkInCommitment')}
              <input value={commitment} onInput={(e) => setCommitment(e.currentTarget.value)} />
            </label>
            <label>
              {t('checkInFollowUpOn')}
              <input
                type="date"
                value={followUpOn}
                min={today}
                onInput={(e) => setFollowUpOn(e.currentTarget.value)}
              />
            </label>
            <button type="submit">{t('checkInSave')}</button>
          </>
        )}
        <p role="status">{status}</p>
      </form>
      {checkIns.length > 0 && (
        <ul class="people" aria-label={t('checkInList')}>
          {checkIns.map((c) => {
            const due = !c.delivered && !!c.followUpOn && c.followUpOn <= today;
            return (
              <li key={c.id} data-testid="check-in" data-due={due}>
                <div class="who">
                  <strong>{name(c.personId)}</strong>
                  <span class="meta">
                    {t('checkInAsked', formatDate('day', c.askedAt, uiLocale()))}
                  </span>
                  {due && <span class="badge external">{t('checkInDue')}</span>}
                </div>
                {c.answer && <p>{t('checkInQuotedAnswer', c.answer)}</p>}
                {c.commitment && <p class="meta">{t('checkInCommitted', c.commitment)}</p>}
                <label class="inline">
                  <input
                    type="checkbox"
                    checked={c.delivered}
                    onChange={(e) => void delivered(c, e.currentTarget.checked)}
                  />
                  {t('checkInDelivered')}
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

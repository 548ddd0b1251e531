import { useEffect, useState } from 'preact/hooks';
import { OrgDomainsField } from '@/components/settings/OrgDomainsField';
import { ToolSwitches } from '@/components/settings/ToolSwitches';
import { domainsProblem, numberProblem } from '@/components/settings/problems';
import { useOpenStore } from '@/components/shared/hooks';
import { domainOf, isPublicMailDomain } from '@/lib/classify';
import type { Person, Settings } from '@/lib/model';
import { domainsFromText } from '@/lib/settings';
import { TOOL_LABELS } from '@/lib/sites';
import { changeSettings, closeThisTab, loadSettings, openSettings, t } from '@/platform';

/**
 * The welcome, opened once on install: the organisation's domains (from the user's own
 * address), the tools to run on, and a weekly goal, saved in one go by "Done"; "Skip" leaves
 * everything as it is. The address itself is not kept, only its domain.
 */
export function App() {
  const [loaded, setLoaded] = useState(false);
  const [address, setAddress] = useState('');
  const [domainsText, setDomainsText] = useState('');
  const [domainsTyped, setDomainsTyped] = useState(false);
  const [sites, setSites] = useState<Settings['sites']>({});
  const [goal, setGoal] = useState('');
  const [people, setPeople] = useState<Person[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [refused, setRefused] = useState('');
  const { store } = useOpenStore();

  useEffect(() => {
    void loadSettings().then((settings) => {
      setDomainsText(settings.orgDomains.join('\n'));
      setSites(settings.sites);
      setGoal(String(settings.weeklyThankGoal));
      setLoaded(true);
    });
  }, []);
  useEffect(() => void store?.listPeople().then(setPeople), [store]);

  const addressDomain = domainOf(address.includes('@') ? address.trim() : undefined);
  const publicDomain = addressDomain && isPublicMailDomain(addressDomain) ? addressDomain : '';

  function typeAddress(text: string) {
    setAddress(text);
    const domain = domainOf(text.includes('@') ? text.trim() : undefined);
    // The address fills the domains until the user writes them by hand.
    if (!domainsTyped) setDomainsText(domain && !isPublicMailDomain(domain) ? domain : '');
  }

  async function done(event: Event) {
    event.preventDefault();
    const orgDomains = domainsFromText(domainsText);
    const found = [domainsProblem(orgDomains), numberProblem(goal, 0, 100)].filter(
      (p): p is string => !!p,
    );
    setProblems(found);
    if (found.length) return;
    try {
      await changeSettings({ orgDomains, sites, weeklyThankGoal: Number(goal) });
      await closeThisTab();
    } catch (error) {
      setProblems([t('optionsNotSaved', (error as Error).message)]);
    }
  }

  if (!loaded) return <p aria-busy="true">{t('commonLoading')}</p>;
  return (
    <main class="welcome" data-testid="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>
      {/* Checked by our own rules, which say what is wrong in words the page can show. */}
      <form noValidate onSubmit={(e) => void done(e)} data-testid="welcome-form">
        <section aria-labelledby="welcome-org">
          <h2 id="welcome-org">{t('welcomeOrgHeading')}</h2>
          <label>
            {t('welcomeAddress')}
            {/* The first field: focus lands here, so the keyboard can start at once. */}
            <input
              type="email"
              autoFocus
              autoComplete="email"
              spellcheck={false}
              data-testid="welcome-address"
              value={address}
              onInput={(e) => typeAddress(e.currentTarget.value)}
            />
          </label>
          <p class="hint">
            {publicDomain ? t('welcomePublicDomain', publicDomain) : t('welcomeAddressHint')}
          </p>
          <OrgDomainsField
            text={domainsText}
            onText={(text) => {
              setDomainsTyped(true);
              setDomainsText(text);
            }}
            people={people}
            suggested={[]}
          />
        </section>
        <section aria-labelledby="welcome-tools">
          <h2 id="welcome-tools">{t('welcomeToolsHeading')}</h2>
          <ToolSwitches
            sites={sites}
            onChange={(next) => {
              setRefused('');
              setSites(next);
            }}
            onRefused={(tool) => setRefused(t('optionsToolStaysOff', TOOL_LABELS[tool]))}
          />
          {refused && (
            <p role="alert" class="error">
              {refused}
            </p>
          )}
          <p class="hint">
            {t('welcomeSelfHosted')}{' '}
            <button
              type="button"
              class="link"
              data-testid="welcome-open-settings"
              onClick={() => void openSettings()}
            >
              {t('commonSettings')}
            </button>
          </p>
        </section>
        <section aria-labelledby="welcome-goal">
          <h2 id="welcome-goal">{t('welcomeGoalHeading')}</h2>
          <label>
            {t('optionsThankGoal')}
            <input
              type="number"
              class="short"
              min={0}
              max={100}
              data-testid="welcome-goal"
              value={goal}
              aria-invalid={numberProblem(goal, 0, 100) && problems.length ? true : undefined}
              onInput={(e) => setGoal(e.currentTarget.value)}
            />
          </label>
        </section>
        {problems.length > 0 && (
          <div role="alert" class="error" data-testid="welcome-problems">
            {problems.map((p) => (
              <p key={p}>{p}</p>
            ))}
          </div>
        )}
        <div class="actions">
          <button type="submit" class="primary" data-testid="welcome-done">
            {t('welcomeDone')}
          </button>
          <button type="button" data-testid="welcome-skip" onClick={() => void closeThisTab()}>
            {t('welcomeSkip')}
          </button>
        </div>
        <p class="hint">{t('welcomeLater')}</p>
      </form>
    </main>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { hiddenSites, showLauncherOn } from '@/platform/content';
import { t } from '@/platform';

/** The sites where the user hid the in-page tab ("Hide here"), each with "Show again". */
export function HiddenSites() {
  const [hosts, setHosts] = useState<string[] | null>(null);
  const load = () => void hiddenSites().then(setHosts, () => setHosts([]));
  useEffect(load, []);
  if (!hosts) return null;
  if (hosts.length === 0) return <p class="hint">{t('optionsHiddenNone')}</p>;
  return (
    <ul class="hidden-sites" data-testid="hidden-sites">
      {hosts.map((host) => (
        <li key={host}>
          <span>{host}</span>{' '}
          <button
            type="button"
            data-testid="show-again"
            aria-label={t('optionsShowAgainLabel', host)}
            onClick={() => void showLauncherOn(host).then(load)}
          >
            {t('optionsShowAgain')}
          </button>
        </li>
      ))}
    </ul>
  );
}

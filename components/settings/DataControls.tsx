import { useState } from 'preact/hooks';
import { exportAll, exportCsv, exportJson, parseImport } from '@/lib/io';
import type { Store } from '@/lib/store';
import { forgetBrowserState, t } from '@/platform';
import { JsonFileInput } from './JsonFileInput';
import { RetentionControls } from './RetentionControls';

/** Export, import, wipe and retention: the log is the user's to take, bring back or remove. */
export function DataControls({ store }: { store: Store }) {
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [confirmWipe, setConfirmWipe] = useState(false);

  async function download(kind: 'json' | 'csv') {
    const file = await exportAll(store);
    const day = new Date().toISOString().slice(0, 10);
    if (kind === 'json') {
      save(`inside-out-${day}.json`, 'application/json', exportJson(file));
    } else {
      const csv = exportCsv(file);
      save(`inside-out-interactions-${day}.csv`, 'text/csv', csv.interactions);
      save(`inside-out-thanks-${day}.csv`, 'text/csv', csv.appreciations);
    }
    setStatus(t('dataExported', file.interactions.length, file.appreciations.length));
  }

  async function upload(text: string) {
    setProblems([]);
    setStatus(t('dataChecking'));
    const parsed = parseImport(text, t);
    if (!parsed.ok) {
      setStatus(t('dataImportProblems'));
      setProblems(parsed.problems);
      return;
    }
    try {
      setProgress(0);
      const result = await store.importRecords(parsed.file, (done, total) =>
        setProgress(done / total),
      );
      const kept = result.keptNewer + result.keptDeleted;
      setStatus(
        [
          t('dataImported', result.added, result.updated, result.unchanged),
          kept ? t('dataImportKept', result.keptNewer, result.keptDeleted) : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    } catch (error) {
      setStatus(t('dataImportFailed', (error as Error).message));
    } finally {
      setProgress(null);
    }
  }

  async function wipe() {
    await store.wipe();
    await forgetBrowserState();
    setConfirmWipe(false);
    setStatus(t('dataWiped'));
  }

  return (
    <section aria-labelledby="data" class="data">
      <h2 id="data">{t('dataHeading')}</h2>
      <p class="hint">{t('dataHint')}</p>
      <div class="actions">
        <button type="button" data-testid="export-json" onClick={() => void download('json')}>
          {t('dataExportJson')}
        </button>
        <button type="button" data-testid="export-csv" onClick={() => void download('csv')}>
          {t('dataExportCsv')}
        </button>
        <JsonFileInput label={t('dataImport')} testid="import-file" onText={upload} />
      </div>
      {progress !== null && (
        <progress value={progress} max={1} aria-label={t('dataImportProgress')}>
          {t('dataImportPercent', Math.round(progress * 100))}
        </progress>
      )}
      {problems.length > 0 && (
        <ul role="alert" class="error" data-testid="import-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <RetentionControls
        store={store}
        onExport={() => void download('json')}
        onStatus={setStatus}
      />
      {confirmWipe ? (
        <div role="alertdialog" aria-labelledby="wipe-title" class="prompt">
          <p id="wipe-title">{t('dataWipeConfirm')}</p>
          <div class="actions">
            <button type="button" onClick={() => void download('json')}>
              {t('dataExportFirst')}
            </button>
            <button
              type="button"
              class="danger"
              data-testid="wipe-confirm"
              onClick={() => void wipe()}
            >
              {t('dataWipeEverything')}
            </button>
            <button type="button" onClick={() => setConfirmWipe(false)}>
              {t('dataKeep')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class="danger"
          data-testid="wipe"
          onClick={() => setConfirmWipe(true)}
        >
          {t('dataWipe')}
        </button>
      )}
      <p role="status" data-testid="data-status">
        {status}
      </p>
    </section>
  );
}

export function save(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

import { useState } from 'preact/hooks';
import {
  exportAll,
  exportCsv,
  exportJson,
  importAll,
  parseImport,
  removeOlderThan,
  wipeAll,
} from '@/lib/io';
import type { Store } from '@/lib/store';
import { announceStoreChange } from '@/platform';

/** Export, import, wipe and retention: the log is the user's to take, bring back or remove. */
export function DataControls({ store }: { store: Store }) {
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [confirmWipe, setConfirmWipe] = useState(false);
  const [months, setMonths] = useState(24);

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
    setStatus(
      `Exported ${file.interactions.length} interactions and ${file.appreciations.length} thank-yous.`,
    );
  }

  async function upload(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const picked = input.files?.[0];
    input.value = '';
    if (!picked) return;
    setProblems([]);
    setStatus('Checking the file…');
    const parsed = parseImport(await picked.text());
    if (!parsed.ok) {
      setStatus('Nothing was imported: the file has problems.');
      setProblems(parsed.problems);
      return;
    }
    try {
      setProgress(0);
      const result = await importAll(store, parsed.file, (done, total) =>
        setProgress(done / total),
      );
      setStatus(
        `Imported: ${result.added} added, ${result.updated} updated, ${result.unchanged} already here.`,
      );
      announceStoreChange();
    } catch (error) {
      setStatus(`Nothing was imported: ${(error as Error).message}`);
    } finally {
      setProgress(null);
    }
  }

  async function wipe() {
    await wipeAll(store);
    setConfirmWipe(false);
    setStatus('Everything was removed.');
    announceStoreChange();
  }

  async function prune() {
    const cutoff = new Date();
    cutoff.setMonth(cutoff.getMonth() - months);
    const removed = await removeOlderThan(store, cutoff.getTime());
    setStatus(`Removed ${removed} entries older than ${months} months.`);
    announceStoreChange();
  }

  return (
    <section aria-labelledby="data" class="data">
      <h2 id="data">Your data</h2>
      <p class="hint">
        Your log lives only in this browser. Nothing is sent anywhere; an export is a file you keep.
      </p>
      <div class="actions">
        <button type="button" data-testid="export-json" onClick={() => void download('json')}>
          Export everything (JSON)
        </button>
        <button type="button" data-testid="export-csv" onClick={() => void download('csv')}>
          Export as CSV
        </button>
        <label class="button">
          Import a JSON export…
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            data-testid="import-file"
            onChange={(e) => void upload(e)}
          />
        </label>
      </div>
      {progress !== null && (
        <progress value={progress} max={1} aria-label="Import progress">
          {Math.round(progress * 100)}%
        </progress>
      )}
      {problems.length > 0 && (
        <ul role="alert" class="error" data-testid="import-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <fieldset>
        <legend>Keep entries for</legend>
        <label class="inline">
          <input
            type="number"
            min={1}
            max={240}
            value={months}
            onInput={(e) => setMonths(Number(e.currentTarget.value))}
            aria-label="Months to keep"
          />
          months
        </label>
        <button type="button" onClick={() => void prune()}>
          Remove older entries now
        </button>
      </fieldset>
      {confirmWipe ? (
        <div role="alertdialog" aria-labelledby="wipe-title" class="prompt">
          <p id="wipe-title">
            Remove every person, interaction, thank-you and check-in? This cannot be undone. Export
            first if you may want them back.
          </p>
          <div class="actions">
            <button type="button" onClick={() => void download('json')}>
              Export first
            </button>
            <button
              type="button"
              class="danger"
              data-testid="wipe-confirm"
              onClick={() => void wipe()}
            >
              Remove everything
            </button>
            <button type="button" onClick={() => setConfirmWipe(false)}>
              Keep my data
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
          Wipe everything…
        </button>
      )}
      <p role="status" data-testid="data-status">
        {status}
      </p>
    </section>
  );
}

function save(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

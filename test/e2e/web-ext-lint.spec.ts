/**
 * Mozilla's add-on validator finds no error in the Firefox build and no eval (zod's two
 * Function-constructor sites are replaced at build time, wxt.config.ts); other warnings are
 * listed.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { BUILD_DIRS, REPO_ROOT } from './paths.ts';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

it('web-ext lint reports no errors and no eval on the Firefox build', async () => {
  const webExt = join(REPO_ROOT, 'node_modules/.bin/web-ext');
  // web-ext exits 1 when there are errors; the JSON report is on stdout either way.
  const stdout = await promisify(execFile)(
    webExt,
    ['lint', '--source-dir', BUILD_DIRS.firefox, '--output', 'json', '--boring'],
    { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 },
  ).then(
    (result) => result.stdout,
    (error: { stdout?: string }) => error.stdout ?? '',
  );
  const report = JSON.parse(stdout) as LintReport;
  const describe = (m: LintMessage): string =>
    `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`;
  if (report.warnings.length > 0) {
    console.info(`web-ext lint warnings:\n${report.warnings.map(describe).join('\n')}`);
  }
  expect(report.errors.map(describe)).toEqual([]);
  expect(report.warnings.filter((w) => w.code === 'DANGEROUS_EVAL').map(describe)).toEqual([]);
});

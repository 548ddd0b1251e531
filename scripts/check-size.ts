/**
 * Size budgets of the built extension (run after `npm run build` in `npm run test:browsers`):
 * every content script under 12 KB gzipped, the popup (its page's scripts and every chunk they
 * load) under 40 KB gzipped. Prints every entrypoint's figures; exits 1 when a budget is broken.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGETS, entrySizes, overBudget } from '../test/bench/size.ts';

const dir =
  process.argv[2] ?? join(fileURLToPath(new URL('..', import.meta.url)), '.output/chrome-mv3');
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error(`No build at ${dir}: run \`npm run build\` first.`);
  process.exit(1);
}
const sizes = entrySizes(dir);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`Entrypoint sizes, gzipped (${dir}):`);
for (const s of sizes) {
  const budget =
    s.kind === 'content script'
      ? ` (budget ${kb(BUDGETS.contentScript)})`
      : s.name === 'popup'
        ? ` (budget ${kb(BUDGETS.popup)})`
        : '';
  const lazy = s.lazyGzip ? `, +${kb(s.lazyGzip)} loaded on demand` : '';
  console.log(
    `  ${s.kind.padEnd(14)} ${s.name.padEnd(12)} ${kb(s.gzip).padStart(9)}${budget}${lazy}`,
  );
}
const problems = overBudget(sizes);
if (problems.length) {
  console.error(`\nSize budget exceeded:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('\nEvery size budget is kept.');

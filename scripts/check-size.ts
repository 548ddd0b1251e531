/**
 * Checks of the shipped build (run after `npm run build` in `npm run test:browsers`): size
 * budgets (every content script under 12 KB gzipped, the popup with every chunk it loads under
 * 40 KB gzipped) and no test hook in any script. Prints every entrypoint's figures; exits 1 when
 * a budget is broken or a hook is there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
// The browser tests' build (`npm run build:test`) has hooks a page of ours could call; never ship them.
const TEST_HOOK = '__insideOut';
const firefox = dir.replace(/chrome-mv3$/, 'firefox-mv3');
for (const built of new Set([dir, firefox].filter((d) => existsSync(d)))) {
  for (const file of readdirSync(built, { recursive: true, encoding: 'utf8' })) {
    if (file.endsWith('.js') && readFileSync(join(built, file), 'utf8').includes(TEST_HOOK))
      problems.push(`${join(built, file)} has the test hook ${TEST_HOOK}: use \`npm run build\``);
  }
}
if (problems.length) {
  console.error(`\nThe build fails its checks:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('\nEvery size budget is kept, and no test hook is in the build.');

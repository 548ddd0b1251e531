/**
 * The app's own WXT config, built elsewhere: `npx wxt build -c test/bench/wxt.bench.config.ts`
 * writes to $IO_BENCH_OUT (default /tmp/inside-out-bench-build), so a benchmark of local changes
 * never rewrites `.output/` under someone else's tests. Use it with
 * `IO_BENCH_BUILD=/tmp/inside-out-bench-build/chrome-mv3 npm run bench`.
 */
import { defineConfig } from 'wxt';
import base from '../../wxt.config';

export default defineConfig({
  ...base,
  outDir: process.env.IO_BENCH_OUT ?? '/tmp/inside-out-bench-build',
});

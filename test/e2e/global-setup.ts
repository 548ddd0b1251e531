/** Builds nothing: checks the builds and the browsers are there, with a clear message if not. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIRS, BROWSERS, EXECUTABLES } from './paths.ts';

export default function setup(): void {
  for (const browser of BROWSERS) {
    if (!existsSync(join(BUILD_DIRS[browser], 'manifest.json'))) {
      throw new Error(
        `${BUILD_DIRS[browser]} is missing: run npm run build first ` +
          '(npx wxt build && npx wxt build -b firefox).',
      );
    }
    if (!existsSync(EXECUTABLES[browser])) {
      throw new Error(
        `${EXECUTABLES[browser]} is missing: apt-get install -y chromium firefox-esr ` +
          '(no test tool downloads a browser).',
      );
    }
  }
}

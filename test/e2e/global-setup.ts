/**
 * Builds nothing: checks the test builds and the browsers are there, with a clear message if not.
 * The browser tests drive the background through hooks only the test build has.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIRS, BROWSERS, EXECUTABLES } from './paths.ts';

export default function setup(): void {
  for (const browser of BROWSERS) {
    if (!existsSync(join(BUILD_DIRS[browser], 'manifest.json'))) {
      throw new Error(`${BUILD_DIRS[browser]} is missing: run npm run build:test first.`);
    }
    if (!readFileSync(join(BUILD_DIRS[browser], 'background.js'), 'utf8').includes('__insideOut')) {
      throw new Error(
        `${BUILD_DIRS[browser]} is the shipped build, without the tests' hooks: ` +
          'run npm run build:test first.',
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

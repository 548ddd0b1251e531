/** True only in the build the browser tests load (`npm run build:test`); see wxt.config.ts. */
declare const __TEST_HOOKS__: boolean;

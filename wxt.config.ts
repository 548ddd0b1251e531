import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { ALL_TOOL_MATCHES } from './lib/sites';

/**
 * zod compiles fast parsers with the Function constructor unless it runs jitless, which
 * lib/model.ts sets; these are the two places that would call it. Replacing them means the
 * shipped code holds no eval at all (store reviewers and web-ext lint look for it), and a zod
 * update that moves them fails the build rather than bringing eval back unnoticed.
 */
function zodWithoutEval(): Plugin {
  const evalSite = 'const F = Function;';
  return {
    name: 'inside-out:zod-without-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]zod[\\/]v4[\\/]core[\\/](util|doc)\.js$/.test(id)) return undefined;
      if (!code.includes(evalSite)) this.error(`zod changed: no "${evalSite}" in ${id}`);
      return code.replaceAll(
        evalSite,
        'const F = function () { throw new EvalError("no eval"); };',
      );
    },
  };
}

/**
 * Content scripts (and the picker they load) get the browser's own extension API rather than
 * webextension-polyfill: 2.7 KB of every 12 KB host pages load, and not needed there. Firefox's
 * `browser` already returns promises; in MV3 so does Chrome's `chrome` for everything a content
 * script calls (platform/content.ts answers messages through `sendResponse`, which both
 * support). Extension pages and the background keep the polyfill.
 */
function nativeBrowserInContentScripts(): Plugin {
  let inPage = false;
  return {
    name: 'inside-out:native-browser-in-content-scripts',
    enforce: 'pre',
    options(input) {
      inPage = /content-script|[\\/]picker\.ts"/.test(JSON.stringify(input.input ?? ''));
      return null;
    },
    transform(code, id) {
      if (!inPage || !/[\\/]@wxt-dev[\\/]webextension-polyfill[\\/]dist[\\/]browser\.mjs$/.test(id))
        return undefined;
      if (!code.includes("from 'webextension-polyfill'"))
        this.error(`@wxt-dev/webextension-polyfill changed: ${id}`);
      return 'export const browser = globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;';
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox too: MV2 would drop the side panel and optional host permissions.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact(), zodWithoutEval(), nativeBrowserInContentScripts()],
    // Test hooks exist only in the build the browser tests load (`npm run build:test`); the
    // shipped build compiles them out, and scripts/check-size.ts checks that it did.
    define: { __TEST_HOOKS__: JSON.stringify(process.env.INSIDE_OUT_TEST_HOOKS === '1') },
  }),
  // The sources zip the Firefox store asks for: what the extension is built from, nothing else
  // (WXT already leaves out node_modules, .output and dot-files).
  zip: {
    excludeSources: ['test/**', 'test-results/**', 'docs/**', 'demo/**', 'scripts/**', '**/*.log'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'alarms',
      'notifications',
      'scripting',
    ],
    // Self-hosted tools only, each origin asked for from a click in the options page.
    optional_host_permissions: ['https://*/*'],
    host_permissions: ALL_TOOL_MATCHES,
    commands: {
      'thank-here': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: '__MSG_commandThankHere__',
      },
    },
    // Only the in-page sidebar may be framed, and only by the supported tools. Chrome can
    // serve it at an address that changes every session, so a page cannot use its address to
    // recognise the browser; Firefox has no such option (its address is per install) and warns
    // of the key, so there the frame's closed shadow root is what hides it.
    web_accessible_resources: [
      {
        resources: ['sidebar.html'],
        matches: ALL_TOOL_MATCHES,
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    browser_specific_settings: {
      gecko_android: { strict_min_version: '142.0' },
      gecko: {
        id: 'inside-out@inside-out.app',
        // 140 (ESR) is the first to read data_collection_permissions; older ones would warn.
        strict_min_version: '140.0',
        // Nothing is collected or transmitted: the log stays in the browser.
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
});

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
 * Content scripts (and the picker and insertion they load) get the browser's own extension API rather than
 * webextension-polyfill: 2.7 KB of every 12 KB host pages load, and not needed there. Firefox's
 * `browser` already returns promises; in MV3 so does Chrome's `chrome` for everything a content
 * script calls (platform/content.ts answers messages through `sendResponse`, which both
 * support). So does the popup's early script (it reads storage and the log), which runs before
 * the popup's modules and holds them up while it loads. Extension pages and the background keep
 * the polyfill.
 */
function nativeBrowserInContentScripts(): Plugin {
  let inPage = false;
  return {
    name: 'inside-out:native-browser-in-content-scripts',
    enforce: 'pre',
    options(input) {
      inPage = /content-script|[\\/](picker|insert|popup-opening)\.tsx?"/.test(
        JSON.stringify(input.input ?? ''),
      );
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

/**
 * The popup loads its modules in as few files as it can: every module its page needs that other
 * pages share too goes into one chunk, instead of four (Preact and the platform, the storage
 * problem, a plural helper, the chart), because each file an extension page fetches costs the
 * popup's opening time on a loaded machine. Modules only the popup uses stay in its own chunk.
 */
function popupInTwoFiles(): Plugin {
  const popupModules = new Set<string>();
  return {
    name: 'inside-out:popup-in-two-files',
    buildEnd() {
      const entry = [...this.getModuleIds()].find((id) =>
        /[\\/]entrypoints[\\/]popup[\\/]index\.html$/.test(id),
      );
      const visit = (id: string) => {
        if (popupModules.has(id)) return;
        popupModules.add(id);
        for (const dep of this.getModuleInfo(id)?.importedIds ?? []) visit(dep);
      };
      if (entry) visit(entry);
    },
    outputOptions(options) {
      // The pages' build only (the scripts are single files); the set is filled by then.
      if (options.format !== 'es') return null;
      return {
        ...options,
        codeSplitting: {
          groups: [
            {
              name: 'popup-shared',
              test: (id: string) => popupModules.has(id),
              minShareCount: 2,
            },
          ],
        },
      };
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox too: MV2 would drop the side panel and optional host permissions.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact(), zodWithoutEval(), nativeBrowserInContentScripts(), popupInTwoFiles()],
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

import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { ALL_TOOL_MATCHES } from './lib/sites';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox too: MV2 would drop the side panel and optional host permissions.
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  // The sources zip the Firefox store asks for: what the extension is built from, nothing else
  // (WXT already leaves out node_modules, .output and dot-files).
  zip: {
    excludeSources: ['test/**', 'test-results/**', 'docs/**', 'demo/**', 'scripts/**', '**/*.log'],
  },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'alarms', 'notifications', 'scripting'],
    // Self-hosted tools only, each origin asked for from a click in the options page.
    optional_host_permissions: ['https://*/*'],
    host_permissions: ALL_TOOL_MATCHES,
    commands: {
      'thank-here': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: '__MSG_commandThankHere__',
      },
    },
    // Only the in-page sidebar may be framed, and only by the supported tools.
    web_accessible_resources: [{ resources: ['overlay.html'], matches: ALL_TOOL_MATCHES }],
    browser_specific_settings: {
      gecko: {
        id: 'inside-out@inside-out.app',
        strict_min_version: '128.0',
        // Nothing is collected or transmitted: the log stays in the browser.
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});

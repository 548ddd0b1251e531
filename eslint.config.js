import tseslint from 'typescript-eslint';

// The extension makes no network request of its own.
const noNetwork = ['fetch', 'XMLHttpRequest', 'WebSocket'].map((name) => ({
  name,
  message: 'The extension makes no network request of its own.',
}));

const door = 'Reach the browser through platform/, the one door to its APIs.';
const noBrowserGlobals = ['browser', 'chrome'].map((name) => ({ name, message: door }));
const noBrowserImports = [
  'wxt/browser',
  '@wxt-dev/browser',
  'webextension-polyfill',
  'wxt/utils/storage',
  '@wxt-dev/storage',
].map((name) => ({ name, message: door }));

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Privacy and least privilege: no eval, no HTML strings from data.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['lib/**', 'entrypoints/**', 'components/**', 'platform/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes; never innerHTML with data.' },
        { property: 'outerHTML', message: 'Build DOM nodes; never outerHTML with data.' },
      ],
    },
  },
  {
    files: ['lib/**', 'entrypoints/**', 'components/**', 'platform/**'],
    rules: { 'no-restricted-globals': ['error', ...noNetwork] },
  },
  {
    // One door to the browser: only platform/ reaches the extension APIs.
    files: ['lib/**', 'entrypoints/**', 'components/**'],
    rules: {
      'no-restricted-globals': ['error', ...noNetwork, ...noBrowserGlobals],
      'no-restricted-imports': ['error', { paths: noBrowserImports }],
    },
  },
);

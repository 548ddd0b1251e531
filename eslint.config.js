import tseslint from 'typescript-eslint';

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
    // The extension makes no network request of its own.
    files: ['lib/**', 'entrypoints/**', 'components/**', 'platform/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'The extension makes no network request of its own.' },
        { name: 'XMLHttpRequest', message: 'The extension makes no network request of its own.' },
        { name: 'WebSocket', message: 'The extension makes no network request of its own.' },
      ],
    },
  },
);

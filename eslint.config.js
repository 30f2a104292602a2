// One lint setup for the whole project; formatting is Prettier's (`npm run lint` checks both).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_AND_ELECTRON = [
  'node:*',
  'electron',
  'better-sqlite3',
  'fs',
  'path',
  'os',
  'child_process',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'coverage/**',
      'test-results/**',
      'node_modules/**',
      'tests/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Scripts that drive a browser pass functions to page.evaluate, which run in the page.
    files: ['scripts/screenshots.ts', 'tests/support/reader-page.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: NODE_AND_ELECTRON,
              message: 'The renderer reaches the main process only through window.marginalia.',
            },
            {
              group: ['**/main/**', '**/preload/index*'],
              message: 'The renderer never imports main-process code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Shared code runs in every process: no Node, Electron, DOM-only or React imports.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...NODE_AND_ELECTRON, 'react', 'react-dom', 'prosemirror-view'],
              message: 'src/shared touches no Node, Electron, DOM or React API.',
            },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared imports nothing from the processes.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the Electron glue imports electron: the service, store, web mode and CLI never do.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only src/main/index.ts and src/main/electron/ import electron.',
            },
          ],
        },
      ],
    },
  },
);

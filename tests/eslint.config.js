// Lint config for the whole repository; kept under tests/ so the top level stays as the design
// card fixes it. `npm run lint` points eslint at it.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noNodeOrElectron = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'contract/ must not import electron.' },
    {
      group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http'],
      message: 'contract/ must not import Node.',
    },
    { group: ['better-sqlite3'], message: 'contract/ must not import the database.' },
    { group: ['react', 'react-dom', 'react-dom/*'], message: 'contract/ must not import the DOM layer.' },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.native/**', 'tests/e2e/.artifacts/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', 'fs', 'better-sqlite3'],
              message: 'The renderer talks to main only through src-renderer/api.',
            },
            {
              group: ['**/src-main/store/**', '**/src-main/features/**', '**/src-main/host/**', '**/src-main/sync/**'],
              message: 'The renderer may import only src-main/contract.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract is shared by main, preload and renderer: plain TypeScript and zod only.
    files: ['src-main/contract/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', noNodeOrElectron] },
  },
);

import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/'] },
  js.configs.recommended,
  { languageOptions: { globals: globals.node } },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The renderer is the only place that may import chalk (see DESIGN.md).
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'chalk', message: 'Only demos/render/theme.ts imports chalk.' }] },
      ],
    },
  },
  { files: ['demos/render/theme.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    // Everything that reads text from the wire must run in linear time: a regex that can
    // backtrack super-linearly lets one crafted body stall the whole process.
    files: ['demos/**/*.ts', 'bin/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      'regexp/no-super-linear-move': ['error', { report: 'potential', ignorePartial: false, ignoreSticky: false }],
    },
  },
);

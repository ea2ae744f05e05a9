import js from '@eslint/js';
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
);

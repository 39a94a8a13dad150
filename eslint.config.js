// Lint rules: typescript-eslint's recommended set, plus the layering rules of STYLE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'runs/**', 'viz/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['bin/**/*.js', '*.js'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine core knows no model and no page: only hosts (sim/host) wire models in.
    files: ['sim/**/*.ts'],
    ignores: ['sim/host/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/models/**', 'd3', 'd3-*', '@observablehq/plot', '**/viz/**'] },
      ],
    },
  },
  {
    // The lab talks to the engine only through the worker API: type imports only, except in the worker host.
    files: ['viz/**/*.ts'],
    ignores: ['viz/sim.worker.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/models/**', '**/sim/**'],
              allowTypeImports: true,
              message: 'the lab reaches the engine only through the worker API (viz/engine.ts)',
            },
          ],
        },
      ],
    },
  },
  {
    // Models run headless: no page, no chart library.
    files: ['models/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['d3', 'd3-*', '@observablehq/plot', '**/viz/**'] }],
      'no-restricted-globals': ['error', 'document', 'window'],
    },
  },
);

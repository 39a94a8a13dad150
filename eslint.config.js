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
    // The engine knows no model, no scenario file and no page. Hosts are the composition root: only their entry
    // points import the model registry (models/index.ts), and hand it to the engine.
    files: ['sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/models/**'],
              message: 'only a host entry point imports models/index.ts (the registry); pass the registry in',
            },
            { group: ['**/scenarios/**'], message: 'hosts read scenario files at run time' },
            { group: ['d3', 'd3-*', '@observablehq/plot', '**/viz/**'], message: 'the engine draws nothing' },
          ],
        },
      ],
    },
  },
  {
    // Entry points of hosts: the registry, and nothing else of the models.
    files: ['sim/host/cli/entry.ts', 'sim/host/worker/node-entry.ts', 'viz/sim.worker.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/models/**', '!**/models/index.js'],
              message: 'a host entry point imports the registry (models/index.ts) only',
            },
            { group: ['**/scenarios/**'], message: 'hosts read scenario files at run time' },
            { group: ['d3', 'd3-*', '@observablehq/plot', '**/viz/**'], message: 'the engine draws nothing' },
          ],
        },
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

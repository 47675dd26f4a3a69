// Lint rules from the Temporal TypeScript samples: promises are awaited, type-only imports
// are marked, and workflow code (which runs in a deterministic sandbox) never imports Node
// built-ins or the side-effecting layers (activities, client, worker).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['node_modules/**', 'tools/**', 'data/**', 'test-artifacts/**', 'eslint.config.mjs', 'vitest.config.mts', 'dev/install-tools.js', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Workflows and the pure code they import must stay deterministic.
    files: ['workflows/**/*.ts', 'calendar/**/*.ts', 'program/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not allowed in deterministic code.' })),
        patterns: [
          { group: ['**/activities', '**/activities/**'], allowTypeImports: true, message: 'Workflows import activities as types only.' },
          { group: ['**/client', '**/client/**', '**/worker', '**/worker/**', '**/dev/**'], message: 'Deterministic code may not import the client, worker or dev layers.' },
        ],
      }],
    },
  },
);

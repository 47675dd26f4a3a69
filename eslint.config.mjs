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
    // The pure layers (calendar, program) stay deterministic and free of the side-effecting ones.
    files: ['calendar/**/*.ts', 'program/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not allowed in deterministic code.' })),
        patterns: [
          { group: ['**/activities', '**/activities/**', '**/workflows', '**/workflows/**'], allowTypeImports: true, message: 'Pure code imports activities and workflows as types only.' },
          { group: ['**/client', '**/client/**', '**/worker', '**/worker/**', '**/dev/**', '**/storage/**', '**/auth/**', '**/config/**'], message: 'Pure code may not import the client, worker, dev, storage, auth or config layers.' },
        ],
      }],
    },
  },
  {
    // Workflow code runs in the sandbox and is replayed: it receives resolved schedules and
    // never computes a date itself, so neither the calendar nor the plan compiler may be
    // imported (program/ only for types). The layout table of the README, enforced.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not allowed in workflow code.' })),
        patterns: [
          { group: ['**/activities', '**/activities/**'], message: 'Workflows share only contract/ with activities (activity-proxies.ts alone names their types).' },
          { group: ['../program', '../program/**', '../../program', '../../program/**'], allowTypeImports: true, message: 'Workflows receive resolved schedules: program/ as types only.' },
          { group: ['../calendar', '../calendar/**', '../../calendar', '../../calendar/**'], message: 'Workflows never compute dates: steps come resolved (program/follow-ups.ts through activities).' },
          { group: ['**/client', '**/client/**', '**/worker', '**/worker/**', '**/dev/**', '**/storage/**', '**/auth/**', '**/config/**'], message: 'Workflow code may not import the client, worker, dev, storage, auth or config layers.' },
        ],
      }],
    },
  },
  {
    // activity-proxies.ts is the one place a workflow names the activities (as types), as in
    // the samples' proxyActivities<typeof activities>.
    files: ['workflows/activity-proxies.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The contract both layers share is plain data: it imports nothing.
    files: ['contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['*', '.*', '**'], message: 'contract/ imports nothing: it is the data workflows and activities exchange.' }] }] },
  },
  {
    // Benchmarks measure the product, not the test harness.
    files: ['bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/test/**'], message: 'bench/ imports no test code.' }] }],
    },
  },
);

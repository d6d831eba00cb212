// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Where code runs decides what it may import (see README, "Layout").
// knowledge/ is the domain: plain TypeScript that runs in Node, so it never reaches for the
// extension, the UI or the browser; only knowledge/store/ may touch Dexie.
const browserGlobals = [
  { name: 'chrome', message: 'knowledge/ runs in Node: take what you need as an argument from entrypoints/.' },
  { name: 'browser', message: 'knowledge/ runs in Node: take what you need as an argument from entrypoints/.' },
];
const layerPatterns = [
  { group: ['**/entrypoints/**', '@/entrypoints/**', '~/entrypoints/**'], message: 'knowledge/ must not import entrypoints/.' },
  { group: ['**/components/**', '@/components/**', '~/components/**'], message: 'knowledge/ must not import components/.' },
  { group: ['wxt', 'wxt/*', '#imports', '@wxt-dev/*'], message: 'knowledge/ must not depend on WXT.' },
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'knowledge/ has no UI.' },
];
const dexiePattern = { group: ['dexie', 'dexie/*', 'dexie-react-hooks'], message: 'Only knowledge/store/ opens the database.' };

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', '.e2e-tmp/**', 'e2e-artifacts/**', 'demo-artifacts/**', 'bench-artifacts/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['knowledge/**/*.ts'],
    ignores: ['knowledge/store/**'],
    rules: {
      'no-restricted-globals': ['error', ...browserGlobals],
      'no-restricted-imports': ['error', { patterns: [...layerPatterns, dexiePattern] }],
    },
  },
  {
    files: ['knowledge/store/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...browserGlobals],
      'no-restricted-imports': ['error', { patterns: layerPatterns }],
    },
  },
);

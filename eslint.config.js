import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layering of src/ (drawn in ARCHITECTURE.md): a module may import the shared core
 * (src/platform, which imports no module), the settings (src/config.ts) and the modules of lower
 * layers, never one of its own layer or above. The composition root (app.ts, runtime.ts,
 * background-jobs.ts, cli/, demo/) wires everything and is imported by nothing in src/modules.
 */
const MODULE_LAYERS = [
  ['org', 'deadlines'],
  ['auth', 'jrwa', 'incoming'],
  ['assignments'],
  ['cases'],
  ['documents'],
  ['templates', 'signatures', 'approvals', 'dispatch', 'case-closing', 'ocr'],
  ['case-deadlines', 'search', 'notifications'],
  ['channels', 'portal', 'archive'],
];

const moduleRules = MODULE_LAYERS.flatMap((layer, index) =>
  layer.map((module) => ({
    from: { element: { type: module } },
    allow: {
      to: {
        element: {
          types: { anyOf: ['platform', ...MODULE_LAYERS.slice(0, index).flat()] },
        },
      },
    },
  })),
);

const layering = {
  files: ['src/**/*.ts'],
  ignores: ['src/**/*.test.ts'],
  plugins: { boundaries },
  settings: {
    'boundaries/include': ['src/**/*.ts'],
    'boundaries/elements': [
      { type: 'platform', pattern: 'src/platform' },
      ...MODULE_LAYERS.flat().map((module) => ({ type: module, pattern: `src/modules/${module}` })),
      // Whatever else is in src/: app.ts, runtime.ts, background-jobs.ts, config.ts, cli/, demo/.
      { type: 'composition', pattern: 'src' },
    ],
    'boundaries/files': [{ category: 'settings', pattern: 'src/config.ts' }],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        policies: [
          {
            from: { element: { type: 'platform' } },
            allow: { to: { element: { type: 'platform' } } },
          },
          // The settings are declared once (src/config.ts) and read by the modules they concern.
          {
            from: { element: { types: { anyOf: MODULE_LAYERS.flat() } } },
            allow: { to: { file: { categories: 'settings' } } },
          },
          { from: { element: { type: 'composition' } }, allow: { to: { element: { type: '*' } } } },
          ...moduleRules,
        ],
      },
    ],
    'boundaries/no-unknown-files': 'error',
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'data/',
      'dist/',
      'coverage/',
      'web/dist/',
      'web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings through src/config.ts.' },
      ],
    },
  },
  {
    files: ['src/config.ts', 'test/**', 'bin/**', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  // The staff web application runs in the browser (web/src) and is built by Vite.
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs['recommended-latest'].rules,
  },
  { files: ['web/scripts/**', 'web/vite.config.ts'], languageOptions: { globals: globals.node } },
  layering,
);

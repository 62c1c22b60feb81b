import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { featuresRule } from './eslint/features.mjs';
import { layersRule } from './eslint/layers.mjs';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'dist-e2e/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.dev-data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { sebaya: { rules: { layers: layersRule, features: featuresRule } } },
    rules: {
      'sebaya/layers': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // Feature folders meet only through their index.ts and never in a circle; shared code imports no feature (issue 13).
      'sebaya/features': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // The browser's own date and time fields follow its locale (mm/dd/yyyy, a 12-hour clock).
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='type'][value.value=/^(date|time|datetime-local|month|week)$/]",
          message: 'Use DateField or TimeField from src/ui/DateField: dates day first and a 24-hour clock in every locale.',
        },
      ],
      // Every form goes through useAppForm, which takes the person to the first field a refused submit names.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@mantine/form', importNames: ['useForm'], message: 'Use useAppForm from src/ui/useAppForm.', allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['src/ui/useAppForm.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // electron-builder's hooks (scripts/electron-builder): CommonJS modules it requires by path.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The CLI, the harness, benchmarks and scripts talk to a person on a terminal.
    files: ['electron/backend/cli/**', 'electron/backend/logger.ts', 'harness/**', 'bench/**', 'scripts/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
);

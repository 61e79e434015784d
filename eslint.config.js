// Lint: typescript-eslint's recommended rules, React hooks rules for the pane, Prettier for layout.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');
const prettier = require('eslint-config-prettier');
const globals = require('globals');

module.exports = tseslint.config(
  { ignores: ['lib/**', 'dist/**', 'dist-wps/**', 'coverage/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // reading binary headers (sniff) and terminal output (tests) needs control characters
      'no-control-regex': 'off',
      'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipTemplates: true }],
    },
  },
  {
    // the fakes of Excel and WPS mimic proxy objects; tests may require() what they load lazily
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-this-alias': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['taskpane/**/*.tsx', 'wps/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    // the classic hook rules; the React Compiler's rules (refs, set-state-in-effect …) assume a
    // compiler this project does not use
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  prettier,
);

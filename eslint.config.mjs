import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  // examples/*/src links to the main src/, which is linted once, as itself.
  {ignores: ['build/', '.docusaurus/', 'node_modules/', 'bench-results/', 'screenshots/', 'examples/*/src', 'examples/*/build/', 'examples/*/.docusaurus/']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: {'react-hooks': reactHooks},
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', {patterns: [{group: ['../../*'], message: 'Import through @site/ instead of deep relative paths.'}]}],
    },
  },
  {
    // An example site uses the engine as an adopter would, from outside its src/: @site is the example itself.
    files: ['examples/**/*.ts'],
    rules: {'no-restricted-imports': 'off'},
  },
  {
    // Bundler loaders are CommonJS files that Node requires as they are.
    files: ['**/*.cjs'],
    languageOptions: {sourceType: 'commonjs', globals: {require: 'readonly', module: 'writable', __dirname: 'readonly'}},
    rules: {'@typescript-eslint/no-require-imports': 'off'},
  },
  {
    // The plugin is installed into other sites, where @site/ is that site: it imports relatively.
    files: ['packages/**/*.{ts,tsx}'],
    rules: {'no-restricted-imports': ['error', {patterns: [{group: ['@site/*'], message: 'The plugin is installed into other sites: import relatively, never through @site/.'}]}]},
  },
  {
    // The org model stays free of React and Docusaurus so every stage is testable on its own.
    files: ['packages/org-handbook/src/org/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {patterns: ['react', 'react-dom', '@docusaurus/*', '@theme/*', '@site/*', '../theme/*', '../plugin/*', '../../theme/*', '../../plugin/*', 'node:fs', 'node:fs/promises', 'node:child_process']}],
    },
  },
  {
    // The history's one Node-side module: it reads blobs from git, as packages/org-handbook/src/plugin/content.ts reads files.
    files: ['packages/org-handbook/src/org/history/git.ts'],
    rules: {'no-restricted-imports': ['error', {patterns: ['react', 'react-dom', '@docusaurus/*', '@theme/*']}]},
  },
);

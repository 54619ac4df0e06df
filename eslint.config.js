// One lint setup for the workspace. Beyond the recommended rules it enforces the layering:
// browser-safe packages never import Node, packages never import apps, leaves import nothing of ours.
import tseslint from 'typescript-eslint'

const nodeBuiltins = {
  group: [
    'node:*',
    'fs',
    'path',
    'os',
    'http',
    'https',
    'crypto',
    'zlib',
    'child_process',
    'url',
    'stream',
  ],
  message: 'this package also runs in the browser: no Node imports here',
}
const apps = {
  group: ['@slipway/cli', '@slipway/server', '@slipway/web'],
  message: 'packages must not depend on apps',
}
const workspace = {
  group: ['@slipway/*'],
  message: 'this package is a leaf: it imports nothing of ours',
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.tools/**',
      'test-output/**',
      '**/testdata/**',
      'test/fixtures/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // the launcher is CommonJS (bin/package.json) so that it can start the bundle with a code cache
    files: ['apps/cli/bin/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [apps] }] },
  },
  {
    files: ['packages/{gotemplate,render,api}/src/**/*.ts', 'packages/chart/src/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBuiltins, apps] }] },
  },
  {
    files: ['packages/gotemplate/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [workspace, nodeBuiltins] }] },
  },
  {
    files: ['packages/oci/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [workspace] }] },
  },
)

import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import noImportCycle from './eslint-rules/no-import-cycle.mjs'

/** Imports that would tie the domain to one platform (architecture doc, principle 1). */
const platformImports = [
  { group: ['electron', 'electron/*'], message: 'core 不得依赖 Electron：把它放进 src/main。' },
  { group: ['react', 'react-dom', 'react/*', '@mantine/*'], message: 'core 不得依赖界面库。' },
  {
    group: ['**/main/**', '**/renderer/**', '**/preload/**'],
    message: 'core 不得引用 main/renderer/preload。',
  },
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // No import circles (issue 9): domains react to each other through core/events, not imports.
    files: ['**/*.{ts,tsx,mts}'],
    plugins: { local: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: { 'local/no-import-cycle': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: platformImports }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...platformImports,
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'better-sqlite3', 'kysely'],
              message: 'shared 在两端运行：不得使用 Node API。',
            },
            { group: ['**/core/**', '**/server/**'], message: 'shared 不得引用 core/server。' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', '**/core/**', '**/main/**', 'node:*'],
              message: '界面只通过 window.api 访问 core。',
            },
          ],
        },
      ],
    },
  },
  prettier,
)

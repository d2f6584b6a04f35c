// Lint rules, chiefly the process boundaries of DESIGN §2: 'electron' only in src-main/electron/,
// no Node APIs in src-renderer/ or src-shared/, and neither of those reaching into src-main/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeOnly = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'worker_threads',
  'better-sqlite3',
  'pkcs11js',
  'drizzle-orm/*',
  'fastify',
  '@fastify/*',
  'exceljs',
  'pdfkit',
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'src-main/store/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src-main/**/*.ts', 'scripts/**', 'tests/**/*.ts', 'bin/**', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: "Only src-main/electron/ may import 'electron'." }] },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src-shared is pure TypeScript.' },
            { name: 'react', message: 'src-shared is pure TypeScript.' },
          ],
          patterns: [
            { group: nodeOnly, message: 'src-shared must run in the browser too: no Node APIs.' },
            {
              group: ['**/src-main/**', '**/src-renderer/**'],
              message: 'src-shared depends on nothing else in the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches Electron only through the preload bridge.' }],
          patterns: [
            { group: nodeOnly, message: 'No Node APIs in the renderer.' },
            {
              group: ['**/src-main/**'],
              message: 'The renderer talks to the server only through the procedure client.',
            },
          ],
        },
      ],
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Imports point inward: domain <- ports <- services <- {slack, cli, api, jobs}.
const layer = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message: 'This import crosses an architecture boundary.' })) }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bin/**', 'coverage/**', 'bench/.build/**', 'bench/.work/**', '.penny/**', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layer(['src/domain/**'], ['**/ports/**', '**/services/**', '**/store/**', '**/sources/**', '**/slack/**', '**/cli/**', '**/jobs/**', '**/config/**', 'mongoose', 'mongodb', '@slack/*']),
  layer(['src/services/**'], ['**/store/**', '**/sources/**', '**/slack/**', '**/cli/**', '**/jobs/**', 'mongoose', 'mongodb', '@slack/*', '@aws-sdk/*', '@google-cloud/*', '@azure/*', 'openai']),
);

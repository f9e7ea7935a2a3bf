import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './eslint.layers.cjs';

const { LAYERS, ROOT_FILES, forbiddenFor } = layers;

// Imports point inward (docs/architecture.md): each folder of src/ may import only the layers
// eslint.layers.cjs allows it, and only the packages that belong to its job.
const layerRules = Object.keys(LAYERS).map((layer) => {
  const { folders, packages } = forbiddenFor(layer);
  const message = `src/${layer} may import only ${LAYERS[layer].length > 0 ? LAYERS[layer].join(', ') : 'nothing else in src'} (docs/architecture.md).`;
  return {
    files: [`src/${layer}/**/*.ts`, `src/${layer}.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...folders.map((folder) => ({ group: ROOT_FILES.includes(folder) ? ['./', '../', '../../', '../../../'].map((up) => `${up}${folder}`) : [`**/${folder}/**`], message })),
          ...(packages.length > 0 ? [{ group: packages, message: `src/${layer} must not use ${packages.join(', ')}: that belongs to an adapter (docs/architecture.md).` }] : []),
        ],
      }],
    },
  };
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
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
  ...layerRules,
);

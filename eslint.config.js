import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'fixtures/**', '.cache/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  ...layerRules(),
);

/**
 * Layers point down only: inputs ─► settings ─► collect ─► parse ─► model ─► analyze ─► report
 * ─► render ─► publish, with `units` the leaf everything may use. Each folder lists the folders
 * it must not import; a wrong arrow fails `npm test`.
 */
function layerRules() {
  const forbidden = {
    units: [
      'model',
      'parse',
      'analyze',
      'report',
      'render',
      'collect',
      'settings',
      'publish',
      'action',
      'cli',
    ],
    model: [
      'parse',
      'analyze',
      'report',
      'render',
      'collect',
      'settings',
      'publish',
      'action',
      'cli',
    ],
    parse: ['analyze', 'report', 'render', 'collect', 'settings', 'publish', 'action', 'cli'],
    analyze: ['parse', 'report', 'render', 'collect', 'settings', 'publish', 'action', 'cli'],
    report: ['render', 'collect', 'settings', 'publish', 'action', 'cli'],
    render: ['collect', 'settings', 'publish', 'action', 'cli'],
    settings: ['report', 'render', 'collect', 'publish', 'action', 'cli'],
    collect: ['report', 'render', 'publish', 'action', 'cli'],
    publish: ['analyze', 'report', 'render', 'collect', 'action', 'cli'],
    // The CLI and the action are two entry points over the same stages; neither imports the other.
    cli: ['action'],
    action: ['cli'],
  };
  return Object.entries(forbidden).map(([folder, layers]) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: layers.map((layer) => ({
            group: [`**/${layer}`, `**/${layer}/**`],
            message: `src/${folder} does not import src/${layer}: layers point down (see docs/design.md)`,
          })),
        },
      ],
    },
  }));
}

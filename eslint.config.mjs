// Module boundaries are architecture, not style: they are enforced here and fail lint.
import nx from '@nx/eslint-plugin';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

const restricted = (allowedIn, names, why) => ({ names, allowedIn, why });

// Each of these packages may be imported only from one lib: that lib is the seam where it can be swapped or mocked.
const ownedImports = [
  restricted('libs/kafka', ['kafkajs'], 'only libs/kafka talks to Kafka'),
  restricted('libs/persistence', ['typeorm', 'pg'], 'only libs/persistence talks to Postgres'),
  restricted(
    'libs/search',
    ['@opensearch-project/opensearch', '@elastic/elasticsearch'],
    'only libs/search talks to the search engine',
  ),
];

// Test helpers are for tests: production code in services and tools must not depend on them.
const testingLib = {
  names: ['@wirestream/testing'],
  why: 'libs/testing is for tests (*.spec.ts, *.int-spec.ts, e2e) only',
};
const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  '**/*.testing.ts',
  '**/*.fixture.ts',
  'e2e/**/*.ts',
  'libs/testing/**/*.ts',
];

function restrictedImportsRule(entries) {
  return [
    'error',
    {
      paths: entries.flatMap(({ names, why }) => names.map((name) => ({ name, message: why }))),
      patterns: [
        ...entries.flatMap(({ names, why }) => names.map((name) => ({ group: [`${name}/*`], message: why }))),
        // A lib's public surface is its index.ts; reaching into its files couples you to its internals.
        { group: ['@wirestream/*/*'], message: 'import a lib only through its public index (@wirestream/<lib>)' },
      ],
    },
  ];
}

/** Services and tools may import every lib kind; no service imports another (type:service is not in the list). */
const APPLICATION_DEPENDENCIES = [
  'type:contracts',
  'type:formats',
  'type:enrichment',
  'type:platform',
  'type:infra',
  'type:testing',
];

/** Which lib kinds each kind may import (Nx project tags). */
const DEP_CONSTRAINTS = [
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:formats', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:enrichment', onlyDependOnLibsWithTags: ['type:contracts', 'type:formats'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform'] },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:infra', 'type:formats', 'type:enrichment'],
  },
  { sourceTag: 'type:service', onlyDependOnLibsWithTags: APPLICATION_DEPENDENCIES },
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:infra', 'type:testing'],
  },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: APPLICATION_DEPENDENCIES },
];

/**
 * The pure libs' own tests may also use libs/testing's test helpers (e.g. `fastestRun`); their code may not.
 * libs/testing imports neither of them, so this adds no cycle.
 */
const PURE_LIB_TEST_DEP_CONSTRAINTS = DEP_CONSTRAINTS.map((c) =>
  c.sourceTag === 'type:formats' || c.sourceTag === 'type:enrichment'
    ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'] }
    : c,
);
const moduleBoundaries = (depConstraints) => [
  'error',
  { enforceBuildableLibDependency: false, allow: [], depConstraints },
];

export default [
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.stack/**',
      '.nx/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(DEP_CONSTRAINTS),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Used deliberately after a length check or a regex match, where TypeScript cannot see the guarantee.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['libs/formats/**/*.spec.ts', 'libs/enrichment/**/*.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries(PURE_LIB_TEST_DEP_CONSTRAINTS) },
  },
  // A service never imports another service (type:service → type:service is in no allow-list above).
  // Owned packages: one rule for every file, then each owning lib gets the same rule minus its own packages
  // (ESLint keeps the last matching config for a rule, so these must be complete lists, not additions).
  { files: ['**/*.ts'], rules: { 'no-restricted-imports': restrictedImportsRule([...ownedImports, testingLib]) } },
  ...ownedImports.map((owner) => ({
    files: [`${owner.allowedIn}/**/*.ts`],
    rules: { 'no-restricted-imports': restrictedImportsRule([...ownedImports.filter((o) => o !== owner), testingLib]) },
  })),
  { files: TEST_FILES, rules: { 'no-restricted-imports': restrictedImportsRule(ownedImports) } },
  ...ownedImports.map((owner) => ({
    files: TEST_FILES.map((glob) => `${owner.allowedIn}/${glob.replace(/^\*\*\//, '**/')}`),
    rules: { 'no-restricted-imports': restrictedImportsRule(ownedImports.filter((o) => o !== owner)) },
  })),
  // The stack tool checks raw infrastructure (a produce/consume round trip, `select 1`) before any lib can be used.
  { files: ['tools/stack/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  // Type-aware rules: a promise nobody awaits loses its rejection, one passed where void is expected is not awaited,
  // and a switch over a union must say what happens to each member. The project service reuses tsconfig.json.
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  // Linear time on every input: a regex whose quantifiers can trade characters (nested or adjacent overlapping
  // quantifiers) or that is retried at every start position backtracks polynomially on hostile input. Every
  // existing regex is clear of both; a new one that is not fails lint.
  {
    files: ['**/*.ts'],
    plugins: { regexp },
    rules: { 'regexp/no-super-linear-backtracking': 'error', 'regexp/no-super-linear-move': 'error' },
  },
];

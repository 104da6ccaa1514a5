// StrykerJS mutation testing of the pure core (npm run mutation; not part of npm test). Each file
// group can be run alone: npm run mutation -- --mutate pipeline/core/statistics.ts
// Reports go to bench/results/mutation/ (ignored). Two cores are shared: concurrency 2 at most.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level data: the spelling lists, the country table, the sheet schemas)
  // each need the whole suite, and were 52% of the mutants and 82% of the time: left out by
  // default, pinned instead by structural tests. Include them with --ignoreStatic false.
  ignoreStatic: true,
  concurrency: 2,
  mutate: [
    'templates/contract/**/*.ts',
    'pipeline/core/**/*.ts',
    'pipeline/xlsx-reader.ts',
    'pipeline/xlsx/**/*.ts',
    'pipeline/zip-guard.ts',
    'addin/src/app/**/*.ts',
    '!**/*.test.ts',
  ],
  ignorePatterns: ['dist', 'out', 'addin/dist', 'coverage', 'test/output', 'bench/results', '.stryker-tmp*'],
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'bench/results/mutation/mutation.html' },
  jsonReporter: { fileName: 'bench/results/mutation/mutation.json' },
  timeoutMS: 10_000,
  cleanTempDir: 'always',
};

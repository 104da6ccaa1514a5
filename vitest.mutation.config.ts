// The vitest run that StrykerJS repeats for each mutant (npm run mutation): only the fast unit tests
// of the pure core, the contract, the workbook reader and the add-in's app layer, which build their
// workbooks in memory or as small zips. No browser, no LibreOffice, no CLI processes, and none of
// the suites that write whole workbooks with exceljs first (rules, tolerant-reading, done-when...):
// those run in npm test, but here each mutant would pay for them again.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'templates/contract/**/*.test.ts',
      'addin/src/app/**/*.test.ts',
      'pipeline/core/**/*.test.ts',
      'pipeline/xlsx/**/*.test.ts',
      'test/unit/**/*.test.ts',
      'test/report/statistics.test.ts',
      'test/templates/layout.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    setupFiles: ['test/setup.ts'],
  },
});

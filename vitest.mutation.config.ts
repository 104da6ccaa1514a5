// The vitest run that StrykerJS repeats for each mutant (npm run mutation): only the fast, in-process
// tests of the pure core, the contract, the workbook reader and the add-in's app layer. No browser,
// no LibreOffice, no CLI processes, no generated workbooks, so each mutant costs a second or two.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'templates/contract/**/*.test.ts',
      'addin/src/app/**/*.test.ts',
      'test/unit/**/*.test.ts',
      'test/report/statistics.test.ts',
      'test/templates/layout.test.ts',
      'test/validate/rules.test.ts',
      'test/validate/tolerant-reading.test.ts',
      'test/validate/xlsx-reader.test.ts',
      'test/validate/zip-guard.test.ts',
      'test/validate/done-when.test.ts',
      'test/validate/pure-core.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    setupFiles: ['test/setup.ts'],
  },
});

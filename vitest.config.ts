import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'pipeline/**/*.test.ts', 'templates/**/*.test.ts', 'addin/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    setupFiles: ['test/setup.ts'],
    // Compiles dist/ from the current source first: the command-line process tests run it.
    globalSetup: ['test/global-setup.ts'],
  },
});

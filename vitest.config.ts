import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'pipeline/**/*.test.ts', 'templates/**/*.test.ts', 'addin/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    setupFiles: ['test/setup.ts'],
  },
});

// Run before every test file: output is deliberate or it is a bug, so any test that writes to the
// console fails; and the temporary folders a file's tests made are removed once they are done.
import { afterAll, afterEach, beforeEach, vi } from 'vitest';
import { removeTempDirs } from './support/temp-dir.js';

const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let calls: string[] = [];

beforeEach(() => {
  calls = [];
  for (const m of methods) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      calls.push(`console.${m}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (calls.length > 0) throw new Error(`test wrote to the console:\n${calls.join('\n')}`);
});

afterAll(removeTempDirs);

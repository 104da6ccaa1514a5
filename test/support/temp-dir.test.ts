// Where the tests' temporary folders go: inside one folder of this run, which test/global-setup.ts
// makes and removes when the run ends, so that a filtered run (-t), whose skipped files never reach
// their afterAll, leaves nothing behind either.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.js';

describe('tempDir', () => {
  it('makes its folders inside the run\'s own folder under the system temporary folder', () => {
    const run = process.env.ATT_TEST_TMPDIR;
    expect(run).toBeDefined();
    expect(path.dirname(run!)).toBe(tmpdir());
    expect(path.basename(run!)).toMatch(/^att-run-/);
    const dir = tempDir('att-probe-');
    expect(path.dirname(dir)).toBe(run);
    expect(path.basename(dir)).toMatch(/^att-probe-/);
    expect(existsSync(dir)).toBe(true);
  });
});

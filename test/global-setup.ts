// Vitest global setup: compiles the pipeline (`tsc -b`, incremental) before any test runs, so that
// the tests that start `att-meetings` as a process run the current source, never a stale dist/; and
// makes the run's temporary folder, removed with everything in it when the run ends.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs `tsc -b tsconfig.build.json` in the repository root (about 5 s from nothing, under 1 s when
 * nothing changed: dist/tsconfig.build.tsbuildinfo records what was built). A compile error stops
 * the whole run with tsc's own messages, rather than letting process tests run old code.
 *
 * test/support/temp-dir.ts makes its folders in ATT_TEST_TMPDIR, a folder of this run (the test
 * workers inherit the variable). Each test file removes its own when done, but a file whose tests a
 * filter (-t) skips never reaches its afterAll: the teardown returned here removes what is left.
 */
export default function setup(): () => void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`tsc -b tsconfig.build.json failed, so the command-line tests cannot run the source:\n${stdout ?? ''}${stderr ?? ''}`);
  }
  const run = mkdtempSync(path.join(tmpdir(), 'att-run-'));
  process.env.ATT_TEST_TMPDIR = run;
  return () => rmSync(run, { recursive: true, force: true });
}

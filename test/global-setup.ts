// Vitest global setup: compiles the pipeline (`tsc -b`, incremental) before any test runs, so that
// the tests that start `att-meetings` as a process run the current source, never a stale dist/.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs `tsc -b tsconfig.build.json` in the repository root (about 5 s from nothing, under 1 s when
 * nothing changed: dist/tsconfig.build.tsbuildinfo records what was built). A compile error stops
 * the whole run with tsc's own messages, rather than letting process tests run old code.
 */
export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`tsc -b tsconfig.build.json failed, so the command-line tests cannot run the source:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

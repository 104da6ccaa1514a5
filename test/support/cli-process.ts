// Runs `att-meetings` as a person meets it: a separate Node process on dist/pipeline/cli.js, which
// test/global-setup.ts has just compiled from the current source (so it is never stale).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The compiled command line, which package.json's `bin` (bin/att-meetings.js) runs. */
export const CLI = fileURLToPath(new URL('../../dist/pipeline/cli.js', import.meta.url));

/**
 * Runs `node [nodeFlags] dist/pipeline/cli.js ...args` and waits for it; a hang is killed after
 * `timeoutMs` (then `signal` is set, which a test should check). Never throws on a non-zero exit.
 */
export function runCliProcess(args: readonly string[], options: { nodeFlags?: readonly string[]; timeoutMs?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...(options.nodeFlags ?? []), CLI, ...args], { encoding: 'utf8', timeout: options.timeoutMs ?? 30_000 });
}

// Temporary folders for a test file's workbooks and outputs, each removed when the file's tests
// are done (test/setup.ts calls removeTempDirs after all of a file's tests). They are made in the
// run's own folder (ATT_TEST_TMPDIR, from test/global-setup.ts), which the run removes at its end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A fresh folder in the run's temporary folder (else the system's), named `<prefix>XXXXXX`; removed after the test file. */
export function tempDir(prefix = 'att-test-'): string {
  const dir = mkdtempSync(path.join(process.env.ATT_TEST_TMPDIR || tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir made in this test file (contents included) and forgets them. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

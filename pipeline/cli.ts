#!/usr/bin/env node
// The att-meetings command line: runs the command named by the first argument (see commands.ts).
import { runCli } from './commands.js';

// A reader that stops early (`| head`, `| grep -q`, `| true`) closes the pipe: what is left to print
// is dropped, and the command still ends with its own exit code rather than a stack and exit 1.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

process.exitCode = await runCli(process.argv.slice(2));

#!/usr/bin/env node
// The att-meetings command line: runs the command named by the first argument (see commands.ts).
import { runCli } from './commands.js';

process.exitCode = await runCli(process.argv.slice(2));

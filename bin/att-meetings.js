#!/usr/bin/env node
// The att-meetings program that package.json's bin names: a committed, executable file that runs the
// compiled command line (dist/pipeline/cli.js, which tsc writes without the executable bit).
import '../dist/pipeline/cli.js';

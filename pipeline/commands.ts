// The att-meetings commands, by name: each turns its arguments into a library call and an exit
// code. cli.ts only runs this; tests call runCli (or a command's run function) in-process.
import { ExpectedError } from './errors.js';

export interface Command {
  readonly summary: string;
  readonly run: (argv: readonly string[]) => Promise<number>;
}

// Each command's module is loaded only when it runs: `validate` need not pay for the charting
// and PDF libraries that `report` loads (about 80 MB and a second at start).
export const COMMANDS: Record<string, Command> = {
  validate: { summary: 'check a meeting workbook and list every problem with its cell', run: async (argv) => (await import('./validate-command.js')).runValidate(argv) },
  report: { summary: 'write report.xlsx, charts, summary.json and brief.pdf for a meeting workbook', run: async (argv) => (await import('./report-command.js')).runReport(argv) },
  trend: { summary: 'compare the shares of women across several meeting workbooks', run: async (argv) => (await import('./trend-command.js')).runTrend(argv) },
};

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processIo: CliIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

export function usage(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  return [
    'Usage: att-meetings <command> [options]',
    '',
    'Commands:',
    ...names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n]!.summary}`),
    '',
    'Run att-meetings <command> --help for a command\'s options.',
  ].join('\n');
}

/** Runs a command line; returns the exit code. Mistakes print one sentence; bugs print their stack. */
export async function runCli(argv: readonly string[], commands: Record<string, Command> = COMMANDS, io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return 0;
  }
  if (name === undefined) {
    io.err(usage());
    return 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof ExpectedError) {
      io.err(e.message);
      return e.exitCode;
    }
    io.err(`att-meetings: internal error (a bug, not a problem with your file; please report it):\n${(e as Error).stack ?? String(e)}`);
    return 3;
  }
}

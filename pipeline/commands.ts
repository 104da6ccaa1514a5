// The att-meetings commands, by name: each turns its arguments into a library call and an exit
// code. cli.ts only runs this; tests call runCli (or a command's run function) in-process.
import { ExpectedError } from './errors.js';
import { REPORT_USAGE, runReport } from './report-command.js';
import { runTrend, TREND_USAGE } from './trend-command.js';
import { runValidate, VALIDATE_USAGE } from './validate-command.js';

export interface Command {
  readonly usage: string;
  readonly summary: string;
  readonly run: (argv: readonly string[]) => Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  validate: { usage: VALIDATE_USAGE, summary: 'check a meeting workbook and list every problem with its cell', run: (argv) => runValidate(argv) },
  report: { usage: REPORT_USAGE, summary: 'write report.xlsx, charts, summary.json and brief.pdf for a meeting workbook', run: (argv) => runReport(argv) },
  trend: { usage: TREND_USAGE, summary: 'compare the shares of women across several meeting workbooks', run: (argv) => runTrend(argv) },
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

// The att-meetings commands, by name: each turns its arguments into a library call and an exit
// code. cli.ts only runs this; tests call runCli (or a command's run function) in-process.
import { type CommandIo, processIo } from './command-io.js';
import { EXIT, packageVersion } from './command-line.js';
import { ExpectedError } from './errors.js';

export interface Command {
  readonly summary: string;
  /** Runs the command with its arguments (after its name), writing through `io`; returns the exit code. */
  readonly run: (argv: readonly string[], io: CommandIo) => Promise<number>;
}

// Each command's module is loaded only when it runs: `validate` need not pay for the charting
// and PDF libraries that `report` loads (about 80 MB and a second at start).
export const COMMANDS: Record<string, Command> = {
  validate: { summary: 'check a meeting workbook and list every problem with its cell', run: async (argv, io) => (await import('./validate-command.js')).runValidate(argv, io) },
  report: { summary: 'write report.xlsx, charts, summary.json and brief.pdf for a meeting workbook', run: async (argv, io) => (await import('./report-command.js')).runReport(argv, io) },
  trend: { summary: 'compare the shares of women across several meeting workbooks', run: async (argv, io) => (await import('./trend-command.js')).runTrend(argv, io) },
};

/** The IO of the dispatcher: the commands' own (command-io.ts). */
export type CliIo = CommandIo;

export function usage(commands: Record<string, Command> = COMMANDS): string {
  const names = Object.keys(commands);
  const width = Math.max(...names.map((n) => n.length));
  return [
    'Usage: att-meetings <command> [options]',
    '       att-meetings help <command>',
    '       att-meetings --help | --version',
    '',
    'Commands:',
    ...names.map((n) => `  ${n.padEnd(width)}  ${commands[n]!.summary}`),
    '',
    'Run att-meetings <command> --help for a command\'s options and exit codes.',
  ].join('\n');
}

/**
 * Runs a command line (without `node` and the script); returns the exit code. --help and --version
 * answer with 0, `help <command>` with the command's help; a missing or unknown command, or an
 * option before the command, is 2 with the usage; a user's mistake prints its one
 * sentence (2); a bug prints its stack and is 3.
 */
export async function runCli(argv: readonly string[], commands: Record<string, Command> = COMMANDS, io: CommandIo = processIo): Promise<number> {
  const [first, ...others] = argv;
  // `help <command>` is `<command> --help`.
  const [name, rest] = first === 'help' && others.length > 0 ? [others[0]!, ['--help']] : [first, others];
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage(commands));
    return EXIT.ok;
  }
  if (name === '--version') {
    io.out(packageVersion());
    return EXIT.ok;
  }
  if (name === undefined) {
    io.err(usage(commands));
    return EXIT.refused;
  }
  if (name.startsWith('-')) {
    io.err(`Unknown option ${name.split('=')[0]}. Give the command first: att-meetings <command> [options].\n${usage(commands)}`);
    return EXIT.refused;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.err(`Unknown command "${name}".\n${usage(commands)}`);
    return EXIT.refused;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof ExpectedError) {
      io.err(e.message);
      return e.exitCode;
    }
    io.err(`att-meetings: internal error (a bug, not a problem with your file; please report it):\n${(e as Error).stack ?? String(e)}`);
    return EXIT.bug;
  }
}

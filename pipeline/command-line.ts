// One way to read an att-meetings command line: each command declares its usage, options and exit
// codes; arguments are parsed by Node's util.parseArgs; --help and --version answer alike on every
// command; a mistake is one sentence and the usage, exit code 2.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CommandIo } from './command-io.js';
import { ExpectedError, reportingMistakes } from './errors.js';

/** One option of a command: a flag (`boolean`) or an option with a value (`string`, shown as `<value>`). */
export interface OptionSpec {
  readonly type: 'boolean' | 'string';
  /** The placeholder of a string option's value in the help, such as DIR. */
  readonly value?: string;
  /** What a string option's value is, for the mistake "--out needs a folder.". */
  readonly noun?: string;
  readonly description: string;
}

/** What a command accepts and how it ends; the help is made from it. */
export interface CommandSpec {
  /** The command's name after `att-meetings`, such as validate. */
  readonly name: string;
  /** The arguments after the name, such as `<workbook.xlsx> [--json]`. */
  readonly synopsis: string;
  /** What the command does, in a sentence or two. */
  readonly description: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Every exit code the command can end with, and what it means, in order. */
  readonly exitCodes: readonly (readonly [number, string])[];
}

/** What every command may end with (README "Exit codes"): 3 is a bug, printed with its stack by runCli. */
export const EXIT = { ok: 0, errors: 1, refused: 2, bug: 3 } as const;

/** The exit codes 2 and 3, the same for every command. */
export const COMMON_EXIT_CODES: readonly (readonly [number, string])[] = [
  [EXIT.refused, 'a file cannot be read at all (not a workbook, damaged, over the limits) or the command line is wrong: one sentence, never a stack trace'],
  [EXIT.bug, 'an internal error (a bug, not a problem with your file): it prints its stack; please report it'],
];

/** `Usage: att-meetings <name> <synopsis>`. */
export function usageLine(spec: CommandSpec): string {
  return `Usage: att-meetings ${spec.name} ${spec.synopsis}`;
}

/** The command's --help: usage, description, every option (--help and --version included) and every exit code. */
export function helpText(spec: CommandSpec): string {
  const options: [string, string][] = [
    ...Object.entries(spec.options).map(([name, o]): [string, string] => [`--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`, o.description]),
    ['--help, -h', 'show this help'],
    ['--version', 'print the version of att-meetings'],
  ];
  const width = Math.max(...options.map(([flag]) => flag.length));
  return [
    usageLine(spec),
    '',
    spec.description,
    '',
    'Options:',
    ...options.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    '',
    'Exit codes:',
    ...spec.exitCodes.map(([code, text]) => `  ${code}  ${text}`),
  ].join('\n');
}

/**
 * The version of att-meetings: the `version` of the package.json above this module (from
 * pipeline/ in the source, dist/pipeline/ once built). Throws when none is found (a broken install).
 */
export function packageVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'att-meetings' && pkg.version) return pkg.version;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error('att-meetings: no package.json of att-meetings above its own code');
    dir = up;
  }
}

/** The parsed command line: option values by name (absent when not given) and the positional arguments. */
export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * Parses argv with util.parseArgs (strict: unknown options are refused) against the spec, plus
 * --help/-h and --version. Throws ExpectedError (exit 2) with one sentence and the usage for an
 * unknown option, a missing or empty option value, a value given to a flag, or an empty file name.
 */
export function parseCommandLine(spec: CommandSpec, argv: readonly string[]): ParsedArgs & { help: boolean; version: boolean } {
  const options = Object.fromEntries(Object.entries(spec.options).map(([name, o]) => [name, { type: o.type }]));
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    throw new ExpectedError(`${mistake(e as NodeJS.ErrnoException, spec)}\n${usageLine(spec)}`);
  }
  const { help, version, ...values } = parsed.values as Record<string, string | boolean | undefined>;
  for (const [name, o] of Object.entries(spec.options)) {
    if (o.type === 'string' && values[name] === '') throw new ExpectedError(`--${name} needs ${o.noun ?? 'a value'}.\n${usageLine(spec)}`);
  }
  if (parsed.positionals.includes('')) throw new ExpectedError(`One of the file names is empty.\n${usageLine(spec)}`);
  return { values, positionals: parsed.positionals, help: help === true, version: version === true };
}

/** util.parseArgs's error as one sentence of our own (its messages suggest `--` and quote oddly). */
function mistake(e: NodeJS.ErrnoException, spec: CommandSpec): string {
  const option = /'(-[^' ]+)/.exec(e.message)?.[1]?.split('=')[0];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${option ?? ''}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = option?.replace(/^-+/, '') ?? '';
      const o = spec.options[name];
      if (o?.type === 'string') return `--${name} needs ${o.noun ?? 'a value'}.`;
      return `${option ?? 'An option'} takes no value.`;
    }
    default:
      return e.message;
  }
}

/**
 * Runs one command: parses argv against the spec, answers --help and --version (exit 0), else runs
 * `body` with the parsed arguments. A user's mistake (ExpectedError) prints its sentence to
 * `io.err` and becomes the exit code; a bug is rethrown for runCli to print as exit 3.
 */
export function runCommand(spec: CommandSpec, argv: readonly string[], io: CommandIo, body: (args: ParsedArgs) => Promise<number>): Promise<number> {
  return reportingMistakes(io.err, async () => {
    const { help, version, ...args } = parseCommandLine(spec, argv);
    if (help) {
      io.out(helpText(spec));
      return EXIT.ok;
    }
    if (version) {
      io.out(packageVersion());
      return EXIT.ok;
    }
    return body(args);
  });
}

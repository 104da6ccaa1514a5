// One way to run a command: util.parseArgs behind every command, --help (options and every exit
// code) and --version on each command and on att-meetings itself, one IO for all three.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CommandIo } from '../../pipeline/command-io.js';
import { type CommandSpec, helpText, packageVersion, parseCommandLine } from '../../pipeline/command-line.js';
import { runCli } from '../../pipeline/commands.js';
import { runReport } from '../../pipeline/report-command.js';
import { runTrend } from '../../pipeline/trend-command.js';
import { runValidate } from '../../pipeline/validate-command.js';
import { runCliProcess } from '../support/cli-process.js';

/** The version as package.json states it (the source of truth for --version). */
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function capture(): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), tty: false, today: () => '2026-05-29' };
}

const SPEC: CommandSpec = {
  name: 'demo',
  synopsis: '<file> [--out DIR] [--flag]',
  description: 'Does a demo.',
  options: { out: { type: 'string', value: 'DIR', noun: 'a folder', description: 'where to write' }, flag: { type: 'boolean', description: 'a flag' } },
  exitCodes: [[0, 'fine'], [2, 'refused']],
};

describe('parseCommandLine (util.parseArgs)', () => {
  it('reads flags, string options in both spellings and positionals in any order', () => {
    expect(parseCommandLine(SPEC, ['a.xlsx', '--out', 'x', '--flag', 'b.xlsx'])).toEqual({ values: { out: 'x', flag: true }, positionals: ['a.xlsx', 'b.xlsx'], help: false, version: false });
    expect(parseCommandLine(SPEC, ['--out=y', '-h'])).toEqual({ values: { out: 'y' }, positionals: [], help: true, version: false });
    expect(parseCommandLine(SPEC, ['--version'])).toMatchObject({ version: true, positionals: [] });
    expect(parseCommandLine(SPEC, ['--', '--odd-name.xlsx']).positionals).toEqual(['--odd-name.xlsx']);
  });

  it('refuses an unknown option, a missing or empty value, and a value given to a flag, in one sentence and the usage', () => {
    const mistake = (argv: string[]) => {
      try {
        parseCommandLine(SPEC, argv);
      } catch (e) {
        return [(e as Error & { exitCode: number }).exitCode, (e as Error).message];
      }
      return 'parsed';
    };
    expect(mistake(['--jsn'])).toEqual([2, 'Unknown option --jsn.\nUsage: att-meetings demo <file> [--out DIR] [--flag]']);
    expect(mistake(['-x'])).toEqual([2, 'Unknown option -x.\nUsage: att-meetings demo <file> [--out DIR] [--flag]']);
    expect(mistake(['--out'])).toEqual([2, '--out needs a folder.\nUsage: att-meetings demo <file> [--out DIR] [--flag]']);
    expect(mistake(['--out='])).toEqual([2, '--out needs a folder.\nUsage: att-meetings demo <file> [--out DIR] [--flag]']);
    expect(mistake(['--out', '--flag'])).toEqual([2, '--out needs a folder.\nUsage: att-meetings demo <file> [--out DIR] [--flag]']);
    expect(mistake(['--flag=yes'])).toEqual([2, '--flag takes no value.\nUsage: att-meetings demo <file> [--out DIR] [--flag]']);
    // `att-meetings validate "$FILE"` with FILE unset: not " cannot be read: there is no such file."
    expect(mistake([''])).toEqual([2, 'One of the file names is empty.\nUsage: att-meetings demo <file> [--out DIR] [--flag]']);
    expect(mistake(['a.xlsx', '--', ''])).toEqual([2, 'One of the file names is empty.\nUsage: att-meetings demo <file> [--out DIR] [--flag]']);
  });

  it('makes the help from the spec: usage, description, options with --help and --version, exit codes', () => {
    expect(helpText(SPEC)).toBe([
      'Usage: att-meetings demo <file> [--out DIR] [--flag]',
      '',
      'Does a demo.',
      '',
      'Options:',
      '  --out DIR   where to write',
      '  --flag      a flag',
      '  --help, -h  show this help',
      '  --version   print the version of att-meetings',
      '',
      'Exit codes:',
      '  0  fine',
      '  2  refused',
    ].join('\n'));
  });
});

describe('--help and --version on every command', () => {
  const commands = { validate: runValidate, report: runReport, trend: runTrend } as const;

  it.each(Object.keys(commands))('%s --version prints the package version and exits 0', async (name) => {
    const io = capture();
    expect(await commands[name as keyof typeof commands](['--version'], io)).toBe(0);
    expect(io.stdout).toEqual([VERSION]);
    expect(io.stderr).toEqual([]);
  });

  it('validate --help lists its option and every exit code, 3 included', async () => {
    const io = capture();
    expect(await runValidate(['--help'], io)).toBe(0);
    const help = io.stdout.join('\n');
    expect(help).toMatch(/^Usage: att-meetings validate <workbook\.xlsx> \[--json\]\n/);
    expect(help).toMatch(/^ {2}--json +print the result as JSON/m);
    expect(help.split('Exit codes:\n')[1]!.split('\n').map((l) => l.slice(0, 3))).toEqual(['  0', '  1', '  2', '  3']);
    expect(help).toMatch(/^ {2}3 {2}an internal error \(a bug/m);
  });

  it('report --help and trend --help list --out, --force and their exit codes', async () => {
    for (const run of [runReport, runTrend]) {
      const io = capture();
      expect(await run(['-h'], io)).toBe(0);
      const help = io.stdout.join('\n');
      expect(help).toMatch(/^ {2}--out DIR +the output folder/m);
      expect(help).toMatch(/^ {2}--force +/m);
      expect(help.split('Exit codes:\n')[1]!.split('\n').map((l) => l.slice(0, 3))).toEqual(['  0', '  1', '  2', '  3']);
    }
  });

  it('report and trend refuse an --out without a folder, exit 2', async () => {
    const io = capture();
    expect(await runReport(['a.xlsx', '--out'], io)).toBe(2);
    expect(io.stderr).toEqual(['--out needs a folder.\nUsage: att-meetings report <workbook.xlsx> [--out DIR] [--force]']);
    const t = capture();
    expect(await runTrend(['a.xlsx', 'b.xlsx', '--bogus'], t)).toBe(2);
    expect(t.stderr).toEqual(['Unknown option --bogus.\nUsage: att-meetings trend <a.xlsx | a/summary.json> <b.xlsx | b/summary.json> ... [--out DIR] [--force]']);
  });
});

describe('att-meetings itself', () => {
  it('--version prints the package version, in-process and as a process', async () => {
    expect(packageVersion()).toBe(VERSION);
    const io = capture();
    expect(await runCli(['--version'], undefined, io)).toBe(0);
    expect(io.stdout).toEqual([VERSION]);
    const p = runCliProcess(['--version']);
    expect([p.status, p.stdout, p.stderr]).toEqual([0, `${VERSION}\n`, '']);
  });

  it('hands its IO to the command it runs', async () => {
    const io = capture();
    expect(await runCli(['validate', '--help'], undefined, io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/^Usage: att-meetings validate/);
    const p = runCliProcess(['report', '--help']);
    expect(p.status).toBe(0);
    expect(p.stdout).toMatch(/^Usage: att-meetings report <workbook\.xlsx> \[--out DIR\] \[--force\]\n/);
  });

  it('help <command> shows that command\'s help; help of an unknown command is refused', async () => {
    const io = capture();
    expect(await runCli(['help', 'report'], undefined, io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/^Usage: att-meetings report <workbook\.xlsx> \[--out DIR\] \[--force\]\n[^]*\nExit codes:\n/);
    expect(io.stderr).toEqual([]);
    const bad = capture();
    expect(await runCli(['help', 'repor'], undefined, bad)).toBe(2);
    expect(bad.stderr[0]).toMatch(/^Unknown command "repor"\.\nUsage: att-meetings <command> \[options\]/);
  });

  it('calls an option before any command an unknown option, not an unknown command', async () => {
    for (const option of ['-v', '--json', '--out=x']) {
      const io = capture();
      expect(await runCli([option, 'validate', 'a.xlsx'], undefined, io)).toBe(2);
      expect(io.stderr[0]).toMatch(new RegExp(`^Unknown option ${option.split('=')[0]}\\. Give the command first: att-meetings <command> \\[options\\]\\.\\nUsage: att-meetings <command> \\[options\\]`));
    }
  });

  // npx att-meetings runs the file package.json's bin names as a program: it must stay executable
  // when dist/ is built afresh (tsc writes files without the executable bit).
  it.runIf(process.platform !== 'win32')('runs as the program package.json names, without node in front', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string> };
    const bin = fileURLToPath(new URL(`../../${pkg.bin['att-meetings']}`, import.meta.url));
    const p = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect([p.error?.message, p.status, p.stdout, p.stderr]).toEqual([undefined, 0, `${VERSION}\n`, '']);
  });

  it('does not take an inherited property name for a command', async () => {
    const io = capture();
    expect(await runCli(['toString'], undefined, io)).toBe(2);
    expect(io.stderr[0]).toMatch(/^Unknown command "toString"\./);
  });
});

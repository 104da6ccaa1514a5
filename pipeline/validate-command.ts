// The `att-meetings validate <workbook.xlsx> [--json]` command: reads and validates a meeting
// workbook and prints every issue. Exit code 0 when valid (warnings allowed), 1 when errors were
// found, 2 when the file cannot be read at all or the command is mistyped, 3 for a bug.
import { type CommandIo, processIo } from './command-io.js';
import { COMMON_EXIT_CODES, type CommandSpec, EXIT, runCommand, usageLine } from './command-line.js';
import { ExpectedError } from './errors.js';
import { formatValidation, validationReport } from './print-issues.js';
import { readMeetingFile } from './read-workbook.js';
import type { ZipLimits } from './zip-guard.js';

/** The validate command's IO: the one IO interface of every command (command-io.ts). */
export type ValidateIo = CommandIo;
export const processValidateIo: CommandIo = processIo;

export const VALIDATE: CommandSpec = {
  name: 'validate',
  synopsis: '<workbook.xlsx> [--json]',
  description: 'Checks a meeting workbook against the contract and lists every problem with its cell, grouped by sheet.\nThe file is only ever read.',
  options: {
    json: { type: 'boolean', description: 'print the result as JSON: file, contractVersion, valid, errors, warnings, issues, leftOut' },
  },
  exitCodes: [
    [EXIT.ok, 'valid (warnings allowed)'],
    [EXIT.errors, 'errors found'],
    ...COMMON_EXIT_CODES,
  ],
};

export const VALIDATE_USAGE = usageLine(VALIDATE);

/** Runs `validate` with its arguments (after the command name); returns the exit code. */
export async function runValidate(argv: readonly string[], io: CommandIo = processIo, options: { limits?: ZipLimits } = {}): Promise<number> {
  return runCommand(VALIDATE, argv, io, async ({ values, positionals }) => {
    if (positionals.length !== 1) throw new ExpectedError(`${positionals.length === 0 ? 'Give the meeting workbook to check.' : 'Give exactly one meeting workbook.'}\n${VALIDATE_USAGE}`);
    const file = positionals[0]!;
    const report = validationReport(file, await readMeetingFile(file, options.limits ? { limits: options.limits } : {}));
    io.out(values.json ? JSON.stringify(report, null, 2) : formatValidation(report, { color: io.color ?? io.tty }));
    return report.valid ? EXIT.ok : EXIT.errors;
  });
}

// The `att-meetings validate <workbook.xlsx> [--json]` command: reads and validates a meeting
// workbook and prints every issue. Exit code 0 when valid (warnings allowed), 1 when errors were
// found, 2 when the file cannot be read at all or the command is mistyped.
import { ExpectedError, reportingMistakes } from './errors.js';
import { formatValidation, validationReport } from './print-issues.js';
import { readMeetingFile } from './read-workbook.js';
import type { ZipLimits } from './zip-guard.js';

/** Where a command writes: injectable so that tests read the output instead of the console. */
export interface ValidateIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when standard output is a terminal: only then are colours used. */
  readonly tty: boolean;
}

export const processValidateIo: ValidateIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  tty: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
};

export const VALIDATE_USAGE = 'Usage: att-meetings validate <workbook.xlsx> [--json]';

export async function runValidate(argv: readonly string[], io: ValidateIo = processValidateIo, options: { limits?: ZipLimits } = {}): Promise<number> {
  return reportingMistakes(io.err, async () => {
    let json = false;
    const files: string[] = [];
    for (const a of argv) {
      if (a === '--json') json = true;
      else if (a === '--help' || a === '-h') {
        io.out(`${VALIDATE_USAGE}\n\nChecks a meeting workbook against the contract and lists every problem with its cell.\n  --json  print the result as JSON (file, contractVersion, valid, errors, warnings, issues, leftOut)\nExit code: 0 valid (warnings allowed), 1 errors found, 2 file unreadable.`);
        return 0;
      } else if (a.startsWith('-') && a !== '-') throw new ExpectedError(`Unknown option ${a}.\n${VALIDATE_USAGE}`);
      else files.push(a);
    }
    if (files.length !== 1) throw new ExpectedError(`${files.length === 0 ? 'Give the meeting workbook to check.' : 'Give exactly one meeting workbook.'}\n${VALIDATE_USAGE}`);
    const file = files[0]!;
    const report = validationReport(file, await readMeetingFile(file, options.limits ? { limits: options.limits } : {}));
    io.out(json ? JSON.stringify(report, null, 2) : formatValidation(report, { color: io.tty }));
    return report.valid ? 0 : 1;
  });
}

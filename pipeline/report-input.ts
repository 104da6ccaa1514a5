// What report and trend share: reading a meeting workbook for a report (validated; refused with its
// errors listed unless --force) and its summary checked against SummarySchema.
import path from 'node:path';
import { CONTRACT_VERSION, type MeetingData, SHEETS, type SheetName } from '../templates/contract/index.js';
import { type CommandIo, showProgress } from './command-io.js';
import { ERROR_CODES, type Issue } from './core/issues.js';
import { computeSummary } from './core/statistics.js';
import { type Summary, SummarySchema } from './core/summary.js';
import type { Validation } from './core/validate.js';
import { plural } from './print-issues.js';
import { readMeetingFile } from './read-workbook.js';

function describeErrors(issues: readonly Issue[], io: CommandIo, limit = 20): void {
  const errors = issues.filter((i) => i.severity === 'error');
  for (const e of errors.slice(0, limit)) io.err(`  ${e.cell ?? e.sheet ?? ''}  ${e.message}`);
  if (errors.length > limit) io.err(`  ... and ${errors.length - limit} more errors.`);
}

/**
 * Why a workbook gives no data at all (Validation.data is null), from its errors: a required sheet
 * or column missing, or the Meeting sheet with a field it needs empty or unreadable.
 */
function nothingToReport(errors: readonly Issue[]): string {
  const missing = (e: Issue) => (e.code === ERROR_CODES.missingSheet || e.code === ERROR_CODES.missingHeader) && SHEETS[e.sheet as SheetName]?.required === true;
  const reasons: string[] = [];
  if (errors.some(missing)) reasons.push('a required sheet or column is missing');
  if (errors.some((e) => e.sheet === 'Meeting' && !missing(e))) reasons.push('a field the Meeting sheet needs is empty or cannot be read');
  return reasons.length > 0 ? reasons.join(' and ') : 'a required sheet, column or Meeting field is missing';
}

/** The summary with the data-quality figures of the validation added, checked against the schema. */
export function summarize(validation: Validation & { data: MeetingData }): Summary {
  const summary: Summary = {
    contractVersion: CONTRACT_VERSION,
    ...computeSummary(validation.data),
    dataQuality: {
      errors: validation.issues.filter((i) => i.severity === 'error').length,
      warnings: validation.issues.filter((i) => i.severity === 'warning').length,
      leftOut: validation.leftOut.map((l) => ({ sheet: l.sheet, count: l.count, reasons: [...l.reasons] })),
    },
  };
  return SummarySchema.parse(summary);
}

/**
 * Reads and validates one workbook for a report. Returns null, after saying why on `io.err` (the
 * first 20 errors with their cells), when a required sheet or header is missing, or when there are
 * errors and `force` is false; with `force`, says which rows are left out and returns the rest.
 * Throws ExpectedError (exit 2) for a file that cannot be read at all.
 */
export async function readForReport(input: string, force: boolean, io: CommandIo): Promise<(Validation & { data: MeetingData }) | null> {
  let lastSheet = '';
  const validation = await readMeetingFile(input, {
    onProgress: io.tty
      ? (p) => {
          if (p.sheet !== lastSheet || p.rows % 20_000 === 0) showProgress(io, `Reading ${path.basename(input)}: ${p.sheet}, ${p.rows.toLocaleString('en-GB')} rows`);
          lastSheet = p.sheet;
        }
      : undefined,
  });
  showProgress(io, '');
  const errors = validation.issues.filter((i) => i.severity === 'error');
  const count = plural(errors.length, 'error');
  if (validation.data === null) {
    io.err(`${input} cannot be reported on: ${count}, and ${nothingToReport(errors)}, so there is nothing to report on, even with --force.`);
    describeErrors(validation.issues, io);
    return null;
  }
  if (errors.length > 0 && !force) {
    io.err(`${input} has ${count}; fix ${errors.length === 1 ? 'it' : 'them'}, or run again with --force to report on the valid rows only.`);
    describeErrors(validation.issues, io);
    return null;
  }
  if (errors.length > 0) {
    io.err(`--force: reporting on the valid rows of ${input}; ${count} left these rows out:`);
    for (const l of validation.leftOut) if (l.count > 0) io.err(`  ${l.sheet}: ${plural(l.count, 'row')} left out (${l.reasons.join('; ')})`);
  }
  return validation as Validation & { data: MeetingData };
}

// A problem found in a meeting workbook: what, where (sheet and cell), what was found and what
// was expected. Errors a user can cause are values like these, never exceptions.
import type { SheetName } from '../../templates/contract/index.js';

export type Severity = 'error' | 'warning';

export interface Issue {
  readonly severity: Severity;
  /** A stable machine name for the rule, such as `unknown-reference` or `late-registration`. */
  readonly code: string;
  /** The sheet concerned (absent for workbook-wide problems). */
  readonly sheet?: SheetName | string;
  /** The cell address, such as `Participants!F14`, when one cell is at fault. */
  readonly cell?: string;
  /** The worksheet row, when a row is at fault. */
  readonly row?: number;
  /** What was found, as shown to a person. */
  readonly found?: string;
  /** What was expected, in plain words. */
  readonly expected?: string;
  /** One sentence a person can act on. */
  readonly message: string;
}

/** Problems that make a workbook invalid: the rows concerned are left out of every figure. */
export const ERROR_CODES = {
  missingSheet: 'missing-sheet',
  missingHeader: 'missing-header',
  duplicateHeader: 'duplicate-header',
  unreadableValue: 'unreadable-value',
  formulaWithoutResult: 'formula-without-result',
  emptyRequired: 'empty-required',
  notAllowed: 'not-allowed',
  duplicateId: 'duplicate-id',
  unknownReference: 'unknown-reference',
  cancelledParticipant: 'cancelled-participant',
  sessionTimes: 'session-times',
  sessionOutsideMeeting: 'session-outside-meeting',
  meetingDates: 'meeting-dates',
} as const;

/** Things worth a look that do not stop a report: no row is left out for them (but a repeated attendance counts once). */
export const WARNING_CODES = {
  optionalSheetAbsent: 'optional-sheet-absent',
  lateRegistration: 'late-registration',
  lateSubmission: 'late-submission',
  duplicatePerson: 'duplicate-person',
  delegationNoHead: 'delegation-no-head',
  delegationSeveralHeads: 'delegation-several-heads',
  duplicateAttendance: 'duplicate-attendance',
  formulaInText: 'formula-in-text',
  countryCodeNotState: 'country-code-not-state',
  duplicateSheet: 'duplicate-sheet',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
export type WarningCode = (typeof WARNING_CODES)[keyof typeof WARNING_CODES];
export type IssueCode = ErrorCode | WarningCode;

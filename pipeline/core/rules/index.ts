// The validator's rules that span rows and sheets, as a list of named rules run in order over what
// the reader read, and what they leave: the typed rows free of errors, every issue sorted, and the
// rows left out per sheet with why. Each rule is a module of its own beside this one. Pure: no I/O.
import {
  type AgendaRow,
  type AttendanceRow,
  type DelegationRow,
  type Located,
  type MeetingData,
  type MeetingInfo,
  type ParticipantRow,
  type SessionRow,
  SHEET_ORDER,
  SHEETS,
  type SheetName,
  type SpeakerRow,
  type SubmissionRow,
  TABLE_SHEETS,
  type TableSheetName,
} from '../../../templates/contract/index.js';
import type { Issue } from '../issues.js';
import { cancelledParticipant } from './cancelled-participant.js';
import { countryCodeNotState } from './country-code-not-state.js';
import { duplicateAttendance } from './duplicate-attendance.js';
import { duplicatePerson } from './duplicate-person.js';
import { headsOfDelegation } from './heads-of-delegation.js';
import { lateRegistration } from './late-registration.js';
import { lateSubmission } from './late-submission.js';
import { meetingDates } from './meeting-dates.js';
import type { SheetRead, WorkbookRead } from './read.js';
import type { Rule, RuleContext } from './rule.js';
import { sessionOutsideMeeting } from './session-outside-meeting.js';
import { sessionTimes } from './session-times.js';
import { sheetsPresent } from './sheets-present.js';
import { unknownReference } from './unknown-reference.js';

export type { Rule, RuleContext } from './rule.js';

export interface LeftOut {
  readonly sheet: SheetName;
  /** How many rows of the sheet are left out of the data. */
  readonly count: number;
  /** Why, with how many rows each: "2 with a cell that cannot be read". */
  readonly reasons: string[];
}

export interface Validation {
  /** Typed rows free of errors; null when a required sheet or header is missing or the Meeting sheet is unreadable. */
  readonly data: MeetingData | null;
  readonly issues: Issue[];
  readonly leftOut: LeftOut[];
}

/**
 * Every rule, in the order it runs. Order matters where a rule leaves rows out: a sheet's own rows
 * are judged (session times, then days) before the rows that refer to them, so that a child of a row
 * left out is counted as such; references before cancelled participants and repeated attendance,
 * which judge only rows whose references hold; warnings on the rows still in come last.
 */
export const RULES: readonly Rule[] = [
  meetingDates,
  sessionTimes,
  sessionOutsideMeeting,
  countryCodeNotState,
  unknownReference,
  cancelledParticipant,
  duplicateAttendance,
  lateRegistration,
  lateSubmission,
  duplicatePerson,
  headsOfDelegation,
  sheetsPresent,
];

/** The rules that judge rows of `sheet`, in running order (the add-in's forms run these on the row being edited). */
export function rulesFor(sheet: SheetName): Rule[] {
  return RULES.filter((r) => r.sheets.includes(sheet));
}

/**
 * Applies rules (all of them unless told) to what was read: `read` itself is left as it was (the
 * add-in lists its rows). The data is null when the Meeting sheet is unreadable or a required sheet
 * or column is missing; a sheet lacking a required column gives no figures (an optional one counts
 * as absent).
 */
export function applyRules(read: WorkbookRead, rules: readonly Rule[] = RULES): Validation {
  const sheets: Partial<Record<TableSheetName, SheetRead>> = {};
  for (const name of TABLE_SHEETS) {
    const s = read.sheets[name];
    if (s) sheets[name] = { ...s, rows: [...s.rows], dropped: new Map(s.dropped) };
  }
  const meeting = read.meeting?.info ?? null;
  const ctx: RuleContext = { read, sheets, meeting, issues: [...read.issues], reasonsAt: new Map() };
  for (const rule of rules) rule.apply(ctx);

  const leftOut: LeftOut[] = [];
  for (const name of TABLE_SHEETS) {
    const s = sheets[name];
    if (!s || s.dropped.size === 0) continue;
    const count = [...s.dropped.values()].reduce((a, b) => a + b, 0);
    // The reader's reasons first, then the rules' in the order of the first row each left out.
    const firsts = ctx.reasonsAt.get(name);
    // Every reason the reader did not give was given by a rule through leaveOut, which noted its first row.
    const rank = (reason: string) => (read.sheets[name]!.dropped.has(reason) ? -1 : firsts!.get(reason)!);
    // The sort is stable (ECMAScript 2019): the reader's reasons keep the order the reader found them in.
    const reasons = [...s.dropped].sort(([a], [b]) => rank(a) - rank(b));
    leftOut.push({ sheet: name, count, reasons: reasons.map(([reason, n]) => `${n} ${n === 1 ? 'row' : 'rows'} ${reason}`) });
  }

  // A sheet lacking a required column was read only to report its other problems: it gives no
  // figures, so a required one leaves no data at all and an optional one counts as absent.
  const whole = (n: TableSheetName) => sheets[n] !== undefined && sheets[n].missing.size === 0;
  const complete = meeting !== null && TABLE_SHEETS.every((n) => !SHEETS[n].required || whole(n));
  const rowsOf = <T>(name: TableSheetName) => (sheets[name]?.rows ?? []) as unknown as Located<T>[];
  const optionalRows = <T>(name: TableSheetName) => (whole(name) ? (sheets[name]!.rows as unknown as Located<T>[]) : null);
  const data: MeetingData | null = complete
    ? {
        meeting: meeting as MeetingInfo,
        sessions: rowsOf<SessionRow>('Sessions'),
        agenda: read.present.has('Agenda') ? optionalRows<AgendaRow>('Agenda') : null,
        delegations: rowsOf<DelegationRow>('Delegations'),
        participants: rowsOf<ParticipantRow>('Participants'),
        attendance: rowsOf<AttendanceRow>('Attendance'),
        speakers: read.present.has('Speakers') ? optionalRows<SpeakerRow>('Speakers') : null,
        submissions: read.present.has('Submissions') ? optionalRows<SubmissionRow>('Submissions') : null,
      }
    : null;

  return { data, issues: sortIssues(ctx.issues), leftOut };
}

/** Workbook-wide issues first, then by sheet in the template's order, row and column, then as found. */
export function sortIssues(issues: Issue[]): Issue[] {
  const order = new Map<string, number>(SHEET_ORDER.map((s, i) => [s, i]));
  const column = (cell: string | undefined) => {
    // Every cell is one address on a sheet whose title folds to a contract sheet's name (letters
    // only): its one '!' is followed by the column letters, then the row to the end.
    const m = cell ? /!([A-Z]+)/.exec(cell) : null;
    return m ? m[1]!.length * 100 + m[1]!.charCodeAt(0) : 0;
  };
  // The sort is stable (ECMAScript 2019): issues that tie stay in the order found.
  return [...issues].sort((a, b) =>
    (a.sheet === undefined ? -1 : order.get(a.sheet) ?? 99) - (b.sheet === undefined ? -1 : order.get(b.sheet) ?? 99) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    column(a.cell) - column(b.cell));
}

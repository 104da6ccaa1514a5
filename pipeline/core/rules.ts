// The rules that span rows and sheets: references between sheets, cancelled participants, session
// times and dates, deadlines, probable duplicates, heads of delegation. Run once every row has been
// read; rows with errors are left out of the data and counted. Pure: no I/O.
import {
  type AgendaRow,
  type AttendanceRow,
  type ColumnSpec,
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
  STATE_CATEGORIES,
  type SubmissionRow,
  TABLE_SHEETS,
  type TableSheetName,
} from '../../templates/contract/index.js';
import { ERROR_CODES, type Issue, WARNING_CODES } from './issues.js';
import { isAfterDeadline, probableDuplicates } from './people-rules.js';
import { type AnyRow, countDropped, editDistance, MeetingReader, type SheetRead, type WorkbookRead } from './read-meeting.js';
import { cellAddress } from './raw.js';

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

const NOUN: Record<TableSheetName, string> = {
  Sessions: 'session',
  Agenda: 'agenda item',
  Delegations: 'delegation',
  Participants: 'participant',
  Attendance: 'attendance',
  Speakers: 'intervention',
  Submissions: 'submission',
};

function header(sheet: TableSheetName, key: string): string {
  return ((SHEETS[sheet].columns as Record<string, ColumnSpec>)[key]!).header;
}

function at(s: SheetRead, key: string, row: number): string {
  const col = s.columns.get(key) ?? s.columns.values().next().value ?? 1;
  return cellAddress(s.title, col, row);
}

/** Whether the sheet's header has every one of these columns (a required one may be missing). */
function has(s: SheetRead | undefined, ...keys: string[]): s is SheetRead {
  return s !== undefined && keys.every((k) => s.columns.has(k));
}

/** The IDs of a sheet's rows still in the data; undefined when they cannot be known (no key column). */
function keptIds(s: SheetRead | undefined): Set<string> | undefined {
  const key = s === undefined ? undefined : SHEETS[s.sheet].key!;
  if (!has(s, key!)) return undefined;
  return new Set(s.rows.map((r) => r[key!] as string));
}

/** Applies the rules to what was read; `read` itself is left as it was (the add-in lists its rows). */
export function applyRules(read: WorkbookRead): Validation {
  const issues = [...read.issues];
  const sheets: Partial<Record<TableSheetName, SheetRead>> = {};
  for (const name of TABLE_SHEETS) {
    const s = read.sheets[name];
    if (s) sheets[name] = { ...s, rows: [...s.rows], dropped: new Map(s.dropped) };
  }
  const meeting = read.meeting?.info ?? null;

  // A rule that keeps some rows of a sheet and leaves the others out, counting why.
  const filter = (s: SheetRead | undefined, keep: (r: AnyRow) => true | string) => {
    if (!s) return;
    const kept: AnyRow[] = [];
    for (const r of s.rows) {
      const verdict = keep(r);
      if (verdict === true) kept.push(r);
      else countDropped(s.dropped, verdict);
    }
    s.rows.length = 0;
    for (const r of kept) s.rows.push(r);
  };

  // A reference to another sheet's key: unknown is an error; a parent left out takes its children with it.
  const references = (r: AnyRow, s: SheetRead, key: string, target: TableSheetName, valid: Set<string> | undefined): true | string => {
    const value = r[key] as string | undefined;
    const parent = sheets[target];
    if (value === undefined || !parent || !valid) return true;
    if (valid.has(value)) return true;
    if (parent.ids.has(value)) return `referring to a ${NOUN[target]} that is itself left out`;
    issues.push({
      severity: 'error', code: ERROR_CODES.unknownReference, sheet: s.sheet, cell: at(s, key, r.row), row: r.row,
      found: JSON.stringify(value), expected: `a ${header(target, SHEETS[target].key!)} from the ${target} sheet`,
      message: `${header(s.sheet, key)} ${JSON.stringify(value)} is not on the ${target} sheet.`,
    });
    return `referring to an unknown ${NOUN[target]}`;
  };

  // ---- the meeting's own dates ----
  const meetingCells = read.meeting?.cells ?? new Map<string, string>();
  let meetingDays: { start: string; end: string } | undefined;
  if (meeting) {
    if (meeting.startDate > meeting.endDate) {
      issues.push({
        severity: 'error', code: ERROR_CODES.meetingDates, sheet: 'Meeting', cell: meetingCells.get('endDate')!,
        found: meeting.endDate, expected: `a date on or after the start date ${meeting.startDate}`,
        message: `The meeting ends (${meeting.endDate}) before it starts (${meeting.startDate}).`,
      });
    } else meetingDays = { start: meeting.startDate, end: meeting.endDate };
  }

  // ---- sessions ----
  const sessions = sheets.Sessions;
  filter(sessions, (r) => {
    const row = r as Located<SessionRow>;
    if (row.end !== undefined && row.start !== undefined && row.end <= row.start) {
      issues.push({
        severity: 'error', code: ERROR_CODES.sessionTimes, sheet: 'Sessions', cell: at(sessions!, 'end', row.row), row: row.row,
        found: row.end, expected: `a time after the start ${row.start}`,
        message: `Session ${row.sessionId} ends (${row.end}) at or before its start (${row.start}).`,
      });
      return 'with an end not after its start';
    }
    if (meetingDays && row.date !== undefined && (row.date < meetingDays.start || row.date > meetingDays.end)) {
      issues.push({
        severity: 'error', code: ERROR_CODES.sessionOutsideMeeting, sheet: 'Sessions', cell: at(sessions!, 'date', row.row), row: row.row,
        found: row.date, expected: `a date from ${meetingDays.start} to ${meetingDays.end}`,
        message: `Session ${row.sessionId} is dated outside the meeting's days.`,
      });
      return 'dated outside the meeting';
    }
    return true;
  });
  const sessionIds = keptIds(sessions);

  // ---- delegations ----
  const delegations = sheets.Delegations;
  for (const r of delegations?.rows ?? []) {
    const row = r as Located<DelegationRow>;
    if (row.countryCode !== undefined && row.category !== undefined && !STATE_CATEGORIES.includes(row.category)) {
      issues.push({
        severity: 'warning', code: WARNING_CODES.countryCodeNotState, sheet: 'Delegations', cell: at(delegations!, 'countryCode', row.row), row: row.row,
        found: JSON.stringify(row.countryCode), expected: 'no country code for a delegation that is not a State',
        message: `Delegation ${row.delegationId} is in the category ${row.category}, which is not a State, yet has a country code.`,
      });
    }
  }
  const delegationIds = keptIds(delegations);

  // ---- participants ----
  const participants = sheets.Participants;
  filter(participants, (r) => references(r, participants!, 'delegationId', 'Delegations', delegationIds));
  const participantIds = keptIds(participants);
  const cancelled = new Set((participants?.rows ?? []).filter((r) => (r as Located<ParticipantRow>).status === 'Cancelled').map((r) => r.participantId as string));

  const notCancelled = (s: SheetRead, r: AnyRow): true | string => {
    const id = r.participantId as string;
    if (!cancelled.has(id)) return true;
    issues.push({
      severity: 'error', code: ERROR_CODES.cancelledParticipant, sheet: s.sheet, cell: at(s, 'participantId', r.row), row: r.row,
      found: JSON.stringify(id), expected: 'a participant whose registration is not cancelled',
      message: `Participant ${id} is recorded as ${s.sheet === 'Attendance' ? 'attending' : 'speaking'}, but their registration is cancelled (${at(participants!, 'status', participants!.ids.get(id)!)}).`,
    });
    return 'by a cancelled participant';
  };

  // ---- agenda ----
  const agenda = sheets.Agenda;
  filter(agenda, (r) => references(r, agenda!, 'sessionId', 'Sessions', sessionIds));
  const itemIds = keptIds(agenda);

  // ---- attendance: one row per person per session ----
  const attendance = sheets.Attendance;
  const seen = new Map<string, number>();
  // Repeats can only be told when both columns are there.
  const repeatsKnown = has(attendance, 'participantId', 'sessionId');
  filter(attendance, (r) => {
    const s = attendance!;
    const verdict = [references(r, s, 'participantId', 'Participants', participantIds), references(r, s, 'sessionId', 'Sessions', sessionIds)].find((v) => v !== true);
    if (verdict !== undefined) return verdict;
    const cancel = notCancelled(s, r);
    if (cancel !== true) return cancel;
    const row = r as Located<AttendanceRow>;
    if (!repeatsKnown) return true;
    const key = `${row.participantId}\u0000${row.sessionId}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        severity: 'warning', code: WARNING_CODES.duplicateAttendance, sheet: 'Attendance', cell: at(s, 'participantId', row.row), row: row.row,
        found: `${row.participantId} in ${row.sessionId}`, expected: 'one row per person per session',
        message: `Participant ${row.participantId} is already checked into session ${row.sessionId} at row ${first}; this row counts once.`,
      });
      return 'repeating an attendance already counted';
    }
    seen.set(key, row.row);
    return true;
  });

  // ---- speakers ----
  const speakers = sheets.Speakers;
  filter(speakers, (r) => {
    const s = speakers!;
    const verdict = [
      references(r, s, 'sessionId', 'Sessions', sessionIds),
      references(r, s, 'itemId', 'Agenda', itemIds),
      references(r, s, 'participantId', 'Participants', participantIds),
    ].find((v) => v !== true);
    return verdict ?? notCancelled(s, r);
  });

  // ---- submissions ----
  const submissions = sheets.Submissions;
  filter(submissions, (r) => references(r, submissions!, 'delegationId', 'Delegations', delegationIds));

  // ---- warnings on rows kept ----
  if (meeting?.registrationDeadline && participants) {
    for (const r of participants.rows) {
      const row = r as Located<ParticipantRow>;
      if (row.registeredOn !== undefined && isAfterDeadline(row.registeredOn, meeting.registrationDeadline)) {
        issues.push({
          severity: 'warning', code: WARNING_CODES.lateRegistration, sheet: 'Participants', cell: at(participants, 'registeredOn', row.row), row: row.row,
          found: row.registeredOn, expected: `on or before the registration deadline ${meeting.registrationDeadline}`,
          message: `Participant ${row.participantId} registered after the registration deadline.`,
        });
      }
    }
  }
  if (meeting?.workingPaperDeadline && submissions) {
    for (const r of submissions.rows) {
      const row = r as Located<SubmissionRow>;
      if (row.receivedOn !== undefined && isAfterDeadline(row.receivedOn, meeting.workingPaperDeadline)) {
        issues.push({
          severity: 'warning', code: WARNING_CODES.lateSubmission, sheet: 'Submissions', cell: at(submissions, 'receivedOn', row.row), row: row.row,
          found: row.receivedOn, expected: `on or before the working paper deadline ${meeting.workingPaperDeadline}`,
          message: `Submission ${row.submissionId} was received after the working paper deadline.`,
        });
      }
    }
  }
  if (participants) duplicatePeople(participants, issues);
  // Without the columns that say who heads what, every delegation would look headless.
  if (has(participants, 'delegationId', 'role') && has(delegations, 'delegationId')) heads(participants, delegations, issues);

  // ---- the result ----
  const leftOut: LeftOut[] = [];
  for (const name of TABLE_SHEETS) {
    const s = sheets[name];
    if (!s || s.dropped.size === 0) continue;
    const count = [...s.dropped.values()].reduce((a, b) => a + b, 0);
    leftOut.push({ sheet: name, count, reasons: [...s.dropped].map(([reason, n]) => `${n} ${n === 1 ? 'row' : 'rows'} ${reason}`) });
  }

  const others = read.sheetTitles.filter((t) => MeetingReader.sheetFor(t) === undefined);
  const titles = read.sheetTitles.length === 0 ? '(no sheets)' : read.sheetTitles.map((t) => JSON.stringify(t)).join(', ');
  for (const name of SHEET_ORDER) {
    if (read.present.has(name)) continue;
    // A sheet whose name is a letter or two off is named, as a misspelt header is.
    const target = name.toLowerCase();
    const near = others
      .map((t) => ({ t, d: editDistance(t.trim().toLowerCase(), target) }))
      .filter((x) => x.d <= Math.max(2, Math.floor(target.length / 4)))
      .sort((a, b) => a.d - b.d)[0]?.t;
    const hint = near === undefined ? ` (sheets found: ${titles})` : `; "${near}" looks like a misspelling of it`;
    const found = near === undefined ? titles : JSON.stringify(near);
    if (SHEETS[name].required) {
      issues.push({
        severity: 'error', code: ERROR_CODES.missingSheet, sheet: name,
        found, expected: `a sheet named "${name}"`,
        message: `The workbook has no ${name} sheet, which the contract requires${hint}.`,
      });
    } else {
      issues.push({
        severity: 'warning', code: WARNING_CODES.optionalSheetAbsent, sheet: name,
        found, expected: `a sheet named "${name}" (optional)`,
        message: `The workbook has no ${name} sheet, so the figures that need it are left out${hint}.`,
      });
    }
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

  return { data, issues: sortIssues(issues), leftOut };
}

/** Same e-mail anywhere, or the same name within one delegation: reported on the later row. */
function duplicatePeople(participants: SheetRead, issues: Issue[]): void {
  const rows = participants.rows as Located<ParticipantRow>[];
  const found = probableDuplicates(rows, has(participants, 'delegationId', 'givenName', 'familyName'));
  for (const row of rows) {
    const dup = found.get(row);
    if (!dup) continue;
    const { first } = dup;
    const sameEmail = dup.by === 'email';
    issues.push({
      severity: 'warning', code: WARNING_CODES.duplicatePerson, sheet: 'Participants', cell: at(participants, sameEmail ? 'email' : 'givenName', row.row), row: row.row,
      found: sameEmail ? JSON.stringify(row.email) : JSON.stringify(`${row.givenName} ${row.familyName}`),
      expected: 'one row per person',
      message: `Participant ${row.participantId} is probably the same person as ${first.participantId} (${at(participants, 'participantId', first.row)}): ${sameEmail ? 'same e-mail address' : 'same name in the same delegation'}.`,
    });
  }
}

/** Each delegation that sends people should have exactly one head among those not cancelled. */
function heads(participants: SheetRead, delegations: SheetRead, issues: Issue[]): void {
  const members = new Map<string, Located<ParticipantRow>[]>();
  for (const r of participants.rows) {
    const row = r as Located<ParticipantRow>;
    if (row.status === 'Cancelled') continue;
    const list = members.get(row.delegationId);
    if (list) list.push(row);
    else members.set(row.delegationId, [row]);
  }
  for (const r of delegations.rows) {
    const row = r as Located<DelegationRow>;
    const people = members.get(row.delegationId);
    if (!people) continue; // a delegation that sends nobody needs no head
    const hs = people.filter((p) => p.role === 'Head of delegation');
    if (hs.length === 0) {
      issues.push({
        severity: 'warning', code: WARNING_CODES.delegationNoHead, sheet: 'Delegations', cell: at(delegations, 'delegationId', row.row), row: row.row,
        found: `${people.length} participant${people.length === 1 ? '' : 's'}, no head`, expected: 'one Head of delegation',
        message: `Delegation ${row.delegationId} has no Head of delegation among its ${people.length} participant${people.length === 1 ? '' : 's'}.`,
      });
    } else if (hs.length > 1) {
      const second = hs[1]!;
      issues.push({
        severity: 'warning', code: WARNING_CODES.delegationSeveralHeads, sheet: 'Participants', cell: at(participants, 'role', second.row), row: second.row,
        found: `${hs.length} heads: ${hs.map((h) => h.participantId).join(', ')}`, expected: 'one Head of delegation',
        message: `Delegation ${row.delegationId} has ${hs.length} heads of delegation; the first is ${hs[0]!.participantId} (${at(participants, 'role', hs[0]!.row)}).`,
      });
    }
  }
}

/** Workbook-wide issues first, then by sheet in the template's order, row and column. */
function sortIssues(issues: Issue[]): Issue[] {
  const order = new Map<string, number>(SHEET_ORDER.map((s, i) => [s, i]));
  const column = (cell: string | undefined) => {
    const m = cell ? /!([A-Z]+)\d+$/.exec(cell) : null;
    return m ? m[1]!.length * 100 + m[1]!.charCodeAt(0) : 0;
  };
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) =>
      (a.issue.sheet === undefined ? -1 : order.get(a.issue.sheet) ?? 99) - (b.issue.sheet === undefined ? -1 : order.get(b.issue.sheet) ?? 99) ||
      (a.issue.row ?? 0) - (b.issue.row ?? 0) ||
      column(a.issue.cell) - column(b.issue.cell) ||
      a.i - b.i)
    .map((x) => x.issue);
}

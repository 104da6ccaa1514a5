// applyRules at its edges, through validateWorkbook on in-memory workbooks (raw-workbook.ts): each
// rule's boundary (on the deadline is on time, a session may not end as it starts), the exact issue
// it reports, the rows it leaves out and why, and the order issues come in. Expected values are
// worked out by hand from the sheets in each test (meeting of 27-28 May 2026, deadlines 22 and 13 May).
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../pipeline/core/issues.js';
import { validateWorkbook } from '../../pipeline/core/validate.js';
import { type Grid, meetingSheets, PARTICIPANT_HEADER, rawWorkbook } from './raw-workbook.js';

const validate = (overrides: Record<string, Grid> = {}, drop: string[] = []) => {
  const sheets = meetingSheets(overrides);
  for (const name of drop) delete sheets[name];
  return validateWorkbook(rawWorkbook(sheets));
};
const brief = (issues: readonly Issue[]) => issues.map((i) => `${i.severity} ${i.code} ${i.cell ?? i.sheet}`);
const SESSIONS = ['Session ID', 'Date', 'Start', 'End', 'Title', 'Kind', 'Room'];
const ATTENDANCE = ['Participant ID', 'Session ID', 'Mode', 'Checked in at'];
const SPEAKERS = ['Session ID', 'Item ID', 'Participant ID', 'Minutes'];
const SUBMISSIONS = ['Submission ID', 'Delegation ID', 'Type', 'Title', 'Received on'];
const AGENDA = ['Item ID', 'Session ID', 'Order', 'Title', 'Body', 'Document', 'Status'];
const DELEGATIONS = ['Delegation ID', 'Name', 'Category', 'Country code'];
const p = (id: string, delegation: string, extra: { gender?: string; role?: string; email?: string; registered?: string; status?: string; given?: string; family?: string } = {}) => [
  id, delegation, '', extra.given ?? `Given ${id}`, extra.family ?? `Family ${id}`, extra.gender ?? 'Woman', extra.role ?? 'Delegate', extra.email ?? '', 'In person', extra.registered ?? '2026-05-01', extra.status ?? 'Confirmed',
];
/** Heads for D-A and D-B so that no head warning gets in the way. */
const HEADS = [p('P1', 'D-A', { role: 'Head of delegation' }), p('P2', 'D-B', { role: 'Head of delegation', gender: 'Man' })];

describe("the meeting's dates and the sessions'", () => {
  it('a meeting may start and end on one day; ending the day before it starts is an error at the end date, and no session is then called outside', () => {
    const meeting = (end: string) => meetingSheets().Meeting!.map((l) => (l[0] === 'End date' ? ['End date', end] : l));
    expect(validate({ Meeting: meeting('2026-05-27') }).issues).toEqual([]);
    const v = validate({ Meeting: meeting('2026-05-26') });
    expect(v.issues).toEqual([
      {
        severity: 'error', code: 'meeting-dates', sheet: 'Meeting', cell: 'Meeting!B5',
        found: '2026-05-26', expected: 'a date on or after the start date 2026-05-27',
        message: 'The meeting ends (2026-05-26) before it starts (2026-05-27).',
      },
    ]);
  });

  it('a session must end after it starts: ending as it starts is an error, a minute later is not', () => {
    const v = validate({
      Sessions: [SESSIONS, ['S1', '2026-05-27', '10:00', '13:00', 'Opening', '', ''], ['S2', '2026-05-27', '15:00', '15:00', 'Empty', '', ''], ['S3', '2026-05-27', '15:00', '14:00', 'Backwards', '', ''], ['S4', '2026-05-27', '15:00', '15:01', 'Short', '', '']],
    });
    expect(v.issues).toEqual([
      {
        severity: 'error', code: 'session-times', sheet: 'Sessions', cell: 'Sessions!D3', row: 3,
        found: '15:00', expected: 'a time after the start 15:00', message: 'Session S2 ends (15:00) at or before its start (15:00).',
      },
      {
        severity: 'error', code: 'session-times', sheet: 'Sessions', cell: 'Sessions!D4', row: 4,
        found: '14:00', expected: 'a time after the start 15:00', message: 'Session S3 ends (14:00) at or before its start (15:00).',
      },
    ]);
    expect(v.leftOut).toEqual([{ sheet: 'Sessions', count: 2, reasons: ['2 rows with an end not after its start'] }]);
    expect(v.data?.sessions.map((s) => s.sessionId)).toEqual(['S1', 'S4']);
  });

  it("a session on the meeting's first or last day is inside it; the day before or after is not", () => {
    const v = validate({
      Sessions: [SESSIONS, ['S1', '2026-05-27', '10:00', '13:00', 'First day', '', ''], ['S2', '2026-05-28', '10:00', '13:00', 'Last day', '', ''], ['S0', '2026-05-26', '10:00', '13:00', 'Before', '', ''], ['S9', '2026-05-29', '10:00', '13:00', 'After', '', '']],
    });
    expect(v.issues).toEqual([
      {
        severity: 'error', code: 'session-outside-meeting', sheet: 'Sessions', cell: 'Sessions!B4', row: 4,
        found: '2026-05-26', expected: 'a date from 2026-05-27 to 2026-05-28', message: "Session S0 is dated outside the meeting's days.",
      },
      {
        severity: 'error', code: 'session-outside-meeting', sheet: 'Sessions', cell: 'Sessions!B5', row: 5,
        found: '2026-05-29', expected: 'a date from 2026-05-27 to 2026-05-28', message: "Session S9 is dated outside the meeting's days.",
      },
    ]);
    expect(v.leftOut).toEqual([{ sheet: 'Sessions', count: 2, reasons: ['2 rows dated outside the meeting'] }]);
  });
});

describe('country codes', () => {
  it('are for States only: a warning at the code of a delegation of another category, none for a State', () => {
    const v = validate({ Delegations: [DELEGATIONS, ['D-A', 'Alpha', 'Signatory State', 'CHE'], ['D-B', 'Beta', 'Industry', 'FRA'], ['D-C', 'Gamma', 'Observer State', 'AUT'], ['D-D', 'Delta', 'Industry', '']] });
    expect(v.issues).toEqual([
      {
        severity: 'warning', code: 'country-code-not-state', sheet: 'Delegations', cell: 'Delegations!D3', row: 3,
        found: '"FRA"', expected: 'no country code for a delegation that is not a State',
        message: 'Delegation D-B is in the category Industry, which is not a State, yet has a country code.',
      },
    ]);
  });
});

describe('references between sheets', () => {
  it('an unknown delegation, session, participant or agenda item is an error at the cell, and the row is left out', () => {
    const v = validate({
      Participants: [PARTICIPANT_HEADER, ...HEADS, p('P3', 'D-X')],
      Attendance: [ATTENDANCE, ['P1', 'S1', 'In person', ''], ['P1', 'S7', 'In person', ''], ['P9', 'S1', 'Online', '']],
      Agenda: [AGENDA, ['I1', 'S1', 1, 'Item', '', '', ''], ['I2', 'S8', 2, 'Elsewhere', '', '', '']],
      Speakers: [SPEAKERS, ['S1', 'I1', 'P1', 3], ['S1', 'I9', 'P1', ''], ['S6', '', 'P1', ''], ['S1', '', 'P8', '']],
      Submissions: [SUBMISSIONS, ['WP1', 'D-A', 'Working paper', 'Paper', '2026-05-01'], ['WP2', 'D-Z', 'AOB', 'Other', '2026-05-01']],
    });
    // The expected text of Speakers!B3 is checked by the next test (its article is wrong today).
    expect(v.issues.map((i) => [i.cell, i.found, i.cell === 'Speakers!B3' ? '(next test)' : i.expected, i.message])).toEqual([
      ['Agenda!B3', '"S8"', 'a Session ID from the Sessions sheet', 'Session ID "S8" is not on the Sessions sheet.'],
      ['Participants!B4', '"D-X"', 'a Delegation ID from the Delegations sheet', 'Delegation ID "D-X" is not on the Delegations sheet.'],
      ['Attendance!B3', '"S7"', 'a Session ID from the Sessions sheet', 'Session ID "S7" is not on the Sessions sheet.'],
      ['Attendance!A4', '"P9"', 'a Participant ID from the Participants sheet', 'Participant ID "P9" is not on the Participants sheet.'],
      ['Speakers!B3', '"I9"', '(next test)', 'Item ID "I9" is not on the Agenda sheet.'],
      ['Speakers!A4', '"S6"', 'a Session ID from the Sessions sheet', 'Session ID "S6" is not on the Sessions sheet.'],
      ['Speakers!C5', '"P8"', 'a Participant ID from the Participants sheet', 'Participant ID "P8" is not on the Participants sheet.'],
      ['Submissions!B3', '"D-Z"', 'a Delegation ID from the Delegations sheet', 'Delegation ID "D-Z" is not on the Delegations sheet.'],
    ]);
    expect(v.issues.every((i) => i.severity === 'error' && i.code === 'unknown-reference')).toBe(true);
    expect(v.leftOut).toEqual([
      { sheet: 'Agenda', count: 1, reasons: ['1 row referring to an unknown session'] },
      { sheet: 'Participants', count: 1, reasons: ['1 row referring to an unknown delegation'] },
      { sheet: 'Attendance', count: 2, reasons: ['1 row referring to an unknown session', '1 row referring to an unknown participant'] },
      { sheet: 'Speakers', count: 3, reasons: ['1 row referring to an unknown agenda item', '1 row referring to an unknown session', '1 row referring to an unknown participant'] },
      { sheet: 'Submissions', count: 1, reasons: ['1 row referring to an unknown delegation'] },
    ]);
    expect(v.data?.speakers?.map((s) => s.row)).toEqual([2]);
    expect(v.data?.agenda?.map((s) => s.itemId)).toEqual(['I1']);
  });

  it('says what an unknown agenda item should have been with the right article: "an Item ID"', () => {
    const v = validate({ Agenda: [AGENDA, ['I1', 'S1', 1, 'Item', '', '', '']], Speakers: [SPEAKERS, ['S1', 'I9', 'P1', '']] });
    expect(v.issues.map((i) => i.expected)).toEqual(['an Item ID from the Agenda sheet']);
  });

  it('a row whose parent is itself left out goes with it, with no second error', () => {
    const v = validate({
      // D-B's category cannot be read, so D-B is left out, and P2 (its head) with it, and P2's attendance.
      Delegations: [DELEGATIONS, ['D-A', 'Alpha', 'State Party', 'CHE'], ['D-B', 'Beta', 'Planet', '']],
      Attendance: [ATTENDANCE, ['P1', 'S1', 'In person', ''], ['P2', 'S1', 'In person', '']],
      Sessions: [SESSIONS, ['S1', '2026-05-27', '10:00', '13:00', 'Opening', '', ''], ['S2', '2026-05-27', '14:00', '13:00', 'Backwards', '', '']],
      Agenda: [AGENDA, ['I1', 'S2', 1, 'Item', '', '', '']],
    });
    expect(brief(v.issues)).toEqual(['error session-times Sessions!D3', 'error not-allowed Delegations!C3']);
    expect(v.leftOut).toEqual([
      { sheet: 'Sessions', count: 1, reasons: ['1 row with an end not after its start'] },
      { sheet: 'Agenda', count: 1, reasons: ['1 row referring to a session that is itself left out'] },
      { sheet: 'Delegations', count: 1, reasons: ['1 row with a cell that cannot be read'] },
      { sheet: 'Participants', count: 1, reasons: ['1 row referring to a delegation that is itself left out'] },
      { sheet: 'Attendance', count: 1, reasons: ['1 row referring to a participant that is itself left out'] },
    ]);
  });

  it('a reference left empty in an optional column (Item ID) is no reference at all', () => {
    const v = validate({ Speakers: [SPEAKERS, ['S1', '', 'P1', '']] });
    expect(v.issues).toEqual([]);
    expect(v.data?.speakers).toHaveLength(1);
  });
});

describe('cancelled participants', () => {
  it('attending or speaking is an error naming the cancelled status cell; the row is left out', () => {
    const v = validate({
      Participants: [PARTICIPANT_HEADER, ...HEADS, p('P3', 'D-A', { status: 'Cancelled' })],
      Attendance: [ATTENDANCE, ['P3', 'S1', 'In person', ''], ['P1', 'S1', 'In person', '']],
      Speakers: [SPEAKERS, ['S1', '', 'P3', 2]],
    });
    expect(v.issues).toEqual([
      {
        severity: 'error', code: 'cancelled-participant', sheet: 'Attendance', cell: 'Attendance!A2', row: 2,
        found: '"P3"', expected: 'a participant whose registration is not cancelled',
        message: 'Participant P3 is recorded as attending, but their registration is cancelled (Participants!K4).',
      },
      {
        severity: 'error', code: 'cancelled-participant', sheet: 'Speakers', cell: 'Speakers!C2', row: 2,
        found: '"P3"', expected: 'a participant whose registration is not cancelled',
        message: 'Participant P3 is recorded as speaking, but their registration is cancelled (Participants!K4).',
      },
    ]);
    expect(v.leftOut).toEqual([
      { sheet: 'Attendance', count: 1, reasons: ['1 row by a cancelled participant'] },
      { sheet: 'Speakers', count: 1, reasons: ['1 row by a cancelled participant'] },
    ]);
  });
});

describe('attendance repeats', () => {
  it('a second row for one person and session is a warning naming the first row, and counts once', () => {
    const v = validate({
      Sessions: [SESSIONS, ['S1', '2026-05-27', '10:00', '13:00', 'Opening', '', ''], ['S2', '2026-05-27', '15:00', '18:00', 'Afternoon', '', '']],
      Attendance: [ATTENDANCE, ['P1', 'S1', 'In person', ''], ['P1', 'S2', 'In person', ''], ['P2', 'S1', 'Online', ''], ['P1', 'S1', 'Online', ''], ['P1', 'S1', 'Online', '']],
    });
    expect(v.issues).toEqual([
      {
        severity: 'warning', code: 'duplicate-attendance', sheet: 'Attendance', cell: 'Attendance!A5', row: 5,
        found: 'P1 in S1', expected: 'one row per person per session',
        message: 'Participant P1 is already checked into session S1 at row 2; this row counts once.',
      },
      {
        severity: 'warning', code: 'duplicate-attendance', sheet: 'Attendance', cell: 'Attendance!A6', row: 6,
        found: 'P1 in S1', expected: 'one row per person per session',
        message: 'Participant P1 is already checked into session S1 at row 2; this row counts once.',
      },
    ]);
    expect(v.leftOut).toEqual([{ sheet: 'Attendance', count: 2, reasons: ['2 rows repeating an attendance already counted'] }]);
    expect(v.data?.attendance.map((a) => a.row)).toEqual([2, 3, 4]);
  });
});

describe('deadlines', () => {
  it('registering on the deadline day is on time; the day after is late', () => {
    const v = validate({ Participants: [PARTICIPANT_HEADER, ...HEADS, p('P3', 'D-A', { registered: '2026-05-22' }), p('P4', 'D-A', { registered: '2026-05-23' }), p('P5', 'D-A', { registered: '' })] });
    expect(v.issues).toEqual([
      {
        severity: 'warning', code: 'late-registration', sheet: 'Participants', cell: 'Participants!J5', row: 5,
        found: '2026-05-23', expected: 'on or before the registration deadline 2026-05-22', message: 'Participant P4 registered after the registration deadline.',
      },
    ]);
  });

  it('a working paper received on the deadline day is on time; the day after is late', () => {
    const v = validate({ Submissions: [SUBMISSIONS, ['WP1', 'D-A', 'Working paper', 'On time', '2026-05-13'], ['WP2', 'D-B', 'AOB', 'Late', '2026-05-14']] });
    expect(v.issues).toEqual([
      {
        severity: 'warning', code: 'late-submission', sheet: 'Submissions', cell: 'Submissions!E3', row: 3,
        found: '2026-05-14', expected: 'on or before the working paper deadline 2026-05-13', message: 'Submission WP2 was received after the working paper deadline.',
      },
    ]);
  });

  it('without deadlines on the Meeting sheet nothing is late', () => {
    const meeting = meetingSheets().Meeting!.filter((l) => !String(l[0]).includes('deadline'));
    const v = validate({
      Meeting: meeting,
      Participants: [PARTICIPANT_HEADER, ...HEADS, p('P4', 'D-A', { registered: '2026-06-23' })],
      Submissions: [SUBMISSIONS, ['WP2', 'D-B', 'AOB', 'Late', '2026-06-14']],
    });
    expect(v.issues).toEqual([]);
  });
});

describe('probable duplicate people', () => {
  it('the same e-mail in any case anywhere, or the same name folded within one delegation, is reported on the later row; cancelled rows are not compared', () => {
    const v = validate({
      Participants: [
        PARTICIPANT_HEADER,
        ...HEADS,
        p('P3', 'D-A', { email: 'ana@example.org', given: 'Ana', family: 'Alves' }),
        p('P4', 'D-B', { email: 'ANA@example.org', given: 'Other', family: 'Person' }), // same e-mail, other delegation
        p('P5', 'D-A', { given: 'ANA', family: 'Álves' }), // same name in the same delegation
        p('P6', 'D-B', { given: 'Ana', family: 'Alves' }), // same name, another delegation: someone else
        p('P7', 'D-A', { given: 'Ben', family: 'Bold', status: 'Cancelled', email: 'ben@example.org' }),
        p('P8', 'D-A', { given: 'Ben', family: 'Bold', email: 'ben@example.org' }), // the cancelled row is not compared
      ],
    });
    expect(v.issues).toEqual([
      {
        severity: 'warning', code: 'duplicate-person', sheet: 'Participants', cell: 'Participants!H5', row: 5,
        found: '"ANA@example.org"', expected: 'one row per person',
        message: 'Participant P4 is probably the same person as P3 (Participants!A4): same e-mail address.',
      },
      {
        severity: 'warning', code: 'duplicate-person', sheet: 'Participants', cell: 'Participants!D6', row: 6,
        found: '"ANA Álves"', expected: 'one row per person',
        message: 'Participant P5 is probably the same person as P3 (Participants!A4): same name in the same delegation.',
      },
    ]);
  });
});

describe('heads of delegation', () => {
  it('a delegation that sends nobody needs no head; one that sends people without a head is warned at its ID, with the count', () => {
    const v = validate({ Participants: [PARTICIPANT_HEADER, p('P1', 'D-A'), p('P2', 'D-A'), p('P3', 'D-B', { role: 'Head of delegation' })], Attendance: [ATTENDANCE] });
    expect(v.issues).toEqual([
      {
        severity: 'warning', code: 'delegation-no-head', sheet: 'Delegations', cell: 'Delegations!A2', row: 2,
        found: '2 participants, no head', expected: 'one Head of delegation', message: 'Delegation D-A has no Head of delegation among its 2 participants.',
      },
    ]);
    const one = validate({ Participants: [PARTICIPANT_HEADER, p('P1', 'D-A'), p('P3', 'D-B', { role: 'Head of delegation' })], Attendance: [ATTENDANCE] });
    expect(one.issues.map((i) => [i.found, i.message])).toEqual([['1 participant, no head', 'Delegation D-A has no Head of delegation among its 1 participant.']]);
    const nobody = validate({ Participants: [PARTICIPANT_HEADER, p('P3', 'D-B', { role: 'Head of delegation' })], Attendance: [ATTENDANCE] });
    expect(nobody.issues).toEqual([]);
  });

  it('three heads are reported once, on the second, listing all three', () => {
    const v = validate({ Participants: [PARTICIPANT_HEADER, ...HEADS, p('P3', 'D-A', { role: 'Head of delegation' }), p('P4', 'D-A', { role: 'Head of delegation' })] });
    expect(v.issues.map((i) => [i.cell, i.found, i.message])).toEqual([['Participants!G4', '3 heads: P1, P3, P4', 'Delegation D-A has 3 heads of delegation; the first is P1 (Participants!G2).']]);
  });

  it('without a Role column no delegation is called headless (the missing column is the error)', () => {
    const header = PARTICIPANT_HEADER.filter((h) => h !== 'Role');
    const v = validate({ Participants: [header, ['P1', 'D-A', '', 'Ana', 'Alves', 'Woman', '', 'In person', '2026-05-01', 'Confirmed']] });
    expect(brief(v.issues)).toEqual(['error missing-header Participants']);
    expect(v.data).toBeNull();
  });
});

describe('missing sheets', () => {
  it('a required sheet is an error, an optional one a warning, each naming the sheets found', () => {
    const v = validate({}, ['Attendance', 'Speakers']);
    expect(v.issues).toEqual([
      {
        severity: 'error', code: 'missing-sheet', sheet: 'Attendance', found: '"Meeting", "Sessions", "Delegations", "Participants", "Agenda", "Submissions"', expected: 'a sheet named "Attendance"',
        message: 'The workbook has no Attendance sheet, which the contract requires (sheets found: "Meeting", "Sessions", "Delegations", "Participants", "Agenda", "Submissions").',
      },
      {
        severity: 'warning', code: 'optional-sheet-absent', sheet: 'Speakers', found: '"Meeting", "Sessions", "Delegations", "Participants", "Agenda", "Submissions"', expected: 'a sheet named "Speakers" (optional)',
        message: 'The workbook has no Speakers sheet, so the figures that need it are left out (sheets found: "Meeting", "Sessions", "Delegations", "Participants", "Agenda", "Submissions").',
      },
    ]);
    expect(v.data).toBeNull();
  });

  it('a sheet whose name is a letter or two off is named as the likely misspelling', () => {
    const sheets = meetingSheets();
    const v = validateWorkbook(rawWorkbook({ Meeting: sheets.Meeting!, Sessions: sheets.Sessions!, Delegations: sheets.Delegations!, Participants: sheets.Participants!, Attendence: sheets.Attendance!, Agenda: sheets.Agenda!, Speakers: sheets.Speakers!, Submisions: sheets.Submissions!, Notes: [['x']] }));
    expect(v.issues.map((i) => [i.code, i.found, i.message])).toEqual([
      ['missing-sheet', '"Attendence"', 'The workbook has no Attendance sheet, which the contract requires; "Attendence" looks like a misspelling of it.'],
      ['optional-sheet-absent', '"Submisions"', 'The workbook has no Submissions sheet, so the figures that need it are left out; "Submisions" looks like a misspelling of it.'],
    ]);
  });

  it('a workbook with no sheets at all says so', () => {
    const v = validateWorkbook({ date1904: false, sheets: [] });
    expect(v.issues.filter((i) => i.sheet === 'Meeting').map((i) => [i.found, i.message])).toEqual([['(no sheets)', 'The workbook has no Meeting sheet, which the contract requires (sheets found: (no sheets)).']]);
    expect(v.issues).toHaveLength(8);
    expect(v.data).toBeNull();
  });
});

describe('what reaches the figures', () => {
  it('an optional sheet absent is null; present and empty is an empty list', () => {
    const absent = validate({}, ['Agenda', 'Speakers', 'Submissions']).data!;
    expect([absent.agenda, absent.speakers, absent.submissions]).toEqual([null, null, null]);
    const empty = validate().data!;
    expect([empty.agenda, empty.speakers, empty.submissions]).toEqual([[], [], []]);
  });

  it('an optional sheet lacking a required column gives no figures (null); a required one gives no data at all', () => {
    const v = validate({ Speakers: [['Session ID', 'Item ID', 'Minutes'], ['S1', '', 2]] });
    expect(brief(v.issues)).toEqual(['error missing-header Speakers']);
    expect(v.data?.speakers).toBeNull();
    expect(v.data?.agenda).toEqual([]);
    const s = validate({ Sessions: [['Session ID', 'Date', 'Start', 'Title'], ['S1', '2026-05-27', '10:00', 'Opening']] });
    expect(s.data).toBeNull();
  });

  it('an unreadable Meeting sheet leaves no data', () => {
    const v = validate({ Meeting: [['Field', 'Value'], ['Code', 'T'], ['Title', 'T'], ['Start date', '2026-05-27']] });
    expect(v.data).toBeNull();
    expect(brief(v.issues)).toEqual(['error missing-header Meeting']);
  });
});

describe('the order of issues', () => {
  it('workbook-wide first, then by sheet in the template order, row, column letter, and as found', () => {
    const v = validate({
      Participants: [PARTICIPANT_HEADER, ...HEADS, p('P3', 'D-X', { registered: '2026-06-01', gender: 'Q' })],
      Attendance: [ATTENDANCE, ['P1', 'S9', 'Walking', ''], ['P2', 'S1', 'In person', '']],
      Sessions: [SESSIONS, ['S1', '2026-05-27', '10:00', '13:00', 'Opening', '', ''], ['S2', '2026-05-27', 'noon', '', 'Bad', '', '']],
    });
    expect(brief(v.issues)).toEqual([
      'error unreadable-value Sessions!C3',
      'error empty-required Sessions!D3',
      'error not-allowed Participants!F4',
      'error not-allowed Attendance!C2',
    ]);
  });

  it('orders columns past Z after single letters (AA after Z) and keeps issues of one cell in the order found', () => {
    const header = [...PARTICIPANT_HEADER, ...Array.from({ length: 16 }, (_, i) => `Extra ${i}`), 'Email']; // the second Email is column AB
    const v = validate({ Participants: [header.map((h, i) => (i === 7 ? 'Note' : h)), ['P1', 'D-A', '', 'Ana', 'Alves', '', 'Head of delegation', '', 'In person', '2026-05-01', '', ...Array(16).fill(''), 'not an address'], ['P2', 'D-B', '', 'Ben', 'Brown', 'Man', 'Head of delegation', '', 'Online', '2026-05-01', 'Confirmed']] });
    expect(brief(v.issues)).toEqual(['error empty-required Participants!F2', 'error unreadable-value Participants!AB2']);
  });
});

describe('rules that need columns a sheet lacks', () => {
  it('without a Session ID column on Sessions, references to sessions are not checked (the missing column is the error)', () => {
    const v = validate({
      Sessions: [['Date', 'Start', 'End', 'Title'], ['2026-05-27', '10:00', '13:00', 'Opening']],
      Attendance: [ATTENDANCE, ['P1', 'S9', 'In person', '']],
    });
    expect(brief(v.issues)).toEqual(['error missing-header Sessions']);
    expect(v.leftOut).toEqual([]);
  });

  it('without a Session ID column on Attendance, repeats cannot be told and none is reported', () => {
    const v = validate({ Attendance: [['Participant ID', 'Mode'], ['P1', 'In person'], ['P1', 'In person']] });
    expect(brief(v.issues)).toEqual(['error missing-header Attendance']);
    expect(v.leftOut).toEqual([]);
  });

  it('without a Given name column, only e-mails tell duplicate people', () => {
    const header = PARTICIPANT_HEADER.filter((h) => h !== 'Given name');
    const row = (id: string, email: string) => [id, 'D-A', '', 'Same', 'Woman', 'Delegate', email, 'In person', '2026-05-01', ''];
    const v = validate({ Participants: [header, ['P1', 'D-A', '', 'Alves', 'Woman', 'Head of delegation', '', 'In person', '', ''], row('P2', ''), row('P3', 'x@example.org'), row('P4', 'X@example.org')] });
    expect(brief(v.issues)).toEqual(['error missing-header Participants', 'warning duplicate-person Participants!G5']);
  });

  it('without a Delegation ID column on Delegations, no delegation is called headless', () => {
    const v = validate({ Delegations: [['Name', 'Category'], ['Alpha', 'State Party']], Participants: [PARTICIPANT_HEADER, p('P1', 'D-A')] });
    expect(v.issues.filter((i) => i.code.startsWith('delegation-'))).toEqual([]);
  });
});

describe('cells named whatever the column order', () => {
  it('names the Participant ID, Delegation ID and Category cells where they are, not the first column', () => {
    const v = validate({
      Delegations: [['Name', 'Delegation ID', 'Category', 'Country code'], ['Alpha', 'D-A', 'State Party', 'CHE'], ['Beta', 'D-B', 'Civil Society or NGO', '']],
      Participants: [PARTICIPANT_HEADER, p('P1', 'D-A', { email: 'a@example.org' })],
      Attendance: [['Session ID', 'Participant ID', 'Mode', 'Checked in at'], ['S1', 'P1', 'In person', ''], ['S1', 'P1', 'In person', '']],
    });
    expect(v.issues.map((i) => [i.code, i.cell])).toEqual([
      ['delegation-no-head', 'Delegations!B2'],
      ['duplicate-attendance', 'Attendance!B3'],
    ]);
    expect(v.data?.delegations.map((d) => d.delegationId)).toEqual(['D-A', 'D-B']);
  });

  it('names the first row of a duplicate person at its Participant ID cell, wherever that column is', () => {
    const header = ['Delegation ID', 'Participant ID', ...PARTICIPANT_HEADER.slice(2)];
    const row = (id: string, given: string) => ['D-A', id, '', given, 'Alves', 'Woman', id === 'P1' ? 'Head of delegation' : 'Delegate', 'same@example.org', 'In person', '', ''];
    const v = validate({ Participants: [header, row('P1', 'Ana'), row('P2', 'Bea'), row('P3', 'Cy')] });
    // The third row is compared with the first, not with the second.
    expect(v.issues.map((i) => i.message)).toEqual([
      'Participant P2 is probably the same person as P1 (Participants!B2): same e-mail address.',
      'Participant P3 is probably the same person as P1 (Participants!B2): same e-mail address.',
    ]);
  });

  it('compares e-mails in lower case: STRASSE and straße are different addresses', () => {
    const v = validate({ Participants: [PARTICIPANT_HEADER, ...HEADS, p('P3', 'D-A', { email: 'straße@example.org' }), p('P4', 'D-B', { email: 'STRASSE@example.org' })] });
    expect(v.issues).toEqual([]);
  });

  it('without a Category column a country code is not questioned', () => {
    const v = validate({ Delegations: [['Delegation ID', 'Name', 'Country code'], ['D-A', 'Alpha', 'CHE'], ['D-B', 'Beta', 'FRA']] });
    expect(brief(v.issues)).toEqual(['error missing-header Delegations']);
  });
});

describe('misspelt sheet names', () => {
  const sheetsWith = (renames: Record<string, string>, extra: Record<string, Grid> = {}) => {
    const sheets = meetingSheets();
    return validateWorkbook(rawWorkbook({ ...Object.fromEntries(Object.entries(sheets).map(([n, g]) => [renames[n] ?? n, g])), ...extra }));
  };

  it('names a sheet up to the allowed distance (2, or a quarter of the name), the nearest first, and never one farther', () => {
    // "Attendance": 10 letters, so 2 edits at most. "Atendanse" is 2 away, "Attendence" 1; "Atendans" is 3.
    const v = sheetsWith({ Attendance: 'Atendanse' }, { Attendence: [['x']], Notes: [['x']] });
    expect(v.issues.map((i) => i.found)).toEqual(['"Attendence"']);
    expect(sheetsWith({ Attendance: 'Atendanse' }).issues.map((i) => i.found)).toEqual(['"Atendanse"']);
    expect(sheetsWith({ Attendance: 'Atendans' }).issues.map((i) => i.found)).toEqual(['"Meeting", "Sessions", "Delegations", "Participants", "Atendans", "Agenda", "Speakers", "Submissions"']);
    // "Participants": 12 letters, so 3 edits: "Prtcpants" is 3 away.
    expect(sheetsWith({ Participants: 'Prtcpants' }).issues.map((i) => i.found)).toEqual(['"Prtcpants"']);
  });
});

describe('the order of issues, again', () => {
  it('by column letter within a row, whatever order they were found in', () => {
    // Gender sits in column A and Given name in B: the schema reports Given name first.
    const header = ['Gender', 'Given name', 'Participant ID', 'Delegation ID', 'Family name', 'Role', 'Participation'];
    const good = (i: number) => ['Man', `G${i}`, `P${i}`, 'D-B', 'F', i === 1 ? 'Head of delegation' : 'Delegate', 'Online'];
    const v = validate({ Participants: [header, ...Array.from({ length: 10 }, (_, i) => good(i + 1)), ['Q', '', 'P99', 'D-A', 'F', 'Head of delegation', 'Online']], Attendance: [ATTENDANCE] });
    expect(brief(v.issues)).toEqual(['error not-allowed Participants!A12', 'error empty-required Participants!B12']);
  });

  it('by row within a sheet, whatever order they were found in', () => {
    // The category of row 3 is reported while reading; the country code of row 2 only by the rules, later.
    const v = validate({ Delegations: [DELEGATIONS, ['D-A', 'Alpha', 'Industry', 'CHE'], ['D-B', 'Beta', 'Planet', '']] });
    expect(brief(v.issues)).toEqual(['warning country-code-not-state Delegations!D2', 'error not-allowed Delegations!C3']);
  });

  it('issues of one sheet and row without a cell stay in the order found', () => {
    const v = validate({ Attendance: [['Mode'], ['In person']] });
    expect(v.issues.map((i) => i.expected)).toEqual(['a column headed "Participant ID"', 'a column headed "Session ID"']);
  });
});
